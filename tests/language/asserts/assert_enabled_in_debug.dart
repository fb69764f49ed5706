// dartrs's debug mode runs with assertions enabled, as Flutter's debug mode does (plain
// `dart run` would need --enable-asserts): a failing assert evaluates its condition,
// then its message, and throws AssertionError; a passing one evaluates only the
// condition.

var evaluated = <String>[];

bool sideEffect(String label, bool result) {
  evaluated.add(label);
  return result;
}

void main() {
  try {
    assert(false);
  } on AssertionError {
    print('assert(false) threw');
  }
  try {
    assert(sideEffect('condition', false), sideEffect('message', true).toString());
  } on AssertionError catch (e) {
    print('message: ${e.message}');
  }
  print('evaluated: $evaluated');

  var assertsEnabled = false;
  assert(assertsEnabled = true);
  print('asserts enabled: $assertsEnabled');

  assert(sideEffect('passing', true), sideEffect('unused', true).toString());
  print('evaluated: $evaluated');
}
