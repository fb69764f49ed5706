// Factory and constructor bodies the Dart front end rejects.

class Shape {
  Shape() async {}
  factory Shape.circle() async => Circle();
  factory Shape.square([int side = 1]) = Square;
  factory Shape.loop() = Shape.again;
  factory Shape.again() = ShapeAlias.loop;
}

typedef ShapeAlias = Shape;

class Circle implements Shape {}

class Square implements Shape {
  Square([int side = 2]);
}

void main() {
  print('unreachable');
}
