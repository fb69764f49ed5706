// Built-in identifiers cannot name type parameters or import prefixes, and `await`
// and `yield` cannot be declared as names inside async, async* and sync* bodies.

import 'dart:math' as deferred;

class Box<abstract> {}

void pick<typedef>() {}

typedef Maker<extension> = int Function();

const void Function<mixin>()? none = null;

Future<int> slow() async {
  int await = 2;
  return 0;
}

Stream<int> numbers() async* {
  var yield = 1;
}

Iterable<int> counts() sync* {
  int await() => 1;
}

Future<void> later() async {
  final yield = 3;
}

void main() {
  print(Box);
  print(pick);
  print(Maker);
  print(none);
}
