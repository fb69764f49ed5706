class Point {
  final int x, y;
  Point(this.x, this.y);
}

void main() {
  var [a, b, ...rest] = [1, 2, 3, 4];
  print('$a $b $rest');
  final Point(:x, :y) = Point(3, 4);
  print(x * y);
  final m = {'one': 1, 'two': 2};
  for (final MapEntry(:key, :value) in m.entries) {
    print('$key -> $value');
  }
  final items = [1, 'a', 2, 'b'];
  print([for (final i in items) if (i case int n when n > 1) n * 10]);
  try {
    var [p, q] = [1, 2, 3];
    print('$p $q');
  } on StateError catch (e) {
    print(e);
  }
}
