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
}

int bar<T>(T t) => 42;

void canonical() {
  const f = (bar<int>) as int Function(int);
  print('${identical(bar<int>, f)} ${identical(bar<int>, bar<int>)} ${bar<int> == bar<int>}');
  print(identical(bar<int>, bar<String>));
}
