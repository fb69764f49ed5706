// LinkedList of LinkedListEntry subclasses: an intrusive list where entries unlink and
// insert themselves in O(1), used here as a task run queue.
import 'dart:collection';

final class Task extends LinkedListEntry<Task> {
  final String name;
  int remaining;
  Task(this.name, this.remaining);
  String toString() => "$name($remaining)";
}

void main() {
  final runQueue = LinkedList<Task>();
  final a = Task("a", 2), b = Task("b", 1), c = Task("c", 3);
  runQueue.addAll([a, b, c]);
  print(runQueue);
  print("${runQueue.length} ${runQueue.first} ${runQueue.last}");
  print(identical(a.list, runQueue));
  print("${a.next} ${b.previous} ${a.previous} ${c.next}");

  // Round-robin: run the head, then move it to the back or drop it when done.
  final order = <String>[];
  while (runQueue.isNotEmpty) {
    final t = runQueue.first;
    order.add(t.name);
    t.remaining--;
    t.unlink();
    if (t.remaining > 0) runQueue.add(t);
  }
  print(order.join(" "));
  print("${a.list} ${a.next}");

  final x = Task("x", 0), y = Task("y", 0), z = Task("z", 0);
  runQueue.add(x);
  x.insertAfter(z);
  x.insertAfter(y);
  final w = Task("w", 0);
  x.insertBefore(w);
  print(runQueue);
  runQueue.addFirst(Task("v", 0));
  print(runQueue.map((t) => t.name).join());
  print(runQueue.remove(y));
  print(runQueue.remove(y));
  print(runQueue.contains(x));
  print(runQueue.contains(y));
  print(runQueue.contains("x"));
  try {
    runQueue.add(x);
  } catch (e) {
    print(e);
  }
  try {
    runQueue.forEach((t) {
      if (t.name == "w") t.unlink();
    });
  } catch (e) {
    print(e.runtimeType);
  }
  print(runQueue);
  runQueue.clear();
  print("${runQueue.isEmpty} ${x.list}");
  try {
    runQueue.first;
  } catch (e) {
    print(e);
  }
  runQueue.add(x);
  print(runQueue.single);
}
