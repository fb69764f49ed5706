// RuneIterator.at, reset, the rawIndex setter and movePrevious, including positions
// inside a surrogate pair.

void show(RuneIterator it) =>
    print("rawIndex=${it.rawIndex} current=${it.current.toRadixString(16)} "
        "size=${it.currentSize} '${it.currentAsString}'");

void main() {
  const s = "a\u{1F600}bc";
  final it = RuneIterator.at(s, 3);
  print(it.rawIndex);
  print(it.moveNext());
  show(it);
  print(it.movePrevious());
  show(it);
  print(it.movePrevious());
  show(it);
  print(it.movePrevious());
  show(it);

  it.reset(5);
  print(it.moveNext());
  it.reset();
  print(it.moveNext());
  show(it);

  it.rawIndex = 1;
  show(it);
  it.rawIndex = 4;
  show(it);

  final backwards = RuneIterator.at(s, s.length);
  final seen = <String>[];
  while (backwards.movePrevious()) {
    seen.add(backwards.currentAsString);
  }
  print(seen.reversed.join("|") == s.runes.map(String.fromCharCode).join("|"));

  for (final action in <void Function()>[
    () => RuneIterator.at(s, 2),
    () => RuneIterator.at(s, 6),
    () => it.reset(-1),
    () => it.reset(2),
    () => it.rawIndex = 5,
    () => it.rawIndex = 2,
  ]) {
    try {
      action();
      print("no error");
    } catch (e) {
      print(e);
    }
  }
}
