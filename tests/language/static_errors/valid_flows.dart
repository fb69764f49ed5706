// Assignments the static check must accept: promotion, int literals as doubles, numeric
// arithmetic, callable objects, FutureOr, generic inference, mixins, records, enums.
import 'dart:async';

class Animal {}

class Dog extends Animal {}

mixin Walker on Animal {}

class Puppy extends Dog with Walker {}

class Adder {
  int call(int x) => x + 1;
}

class Box<T> {
  T value;
  Box(this.value);
  T get() => value;
}

enum Color { red, green }

T identity<T>(T x) => x;

Future<int> later() async {
  return 1;
}

Iterable<int> naturals() sync* {
  yield 1;
  yield 2;
}

int? maybe(bool b) => b ? 7 : null;

class Holder {
  num value;
  Object? any;
  Holder(int this.value);
  Holder.from(double v) : value = v;
}

void main() async {
  Object o = 'text';
  if (o is String) {
    String s = o;
    print(s.length);
  }
  num n = 1;
  n = 2.5;
  double d = 1;
  double? dn = 2;
  int x = 1 + 2;
  x += 3;
  x++;
  int r = 7.remainder(2);
  int q = 7 ~/ 2;
  num half = 7 / 2;
  var list = [1, 2.0];
  list.add(3);
  Function f = Adder();
  int Function(int) g = Adder();
  FutureOr<int> fo = 1;
  int y = identity(1);
  String z = identity('z');
  var inc = (int v) => v + 1;
  int w = inc(1);
  num m = x > 3 ? 1 : 2.0;
  Object? none = null;
  dynamic dyn = 'dynamic';
  int fromDyn = dyn.length;
  Comparable<num> cmp = 1;
  Enum e = Color.red;
  (num, Object) rec = (1, 'a');
  Animal a = Puppy();
  Walker walker = Puppy();
  Iterable<int> it = [1, 2];
  Pattern p = 'abc';
  String str = 'a' * 3;
  late int lateX;
  lateX = 3;
  int? nullable;
  nullable = 3;
  int nonNull = nullable;
  int unboxed = Box(1).get();
  Box<int> box = Box(1);
  int fromBox = box.value;
  int awaited = await later();
  int fromMaybe = maybe(true) ?? 0;
  int clamped = 5.clamp(0, 3);
  for (final v in naturals()) {
    int copy = v;
    print(copy);
  }
  print([o, n, d, dn, x, r, q, half, list, fo, y, z, w, m, none]);
  print([fromDyn, cmp, e, rec, a is Walker, walker is Dog, it, p, str, lateX]);
  print([f != null, g != null]);
  var doubles = <double>[1, 2];
  var nums = <num>[1, 2.5];
  var objects = <Object>['a', 1];
  var maybeInts = <int?>[null, 1];
  var doubleSet = <double>{1};
  var table = <String, double>{'one': 1};
  var h = Holder(1);
  h.value = 2.5;
  h.any = null;
  var countdown = 3;
  while ((countdown = countdown - 1) > 0) {}
  print([doubles, nums, objects, maybeInts, doubleSet, table, h.value, countdown]);
  print(Holder.from(0.5).value);
  print([nonNull, unboxed, fromBox, awaited, fromMaybe, clamped]);
}
