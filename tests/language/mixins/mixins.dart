// Mixins: plain mixins with state, mixins restricted with `on`, super calls
// through the mixin linearization order, mixin classes and type tests.

abstract class Animal {
  String get name;
}

mixin Swimmer on Animal {
  String swim() => '$name swims';
}

mixin Flyer {
  int altitude = 0;
  String fly(int up) {
    altitude += up;
    return 'flying at $altitude';
  }
}

class Duck extends Animal with Swimmer, Flyer {
  @override
  String get name => 'Duck';
}

class Fish extends Animal with Swimmer {
  @override
  String get name => 'Fish';
}

class Base {
  String describe() => 'base';
}

mixin Loud on Base {
  @override
  String describe() => '${super.describe()} loud';
}

mixin Fancy on Base {
  @override
  String describe() => '${super.describe()} fancy';
}

class LoudFancy extends Base with Loud, Fancy {}

class FancyLoud extends Base with Fancy, Loud {}

class LoudFancyCustom extends Base with Loud, Fancy {
  @override
  String describe() => '[${super.describe()}]';
}

mixin class Counter {
  int count = 0;
  void tick() => count++;
}

class Clock with Counter {}

mixin Comparing<T> {
  int compareKey(T other);
  bool isBefore(T other) => compareKey(other) < 0;
}

class Version with Comparing<Version> {
  final int major, minor;
  Version(this.major, this.minor);
  @override
  int compareKey(Version other) =>
      major != other.major ? major - other.major : minor - other.minor;
  @override
  String toString() => '$major.$minor';
}

void main() {
  var duck = Duck();
  print(duck.swim());
  print(duck.fly(10));
  print(duck.fly(5));
  print(Fish().swim());
  print(duck is Swimmer);
  print(duck is Flyer);
  print(Fish() is Flyer);

  print(LoudFancy().describe());
  print(FancyLoud().describe());
  print(LoudFancyCustom().describe());

  var counter = Counter();
  counter.tick();
  var clock = Clock();
  clock.tick();
  clock.tick();
  print('${counter.count} ${clock.count} ${clock is Counter}');

  var versions = [Version(1, 4), Version(2, 0), Version(1, 10)];
  print(versions[0].isBefore(versions[2]));
  print(versions[1].isBefore(versions[0]));
  versions.sort((a, b) => a.compareKey(b));
  print(versions);
}
