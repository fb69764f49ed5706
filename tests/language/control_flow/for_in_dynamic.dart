// A `for`-`in` over a `dynamic` value casts it to `Iterable<dynamic>`: a value that is
// not iterable is a TypeError before the loop starts.

void loop(dynamic values) {
  try {
    for (final v in values) {
      print('  $v');
    }
    print('done ${values.runtimeType}');
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
}

void main() {
  loop([1, 2]);
  loop({'a', 'b'});
  loop('text');
  loop(42);
  loop(null);
  loop({'k': 'v'});
}
