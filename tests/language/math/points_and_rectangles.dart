// dart:math's Point, Rectangle and MutableRectangle: arithmetic, clamping, geometry,
// equality and hash codes.
import 'dart:math';

void main() {
  const p = Point(3, 4);
  print(p);
  print(p.magnitude);
  print(p + const Point(1, -1));
  print(p - const Point(5, 5));
  print(p * 2);
  print(Point<num>(3, 4) * 0.5);
  try {
    print(Point(3, 4) * 0.5);
  } on TypeError catch (e) {
    print(e);
  }
  print(p.distanceTo(const Point(0, 0)));
  print(p.squaredDistanceTo(const Point(1, 1)));
  print(p == Point(3, 4));
  print(p == Point(3.0, 4.0));
  print(Point(1, 2).hashCode == Point(1.0, 2.0).hashCode);
  print(Point(1, 2).hashCode == Point(2, 1).hashCode);
  Point<double> pd = Point(1.5, 2.5);
  print(pd + Point(0.5, 0.5));

  var r = Rectangle(10, 20, 30, 40);
  print(r);
  print([r.left, r.top, r.width, r.height, r.right, r.bottom]);
  print([r.topLeft, r.topRight, r.bottomRight, r.bottomLeft]);
  print(r.containsPoint(Point(10, 60)));
  print(r.containsPoint(Point(9, 60)));
  print(r.containsRectangle(Rectangle(15, 25, 5, 5)));
  print(r.intersects(Rectangle(40, 60, 1, 1)));
  print(r.intersects(Rectangle(41, 60, 1, 1)));
  print(r.intersection(Rectangle(30, 50, 100, 100)));
  print(r.intersection(Rectangle(100, 100, 1, 1)));
  print(r.boundingBox(Rectangle(0, 0, 5, 5)));
  print(Rectangle.fromPoints(Point(5, 9), Point(1, 2)));
  print([Rectangle(0, 0, -5, 3), Rectangle(0, 0, -2.5, 3), Rectangle(0, 0, double.negativeInfinity, 1)]);
  print(Rectangle(1, 2, 3, 4).hashCode == MutableRectangle(1, 2, 3, 4).hashCode);
  print(Rectangle(0, 0, 2, 2) == Rectangle(0, 0, 2.0, 2.0));

  var m = MutableRectangle(0, 0, 10, 10);
  print(m is Rectangle<num>);
  m.left = 5;
  m.width = -4;
  m.height = 7;
  print(m);
  print(m.right);
  print(m == Rectangle(5, 0, 0, 7));
  print(MutableRectangle.fromPoints(Point(2.0, 1.0), Point(0.5, 3.0)));

  print([e, pi, sqrt2, ln2, log10e]);
  print([min(1, 2.5), max(-0.0, 0.0), min(double.nan, 1)]);
}
