// Explicit instantiation of a generic function tear-off: `f<int>` is a non-generic
// closure that calls `f` with those type arguments, which may name the enclosing
// function's type parameters.
T first<T>(List<T> xs) => xs.first;

bool isA<T>(Object? o) => o is T;

String show<A, B>(A a, {required B b}) => '$A $B $a $b';

class Checks {
  static bool _is<T>(Object? o) => o is T;

  static bool test<T>(Object? o) {
    final check = _is<T>;
    return check(o);
  }
}

void main() {
  int Function(List<int>) f = first<int>;
  print(f([7, 8]));
  final isInt = isA<int>;
  print('${isInt(null)} ${isInt(3)} ${isInt('3')}');
  final isNullableInt = isA<int?>;
  print(isNullableInt(null));
  final g = show<int, String>;
  print(g(1, b: 'x'));
  print(g.runtimeType);
  print('${Checks.test<String>('s')} ${Checks.test<String>(null)} ${Checks.test<Null>(null)}');
  canonical();
  methods();
}

int bar<T>(T t) => 42;

void canonical() {
  const f = (bar<int>) as int Function(int);
  print('${identical(bar<int>, f)} ${identical(bar<int>, bar<int>)} ${bar<int> == bar<int>}');
  print(identical(bar<int>, bar<String>));
}

class Box {
  final String label;
  Box(this.label);
  String describe<T>(T value) => '$label: $value is ${value is T} for $T';
  List<T> pair<T>(T a, T b) => [a, b];
}

class Holder<E> {
  bool test<T>(Object? o) => o is T && o is E;
}

Box make(List<String> log) {
  log.add('made');
  return Box('b');
}

/// `o.m<T>`: the receiver is evaluated once, where the instantiation is.
void methods() {
  final log = <String>[];
  final d = make(log).describe<int>;
  print(d(3));
  print(d(4));
  print(log);
  final p = Box('x').pair<num>;
  final l = p(1, 2.5);
  print('$l ${l.runtimeType}');
  print(p.runtimeType);
  final t = Holder<num>().test<int>;
  print('${t(1)} ${t(1.5)} ${t(null)}');
}
