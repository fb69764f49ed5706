// Iterable.generate, take/skip/takeWhile/skipWhile, expand, followedBy,
// whereType, manual iterators, lazy pipelines, and the abbreviated
// toString of long iterables.

class Countdown extends Iterable<int> {
  final int from;
  Countdown(this.from);

  @override
  Iterator<int> get iterator => _CountdownIterator(from);
}

class _CountdownIterator implements Iterator<int> {
  int _next;
  int? _current;
  _CountdownIterator(this._next);

  @override
  int get current => _current!;

  @override
  bool moveNext() {
    if (_next < 0) return false;
    _current = _next--;
    return true;
  }
}

void main() {
  var squares = Iterable.generate(8, (i) => i * i);
  print(squares);
  print(squares.toList());
  print(Iterable.generate(4).toList());
  print(squares.take(3));
  print(squares.skip(5));
  print(squares.takeWhile((x) => x < 10));
  print(squares.skipWhile((x) => x < 10));
  print(squares.elementAt(6));
  print(squares.length);
  print(squares.contains(49));
  print([1, 2].followedBy([3, 4]));
  print([1, 2, 3].expand((x) => List.filled(x, x)));
  print(<Object>[1, 'a', 2.5, 'b', 3].whereType<String>());
  print(Iterable<int>.empty().isEmpty);

  var it = [10, 20, 30].iterator;
  while (it.moveNext()) {
    print('current ${it.current}');
  }

  var countdown = Countdown(5);
  print(countdown);
  print(countdown.map((x) => x * 10).toList());
  print(countdown.where((x) => x.isEven).length);
  print(countdown.first);
  print(countdown.last);
  for (var n in Countdown(2)) {
    print('tick $n');
  }

  var calls = 0;
  var pipeline = Iterable.generate(1000000, (i) {
    calls++;
    return i;
  }).where((i) => i % 7 == 0).map((i) => i * 2).take(4);
  print(pipeline.toList());
  print('generator calls: $calls');

  print(Iterable.generate(100, (i) => i));
  print(Iterable.generate(30, (i) => i * 1000));
  print(Iterable.generate(250, (i) => i).map((i) => 'x$i'));
  print(List.generate(25, (i) => i).where((i) => i > 0));
  print({'a': 1, 'b': 2}.keys.followedBy(['c']));
}
