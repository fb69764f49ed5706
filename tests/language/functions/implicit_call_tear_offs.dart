// A callable object (a class with a `call` method) flowing into `Function` or a
// function type is its `call` tear-off, and calling a field or getter that holds a
// non-function object calls its `call` method or, failing that, its `noSuchMethod`.

class Adder {
  final int base;
  Adder(this.base);
  int call(int x) => base + x;
}

class Joiner {
  String call(Object a, Object b) => "$a$b";
}

class Catcher {
  dynamic noSuchMethod(Invocation i) {
    print("noSuchMethod ${i.memberName} method=${i.isMethod} ${i.positionalArguments}");
    return 42;
  }
}

class Holder {
  var adder = Adder(10);
  var catcher = Catcher();
  Object get joiner => Joiner();
}

void takeFunction(Function f) => print("${f is Adder} ${f is Function} ${f(1)}");
int applyTwice(int Function(int) f, int x) => f(f(x));

void main() {
  final adder = Adder(5);
  Function f = adder;
  print(f is Adder);
  print(f(1));
  int Function(int) g = adder;
  print(g(2));
  print(identical(f, adder));
  print(f == g);
  takeFunction(Adder(100));
  print(applyTwice(Adder(3), 0));
  print([1, 2, 3].map(Adder(10)).toList());
  print(Function.apply(Joiner(), ["a", "b"]));
  print(Function.apply(Adder(7), [1]));

  dynamic h = Holder();
  print(h.adder(1));
  print(h.joiner(3, 4));
  print(h.catcher(5, 6));
  dynamic c = Catcher();
  print(c(7));
  dynamic notCallable = Object();
  try {
    notCallable(1);
  } on NoSuchMethodError catch (e) {
    print(e.toString().split("\n").first);
  }
}
