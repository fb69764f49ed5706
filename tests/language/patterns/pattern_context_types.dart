// A pattern gives the value it destructures a context type (its "context type schema"):
// typed variables, list/map type arguments, records of them, `&&` (the narrower side),
// and for-in loops over patterns or typed variables (`Iterable<T>`). Integer literals in
// a `double` context become doubles; a cascade's target takes the context too.

class A {}

class B extends A {}

T typed<T>(Object? o) {
  print('T is $T');
  return o as T;
}

void main() {
  double v1 = 0;
  [v1] = [42];
  print(v1);

  var (x1, double y1) = (1, 3);
  print('$x1 $y1');
  (x1, y1) = (3, 4);
  print('$x1 $y1');

  var [double a] = [5];
  print(a);
  var <String, double>{'k': m} = {'k': 7};
  print(m);
  var (double p && num q) = 9;
  print('$p $q');
  final (int i, (double, String) pair) = (1, (2, 'two'));
  print('$i $pair');

  var <num>[s] = [1];
  s = 1.5;
  print(s);

  for (var (num n) in [1, 2]..add(3.5)) {
    print(n);
  }
  for (double d in [1, 2]) {
    print(d);
  }
  final doubles = [for (var (int k, double d) in [(1, 2), (3, 4)]) k + d];
  print(doubles);

  // `&&` takes the narrower schema (`List<B>`); `p!` makes the schema nullable.
  var ([A a1, _] && [_, B b1]) = typed([B(), B()]);
  print('${a1 is B} ${b1 is B}');
  var (num v!) = typed(3);
  print(v);
}
