// An object whose class has a `call` method can be called like a function through
// `Function`, `dynamic` and its own type (it once failed with "no instance method
// 'call'" and lost its arguments); calling a value that cannot be called is a
// NoSuchMethodError that shows the arguments.
class Adder {
  final int n;
  Adder(this.n);
  int call(int x, {int times = 1}) => (x + n) * times;
}

class Anything {
  @override
  dynamic noSuchMethod(Invocation i) => '${i.memberName} ${i.positionalArguments}';
}

void main() {
  Function f = Adder(2);
  print(f(1));
  dynamic d = Adder(3);
  print(d(1, times: 2));
  print(d.call(4));
  print(Adder(5)(1));
  print([1, 2, 3].map(Adder(10)).toList());
  dynamic any = Anything();
  print(any(7, 8));
  for (final dynamic value in [3, null]) {
    try {
      value(1);
    } on NoSuchMethodError catch (e) {
      print(e);
    }
  }
}
