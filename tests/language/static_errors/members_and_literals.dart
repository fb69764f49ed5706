// Static type errors in field initialisers, initialising formals, initialiser lists,
// property assignments, explicitly typed collection literals, type literals and
// function values.
class Point {
  int x;
  String label;
  int count = 'none';
  Point(double this.x) : label = 0;
  set name(String value) {}
}

void main() {
  var p = Point(1.0);
  p.x = 'one';
  p.name = 2;
  var xs = <int>['a', if (p.x > 0) 'b'];
  var m = <String, int>{'k': 'v'};
  var s = <String>{1};
  int t = Point;
  assert(() => true);
  bool flag = (int a, [double? b]) => a;
  print([xs, m, s, t, flag]);
}
