// List.unmodifiable copies into an unmodifiable list (the class of constant lists).

void attempt(String what, void Function() change) {
  try {
    change();
    print('$what: no error');
  } on UnsupportedError catch (e) {
    print('$what: $e');
  }
}

void main() {
  final source = [3, 1, 2];
  final l = List<int>.unmodifiable(source);
  source.add(4);
  print(l);
  print(l.runtimeType);
  print('${l is List<int>} ${l.length} ${l[1]} ${l.reversed.toList()} ${l.indexOf(2)}');
  attempt('[]=', () => l[0] = 5);
  attempt('add', () => l.add(4));
  attempt('addAll', () => l.addAll([4]));
  attempt('length=', () => l.length = 0);
  attempt('clear', () => l.clear());
  attempt('sort', () => l.sort());
  attempt('removeLast', () => l.removeLast());
  attempt('insert', () => l.insert(0, 1));
  print(l);
  final sorted = List.of(l)..sort();
  print(sorted);
  final fromSet = List<String>.unmodifiable({'x', 'y'});
  print(fromSet.join('+'));
  final empty = List.unmodifiable(<int>[]);
  print('${empty.isEmpty} $empty');
  attempt('empty add', () => empty.add(1));
}
