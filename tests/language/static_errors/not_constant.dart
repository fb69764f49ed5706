// Expressions that are not constant where a constant is required.

int counter = 0;
final ready = true;
int get answer => 42;
int twice(int x) => 2 * x;

class Point {
  final int x;
  Point(this.x);
  static int origin() => 0;
}

class Plain {}

abstract class Shape {
  const Shape();
}

class Tagged {
  final Object tag;
  const Tagged(this.tag);
}

const a = counter;
const b = ready;
const c = answer;
const d = twice(2);
const e = Point.origin();
const f = Point(1);
const g = Plain();
const h = "text".toString();
const i = j;
const j = i;
const l = () => 1;
const m = "text"[0];
const n = limit!;
const int? limit = 1;

void main() {
  var local = 1;
  const k = Tagged(local);
  print(const Shape());
  print(const Tagged(Point(2)));
}
