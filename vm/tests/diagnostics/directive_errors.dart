import 'a.dart' as;
import foo;
export 'b${x}.dart';
void main() {}
import 'late.dart';
