// The library imported by prefixed_constructors.dart (not run on its own).
import 'prefixed_constructors.dart' as app;

abstract class Shape {
  factory Shape() => new app.Square(3);
  factory Shape.unit() => app.Square(1);
  int get area;
}

class Point {
  final int x, y;
  const Point(this.x, this.y);
  const Point.diagonal(int v) : this(v, v);
  String toString() => 'Point($x, $y)';
}
