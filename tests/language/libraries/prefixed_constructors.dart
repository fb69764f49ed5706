// Constructor calls through an import prefix: `new p.C()`, `const p.C()`, `p.C.named()`,
// and a factory in the imported library that builds a class of this library through a
// prefix of its own (the two libraries import each other).
import 'shapes_lib.dart' as shapes;

class Square implements shapes.Shape {
  final int side;
  Square(this.side);
  int get area => side * side;
  String toString() => 'Square($side)';
}

void main() {
  shapes.Shape a = new shapes.Shape();
  print('$a ${a.area}');
  final b = shapes.Shape.unit();
  print('$b ${b.area}');
  const origin = const shapes.Point(0, 0);
  print(identical(origin, const shapes.Point(0, 0)));
  print(new shapes.Point(1, 2));
  print(shapes.Point.diagonal(3));
}
