// Set literals and operations: add/remove/contains, uniqueness, insertion
// order, union/intersection/difference, and deduplicating with toSet.

void main() {
  var s = {3, 1, 4};
  print(s);
  print(s.add(1));
  print(s.add(5));
  print(s);
  print(s.contains(4));
  print(s.contains(9));
  print(s.remove(3));
  print(s.remove(3));
  print(s);
  print(s.length);

  var a = {1, 2, 3, 4, 5};
  var b = {4, 5, 6, 7};
  print(a.union(b));
  print(a.intersection(b));
  print(a.difference(b));
  print(b.difference(a));
  print(a.containsAll([1, 5]));
  print(a.containsAll([1, 9]));

  var empty = <String>{};
  print(empty);
  print(empty.isEmpty);
  var words = 'the cat and the dog and the bird'.split(' ');
  var unique = words.toSet();
  print(unique);
  print('${words.length} words, ${unique.length} unique');

  var seen = <String>{};
  var dups = <String>[];
  for (var w in words) {
    if (!seen.add(w)) dups.add(w);
  }
  print(dups);

  var letters = <String>{};
  for (var w in ['hello', 'world']) {
    letters.addAll(w.split(''));
  }
  print(letters);
  print(letters.join());
  letters.removeWhere((c) => 'aeiou'.contains(c));
  print(letters);

  print({1, 2, 3}.map((x) => x % 2).toSet());
  print(Set.of([5, 5, 6]).toList());
}
