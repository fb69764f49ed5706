// `await for` elements in list, set and map literals (with if/for nested inside),
// the literal's element type, and an error from the stream thrown at the literal.
Stream<int> count(int n) async* {
  for (var i = 1; i <= n; i++) {
    yield i;
  }
}

Future<void> main() async {
  final list = [0, await for (final x in count(3)) x * 10, 99];
  print(list);
  final set = {await for (final x in count(4)) if (x.isEven) x};
  print(set);
  final map = {await for (final x in count(2)) 'k$x': x};
  print(map);
  final nested = [
    await for (final x in count(2))
      for (var j = 0; j < x; j++) '$x.$j'
  ];
  print(nested);
  print(<String>[await for (final s in Stream.fromIterable(['a', 'b'])) s.toUpperCase()].runtimeType);
  try {
    print([await for (final x in Stream<int>.error(StateError('bad'))) x]);
  } on StateError catch (e) {
    print('caught $e');
  }
}
