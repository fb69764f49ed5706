int _x = 1;
int get x => _x;
set x(int v) => _x = v * 2;

class Counter {
  static int total = 0;
  int n = 0;
  int? maybe;
  void Function(int)? onChange;
  List<int> history = [];
  void bump([int by = 1]) {
    n += by;
    total += by;
    onChange?.call(n);
    history.add(n);
  }

  int call(int k) => n * k;
}

abstract class Shape {
  factory Shape.square(double s) = Square;
  double get area;
}

class Square implements Shape {
  final double side;
  Square(this.side);
  @override
  double get area => side * side;
}

String order(List<String> log, String tag) {
  log.add(tag);
  return tag;
}

void named(String a, {String? b, String c = 'C'}) => print('$a $b $c');

class Chain {
  Chain? next;
  int v;
  Chain(this.v, [this.next]);
  Chain? find(int target) => v == target ? this : next?.find(target);
}

void main() {
  x = 5;
  print(x);
  x += 1;
  print(x);
  final c = Counter();
  final seen = <int>[];
  c.onChange = (v) => seen.add(v);
  c
    ..bump()
    ..bump(5)
    ..history[0] = 100;
  print('${c.n} ${Counter.total} $seen ${c.history}');
  print(c(3));
  c.maybe ??= 9;
  c.maybe ??= 10;
  print(c.maybe);
  final log = <String>[];
  named(order(log, 'a'), c: order(log, 'c'), b: order(log, 'b'));
  print(log);
  final chain = Chain(1, Chain(2, Chain(3)));
  print(chain.find(3)?.v);
  print(chain.find(4)?.next?.v);
  print(chain.next?.next?.next?.v ?? 'end');
  print(Shape.square(3).area);
  try {
    int.parse('x1');
  } on FormatException catch (e) {
    print(e.message);
  }
  try {
    throw 'a string';
  } catch (e, s) {
    print('caught $e ${s.runtimeType}');
  }
  try {
    try {
      throw StateError('first');
    } catch (e) {
      rethrow;
    }
  } catch (e) {
    print('rethrown: $e');
  }
  int f() {
    try {
      return 1;
    } finally {
      print('finally runs');
    }
  }
  print(f());
  print('tab\there "quotes" \$dollar \u{1F600}'.length);
  print(9223372036854775807 + 1);
  print(1 / 0);
  print(-1 / 0);
  print((0 / 0).isNaN);
  print(2.0 * 3);
  print(7.0 ~/ 2);
  print(1.5.round());
  print((-1.5).round());
  final map = {'z': 1, 'a': 2};
  map['m'] = 3;
  map.remove('z');
  map['z'] = 4;
  print(map.keys.toList());
}
