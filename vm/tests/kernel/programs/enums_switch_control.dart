enum Suit { clubs, diamonds, hearts, spades }

enum Op {
  add('+'),
  mul('*');

  final String symbol;
  const Op(this.symbol);
  int apply(int a, int b) => this == Op.add ? a + b : a * b;
}

String describe(Object? o) {
  switch (o) {
    case 1:
      return 'one';
    case 'x':
    case 'y':
      return 'letter';
    case Suit.hearts:
      return 'hearts!';
    case null:
      return 'nothing';
    default:
      return 'other $o';
  }
}

int fact(int n) => n <= 1 ? 1 : n * fact(n - 1);

void main() {
  print(Suit.values);
  print(Suit.hearts.index);
  print(Suit.spades.name);
  print(Op.mul.apply(6, 7));
  print('${Op.add.symbol} ${Op.values.length}');
  for (final o in [1, 'x', 'y', Suit.hearts, null, 2.5]) {
    print(describe(o));
  }
  final grade = switch (85) { 100 => 'perfect', 85 => 'good', _ => 'meh' };
  print(grade);
  var result = <String>[];
  outer:
  for (var i = 0; i < 4; i++) {
    for (var j = 0; j < 4; j++) {
      if (j > i) continue outer;
      if (i == 3) break outer;
      result.add('$i$j');
    }
  }
  print(result.join(','));
  var k = 0;
  while (true) {
    k++;
    if (k >= 5) break;
  }
  do {
    k += 10;
  } while (k < 30);
  print(k);
  try {
    try {
      throw FormatException('bad input', 'abc', 1);
    } finally {
      print('inner finally');
    }
  } on FormatException catch (e) {
    print(e);
  }
  try {
    [1, 2, 3][5];
  } on RangeError catch (e) {
    print(e);
  }
  try {
    null as int;
  } catch (e) {
    print(e.runtimeType);
  }
  print(fact(20));
  final counters = List.generate(3, (i) => () => i * 10);
  print(counters.map((f) => f()).toList());
  var fns = <Function>[];
  for (var i = 0; i < 3; i++) {
    fns.add(() => i);
  }
  print(fns.map((f) => f()).toList());
  var shared = 0;
  final inc = () => shared++;
  inc();
  inc();
  print(shared);
  print('abc'.toUpperCase() + 'X' * 3 + ' ${1 + 2} ${'nested ${"deep"}'}');
  print([3, 1, 2]..sort());
  print({'b': 2, 'a': 1}.entries.map((e) => '${e.key}=${e.value}').join('&'));
  print(int.parse('42') + double.parse('0.5'));
  print(7 ~/ 2);
  print(7 / 2);
  print(-7 % 3);
  print(1 << 10);
  print(0x7fffffffffffffff + 1);
  print([1, 2, 3].fold<int>(0, (a, b) => a + b));
  print([1, 2, 3, 4].where((x) => x.isEven).map((x) => x * x).toList());
  print(['a', 'b'].asMap());
  print(List.filled(2, 'z'));
  String? s;
  print(s?.length);
  print(s ?? 'default');
  s = 'hello';
  print(s.length);
}
