// dart:collection for dartrs: the hash-based collections are the core Map and Set
// (both insertion-ordered), and a list-backed Queue.

abstract final class LinkedHashMap<K, V> implements Map<K, V> {
  factory LinkedHashMap() => <K, V>{};
  factory LinkedHashMap.of(Map<K, V> other) => Map<K, V>.of(other);
}

abstract final class HashMap<K, V> implements Map<K, V> {
  factory HashMap() => <K, V>{};
  factory HashMap.of(Map<K, V> other) => Map<K, V>.of(other);
}

abstract final class LinkedHashSet<E> implements Set<E> {
  factory LinkedHashSet() => Set<E>();
  factory LinkedHashSet.of(Iterable<E> elements) => Set<E>.of(elements);
}

abstract final class HashSet<E> implements Set<E> {
  factory HashSet() => Set<E>();
  factory HashSet.of(Iterable<E> elements) => Set<E>.of(elements);
}

abstract class Queue<E> implements Iterable<E> {
  factory Queue() => ListQueue<E>();
  factory Queue.of(Iterable<E> elements) => ListQueue<E>.of(elements);
  void add(E value);
  void addFirst(E value);
  void addLast(E value);
  void addAll(Iterable<E> elements);
  E removeFirst();
  E removeLast();
  void clear();
}

class ListQueue<E> extends Iterable<E> implements Queue<E> {
  List<E> _items = <E>[];
  int _head = 0;

  ListQueue();

  factory ListQueue.of(Iterable<E> elements) {
    final q = ListQueue<E>();
    q.addAll(elements);
    return q;
  }

  Iterator<E> get iterator => _items.sublist(_head).iterator;
  int get length => _items.length - _head;
  bool get isEmpty => length == 0;
  bool get isNotEmpty => length != 0;

  void add(E value) => _items.add(value);
  void addLast(E value) => _items.add(value);
  void addFirst(E value) {
    if (_head > 0) {
      _head--;
      _items[_head] = value;
    } else {
      _items.insert(0, value);
    }
  }

  void addAll(Iterable<E> elements) => _items.addAll(elements);

  E removeFirst() {
    if (isEmpty) throw StateError("No element");
    final value = _items[_head];
    _head++;
    if (_head > 32 && _head * 2 > _items.length) {
      _items = _items.sublist(_head);
      _head = 0;
    }
    return value;
  }

  E removeLast() {
    if (isEmpty) throw StateError("No element");
    return _items.removeLast();
  }

  E get first {
    if (isEmpty) throw StateError("No element");
    return _items[_head];
  }

  E get last {
    if (isEmpty) throw StateError("No element");
    return _items[_items.length - 1];
  }

  void clear() {
    _items = <E>[];
    _head = 0;
  }

  String toString() => "{${join(", ")}}";
}
