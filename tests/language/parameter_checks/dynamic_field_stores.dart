// A store through `dynamic` into a typed field is checked like a setter's parameter.

class Point {
  double x = 0.0;
  int hits = 0;
  String? label;
  var anything;
}

class Slot<T> {
  T? item;
}

void attempt(String what, void Function() body) {
  try {
    body();
    print('$what: ok');
  } on TypeError catch (e) {
    print('$what: $e');
  }
}

void main() {
  dynamic p = Point();
  attempt('double field gets int', () => p.x = 1);
  attempt('double field gets double', () => p.x = 2.5);
  attempt('int field gets String', () => p.hits = '3');
  attempt('nullable field gets null', () => p.label = null);
  attempt('nullable field gets int', () => p.label = 4);
  attempt('untyped field', () => p.anything = #symbol);
  final Point typed = p;
  print('${typed.x} ${typed.hits} ${typed.label}');

  // The same site, many times: each store is checked.
  for (final v in <Object>[1, 'two', 3]) {
    attempt('loop $v', () => p.hits = v);
  }
  print(typed.hits);

  dynamic ints = Slot<int>();
  attempt('generic gets String', () => ints.item = 'five');
  attempt('generic gets int', () => ints.item = 5);
  dynamic raw = Slot();
  attempt('raw generic', () => raw.item = 'six');
  print('${ints.item} ${raw.item}');
}
