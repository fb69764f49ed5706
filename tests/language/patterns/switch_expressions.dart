// Switch expressions and pattern matching: constant, relational, logical,
// type, list, map, record and object patterns, guards and if-case.

class Point {
  final int x, y;
  const Point(this.x, this.y);
}

String classify(int n) => switch (n) {
      0 => 'zero',
      < 0 => 'negative',
      > 0 && < 10 => 'small',
      10 || 100 || 1000 => 'round',
      _ => 'large',
    };

String describe(Object? o) => switch (o) {
      null => 'null',
      int i when i.isEven => 'even int $i',
      int i => 'odd int $i',
      double d => 'double ${d.toStringAsFixed(1)}',
      String(length: 0) => 'empty string',
      String(length: var len) => 'string of length $len',
      [] => 'empty list',
      [var only] => 'singleton list of $only',
      [var first, ..., var last] => 'list from $first to $last',
      (int a, int b) => 'int pair summing to ${a + b}',
      {'type': 'circle', 'r': num r} => 'circle with radius $r',
      Point(x: 0, y: 0) => 'origin',
      Point(:var x, :var y) when x == y => 'diagonal point $x',
      Point p => 'point ${p.x},${p.y}',
      _ => 'something else',
    };

String grade(int score) {
  switch (score) {
    case >= 90:
      return 'A';
    case >= 80 && < 90:
      return 'B';
    case >= 70:
      return 'C';
    default:
      return 'F';
  }
}

bool isVowel(String c) => switch (c.toLowerCase()) {
      'a' || 'e' || 'i' || 'o' || 'u' => true,
      _ => false,
    };

void main() {
  for (var n in [0, -5, 7, 10, 100, 55, 1000]) {
    print('$n: ${classify(n)}');
  }

  var things = <Object?>[
    null,
    4,
    7,
    2.4,
    '',
    'hello',
    <int>[],
    [9],
    [1, 2, 3, 4],
    (3, 4),
    {'type': 'circle', 'r': 2},
    {'type': 'square'},
    const Point(0, 0),
    const Point(5, 5),
    const Point(1, 2),
    true,
  ];
  for (var t in things) {
    print(describe(t));
  }

  print([95, 85, 72, 40].map(grade).join(' '));
  print('Education'.split('').where(isVowel).join());

  var json = <String, Object?>{
    'name': 'Ann',
    'age': 31,
    'tags': ['admin', 'dev'],
  };
  if (json case {'name': String name, 'age': int age}) {
    print('$name is $age');
  }
  if (json case {'tags': [String firstTag, ...]}) {
    print('first tag: $firstTag');
  }
  if (json case {'email': String email}) {
    print('email $email');
  } else {
    print('no email');
  }

  var list = [1, 2, 3, 4, 5];
  var [head, second, ...rest] = list;
  print('$head $second $rest');
  var [..., penultimate, _] = list;
  print(penultimate);
}
