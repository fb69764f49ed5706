// AssertionError objects thrown explicitly: the message field, toString,
// and catching them as Error.

void check(bool condition, String message) {
  if (!condition) throw AssertionError(message);
}

void main() {
  try {
    check(1 + 1 == 3, 'math is broken');
  } on AssertionError catch (e) {
    print(e is AssertionError);
    print(e is Error);
    print(e.message);
    print(e);
  }

  try {
    throw AssertionError();
  } catch (e) {
    print(e);
    print((e as AssertionError).message);
  }

  var failures = 0;
  for (var v in [4, -1, 9, -7]) {
    try {
      check(v >= 0, 'negative value $v');
      print('ok $v');
    } on AssertionError catch (e) {
      failures++;
      print('failed: ${e.message}');
    }
  }
  print('failures: $failures');
}
