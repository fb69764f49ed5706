// gc-stress
// sync* generators, part 2: restarting re-binds parameters and captured variables,
// exceptions travel between generators, `yield*` operands and consumers, abandoned
// generators do not run their `finally`, and generators as getters, methods, local
// functions and generic functions.
//
// Semantics relied on (Dart VM, sdk/lib/_internal/vm/lib/async_patch.dart):
// `_SyncStarIterable.iterator` clones the frame saved at the start of the call, so each
// iteration starts afresh; `_SyncStarIterator.moveNext` resumes the body only while
// iterating, runs a nested sync* `yield*` on its own stack of frames, and rethrows an
// exception of a `yield*` operand (or a nested generator) at the `yield*`.

Iterable<int> range(int from, int to) sync* {
  for (var i = from; i < to; i++) yield i;
}

Iterable<int> countdown(int n) sync* {
  var step = () => n--;
  while (n > 0) {
    yield step();
  }
}

Iterable<int> failing() sync* {
  yield 1;
  throw StateError('generator failed');
}

Iterable<int> guarded() sync* {
  try {
    yield* failing();
  } on StateError catch (e) {
    print('guarded caught: ${e.message}');
    yield -1;
  } finally {
    print('guarded finally');
  }
  yield 99;
}

Iterable<Object> mapped() sync* {
  try {
    yield* [1, 2, 3].map((x) => x == 2 ? throw FormatException('bad $x') : x);
  } on FormatException catch (e) {
    yield 'recovered from ${e.message}';
  }
}

Iterable<int> withFinally() sync* {
  try {
    yield 1;
    yield 2;
  } finally {
    print('withFinally cleanup');
  }
}

class Countdown {
  final String label;
  final int from;
  Countdown(this.label, this.from);

  Iterable<String> get ticks sync* {
    for (var i = from; i > 0; i--) {
      yield '$label$i';
    }
  }
}

Iterable<int> squares(Iterable<int> xs) {
  Iterable<int> gen() sync* {
    for (var x in xs) {
      yield x * x;
    }
  }

  return gen();
}

Iterable<T> repeat<T>(T value, int times) sync* {
  for (var i = 0; i < times; i++) yield value;
}

Iterable<String> permutations(String s) sync* {
  if (s.length <= 1) {
    yield s;
    return;
  }
  for (var i = 0; i < s.length; i++) {
    for (var rest in permutations(s.substring(0, i) + s.substring(i + 1))) {
      yield s[i] + rest;
    }
  }
}

void main() {
  var down = countdown(3);
  print(down.toList());
  print(down.toList());

  print(guarded().toList());
  print(mapped().toList());

  try {
    for (var x in failing()) {
      print('got $x');
    }
  } catch (e) {
    print('consumer caught $e');
  }

  for (var x in withFinally()) {
    print('withFinally $x');
    break;
  }
  print(withFinally().toList());

  var evens = range(0, 10).where((x) {
    print('test $x');
    return x.isEven;
  }).take(2);
  print(evens.toList());

  print(Countdown('T-', 3).ticks.join(' '));
  print(squares(range(1, 5)).toList());
  print(repeat('ab', 3).join('-'));
  print(range(0, 5).length);
  print(range(3, 3).isEmpty);
  print(permutations('abc').toList());
}
