String describe(Object o) => switch (o) {
      0 => 'zero',
      int n when n < 0 => 'negative',
      int() => 'positive',
      String s => 'string $s',
      [] => 'empty list',
      [var x, ...] => 'list starting with $x',
      (var a, var b) => 'pair',
      _ => 'other',
    };

int nested(Object o) {
  final value = switch (o) {
    int x => switch (x) { 1 => 10, _ => 0 },
    _ => -1
  };
  return switch (value) { > 0 => 1, < 0 => -1, _ => 0 } + 1;
}

void statementLevel(Object o) {
  var f = switch (o) { _ => () => 1 };
  print(switch (o) { Color.red || Color.green => 'warm', _ => 'cold' });
}
