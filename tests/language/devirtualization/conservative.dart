// Call sites AOT must keep dynamic: a class implemented by another allocated class, a
// subclass override, a field overridden by a getter, a getter that returns a closure, a
// field holding a closure. Each must reach the member dispatch picks.
// (noSuchMethod overrides: no_such_method.dart.)

class Animal {
  String sound() => 'generic';
  String get name => 'animal';
  int legs = 4;
}

// Implements without extending: its members are its own.
class Robot implements Animal {
  String sound() => 'beep';
  String get name => 'robot';
  int get legs => 0;
  set legs(int v) => print('robot ignores legs = $v');
}

class Dog extends Animal {
  @override
  String sound() => 'woof';
}

class Cat extends Animal {}

class Holder {
  final int Function(int) op;
  Holder(this.op);
  int Function(int) get twice => (x) => op(op(x));
}

class Pair {
  int first = 1;
  int second() => 2;
}

class Swapped implements Pair {
  int get first => 10;
  set first(int v) {}
  int second() => 20;
}

String describe(Animal a) => '${a.name}: ${a.sound()} (${a.legs} legs)';

void main() {
  final animals = <Animal>[Animal(), Dog(), Cat(), Robot()];
  for (final a in animals) {
    print(describe(a));
  }
  for (final a in animals) {
    a.legs = 3;
  }
  print(animals.map((a) => a.legs).join(','));

  final h = Holder((x) => x + 1);
  print(h.op(1));
  print(h.twice(1));

  final pairs = [Pair(), Swapped()];
  for (final p in pairs) {
    print('${p.first} ${p.second()}');
  }
  final Pair only = Pair();
  print(only.first + only.second());
}
