// A pattern assignment checks every value before it assigns any variable: when a later
// part fails, the earlier variables keep their values.

void main() {
  int a = 1, b = 2;
  (a, b) = (b, a);
  print('$a $b');

  int first = 10, second = 20;
  try {
    dynamic bad = 'text';
    [first, second] = [30, bad];
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
  print('$first $second');

  var x = 0, y = 0;
  void update(Object? value) {
    try {
      (x, y) = value as dynamic;
    } on TypeError catch (e) {
      print('TypeError: $e');
    }
  }

  update((5, 6));
  print('$x $y');
  update((7, 'eight'));
  print('$x $y');

  int m = 0;
  String n = '';
  try {
    {'m': m, 'n': n} = <String, dynamic>{'m': 1, 'n': 2};
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
  print('$m "$n"');
  {'m': m, 'n': n} = <String, dynamic>{'m': 3, 'n': 'three'};
  print('$m "$n"');
}
