// Records: structural equality and hashCode, identity of constants, toString and
// runtimeType as the Dart VM prints them, type tests and casts, dynamic field access.

(int, String) pair(int n) => (n, 'n$n');

String trace(List<String> log, String s) {
  log.add(s);
  return s.toUpperCase();
}

void main() {
  // toString: positional, named (sorted by name), mixed, nested, empty, one field.
  print((1, 2));
  print((b: 1, a: 2));
  print((1, 'x', z: true, y: null));
  print(((1, 2), (a: (3,)), [4]));
  print(());
  print((1,));
  print((a: 'text', b: 2.5, c: -0.0));

  // Equality: same shape and equal fields; order of named fields does not matter.
  print((1, 2) == (1, 2));
  print((1, 2) == (1, 2.0));
  print((1, 2) == (1, 2, 3));
  print((a: 1, b: 2) == (b: 2, a: 1));
  print((a: 1) == (b: 1));
  print((1, (2, 3)) == (1, (2, 3)));
  print((1, [2]) == (1, [2]));
  var nan = (double.nan,);
  print(nan == nan);
  print((double.nan,) == (double.nan,));
  print((1, 2) == pair(1));
  print(pair(3) == (3, 'n3'));

  // hashCode agrees with ==, so records work as map keys and set elements.
  print((1, 'a').hashCode == (1, 'a').hashCode);
  print((x: 1, y: 2).hashCode == (y: 2, x: 1).hashCode);
  var grid = <(int, int), String>{};
  for (var i = 0; i < 3; i++) {
    for (var j = 0; j < 3; j++) {
      grid[(i, j)] = '$i$j';
    }
  }
  print(grid[(2, 1)]);
  print(grid.containsKey((3, 0)));
  print(grid.length);
  var seen = {(1, 2), (2, 1), (1, 2), (a: 1), (a: 1)};
  print(seen.length);
  print(seen);

  // identical: constants are canonical, `()` is one value.
  print(identical(const (1, 2), const (1, 2)));
  print(identical(const (a: 1, b: 'x'), const (b: 'x', a: 1)));
  var r = (1, 2);
  print(identical(r, r));
  const c = (1, [2, 3], k: 'v');
  print(c);
  print(identical(c, const (1, [2, 3], k: 'v')));

  // Fields are evaluated in source order even though named fields are sorted.
  var log = <String>[];
  var ordered = (b: trace(log, 'b'), trace(log, 'p'), a: trace(log, 'a'));
  print(log);
  print(ordered);

  // runtimeType prints like the Dart VM and compares by type.
  print((1, 'a').runtimeType);
  print((a: 1, b: 2.5).runtimeType);
  print((1, b: true).runtimeType);
  print(().runtimeType);
  print(((1, 2), null).runtimeType);
  print((1, 'a').runtimeType == (2, 'b').runtimeType);
  print((1, 'a').runtimeType == ('a', 1).runtimeType);

  // is / as against record types check the shape and every field.
  Object o = (1, 'a');
  print(o is (int, String));
  print(o is (String, int));
  print(o is (int, String, int));
  print(o is (num, Object));
  print(o is Record);
  print(o is ({int a}));
  (int, int)? none;
  print(none is (int, int)?);
  print(none is (int, int));
  var typed = o as (int, String);
  print(typed.$2);
  try {
    print(o as (int, int));
  } on TypeError catch (e) {
    print(e);
  }

  // Dynamic access reads fields by name; a missing one is a NoSuchMethodError.
  dynamic d = (1, name: 'dyn', f: (int x) => x * 2);
  print(d.$1);
  print(d.name);
  print(d.f(21));
  try {
    print(d.$2);
  } on NoSuchMethodError {
    print('no field \$2');
  }

  // Function-valued fields are called like methods.
  var ops = (add: (int a, int b) => a + b, neg: (int a) => -a);
  print(ops.add(2, 3));
  print(ops.neg(4));

  // Records flow through generics and collections.
  var people = <(String, int)>[('ann', 31), ('bob', 25)];
  people.sort((x, y) => x.$2.compareTo(y.$2));
  print(people.map((p) => p.$1).join(','));
  (double, int) contextual = (1, 2);
  print(contextual);
}
