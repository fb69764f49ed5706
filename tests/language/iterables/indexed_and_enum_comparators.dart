// Iterable.indexed (lazy records of position and element), Iterable.nonNulls (lazy),
// and Enum.compareByIndex / Enum.compareByName as sort comparators.

enum Size { small, medium, large, extraLarge }

void main() {
  final letters = ['a', 'b', 'c'];
  print(letters.indexed);
  for (final (i, letter) in letters.indexed) {
    print('$i: $letter');
  }
  var pulled = 0;
  final lazy = letters.map((l) {
    pulled++;
    return l.toUpperCase();
  }).indexed;
  print(pulled);
  print(lazy.first);
  print(pulled);
  print(<int>[].indexed.isEmpty);
  print({'x', 'y'}.indexed.map((e) => e.$1 + e.$2.length).toList());

  final maybe = [1, null, 3, null];
  print(maybe.nonNulls);
  print(maybe.nonNulls.length);

  final sizes = [Size.large, Size.small, Size.extraLarge, Size.medium];
  print((List.of(sizes)..sort(Enum.compareByIndex)).map((s) => s.name).join(' '));
  print((List.of(sizes)..sort(Enum.compareByName)).map((s) => s.name).join(' '));
  print(Enum.compareByIndex(Size.small, Size.large) < 0);
}
