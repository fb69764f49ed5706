// The iterable of a for-in loop or element must be an Iterable (a Stream for
// `await for`).

Future<void> main() async {
  for (var letter in 'abc') {
    print(letter);
  }
  var halves = [for (var h in 2.5) h];
  var total = 0;
  for (final n in total) {
    print(n);
  }
  var events = [await for (var e in 'not a stream') e];
  print([halves, events]);
}
