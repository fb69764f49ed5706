import 'src/impl.dart';

String greet(String who) => salute(who);
