// Inheritance: extends, super constructor calls, super.method(), method
// overriding, polymorphic dispatch through a base-class list, and
// super parameters.

class Animal {
  final String name;
  int legs;

  Animal(this.name, {this.legs = 4});

  String sound() => '...';

  String describe() => '$name has $legs legs and says ${sound()}';

  @override
  String toString() => 'Animal($name)';
}

class Dog extends Animal {
  final String breed;

  Dog(String name, this.breed) : super(name);

  @override
  String sound() => 'Woof';

  @override
  String describe() => '${super.describe()} (a $breed)';
}

class Puppy extends Dog {
  Puppy(String name) : super(name, 'puppy');

  @override
  String sound() => '${super.sound()}!'.toLowerCase();
}

class Bird extends Animal {
  final bool canFly;
  Bird(super.name, {this.canFly = true}) : super(legs: 2);

  @override
  String sound() => canFly ? 'Tweet' : 'Squawk';

  @override
  String toString() => 'Bird($name, canFly: $canFly)';
}

class Base {
  Base() {
    print('Base constructor, hook says ${hook()}');
  }
  String hook() => 'base';
}

class Derived extends Base {
  final String tag = 'derived-field';
  Derived() : super() {
    print('Derived constructor');
  }
  @override
  String hook() => 'derived';
}

void main() {
  var animals = <Animal>[
    Animal('Generic', legs: 0),
    Dog('Rex', 'beagle'),
    Puppy('Bit'),
    Bird('Tweety'),
    Bird('Pingu', canFly: false),
  ];
  for (var a in animals) {
    print(a.describe());
  }
  print(animals);

  var p = animals[2];
  print(p is Puppy);
  print(p is Dog);
  print(p is Animal);
  print(p is Bird);
  if (p is Dog) {
    print('breed: ${p.breed}');
  }

  animals[0].legs = 6;
  print(animals[0].describe());

  Derived();
}
