// Constant expressions the Dart front end accepts, including ones dartrs evaluates at
// run time rather than folding: none of them may be reported as an error.

int twice(int x) => 2 * x;

class Box {
  final Object value;
  final int size;
  const Box(this.value, [this.size = limit]);
  static int make() => 1;
}

enum Color { red, green }

const limit = 3;
const bothTrue = true & false;
const either = false | true;
const flipped = true ^ true;
const truncated = 7.5 ~/ 2;
const wide = 1 << 64;
const same = identical(1, 1);
const function = twice;
const method = Box.make;
const fallback = null ?? 3;
const length = "abc".length;
const mixed = 1 + 2.5;
const box = Box(Color.green);
const record = (1, b: "two");
const defined = String.fromEnvironment("NOT_SET", defaultValue: "default");
const shortCircuit = false && true;
const nested = [limit, -limit, ~limit, !bothTrue];
const tests = [limit is int, limit is! String, box is Box, null is Object, limit as num];

void main() {
  const local = limit * 2;
  const list = [local, box];
  print(bothTrue);
  print(either);
  print(flipped);
  print(truncated);
  print(wide);
  print(same);
  print(function(4));
  print(method());
  print(fallback);
  print(length);
  print(mixed);
  print(box.value);
  print(box.size);
  print(record);
  print(defined);
  print(shortCircuit);
  print(nested);
  print(tests);
  print(list.length);
  print(identical(const Box(1), const Box(1)));
  shapes();
  untakenBranches();
}

class Shape {
  final String name;
  final int sides;
  const Shape(this.name, this.sides);
  const Shape.named(String n) : this(n, n.length);
}

class Square extends Shape {
  final bool big;
  static const defaultSides = 4;
  const Square(int size)
      : assert(size >= 0),
        big = size > 10 ? true : false,
        super("square${size}", defaultSides);
  const Square.empty() : big = identical(limit, 3), super.named("empty");
}

void shapes() {
  const s = Square(12);
  print("${s.name} ${s.sides} ${s.big}");
  const e = Square.empty();
  print("${e.name} ${e.sides} ${e.big}");
  print(identical(s, const Square(12)));
  // Not constant, but the constructors may run without `const`.
  var n = 3;
  print(Square(n).name);
}

// The branch of a constant collection `if` not taken is not evaluated.
void untakenBranches() {
  const t = true;
  try {
    const List<int> list = [if (t) 2 else (null as String).length];
    print(list);
  } catch (e) {
    print("no error expected");
  }
}
