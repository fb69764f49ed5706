// Tear-offs of extension methods bind their receiver (evaluated once) and keep the
// method's optional and named parameters; extension `call` methods make objects
// callable.

extension Arith on int {
  int plus(int a, [int b = 0]) => this + a + b;
  String pad({int width = 4, String fill = '0'}) => toString().padLeft(width, fill);
}

extension Join<T> on List<T> {
  String joinWith(String sep) => join(sep);
}

class Greeter {
  final String name;
  Greeter(this.name);
}

extension Callable on Greeter {
  String call(String other) => '$name greets $other';
}

int counter = 0;
int next() => ++counter;

void main() {
  final add5 = 5.plus;
  print(add5(1));
  print(add5(1, 2));
  print([1, 2, 3].map(10.plus).toList());

  final pad = 7.pad;
  print(pad());
  print(pad(width: 6));
  print(pad(fill: '*', width: 3));

  // The receiver is evaluated when the tear-off is made, once.
  final f = next().plus;
  print(counter);
  print(f(100));
  print(f(100));
  print(counter);

  final j = ['x', 'y', 'z'].joinWith;
  print(j('-'));
  print(j(', '));

  final g = Greeter('Ada');
  print(g('Bob'));
  print(Callable(g)('Eve'));
  final h = g.call;
  print(h('Max'));
}
