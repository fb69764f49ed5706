class Vec {
  final num x, y;
  const Vec(this.x, this.y);
  Vec operator +(Vec o) => Vec(x + o.x, y + o.y);
  Vec operator -() => Vec(-x, -y);
  Vec operator *(num k) => Vec(x * k, y * k);
  num operator [](int i) => i == 0 ? x : y;
  @override
  bool operator ==(Object other) => other is Vec && other.x == x && other.y == y;
  @override
  int get hashCode => Object.hash(x, y);
  @override
  String toString() => 'Vec($x, $y)';
}

class Base {
  String log = '';
  Base() {
    log += 'Base;';
    init();
  }
  void init() {
    log += 'Base.init;';
  }
}

class Derived extends Base {
  int value = 7;
  Derived() : super() {
    log += 'Derived;';
  }
  @override
  void init() {
    log += 'Derived.init($value);';
    super.init();
  }
}

mixin Greets {
  String get name;
  String greet() => 'Hello from $name';
}

mixin Loud on Greets {
  @override
  String greet() => '${super.greet().toUpperCase()}!';
}

class Person with Greets, Loud {
  @override
  final String name;
  Person(this.name);
}

int counter = 0;
int next() => ++counter;
final lazy = next() * 100;

class Temperature {
  double _celsius = 0;
  double get fahrenheit => _celsius * 9 / 5 + 32;
  set fahrenheit(double f) => _celsius = (f - 32) * 5 / 9;
  static int instances = 0;
  Temperature() {
    instances++;
  }
}

void main() {
  const a = Vec(1, 2);
  final b = Vec(3, 4);
  print(a + b);
  print(-a);
  print(b * 2);
  print(b[1]);
  print(a == const Vec(1, 2));
  print(identical(a, const Vec(1, 2)));
  print({a, const Vec(1, 2), b}.length);
  print(Derived().log);
  print(Person('ann').greet());
  print(counter);
  print(lazy);
  print(lazy);
  print(counter);
  final t = Temperature()..fahrenheit = 212;
  print(t.fahrenheit);
  Temperature();
  print(Temperature.instances);
}
