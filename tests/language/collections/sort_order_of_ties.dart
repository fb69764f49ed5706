// List.sort orders elements that compare equal as the Dart VM does: insertion sort up
// to 33 elements (stable), dual-pivot quicksort above (not stable).

void main() {
  final small = [for (var i = 0; i < 20; i++) (i % 3, i)];
  small.sort((a, b) => a.$1.compareTo(b.$1));
  print(small.map((e) => e.$2).join(" "));

  final words = "the quick brown fox jumps over the lazy dog while seven tall "
          "zebras quietly graze near a wide river bank under bright morning "
          "skies and little birds sing softly in tall green trees"
      .split(" ");
  words.sort((a, b) => a.length.compareTo(b.length));
  print(words.join(" "));

  final pairs = [for (var i = 0; i < 60; i++) ((i * 7) % 5, i)];
  pairs.sort((a, b) => a.$1 - b.$1);
  print(pairs.map((e) => e.$2).join(" "));

  final ints = [for (var i = 0; i < 100; i++) (i * 37) % 101];
  ints.sort();
  print(ints.take(10).toList());
  var sorted = true;
  for (var i = 1; i < ints.length; i++) {
    if (ints[i - 1] > ints[i]) sorted = false;
  }
  print(sorted);

  var comparisons = 0;
  final counted = [for (var i = 0; i < 50; i++) (i * 13) % 50];
  counted.sort((a, b) {
    comparisons++;
    return a.compareTo(b);
  });
  print(comparisons);
}
