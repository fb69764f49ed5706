// Function.apply: positional and named arguments, tear-offs, closures, wrong shapes.

int add(int a, int b, {int c = 0}) => a + b + c;
String greet(String name, [String greeting = 'Hello']) => '$greeting, $name!';

class Counter {
  int count = 0;
  int increment([int by = 1]) => count += by;
  static String describe({required String what, int times = 1}) => '$what x$times';
}

void main() {
  print(Function.apply(add, [1, 2]));
  print(Function.apply(add, [1, 2], {#c: 3}));
  print(Function.apply(greet, ['Ada']));
  print(Function.apply(greet, ['Ada', 'Hi']));
  final counter = Counter();
  Function.apply(counter.increment, []);
  Function.apply(counter.increment, [10]);
  print(counter.count);
  print(Function.apply(Counter.describe, [], {#what: 'jump', #times: 3}));
  print(Function.apply((String s, {bool loud = false}) => loud ? s.toUpperCase() : s,
      ['hey'], {#loud: true}));
  print(Function.apply(() => 'no arguments', null));
  print(Function.apply(<T>(T x) => [x, x], [7]));
  for (final call in <void Function()>[
    () => Function.apply(add, [1]),
    () => Function.apply(add, [1, 2, 3]),
    () => Function.apply(add, [1, 2], {#d: 4}),
    () => Function.apply(Counter.describe, []),
  ]) {
    try {
      call();
      print('no error');
    } on NoSuchMethodError {
      print('NoSuchMethodError');
    }
  }
  try {
    Function.apply((int x) => throw StateError('inside $x'), [1]);
  } on StateError catch (e) {
    print(e);
  }
}
