// Exceptions propagating through several frames, rethrow, nested try
// blocks, exceptions thrown from catch and finally blocks, and cleanup
// order while unwinding.

var log = <String>[];

int level3(int x) {
  log.add('enter level3($x)');
  if (x > 2) throw StateError('x too big: $x');
  return x * 10;
}

int level2(int x) {
  log.add('enter level2($x)');
  try {
    return level3(x) + 1;
  } finally {
    log.add('leave level2($x)');
  }
}

int level1(int x) {
  try {
    return level2(x);
  } on StateError catch (e) {
    log.add('level1 saw "${e.message}", rethrowing');
    rethrow;
  }
}

String wrap(void Function() action) {
  try {
    action();
    return 'completed';
  } on FormatException catch (e) {
    throw Exception('wrapped(${e.message})');
  }
}

void main() {
  print(level1(2));
  print(log);
  log.clear();

  try {
    level1(5);
  } catch (e) {
    print('main caught: $e');
  }
  print(log.join(' | '));

  try {
    try {
      throw FormatException('inner');
    } on FormatException catch (e) {
      print('inner handler: ${e.message}');
      throw ArgumentError('from catch block');
    } finally {
      print('inner finally');
    }
  } on ArgumentError catch (e) {
    print('outer handler: $e');
  }

  try {
    try {
      throw Exception('original');
    } finally {
      print('finally that throws');
      throw StateError('replacement');
    }
  } catch (e) {
    print('surviving exception: $e');
  }

  print(wrap(() {}));
  try {
    wrap(() => throw FormatException('bad input'));
  } catch (e) {
    print(e);
  }

  var attempts = 0;
  int flaky() {
    attempts++;
    if (attempts < 3) throw Exception('attempt $attempts failed');
    return attempts;
  }

  int? result;
  while (result == null) {
    try {
      result = flaky();
    } on Exception catch (e) {
      print('retrying after: $e');
    }
  }
  print('succeeded on attempt $result');

  int depth(int n) {
    if (n == 0) throw 'bottom reached';
    try {
      return depth(n - 1);
    } finally {
      log.add('unwind $n');
    }
  }

  log.clear();
  try {
    depth(4);
  } catch (e) {
    print('$e after ${log.length} unwinds: $log');
  }
}
