// Records: positional and named fields, toString, equality, records as
// return values, destructuring declarations and swapping with patterns.

(int, int) divMod(int a, int b) => (a ~/ b, a % b);

({int min, int max}) bounds(List<int> xs) {
  var lo = xs.first, hi = xs.first;
  for (var x in xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return (min: lo, max: hi);
}

(String, {int age, String city}) person() => ('Ann', age: 31, city: 'Oslo');

void main() {
  var pair = (1, 'one');
  print(pair);
  print(pair.$1);
  print(pair.$2);

  var point = (x: 3, y: 4);
  print(point);
  print(point.x * point.x + point.y * point.y);

  var p = person();
  print(p);
  print('${p.$1} is ${p.age} and lives in ${p.city}');

  print((1, 2) == (1, 2));
  print((1, 2) == (2, 1));
  print((a: 1, b: 2) == (a: 1, b: 2));
  print((1, 2).hashCode == (1, 2).hashCode);

  var (q, r) = divMod(17, 5);
  print('17 = 5 * $q + $r');
  var (:min, :max) = bounds([4, -2, 9, 0]);
  print('min $min max $max');
  final (name, age: years, city: _) = person();
  print('$name $years');

  var a = 1, b = 2;
  (a, b) = (b, a);
  print('a=$a b=$b');

  var nested = ((1, 2), [3, 4], (label: 'z'));
  print(nested);
  print(nested.$1.$2 + nested.$2.last);

  var scores = [('eve', 88), ('bob', 95), ('ann', 72)];
  scores.sort((x, y) => y.$2.compareTo(x.$2));
  print(scores);
  for (var (who, score) in scores) {
    print('$who: $score');
  }

  var m = {'k1': (1, true), 'k2': (2, false)};
  for (var MapEntry(key: k, value: (n, flag)) in m.entries) {
    print('$k -> $n $flag');
  }
}
