// SplayTreeSet as an ordered set: leaderboards, range queries, set algebra, and
// ConcurrentModificationError during iteration.
import 'dart:collection';

class Score implements Comparable<Score> {
  final String player;
  final int points;
  Score(this.player, this.points);
  int compareTo(Score other) {
    final c = other.points.compareTo(points);
    return c != 0 ? c : player.compareTo(other.player);
  }

  String toString() => "$player:$points";
}

void main() {
  final board = SplayTreeSet<Score>();
  board.addAll([Score("ann", 30), Score("bob", 50), Score("cid", 30), Score("dee", 10)]);
  print(board);
  print("${board.first} ${board.last} ${board.length}");
  print(board.take(2).map((s) => s.player).toList());
  print(board.add(Score("bob", 50)));
  print(board.contains(Score("cid", 30)));
  print(board.lookup(Score("ann", 30))?.player);
  print(board.remove(Score("dee", 10)));
  print(board);
  print(board.elementAt(1));

  final ints = SplayTreeSet<int>.of([15, 3, 9, 27, 1, 21]);
  print(ints);
  print(ints.where((x) => x > 5 && x < 25));
  print(ints.contains("3"));
  print(ints.remove("3"));
  print(ints.union({2, 4}));
  print(ints.intersection({1, 9, 100}));
  print(ints.difference({1, 9}));
  print(ints.toSet() is SplayTreeSet<int>);
  ints.removeAll([27, 99]);
  ints.retainAll([1, 3, 9, 15, 40]);
  print(ints);
  ints.removeWhere((x) => x > 10);
  print(ints);
  try {
    ints.single;
  } catch (e) {
    print(e);
  }
  try {
    for (final x in ints) {
      if (x == 3) ints.add(4);
    }
  } catch (e) {
    print(e);
  }
  print(ints);

  final desc = SplayTreeSet<String>.from(["kiwi", "apple", "fig"], (a, b) => b.compareTo(a));
  print(desc);
  print(desc.toList().reversed);
  final lengths = SplayTreeSet<String>((a, b) => a.length - b.length)
    ..addAll(["aa", "b", "cc", "ddd"]);
  print(lengths);
  print(lengths.lookup("zz"));
  final empty = SplayTreeSet<int>();
  for (final f in [() => empty.first, () => empty.last, () => empty.single]) {
    try {
      f();
    } catch (e) {
      print(e);
    }
  }
  final big = SplayTreeSet<int>();
  for (int i = 0; i < 1000; i++) {
    big.add((i * 7919) % 1000);
  }
  print("${big.length} ${big.first} ${big.last} ${big.elementAt(500)}");
  int sum = 0;
  for (final x in big) {
    if (big.contains(999 - x)) sum += x;
  }
  print(sum);
}
