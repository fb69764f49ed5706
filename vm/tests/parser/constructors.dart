class Point {
  final int x;
  final int y;
  static final Point origin = Point(0, 0);

  Point(this.x, this.y);
  const Point.constant(this.x, this.y);
  Point.named({required this.x, this.y = 0}) : assert(x >= 0, 'x must be non-negative');
  Point.fromList(List<int> list)
      : x = list[0],
        this.y = list[1] {
    print('created');
  }
  Point.origin() : this(0, 0);
  Point.alsoOrigin() : this.named(x: 0);
  factory Point.parse(String s) {
    return Point(int.parse(s), 0);
  }
  factory Point.redirect(int x, int y) = Point;
  factory Point.redirectNamed(int x) = Point.constant;
  const factory Point.constRedirect(int x, int y) = Point<int>.constant;
  Point.new2() : x = 1, y = 2;
  external Point.external();
  factory Point.arrow() => Point(1, 2);
}

class Point3 extends Point {
  final int z;
  Point3(super.x, super.y, this.z);
  Point3.named({required super.x, super.y, int z = 0}) : z = z, super.named();
  Point3.other(int a) : z = a, super(a, a);
  Point3.typed(int super.x, final int super.y, [this.z = 0]);
}

class UsesNew {
  UsesNew.new();
  final void Function(int)? callback;
  UsesNew.withCallback(void this.callback(int x)) ;
}
