// Map.unmodifiable: a read-only copy; every change throws UnsupportedError.

void attempt(String what, void Function() change) {
  try {
    change();
    print('$what: no error');
  } on UnsupportedError catch (e) {
    print('$what: $e');
  }
}

void main() {
  final source = {'a': 1, 'b': 2};
  final m = Map<String, int>.unmodifiable(source);
  source['c'] = 3;
  print(m);
  print('${m['a']} ${m['c']} ${m.length} ${m.containsKey('b')} ${m.containsValue(2)}');
  print('${m.keys.toList()} ${m.values.toList()} ${m.isEmpty} ${m.isNotEmpty}');
  print(m.entries.map((e) => '${e.key}=${e.value}').join('&'));
  print(m.map((k, v) => MapEntry(v, k)));
  m.forEach((k, v) => print('$k -> $v'));
  print(m is Map<String, int>);
  attempt('[]=', () => m['z'] = 0);
  attempt('remove', () => m.remove('a'));
  attempt('clear', () => m.clear());
  attempt('addAll', () => m.addAll({'q': 1}));
  attempt('putIfAbsent', () => m.putIfAbsent('q', () => 1));
  attempt('update', () => m.update('a', (v) => v + 1));
  attempt('updateAll', () => m.updateAll((k, v) => v));
  attempt('removeWhere', () => m.removeWhere((k, v) => true));
  attempt('addEntries', () => m.addEntries([MapEntry('q', 1)]));
  print(m);
  print(Map.of(m)..['x'] = 9);
  print(Map<String, int>.from(m).length);
}
