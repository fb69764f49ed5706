// expand is lazy element by element (elementAt(i) expands only what it passes),
// List.lastWhere searches from the end, and growing a list whose element type is not
// nullable fails the VM's null check.

void main() {
  var calls = 0;
  final doubled = [1, 2, 3, 4].expand((e) {
    calls++;
    return [e, e * 10];
  });
  print(calls);
  print(doubled.first);
  print(calls);
  print(doubled.elementAt(3));
  print(calls);
  print(doubled.toList());
  print(calls);
  print([[1, 2], <int>[], [3]].expand((l) => l).toList());
  print(<int>[].expand((e) => [e]).isEmpty);
  final nested = [1, 2].expand((e) => [e].expand((f) => [f, -f]));
  print(nested.toList());

  final visited = <int>[];
  print([1, 2, 3, 4, 5].lastWhere((e) {
    visited.add(e);
    return e.isOdd;
  }));
  print(visited);
  print([1, 2].lastWhere((e) => e > 5, orElse: () => -1));
  try {
    <int>[].lastWhere((e) => true);
  } on StateError catch (e) {
    print(e);
  }

  final ints = <int>[1, 2];
  try {
    ints.length = 4;
  } on TypeError catch (e) {
    print(e);
  }
  print(ints);
  final maybe = <int?>[1];
  maybe.length = 3;
  print(maybe);
  ints.length = 1;
  print(ints);
  fixedLengthFirst();
}

void fixedLengthFirst() {
  final fixed = List<int>.filled(2, 0);
  try {
    fixed.length = 5;
  } on UnsupportedError catch (e) {
    print(e);
  }
  final fixedNullable = List<int?>.filled(1, null);
  try {
    fixedNullable.length = 3;
  } on UnsupportedError catch (e) {
    print(e);
  }
  try {
    const <int>[1].length = 3;
  } on UnsupportedError catch (e) {
    print(e);
  }
}
