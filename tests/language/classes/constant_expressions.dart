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
  print(list.length);
  print(identical(const Box(1), const Box(1)));
}
