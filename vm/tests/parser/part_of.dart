part of 'library.dart';

class InPart {}
