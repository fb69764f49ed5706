// A generic method's type parameter shadows its class's parameter of the same name:
// calls, checks and type literals use the method's.

class Holder<T> {
  T keep(T value) => value;
  T pick<T>(T value) => value;
  Type methodType<T>() => T;
  Type classType() => T;
  bool check<T>(Object? value) => value is T;
}

void main() {
  final h = Holder<int>();
  print(h.keep(1));
  print(h.pick<bool>(true));
  dynamic flag = false;
  print(h.pick<bool>(flag));
  print(h.pick('inferred'));
  print(h.methodType<String>());
  print(h.classType());
  print(h.check<String>('s'));
  print(h.check<String>(1));
  try {
    (h as dynamic).keep('not an int');
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
}
