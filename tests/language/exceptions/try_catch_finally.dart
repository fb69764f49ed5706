// throw/catch/on/finally: matching by type, catch-all, stack trace
// parameter, finally ordering and the value of try/finally with return.

var events = <String>[];

int parsePositive(String s) {
  var v = int.tryParse(s);
  if (v == null) throw FormatException('not a number: $s');
  if (v <= 0) throw ArgumentError.value(v, 's', 'must be positive');
  return v;
}

String attempt(String input) {
  try {
    return 'ok ${parsePositive(input)}';
  } on FormatException catch (e) {
    return 'format: ${e.message}';
  } on ArgumentError catch (e) {
    return 'argument: $e';
  } finally {
    events.add('finally for "$input"');
  }
}

int withFinally() {
  var x = 1;
  try {
    x = 2;
    return x;
  } finally {
    x = 3;
    events.add('x set to $x in finally');
  }
}

void main() {
  print(attempt('12'));
  print(attempt('abc'));
  print(attempt('-4'));
  print(events);
  events.clear();

  print(withFinally());
  print(events);

  try {
    throw 'a plain string';
  } catch (e) {
    print('caught string: $e');
  }

  try {
    throw 42;
  } on String {
    print('not a string');
  } on int catch (n) {
    print('caught int ${n + 1}');
  }

  try {
    throw StateError('bad state here');
  } on Exception {
    print('StateError is not an Exception');
  } on Error catch (e) {
    print('caught Error: $e');
  }

  try {
    throw Exception('generic');
  } catch (e, s) {
    print('$e / stack trace is a StackTrace: ${s is StackTrace}');
  }

  try {
    print('before');
    throw UnsupportedError('nope');
  } catch (e) {
    print('caught: $e');
  } finally {
    print('finally runs after catch');
  }

  try {
    print('no exception');
  } finally {
    print('finally runs anyway');
  }

  for (var i = 0; i < 3; i++) {
    try {
      if (i == 1) continue;
      print('body $i');
    } finally {
      print('finally $i');
    }
  }

  var errors = [
    () => throw RangeError('custom range message'),
    () => throw UnimplementedError('todo'),
    () => throw UnimplementedError(),
    () => throw Exception(),
    () => throw ArgumentError('bad arg'),
    () => throw ArgumentError.value(3, 'count'),
    () => throw RangeError.range(10, 0, 5, 'index'),
    () => throw RangeError.value(-1, 'n'),
    () => throw StateError('locked'),
    () => throw const FormatException('unexpected token'),
  ];
  for (var f in errors) {
    try {
      f();
    } catch (e) {
      print(e);
    }
  }
}
