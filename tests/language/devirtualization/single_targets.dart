// Instance calls whose receiver's static type has one implementation among the
// classes the program allocates: AOT compiles them without dispatch (direct calls,
// inlined field accessors and trivial getters). Every result must be what dispatch
// gives, so this runs identically in debug (JIT, inline caches) and release.

class Counter {
  int count = 0;
  final String label;
  static const int limit = 3;
  Counter(this.label);

  void bump() {
    count = count + 1;
  }

  int get doubled => count * 2;
  String get name => label; // a trivial wrapper: inlined as a field load
  int get max => limit; // returns a constant
  int current() => count; // a zero-argument method returning a field
  int add(int a, [int b = 10, int c = 100]) => count + a + b + c;
  String describe({String prefix = '<', required String suffix}) =>
      '$prefix$label:$count$suffix';
  T pick<T>(T a, T b) => count.isEven ? a : b;
}

abstract class Shape {
  double area();
  String get kind;
}

// The only allocated implementation of an abstract class.
class Square extends Shape {
  final double side;
  Square(this.side);
  double area() => side * side;
  String get kind => 'square';
}

class Base {
  int value = 1;
  int get viaGetter => value;
  String greet() => 'base';
}

// Inherits everything: calls on Base receivers have one target for both classes.
class Derived extends Base {
  int extra = 7;
}

mixin Tagged {
  String tag = 'tag';
  String get tagged => tag;
  String shout() => tag.toUpperCase();
}

class Plain with Tagged {}

class Padded {
  int pad = 0;
}

class PaddedTagged extends Padded with Tagged {}

class Node {
  Node? next;
  int payload;
  Node(this.payload);
}

void main() {
  final c = Counter('c');
  c.bump();
  c.bump();
  print(c.count);
  print(c.doubled);
  print(c.name);
  print(c.max);
  print(c.current());
  print(c.add(1));
  print(c.add(1, 2));
  print(c.add(1, 2, 3));
  print(c.describe(suffix: '>'));
  print(c.describe(prefix: '[', suffix: ']'));
  print(c.pick<String>('even', 'odd'));
  print(c.pick(1, 2));
  c.count = 41;
  c.count += 1;
  print(c.count);
  print((c.count = 5) + 1);
  print(c.count);

  Shape s = Square(3);
  print(s.area());
  print(s.kind);

  final Base b = Base();
  final Base d = Derived();
  print(b.greet() + d.greet());
  d.value = 5;
  print(b.viaGetter + d.viaGetter);
  print((d as Derived).extra);

  final Tagged p = Plain();
  final Tagged q = PaddedTagged();
  q.tag = 'other';
  print(p.tagged + ' ' + q.tagged);
  print(p.shout() + ' ' + q.shout());

  // A linked list walked through field accessors.
  Node head = Node(0);
  for (var i = 1; i <= 5; i++) {
    final n = Node(i);
    n.next = head;
    head = n;
  }
  var sum = 0;
  Node? cur = head;
  while (cur != null) {
    sum += cur.payload;
    cur = cur.next;
  }
  print(sum);

  // Built-in receivers: Smis, boxed ints, strings, doubles.
  int small = 7;
  int big = 1 << 62;
  print(small.isOdd);
  print(big.isEven);
  print(small.abs());
  print((-big).abs() == big);
  String str = 'hello';
  print(str.codeUnitAt(1));
  print(str.substring(1, 3));
  double dd = 2.5;
  print(dd.floor());

  // Tear-offs of a single-target method still make closures.
  final f = c.add;
  print(f(0));
  final g = s.area;
  print(g());

  // A nullable receiver: null takes the dynamic path (Object members work on null).
  Counter? maybe;
  print(maybe.toString());
  print(maybe.hashCode == null.hashCode);
  maybe = Counter('m');
  print(maybe.label);
  print(maybe?.current());
}
