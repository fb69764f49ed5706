// Collections: hash maps and sets under insertion, lookup, update, removal and
// iteration: Map<int, int> counting, Set<int> intersection, Map<String, int> word
// counts. Every checksum is order-independent (sums and sizes), so languages whose
// tables iterate in a different order agree.

class Rng {
  int seed;
  Rng(this.seed);

  int next() {
    seed = seed * 16807 % 2147483647;
    return seed;
  }
}

int round(Rng rng) {
  final counts = <int, int>{};
  for (int i = 0; i < 20000; i++) {
    final k = rng.next() % 5000;
    counts[k] = (counts[k] ?? 0) + 1;
  }

  final a = <int>{};
  final b = <int>{};
  for (int i = 0; i < 10000; i++) {
    a.add(rng.next() % 20000);
    b.add(rng.next() % 20000);
  }
  int common = 0;
  for (final x in a) {
    if (b.contains(x)) common++;
  }
  for (int x = 0; x < 20000; x += 2) {
    b.remove(x);
  }

  for (int k = 0; k < 5000; k += 3) {
    counts.remove(k);
  }
  int valueSum = 0;
  int keySum = 0;
  for (final key in counts.keys) {
    keySum += key;
    valueSum += counts[key]!;
  }

  final words = <String, int>{};
  for (int i = 0; i < 10000; i++) {
    final w = 'w${rng.next() % 2000}';
    words[w] = (words[w] ?? 0) + i % 7;
  }
  int wordSum = 0;
  words.forEach((key, value) {
    wordSum += value * key.length;
  });
  int hits = 0;
  for (int i = 0; i < 2000; i += 7) {
    if (words.containsKey('w$i')) hits++;
  }

  return counts.length +
      valueSum +
      keySum +
      a.length +
      b.length +
      common +
      words.length +
      wordSum +
      hits;
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 100;
  final rng = Rng(42);
  int checksum = 0;
  for (int i = 0; i < n; i++) {
    checksum = (checksum + round(rng)) % 1000000007;
  }
  print('collections $n $checksum');
}
