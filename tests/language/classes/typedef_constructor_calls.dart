// Calling a type alias constructs the aliased class (or extension type): `Alias(x)`
// used to call the `Type` object instead.

class Point {
  final int x, y;
  Point(this.x, this.y);
  @override
  String toString() => 'Point($x, $y)';
}

class Cell<T> {
  final T value;
  Cell(this.value);
}

extension type Meters(double value) {
  String get text => '${value}m';
}

typedef P = Point;
typedef IntCell = Cell<int>;
typedef AnyCell<T> = Cell<T>;
typedef Distance = Meters;

void main() {
  print(P(1, 2));
  final c = IntCell(4);
  print(c.value + 1);
  print(c is Cell<int>);
  final s = AnyCell<String>('s');
  print(s.value.length);
  print(s is Cell<String>);
  print(Distance(2.5).text);
}
