// String operations that change nothing return the receiver itself, as in the Dart VM,
// and a mapped iterable runs its function only for the elements asked for.

void main() {
  const lower = 'all lower case';
  const upper = 'ALL UPPER CASE';
  const bare = 'no spaces';
  print(identical(lower.toLowerCase(), lower));
  print(identical(upper.toUpperCase(), upper));
  print(identical(bare.trim(), bare));
  print(identical(bare.trimLeft(), bare));
  print(identical(bare.trimRight(), bare));
  print(identical(' padded '.trim(), 'padded'));
  print('${lower.toUpperCase()} ${upper.toLowerCase()} [${'  x  '.trim()}]');

  var calls = 0;
  final squares = [1, 2, 3, 4, 5].map((n) {
    calls++;
    return n * n;
  });
  print('${squares.elementAt(3)} $calls');
  print('${squares.first} ${squares.last} $calls');
  print('${[7].map((n) => n + 1).single}');
  final evens = [1, 2, 3, 4, 5, 6].where((n) => n.isEven).map((n) {
    calls++;
    return -n;
  });
  print('${evens.elementAt(2)} $calls');
  try {
    squares.elementAt(9);
  } on RangeError catch (e) {
    print(e is RangeError);
  }
}
