// gc-stress
// Record patterns: switch statements and expressions, if-case, guards, nested and typed
// subpatterns, destructuring declarations, pattern assignment and for-in destructuring.

String fizz(int i) => switch ((i % 3, i % 5)) {
      (0, 0) => 'FizzBuzz',
      (0, _) => 'Fizz',
      (_, 0) => 'Buzz',
      _ => '$i',
    };

String shape(Object? value) {
  switch (value) {
    case (int a, int b) when a == b:
      return 'square $a';
    case (int w, int h):
      return 'rect ${w}x$h';
    case (x: num x, y: num y):
      return 'point $x,$y';
    case (String name, :int age):
      return '$name aged $age';
    case ((var a, var b), (var c, var d)):
      return 'segment $a,$b-$c,$d';
    case (final only,):
      return 'one field: $only';
    case ():
      return 'empty';
    case Record r:
      return 'other record $r';
    default:
      return 'not a record';
  }
}

(int, int) minMax(List<int> xs) {
  var lo = xs[0], hi = xs[0];
  for (final x in xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return (lo, hi);
}

({String first, String last}) splitName(String full) {
  final i = full.indexOf(' ');
  return (first: full.substring(0, i), last: full.substring(i + 1));
}

void main() {
  print([for (var i = 1; i <= 15; i++) fizz(i)].join(' '));

  for (final v in <Object?>[
    (3, 3),
    (4, 2),
    (x: 1.5, y: -2),
    ('Ann', age: 31),
    ((0, 0), (3, 4)),
    (7,),
    (),
    (1, 2, 3),
    ('a', 'b'),
    [1, 2],
    null,
  ]) {
    print(shape(v));
  }

  // Destructuring declarations, nested and with named fields.
  var (lo, hi) = minMax([5, -3, 12, 7]);
  print('$lo..$hi');
  final (:first, :last) = splitName('Ada Lovelace');
  print('$last, $first');
  var (a, (b, c), d: dd) = (1, (2, 3), d: 4);
  print(a + b + c + dd);
  final (int n, String s) = (42, 'x');
  print('$s$n');

  // Pattern assignment: fibonacci by swapping, and assigning into existing variables.
  var x = 0, y = 1;
  for (var i = 0; i < 10; i++) {
    (x, y) = (y, x + y);
  }
  print('fib $x $y');
  int p, q;
  (p, q) = minMax([9, 4, 6]);
  print('$p $q');

  // if-case with records, including a failing match.
  Object? pair = ('k', 10);
  if (pair case (String key, int value) when value > 5) {
    print('$key => $value');
  }
  if (pair case (int _, int _)) {
    print('ints');
  } else {
    print('not ints');
  }

  // for-in destructuring and records as map values.
  var totals = <String, (int, double)>{};
  var sales = [('tea', 2, 1.5), ('coffee', 1, 3.0), ('tea', 3, 1.5)];
  for (final (item, count, price) in sales) {
    var (n, sum) = totals[item] ?? (0, 0.0);
    totals[item] = (n + count, sum + count * price);
  }
  for (final MapEntry(key: item, value: (count, sum)) in totals.entries) {
    print('$item: $count for ${sum.toStringAsFixed(2)}');
  }

  // Many short-lived records (allocation under --gc-stress).
  var acc = (sum: 0, count: 0);
  for (var i = 0; i < 200; i++) {
    final (:sum, :count) = acc;
    acc = (sum: sum + i, count: count + 1);
  }
  print(acc);

  // A switch expression producing records, matched again.
  var parsed = ['1', 'x', '22'].map((t) => switch (int.tryParse(t)) {
        int v => (ok: true, value: v),
        null => (ok: false, value: 0),
      });
  for (final r in parsed) {
    switch (r) {
      case (ok: true, :var value):
        print('ok $value');
      case (ok: false, value: _):
        print('bad');
    }
  }
}
