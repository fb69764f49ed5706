// gc-stress
// Isolate.run with closures capturing data: the result (or the error) comes back.
import 'dart:isolate';

class Point {
  final int x, y;
  Point(this.x, this.y);
  Point operator +(Point o) => Point(x + o.x, y + o.y);
  String toString() => 'Point($x, $y)';
}

Future<void> main() async {
  final data = [for (var i = 1; i <= 10; i++) Point(i, i * i)];
  final offset = Point(100, 1000);
  final sum = await Isolate.run(() {
    var s = offset;
    for (final p in data) {
      s = s + p;
    }
    return s;
  });
  print(sum);
  final words = {'a': 1, 'bb': 2, 'ccc': 3};
  final lengths = await Isolate.run(() async {
    await Future.delayed(const Duration(milliseconds: 1));
    return words.map((k, v) => MapEntry(k.toUpperCase(), v * k.length));
  });
  print(lengths);
  try {
    await Isolate.run(() => throw FormatException('bad input', 'xyz', 1));
  } on FormatException catch (e) {
    print('caught: $e');
  }
  try {
    await Isolate.run<int>(() => throw StateError('no value'));
  } on StateError catch (e) {
    print('caught StateError: ${e.message}');
  }
  final named = await Isolate.run(() => Isolate.current.debugName, debugName: 'worker');
  print('ran in $named');
  print('main is ${Isolate.current.debugName}');
}
