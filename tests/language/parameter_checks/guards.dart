// Calls that must not be checked as dynamic ones: dartrs's static types are less
// precise than Dart's in places (here the result of calling a function-typed
// parameter), and closures passed there must still be accepted.
import 'dart:collection';

// `create` is written in the old function-typed formal parameter syntax.
bool anyBetween(Iterable create([Iterable content]), int low, int high) =>
    create([0, 1, 2, 3]).any((e) => e > low && e < high);

final class Entry<T> extends LinkedListEntry<Entry<T>> {
  final T value;
  Entry(this.value);
  @override
  String toString() => 'Entry($value)';
}

void main() {
  print(anyBetween(([content]) => content!, 1, 3));
  print(anyBetween(([content]) => Iterable.generate(content!.length, content.elementAt), 5, 9));
  final where = (Iterable items) => items.where((e) => e.isEven).toList();
  print(where([1, 2, 3, 4]));

  // Raw `Entry` is `Entry<dynamic>`: entries holding different kinds of values mix.
  final list = LinkedList<Entry>();
  list.add(Entry(2));
  list.addFirst(Entry('one'));
  list.add(Entry(null));
  print(list.toList());
  print('${list.first} ${list.last} ${list.length}');
}
