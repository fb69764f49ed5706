// Record types: typedefs, record-typed fields and parameters, extensions on record
// types (with implicit `this` field access), and records inside generic collections.

typedef Pair = (int, String);
typedef Point = ({double x, double y});

extension PairOps on (int, int) {
  int get sum => $1 + $2;
  (int, int) swap() => ($2, $1);
}

extension PointOps on Point {
  double get manhattan => x.abs() + y.abs();
  Point translate(double dx, double dy) => (x: x + dx, y: y + dy);
}

Pair make(int i) => (i, '#$i');

class Box {
  final (int, int) size;
  Box(this.size);
  int get area => size.$1 * size.$2;
  String toString() => 'Box$size';
}

T firstOf<T>((T, T) pair) => pair.$1;

void main() {
  Pair p = make(3);
  print(p);
  print(Pair);
  print(Point);
  print(p.runtimeType == Pair);

  Point origin = (x: 0, y: 0);
  print(origin);
  var moved = origin.translate(1.5, -2);
  print(moved);
  print(moved.manhattan);

  var q = (3, 4);
  print(q.sum);
  print(q.swap());
  print(q.swap().sum);

  var box = Box((3, 4));
  print(box);
  print(box.area);
  print(firstOf(('left', 'right')));

  var byLength = <int, List<Pair>>{};
  for (final word in ['a', 'bb', 'cc', 'ddd']) {
    byLength.putIfAbsent(word.length, () => []).add((word.length, word));
  }
  print(byLength);
  print([(1, 2), (3, 4)].contains((3, 4)));
  print([(1, 2), (3, 4)].indexOf((3, 4)));
  print({(a: 1): 'x'}[(a: 1)]);

  // Closures capture destructured loop variables per iteration.
  var fns = <int Function()>[];
  for (final (i, s) in [(1, 'a'), (2, 'bb')]) {
    fns.add(() => i * 10 + s.length);
  }
  print(fns.map((f) => f()).toList());

  var t = (1, 2);
  t = (t.$2, t.$1);
  print(t);
  print(((1, 2), (3, 4)).$2.$1);
}
