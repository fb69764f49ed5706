// Type promotion of local variables: each line below calls an extension member,
// which exists only on the promoted type, so it runs only if the local was promoted.

extension on int {
  int get twice => this * 2;
}

extension on String {
  String get shout => '${toUpperCase()}!';
}

extension on List<int> {
  int get total => fold(0, (a, b) => a + b);
}

int? maybe(int x) => x > 0 ? x : null;
Object box(Object o) => o;

String describe(Object o) {
  if (o is int) return 'int ${o.twice}';
  if (o is! String) return 'other';
  return 'string ${o.shout}';
}

String nullChecks(int? x) {
  if (x == null) return 'none';
  return 'some ${x.twice}';
}

String conditions(Object a, Object b) {
  if (a is int && b is int) return 'ints ${a.twice + b.twice}';
  if (a is! String || b is! String) return 'mixed';
  return 'strings ${a.shout}${b.shout}';
}

String conditional(Object o) => o is String ? o.shout : 'not a string';

String negation(Object o) {
  if (!(o is int)) return 'not an int';
  return 'int ${o.twice}';
}

int loops(List<Object> items) {
  var sum = 0;
  for (final item in items) {
    if (item is! int) continue;
    sum += item.twice;
  }
  Object cursor = 3;
  while (cursor is int) {
    sum += cursor.twice;
    cursor = 'done';
  }
  return sum;
}

String assignment() {
  int? a;
  a = 21;
  num n = 1;
  if (n is int) {
    n = 4;
    return '${a.twice} ${n.twice}';
  }
  return 'unreachable';
}

String ifNullAssign(int? v) {
  v ??= 5;
  return '${v.twice}';
}

String tryCatch(Object o) {
  if (o is! String) return 'no';
  try {
    return o.shout;
  } catch (e) {
    return 'failed';
  }
}

String switches(Object o) {
  switch (o) {
    case int():
      return 'int';
    default:
      if (o is String) return o.shout;
      return 'default';
  }
}

String labels(Object o) {
  outer:
  {
    if (o is! int) break outer;
    return 'int ${o.twice}';
  }
  return 'left the block';
}

String closures(Object o) {
  if (o is String) {
    String f() => o.shout;
    return f();
  }
  return 'no';
}

String collections(Object o) {
  final list = [if (o is int) o.twice, for (final x in [1, 2]) if (o is int) x + o];
  return '$list';
}

String generics(Object o) {
  if (o is List<int>) return 'total ${o.total}';
  return 'not a List<int>';
}

String asCast(Object o) {
  o as String;
  return o.shout;
}

String bang(int? v) {
  v!;
  return '${v.twice}';
}

class Holder {
  final int? _value;
  Holder(this._value);
  String show() {
    // Private final fields promote too (Dart 3.2).
    if (_value != null) return '${_value + 1}';
    return 'empty';
  }
}

void main() {
  print(describe(4));
  print(describe('hi'));
  print(describe(2.5));
  print(nullChecks(null));
  print(nullChecks(3));
  print(conditions(1, 2));
  print(conditions('a', 'b'));
  print(conditions('a', 1));
  print(conditional(box('x')));
  print(conditional(box(1)));
  print(negation(5));
  print(negation('5'));
  print(loops([1, 'a', 2]));
  print(assignment());
  print(ifNullAssign(null));
  print(ifNullAssign(1));
  print(tryCatch('t'));
  print(switches(1));
  print(switches('s'));
  print(switches(1.5));
  print(labels(3));
  print(labels('3'));
  print(closures('c'));
  print(collections(10));
  print(collections('10'));
  print(generics(<int>[1, 2, 3]));
  print(generics(<num>[1, 2, 3]));
  print(asCast('cast'));
  print(bang(4));
  print(Holder(8).show());
  print(Holder(null).show());
  int? local = maybe(2);
  if (local != null) print(local.twice);
}
