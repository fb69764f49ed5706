// Members whose declared type is a record type after a modifier: `static (int, int) f()`
// declares a static method, not a method named `static`.

class Grid {
  static (int, int) origin() => (0, 0);
  static final (int, int) size = (3, 4);
  static late (String, {int count}) label = ("cells", count: 12);
  (int, int) get center => (size.$1 ~/ 2, size.$2 ~/ 2);
  (int, String) describe(int x) => (x, "cell $x");
  static (int, int)? nowhere() => null;
}

abstract class Shape {
  (double, double) get extent;
}

class Square extends Shape {
  final double side;
  Square(this.side);
  @override
  (double, double) get extent => (side, side);
}

void main() {
  print(Grid.origin());
  print(Grid.size);
  print(Grid.label);
  print(Grid().center);
  print(Grid().describe(7));
  print(Grid.nowhere());
  print(Square(2.5).extent);
}
