// `dart run` does not enable assertions unless --enable-asserts is passed:
// a failing assert is ignored and its condition and message expressions are
// not evaluated at all.

var evaluated = <String>[];

bool sideEffect(String label, bool result) {
  evaluated.add(label);
  return result;
}

void main() {
  assert(false);
  print('after assert(false)');
  assert(sideEffect('condition', false), sideEffect('message', true).toString());
  print('evaluated: $evaluated');

  var assertsEnabled = false;
  assert(assertsEnabled = true);
  print('asserts enabled: $assertsEnabled');

  var items = <int>[];
  assert(items.isNotEmpty, 'items must not be empty');
  print('still running with ${items.length} items');
}
