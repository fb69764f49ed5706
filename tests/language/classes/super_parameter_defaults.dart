// An optional `super.x` parameter without a default of its own takes the default of the
// super constructor's parameter (positional ones in order, named ones by name); dartrs
// passed null.

class Shape {
  final String name;
  final num scale;
  final int sides;
  Shape(this.name, [this.scale = 1.5, this.sides = 4]);
  Shape.named({this.name = 'shape', this.scale = 2, this.sides = 3});
  String toString() => '$name x$scale ($sides sides)';
}

class Square extends Shape {
  final String colour;
  Square(super.name, [super.scale, super.sides, this.colour = 'red']);
  Square.named({super.name, super.sides = 8, this.colour = 'blue'}) : super.named();
  String toString() => '${super.toString()} $colour';
}

void main() {
  print(Square('a'));
  print(Square('b', 3));
  print(Square('c', 3, 5, 'green'));
  print(Square.named());
  print(Square.named(name: 'n', sides: 6));
}
