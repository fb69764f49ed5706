// Pattern forms the parser once misread: `final x as T` (a cast of a final variable,
// not a variable named `as`), `final x when ...` in a case, and pattern assignments that
// open a statement with `{` (a map pattern, not a block) or with type arguments.
class Circle {
  final double radius;
  Circle(this.radius);
  int get sizeAsInt => radius.round();
  Object? get areaOrNull => radius > 0 ? radius * radius * 3 : null;
}

String describe(Object? o) => switch (o) {
      Circle(sizeAsInt: 10, areaOrNull: final a as num) => 'big circle, area $a',
      (final n as int, final s as String) => 'pair $n/$s',
      final int i when i < 0 => 'negative $i',
      _ => 'other',
    };

int classify(int v) {
  switch (v) {
    case final a when a == -1:
      return 100;
    case final b when b > 10:
      return b * 2;
    default:
      return 0;
  }
}

void main() {
  print(describe(Circle(10)));
  print(describe((3, 'x')));
  print(describe(-4));
  print(describe(4));
  print([classify(-1), classify(11), classify(5)]);

  var a1 = 0;
  {'key1': a1, 'key2': _} = {'key1': 1, 'key2': 2};
  print(a1);
  int a2 = 0, b2 = 0;
  <String, int>{'x': a2, 'y': b2} = {'x': 3, 'y': 4, 'z': 5};
  print('$a2 $b2');
  int c = 0, d = 0;
  <int>[c, d] = [7, 8];
  print('$c $d');
  {
    // still a block
    print('block');
  }
}
