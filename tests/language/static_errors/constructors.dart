// Constructor declarations the Dart front end rejects.

class Point {
  final int x;
  final int y;
  final int z = 0;
  int w = 0;

  Point(this.x, this.y) : x = 1;
  Point.origin() : x = 0;
  Point.fixed(this.x, this.y, this.z);
  Point.copy(Point p) : this(p.x, p.y) {}
  Point.shifted(int d) : this(d, d), w = d;
  Point.loopA() : this.loopB();
  Point.loopB() : this.loopA();
  const Point.constant(this.x, this.y);

  void move(this.w) {}
  factory Point.make(this.w) => Point(0, 0);
}

class Base {
  Base();
  Base.named();
}

class Derived extends Base {
  Derived() : super(), super.named();
}

class Config {
  final String path;
}

void main() {
  print('unreachable');
}
