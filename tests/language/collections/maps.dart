// gc-stress
// Map literals and operations: lookup, update, containsKey, remove,
// putIfAbsent, update, keys/values/entries, insertion order and toString.

void main() {
  var ages = {'ann': 31, 'bob': 25};
  print(ages);
  print(ages['ann']);
  print(ages['zed']);
  ages['cid'] = 40;
  ages['ann'] = 32;
  print(ages);
  print(ages.length);
  print(ages.containsKey('bob'));
  print(ages.containsKey('dan'));
  print(ages.containsValue(40));
  print(ages.remove('bob'));
  print(ages.remove('nobody'));
  print(ages);
  ages['bob'] = 26;
  print(ages);
  print(ages.keys);
  print(ages.values);
  print(ages.keys.toList());
  print(ages.isEmpty);

  print(ages.putIfAbsent('ann', () => 0));
  print(ages.putIfAbsent('eve', () => 22));
  ages.update('cid', (v) => v + 1);
  ages.update('fay', (v) => v + 1, ifAbsent: () => 50);
  print(ages);

  var total = 0;
  ages.forEach((name, age) {
    total += age;
  });
  print('total age $total');

  for (var e in ages.entries) {
    if (e.value > 30) print('${e.key} is over 30');
  }
  print(ages.entries.first);

  var doubled = ages.map((k, v) => MapEntry(k.toUpperCase(), v * 2));
  print(doubled);
  ages.removeWhere((k, v) => v < 30);
  print(ages);

  var byLength = <int, List<String>>{};
  for (var w in ['a', 'to', 'be', 'cat', 'I', 'dog', 'sun', 'go']) {
    byLength.putIfAbsent(w.length, () => []).add(w);
  }
  print(byLength);

  var counts = <String, int>{};
  for (var ch in 'mississippi'.split('')) {
    counts[ch] = (counts[ch] ?? 0) + 1;
  }
  print(counts);

  var empty = <String, int>{};
  print(empty);
  print({1: 'one', 2: 'two'});
  print({'nested': {'x': [1, 2]}, 'null': null});
  var fromEntries = Map.fromEntries([MapEntry('k', 1), MapEntry('j', 2)]);
  print(fromEntries);

  var big = <int, int>{};
  for (var i = 0; i < 5000; i++) {
    big[i] = i * i;
  }
  for (var i = 0; i < 5000; i += 2) {
    big.remove(i);
  }
  print('${big.length} ${big[4999]} ${big[2]} ${big.keys.first} ${big.keys.last}');
}
