import 'lib/shapes.dart' show Square, area;
import 'lib/util.dart' hide secret;
import 'lib/util.dart' as util;
import 'package:greet/greet.dart';
import 'lib/cycle_a.dart';
import 'dart:math' deferred as math;

part 'parts/extra.dart';

void main() {
  final s = Square(3);
  print(area(s));
  print(twice(2));
  print(util.twice(5));
  print(greet('kernel'));
  print(ping(3));
  print(extra());
  print(math.max(1, 2));
}
