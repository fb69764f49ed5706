// Breadth-first search on a grid with a Queue, then the ListQueue and
// DoubleLinkedQueue APIs.
import 'dart:collection';

const maze = [
  "S.#.....",
  ".##.###.",
  "....#...",
  ".##...#E",
];

int shortestPath() {
  final rows = maze.length, cols = maze[0].length;
  final dist = List.generate(rows, (_) => List.filled(cols, -1));
  final queue = Queue<(int, int)>();
  queue.add((0, 0));
  dist[0][0] = 0;
  while (queue.isNotEmpty) {
    final (r, c) = queue.removeFirst();
    if (maze[r][c] == "E") return dist[r][c];
    for (final (dr, dc) in [(1, 0), (-1, 0), (0, 1), (0, -1)]) {
      final nr = r + dr, nc = c + dc;
      if (nr < 0 || nc < 0 || nr >= rows || nc >= cols) continue;
      if (maze[nr][nc] == "#" || dist[nr][nc] >= 0) continue;
      dist[nr][nc] = dist[r][c] + 1;
      queue.addLast((nr, nc));
    }
  }
  return -1;
}

void main() {
  print(shortestPath());

  // ListQueue: a growable ring buffer.
  final q = ListQueue<int>(2);
  for (int i = 1; i <= 5; i++) {
    q.addLast(i);
    q.addFirst(-i);
  }
  print(q);
  print("${q.length} ${q.first} ${q.last} ${q.elementAt(2)}");
  print(q.removeFirst());
  print(q.removeLast());
  q.removeWhere((x) => x.isEven);
  print(q);
  q.retainWhere((x) => x > -5);
  print(q);
  print(q.remove(3));
  print(q.remove(42));
  print(q.toList());
  print(q.map((x) => x * 10));
  print(q.contains(-3));
  try {
    q.elementAt(10);
  } catch (e) {
    print(e);
  }
  q.clear();
  try {
    q.removeFirst();
  } catch (e) {
    print(e);
  }
  print(q.isEmpty);
  print(Queue<String>.from(["a", "b"]));
  print(ListQueue<int>.of([3, 2, 1]).reduce((a, b) => a * 10 + b));
  final big = ListQueue<int>();
  for (int i = 0; i < 100; i++) {
    big.add(i);
    if (i % 3 == 0) big.removeFirst();
  }
  print("${big.length} ${big.first} ${big.last} ${big.skip(60).take(3)}");
  try {
    for (final x in big) {
      if (x == 50) big.add(0);
    }
  } catch (e) {
    print(e);
  }

  // DoubleLinkedQueue with its entries.
  final d = DoubleLinkedQueue<String>.of(["b", "d"]);
  d.addFirst("a");
  d.add("e");
  d.firstEntry()!.nextEntry()!.append("c");
  print(d);
  print(d.length);
  final entry = d.lastEntry()!;
  print(entry.element);
  print(entry.previousEntry()!.element);
  print(entry.nextEntry());
  entry.prepend("d2");
  print(entry.remove());
  print(d);
  d.forEachEntry((e) {
    if (e.element.startsWith("d")) e.element = e.element.toUpperCase();
  });
  print(d);
  d.removeWhere((s) => s == "b");
  print(d.toList());
  print("${d.removeFirst()} ${d.removeLast()} $d");
  try {
    d.single;
  } catch (e) {
    print(e);
  }
  d.removeFirst();
  print(d.single);
  d.clear();
  print("${d.isEmpty} ${d.firstEntry()}");
  try {
    d.first;
  } catch (e) {
    print(e);
  }
  final counting = DoubleLinkedQueue<int>.from([1, 2, 3, 4]);
  try {
    for (final x in counting) {
      if (x == 2) counting.remove(3);
    }
  } catch (e) {
    print(e.runtimeType);
  }
  print(counting);
}
