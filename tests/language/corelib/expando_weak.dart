// gc-stress
// Expando attaches values to objects by identity; WeakReference gives back its target.

class Point {
  final int x, y;
  Point(this.x, this.y);
  bool operator ==(Object other) => other is Point && other.x == x && other.y == y;
  int get hashCode => x * 31 + y;
  String toString() => 'Point($x, $y)';
}

void main() {
  final labels = Expando<String>('labels');
  final a = Point(1, 2), b = Point(1, 2);
  print(a == b);
  print(labels[a]);
  labels[a] = 'first';
  print('${labels[a]} ${labels[b]}');
  labels[b] = 'second';
  print('${labels[a]} ${labels[b]}');
  labels[a] = null;
  print('${labels[a]} ${labels[b]}');
  print(labels);
  print(Expando<int>());

  final many = Expando<int>();
  final points = [for (var i = 0; i < 500; i++) Point(i, i)];
  for (final p in points) {
    many[p] = p.x * 2;
  }
  print(points.every((p) => many[p] == p.x * 2));
  print(many[Point(3, 3)]);

  for (final Object bad in [1, 'text', true, 2.5]) {
    try {
      labels[bad] = 'x';
    } on ArgumentError catch (e) {
      print(e);
    }
  }

  final ref = WeakReference(a);
  print(identical(ref.target, a));
  print(ref.target);
  try {
    WeakReference<Object>(42);
  } on ArgumentError catch (e) {
    print(e);
  }
}
