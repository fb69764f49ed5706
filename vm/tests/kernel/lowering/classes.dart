abstract class Shape {
  final String name;
  Shape(this.name);
  double get area;
  String toString() => '$name with area $area';
}

mixin Tagged {
  String tag = 'none';
  String describeTag() => 'tag: $tag';
}

class Rect extends Shape with Tagged {
  final double w, h;
  static int created = 0;
  Rect(this.w, this.h) : super('rect') {
    created++;
  }
  Rect.square(double side) : this(side, side);
  factory Rect.unit(double side) = Rect.square;
  double get area => w * h;
}

class Point {
  final int x;
  final int y;
  const Point(this.x, this.y);
  const Point.origin() : this(0, 0);
}

enum Color { red, green, blue }

enum Planet {
  mercury(3.7),
  earth(9.8);

  final double gravity;
  const Planet(this.gravity);
}

const origin = Point.origin();

void main() {
  final r = Rect(2, 3);
  print(r.area);
  print(Rect.unit(1).describeTag());
  print(identical(origin, const Point(0, 0)));
  print(Color.green.index);
  print(Planet.earth.gravity);
  print(Color.values);
}
