// A class with its own noSuchMethod gets forwarders for the members of its interface
// that it does not implement: the Invocation holds every parameter (defaults included),
// getters, setters and fields of interfaces are forwarded, an inherited concrete member
// is not, and a result that is not of the member's return type is a TypeError.

abstract class Shape {
  int area([int scale = 2]);
  String describe(String prefix, {String suffix = '!', int? count});
  int get sides;
  set colour(String c);
  String name = 'x';
}

// Named arguments sorted by name (the order of an Invocation's map is not what this
// test is about).
List<String> named(Invocation i) =>
    [for (var e in i.namedArguments.entries) '${e.key}: ${e.value}']..sort();

class Ghost implements Shape {
  @override
  dynamic noSuchMethod(Invocation i) {
    print('${i.memberName} method=${i.isMethod} getter=${i.isGetter} setter=${i.isSetter} '
        '${i.positionalArguments} ${named(i)}');
    if (i.memberName == #area) return 'not an int';
    if (i.memberName == #sides) return 3;
    if (i.memberName == #name || i.memberName == #describe) return 'n';
    return null;
  }
}

class Base {
  int area([int scale = 1]) => 10 * scale;
}

class Half extends Base implements Shape {
  @override
  dynamic noSuchMethod(Invocation i) => 'nsm ${i.memberName}';
}

void main() {
  Shape g = Ghost();
  print(g.sides);
  g.colour = 'red';
  g.name = 'y';
  print(g.name);
  print(g.describe('a'));
  print(g.describe('a', count: 3));
  try {
    g.area();
  } on TypeError {
    print('TypeError from area()');
  }
  dynamic d = g;
  try {
    d.area(5);
  } on TypeError {
    print('TypeError from dynamic area(5)');
  }
  Shape h = Half();
  print(h.area());
  print((h as dynamic).describe('b'));
}
