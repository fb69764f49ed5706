// Class declarations the front end accepts: inherited parameter types, covariant
// parameters, optional parameters added in overrides, noSuchMethod, mixins and
// superclasses providing implementations, generic members.

abstract class Shape {
  double area();
  String get name;
  set label(String value);
  String describe([int precision = 2]) => '$name ${area().toStringAsFixed(precision)}';
}

class Circle extends Shape {
  final double radius;
  String _label = '';
  Circle(this.radius);
  double area() => 3.0 * radius * radius;
  String get name => 'circle';
  set label(value) => _label = value;
  String describe([precision = 1, String unit = 'cm']) => '${super.describe(precision)} $unit';
  String get label => _label;
}

class Animal {
  void chase(Animal other) {}
  num get speed => 1;
  Object? friend;
}

class Mouse extends Animal {}

class Cat extends Animal {
  void chase(covariant Mouse other) {}
  int get speed => 3;
  covariant String? friend;
}

class Lion extends Cat {
  void chase(Mouse other) {}
}

mixin Named {
  String get name => 'named';
}

abstract class HasName {
  String get name;
}

class Person with Named implements HasName {}

class Walker {
  String walk() => 'walking';
}

abstract class CanWalk {
  String walk();
}

class Robot extends Walker implements CanWalk {}

class Ghost implements HasName, CanWalk {
  @override
  dynamic noSuchMethod(Invocation invocation) => 'boo';
}

class Box<T> {
  T? value;
  T? get first => value;
  void put(T item) => value = item;
}

class IntBox extends Box<int> {
  void put(int item) => value = item + 1;
  int? get first => value;
}

class Point {
  final int x, y;
  const Point(this.x, this.y);
  @override
  bool operator ==(Object other) => other is Point && other.x == x && other.y == y;
  @override
  int get hashCode => x * 31 + y;
  Point operator -() => Point(-x, -y);
  Point operator -(Point other) => Point(x - other.x, y - other.y);
  int operator [](int i) => i == 0 ? x : y;
  void operator []=(int i, int v) {}
  @override
  String toString() => '($x, $y)';
}

enum Planet implements HasName {
  earth;

  String get name => 'Earth';
}

class Counter {
  static int created = 0;
  int count = 0;
  Counter() {
    created++;
  }
  static Counter make() => Counter();
}

class SubCounter extends Counter {
  static int created = 10;
  static Counter make() => SubCounter();
}

void main() {
  final c = Circle(1);
  c.label = 'unit';
  print(c.describe());
  print(c.label);
  Cat().chase(Mouse());
  Lion().chase(Mouse());
  print(Cat().speed);
  print(Person().name);
  print(Robot().walk());
  print((Ghost() as dynamic).walk());
  final b = IntBox();
  b.put(1);
  print(b.first);
  print(const Point(1, 2) - const Point(3, 5));
  print(-const Point(1, 2) == const Point(-1, -2));
  print(Planet.earth.name);
  SubCounter.make();
  print('${Counter.created} ${SubCounter.created}');
}
