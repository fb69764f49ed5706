// dart:collection for dartrs: the hash-based collections are the core Map and Set
// (both insertion-ordered), a list-backed Queue, and ListBase/ListMixin, MapBase/MapMixin and IterableBase
// for user-defined collections.

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

// ---------------------------------------------------------------------------------------
// ListBase/ListMixin: a List implemented on top of `length`, `length=`, `[]` and `[]=`
// (as the SDK's, every operation goes through those four, so user lists observe them).
// The Iterable operations run over a lazy view whose iterator reads `this[i]`.
// ---------------------------------------------------------------------------------------

typedef ListMixin<E> = ListBase<E>;

abstract mixin class ListBase<E> implements List<E> {
  static String listToString(List list) => _collectionToString(list, "[", "]");

  Iterable<E> get _view => _ListBaseView<E>(this);

  Iterator<E> get iterator => _ListBaseIterator<E>(this);

  E elementAt(int index) => this[index];
  bool get isEmpty => length == 0;
  bool get isNotEmpty => !isEmpty;

  E get first {
    if (length == 0) throw StateError("No element");
    return this[0];
  }

  set first(E value) {
    if (length == 0) throw RangeError.index(0, this);
    this[0] = value;
  }

  E get last {
    if (length == 0) throw StateError("No element");
    return this[length - 1];
  }

  set last(E value) {
    if (length == 0) throw RangeError.index(0, this);
    this[length - 1] = value;
  }

  E get single {
    if (length == 0) throw StateError("No element");
    if (length > 1) throw StateError("Too many elements");
    return this[0];
  }

  bool contains(Object? element) {
    int length = this.length;
    for (int i = 0; i < length; i++) {
      if (this[i] == element) return true;
      if (length != this.length) throw ConcurrentModificationError(this);
    }
    return false;
  }

  void forEach(void Function(E element) action) {
    int length = this.length;
    for (int i = 0; i < length; i++) {
      action(this[i]);
      if (length != this.length) throw ConcurrentModificationError(this);
    }
  }

  bool every(bool Function(E element) test) => _view.every(test);
  bool any(bool Function(E element) test) => _view.any(test);
  E firstWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.firstWhere(test, orElse: orElse);
  E lastWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.lastWhere(test, orElse: orElse);
  E singleWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.singleWhere(test, orElse: orElse);
  String join([String separator = ""]) => _view.join(separator);
  Iterable<E> where(bool Function(E element) test) => _view.where(test);
  Iterable<T> whereType<T>() => _view.whereType<T>();
  Iterable<T> map<T>(T Function(E element) f) => _view.map<T>(f);
  Iterable<T> expand<T>(Iterable<T> Function(E element) f) => _view.expand<T>(f);
  E reduce(E Function(E previousValue, E element) combine) => _view.reduce(combine);
  T fold<T>(T initialValue, T Function(T previousValue, E element) combine) =>
      _view.fold<T>(initialValue, combine);
  Iterable<E> skip(int count) => _view.skip(count);
  Iterable<E> skipWhile(bool Function(E element) test) => _view.skipWhile(test);
  Iterable<E> take(int count) => _view.take(count);
  Iterable<E> takeWhile(bool Function(E element) test) => _view.takeWhile(test);
  Iterable<E> followedBy(Iterable<E> other) => _view.followedBy(other);

  List<E> toList({bool growable = true}) {
    final result = <E>[];
    for (int i = 0; i < length; i++) {
      result.add(this[i]);
    }
    return growable ? result : List<E>.of(result, growable: false);
  }

  Set<E> toSet() {
    final result = Set<E>();
    for (int i = 0; i < length; i++) {
      result.add(this[i]);
    }
    return result;
  }

  // Only works for lists whose element type accepts null (as the SDK's default `add`):
  // classes that cannot grow by `length=` override it.
  void add(E element) {
    this[this.length++] = element;
  }

  void addAll(Iterable<E> iterable) {
    int i = this.length;
    for (E element in iterable) {
      assert(this.length == i || (throw ConcurrentModificationError(this)));
      add(element);
      i++;
    }
  }

  bool remove(Object? element) {
    for (int i = 0; i < this.length; i++) {
      if (this[i] == element) {
        _closeGap(i, i + 1);
        return true;
      }
    }
    return false;
  }

  void _closeGap(int start, int end) {
    int length = this.length;
    int size = end - start;
    for (int i = end; i < length; i++) {
      this[i - size] = this[i];
    }
    this.length = length - size;
  }

  void removeWhere(bool Function(E element) test) => _filter(test, false);
  void retainWhere(bool Function(E element) test) => _filter(test, true);

  void _filter(bool Function(E element) test, bool retainMatching) {
    final retained = <E>[];
    int length = this.length;
    for (int i = 0; i < length; i++) {
      final element = this[i];
      if (test(element) == retainMatching) retained.add(element);
      if (length != this.length) throw ConcurrentModificationError(this);
    }
    if (retained.length != this.length) {
      setRange(0, retained.length, retained);
      this.length = retained.length;
    }
  }

  void clear() {
    this.length = 0;
  }

  List<R> cast<R>() {
    final result = <R>[];
    for (int i = 0; i < length; i++) {
      result.add(this[i] as R);
    }
    return result;
  }

  E removeLast() {
    if (length == 0) throw StateError("No element");
    E result = this[length - 1];
    length--;
    return result;
  }

  void sort([int Function(E a, E b)? compare]) {
    final copy = toList();
    copy.sort(compare);
    for (int i = 0; i < copy.length; i++) {
      this[i] = copy[i];
    }
  }

  void shuffle([Object? random]) {
    final copy = toList();
    copy.shuffle(random);
    for (int i = 0; i < copy.length; i++) {
      this[i] = copy[i];
    }
  }

  Map<int, E> asMap() {
    final result = <int, E>{};
    for (int i = 0; i < length; i++) {
      result[i] = this[i];
    }
    return result;
  }

  List<E> operator +(List<E> other) => [...this, ...other];

  List<E> sublist(int start, [int? end]) {
    int listLength = this.length;
    end = RangeError.checkValidRange(start, end, listLength);
    final result = <E>[];
    for (int i = start; i < end; i++) {
      result.add(this[i]);
    }
    return result;
  }

  Iterable<E> getRange(int start, int end) {
    RangeError.checkValidRange(start, end, this.length);
    return _view.skip(start).take(end - start);
  }

  void removeRange(int start, int end) {
    RangeError.checkValidRange(start, end, this.length);
    if (end > start) _closeGap(start, end);
  }

  void fillRange(int start, int end, [E? fill]) {
    E value = fill as E;
    RangeError.checkValidRange(start, end, this.length);
    for (int i = start; i < end; i++) {
      this[i] = value;
    }
  }

  void setRange(int start, int end, Iterable<E> iterable, [int skipCount = 0]) {
    RangeError.checkValidRange(start, end, this.length);
    int length = end - start;
    if (length == 0) return;
    RangeError.checkNotNegative(skipCount, "skipCount");
    final source = iterable.skip(skipCount).toList(growable: false);
    if (source.length < length) throw StateError("Too few elements");
    for (int i = 0; i < length; i++) {
      this[start + i] = source[i];
    }
  }

  void replaceRange(int start, int end, Iterable<E> newContents) {
    RangeError.checkValidRange(start, end, this.length);
    final tail = sublist(end);
    this.length = start;
    addAll(newContents);
    addAll(tail);
  }

  int indexOf(Object? element, [int start = 0]) {
    if (start < 0) start = 0;
    for (int i = start; i < this.length; i++) {
      if (this[i] == element) return i;
    }
    return -1;
  }

  int indexWhere(bool Function(E element) test, [int start = 0]) {
    if (start < 0) start = 0;
    for (int i = start; i < this.length; i++) {
      if (test(this[i])) return i;
    }
    return -1;
  }

  int lastIndexOf(Object? element, [int? start]) {
    if (start == null || start >= this.length) start = this.length - 1;
    for (int i = start; i >= 0; i--) {
      if (this[i] == element) return i;
    }
    return -1;
  }

  int lastIndexWhere(bool Function(E element) test, [int? start]) {
    if (start == null || start >= this.length) start = this.length - 1;
    for (int i = start; i >= 0; i--) {
      if (test(this[i])) return i;
    }
    return -1;
  }

  void insert(int index, E element) {
    RangeError.checkValueInInterval(index, 0, length, "index");
    add(element);
    if (index != length - 1) {
      setRange(index + 1, length, this.sublist(index, length - 1));
      this[index] = element;
    }
  }

  E removeAt(int index) {
    E result = this[index];
    _closeGap(index, index + 1);
    return result;
  }

  void insertAll(int index, Iterable<E> iterable) {
    RangeError.checkValueInInterval(index, 0, length, "index");
    final tail = sublist(index);
    this.length = index;
    addAll(iterable);
    addAll(tail);
  }

  void setAll(int index, Iterable<E> iterable) {
    for (E element in iterable) {
      this[index++] = element;
    }
  }

  Iterable<E> get reversed => _ListBaseReversed<E>(this);

  String toString() => listToString(this);
}

class _ListBaseView<E> extends Iterable<E> {
  final List<E> _list;
  _ListBaseView(this._list);
  Iterator<E> get iterator => _ListBaseIterator<E>(_list);
  int get length => _list.length;
}

class _ListBaseReversed<E> extends Iterable<E> {
  final List<E> _list;
  _ListBaseReversed(this._list);
  Iterator<E> get iterator => _ListBaseIterator<E>(_list, reversed: true);
  int get length => _list.length;
}

class _ListBaseIterator<E> implements Iterator<E> {
  final List<E> _list;
  final int _length;
  final bool _reversed;
  int _index = 0;
  E? _current;

  _ListBaseIterator(List<E> list, {bool reversed = false})
      : _list = list,
        _length = list.length,
        _reversed = reversed;

  E get current => _current as E;

  bool moveNext() {
    if (_list.length != _length) throw ConcurrentModificationError(_list);
    if (_index >= _length) {
      _current = null;
      return false;
    }
    _current = _list[_reversed ? _length - 1 - _index : _index];
    _index++;
    return true;
  }
}

final List<Object> _toStringVisiting = <Object>[];

/// `[a, b]` / `(a, b)`, with a collection that contains itself shown as `[...]`.
String _collectionToString(Iterable iterable, String open, String close) {
  for (final visiting in _toStringVisiting) {
    if (identical(visiting, iterable)) return "$open...$close";
  }
  _toStringVisiting.add(iterable);
  try {
    return "$open${iterable.join(", ")}$close";
  } finally {
    _toStringVisiting.removeLast();
  }
}

/// A base class for iterables: all operations come from `Iterable` through `iterator`.
abstract class IterableBase<E> extends Iterable<E> {
  const IterableBase();

  static String iterableToFullString(Iterable iterable,
          [String leftDelimiter = "(", String rightDelimiter = ")"]) =>
      _collectionToString(iterable, leftDelimiter, rightDelimiter);
}

// ---------------------------------------------------------------------------------------
// IterableMixin: every Iterable operation on top of `iterator` (through a view whose
// iterator is the mixer's, as ListBase does).
// ---------------------------------------------------------------------------------------

abstract mixin class IterableMixin<E> implements Iterable<E> {
  Iterable<E> get _view => _IterableMixinView<E>(this);

  Iterable<R> cast<R>() => _view.cast<R>();
  Iterable<T> map<T>(T Function(E element) toElement) => _view.map<T>(toElement);
  Iterable<E> where(bool Function(E element) test) => _view.where(test);
  Iterable<T> whereType<T>() => _view.whereType<T>();
  Iterable<T> expand<T>(Iterable<T> Function(E element) toElements) =>
      _view.expand<T>(toElements);
  Iterable<E> followedBy(Iterable<E> other) => _view.followedBy(other);
  bool contains(Object? element) => _view.contains(element);
  void forEach(void Function(E element) action) => _view.forEach(action);
  E reduce(E Function(E value, E element) combine) => _view.reduce(combine);
  T fold<T>(T initialValue, T Function(T previousValue, E element) combine) =>
      _view.fold<T>(initialValue, combine);
  bool every(bool Function(E element) test) => _view.every(test);
  String join([String separator = ""]) => _view.join(separator);
  bool any(bool Function(E element) test) => _view.any(test);
  List<E> toList({bool growable = true}) => _view.toList(growable: growable);
  Set<E> toSet() => _view.toSet();
  int get length => _view.length;
  bool get isEmpty => !iterator.moveNext();
  bool get isNotEmpty => !isEmpty;
  Iterable<E> take(int count) => _view.take(count);
  Iterable<E> takeWhile(bool Function(E value) test) => _view.takeWhile(test);
  Iterable<E> skip(int count) => _view.skip(count);
  Iterable<E> skipWhile(bool Function(E value) test) => _view.skipWhile(test);
  E get first => _view.first;
  E get last => _view.last;
  E get single => _view.single;
  E? get firstOrNull => _view.firstOrNull;
  E? get lastOrNull => _view.lastOrNull;
  E? get singleOrNull => _view.singleOrNull;
  E firstWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.firstWhere(test, orElse: orElse);
  E lastWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.lastWhere(test, orElse: orElse);
  E singleWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.singleWhere(test, orElse: orElse);
  E elementAt(int index) => _view.elementAt(index);
  E? elementAtOrNull(int index) => _view.elementAtOrNull(index);
  String toString() => _collectionToString(this, "(", ")");
}

class _IterableMixinView<E> extends Iterable<E> {
  final Iterable<E> _source;
  _IterableMixinView(this._source);
  Iterator<E> get iterator => _source.iterator;
}

// ---------------------------------------------------------------------------------------
// SetBase/SetMixin: a Set on top of `add`, `contains`, `lookup`, `remove`, `iterator`,
// `length` and `toSet` (every other operation goes through those, as the SDK's).
// ---------------------------------------------------------------------------------------

typedef SetMixin<E> = SetBase<E>;

abstract mixin class SetBase<E> implements Set<E> {
  static String setToString(Set set) => _collectionToString(set, "{", "}");

  Iterable<E> get _view => _IterableMixinView<E>(this);

  bool get isEmpty => length == 0;
  bool get isNotEmpty => length != 0;
  Set<R> cast<R>() {
    final result = Set<R>();
    for (final e in this) {
      result.add(e as R);
    }
    return result;
  }

  void clear() {
    removeAll(toList());
  }

  void addAll(Iterable<E> elements) {
    for (final element in elements) {
      add(element);
    }
  }

  void removeAll(Iterable<Object?> elements) {
    for (final element in elements) {
      remove(element);
    }
  }

  void retainAll(Iterable<Object?> elements) {
    final toRemove = toSet();
    for (final o in elements) {
      toRemove.remove(o);
    }
    removeAll(toRemove);
  }

  void removeWhere(bool Function(E element) test) {
    final toRemove = <Object?>[];
    for (final element in this) {
      if (test(element)) toRemove.add(element);
    }
    removeAll(toRemove);
  }

  void retainWhere(bool Function(E element) test) {
    final toRemove = <Object?>[];
    for (final element in this) {
      if (!test(element)) toRemove.add(element);
    }
    removeAll(toRemove);
  }

  bool containsAll(Iterable<Object?> other) {
    for (final o in other) {
      if (!contains(o)) return false;
    }
    return true;
  }

  Set<E> union(Set<E> other) => toSet()..addAll(other);

  Set<E> intersection(Set<Object?> other) {
    final result = toSet();
    for (final element in this) {
      if (!other.contains(element)) result.remove(element);
    }
    return result;
  }

  Set<E> difference(Set<Object?> other) {
    final result = toSet();
    for (final element in this) {
      if (other.contains(element)) result.remove(element);
    }
    return result;
  }

  List<E> toList({bool growable = true}) => _view.toList(growable: growable);
  Iterable<T> map<T>(T Function(E element) f) => _view.map<T>(f);
  Iterable<E> where(bool Function(E element) test) => _view.where(test);
  Iterable<T> whereType<T>() => _view.whereType<T>();
  Iterable<T> expand<T>(Iterable<T> Function(E element) f) => _view.expand<T>(f);
  Iterable<E> followedBy(Iterable<E> other) => _view.followedBy(other);
  void forEach(void Function(E element) action) => _view.forEach(action);
  E reduce(E Function(E value, E element) combine) => _view.reduce(combine);
  T fold<T>(T initialValue, T Function(T previousValue, E element) combine) =>
      _view.fold<T>(initialValue, combine);
  bool every(bool Function(E element) test) => _view.every(test);
  String join([String separator = ""]) => _view.join(separator);
  bool any(bool Function(E element) test) => _view.any(test);
  Iterable<E> take(int n) => _view.take(n);
  Iterable<E> takeWhile(bool Function(E value) test) => _view.takeWhile(test);
  Iterable<E> skip(int n) => _view.skip(n);
  Iterable<E> skipWhile(bool Function(E value) test) => _view.skipWhile(test);
  E get first => _view.first;
  E get last => _view.last;
  E get single => _view.single;
  E? get firstOrNull => _view.firstOrNull;
  E? get lastOrNull => _view.lastOrNull;
  E? get singleOrNull => _view.singleOrNull;
  E firstWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.firstWhere(test, orElse: orElse);
  E lastWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.lastWhere(test, orElse: orElse);
  E singleWhere(bool Function(E element) test, {E Function()? orElse}) =>
      _view.singleWhere(test, orElse: orElse);
  E elementAt(int index) => _view.elementAt(index);
  E? elementAtOrNull(int index) => _view.elementAtOrNull(index);
  String toString() => setToString(this);
}

// ---------------------------------------------------------------------------------------
// MapBase/MapMixin: a Map implemented on top of `keys`, `[]`, `[]=`, `remove` and `clear`
// (every other operation goes through those, as the SDK's).
// ---------------------------------------------------------------------------------------

typedef MapMixin<K, V> = MapBase<K, V>;

abstract mixin class MapBase<K, V> implements Map<K, V> {
  static String mapToString(Map<Object?, Object?> m) {
    for (final visiting in _toStringVisiting) {
      if (identical(visiting, m)) return "{...}";
    }
    _toStringVisiting.add(m);
    try {
      final parts = <String>[];
      m.forEach((Object? k, Object? v) {
        parts.add("$k: $v");
      });
      return "{${parts.join(", ")}}";
    } finally {
      _toStringVisiting.removeLast();
    }
  }

  Map<RK, RV> cast<RK, RV>() {
    final result = <RK, RV>{};
    for (final key in keys) {
      result[key as RK] = this[key] as RV;
    }
    return result;
  }

  void forEach(void Function(K key, V value) action) {
    for (K key in keys) {
      action(key, this[key] as V);
    }
  }

  void addAll(Map<K, V> other) {
    other.forEach((K key, V value) {
      this[key] = value;
    });
  }

  bool containsValue(Object? value) {
    for (K key in keys) {
      if (this[key] == value) return true;
    }
    return false;
  }

  V putIfAbsent(K key, V Function() ifAbsent) {
    if (containsKey(key)) return this[key] as V;
    return this[key] = ifAbsent();
  }

  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) {
    if (containsKey(key)) {
      return this[key] = update(this[key] as V);
    }
    if (ifAbsent != null) {
      return this[key] = ifAbsent();
    }
    throw ArgumentError.value(key, "key", "Key not in map.");
  }

  void updateAll(V Function(K key, V value) update) {
    for (final key in keys.toList()) {
      this[key] = update(key, this[key] as V);
    }
  }

  Iterable<MapEntry<K, V>> get entries =>
      keys.map((K key) => MapEntry<K, V>(key, this[key] as V));

  Map<K2, V2> map<K2, V2>(MapEntry<K2, V2> Function(K key, V value) transform) {
    final result = <K2, V2>{};
    for (K key in keys) {
      final entry = transform(key, this[key] as V);
      result[entry.key] = entry.value;
    }
    return result;
  }

  void addEntries(Iterable<MapEntry<K, V>> newEntries) {
    for (final entry in newEntries) {
      this[entry.key] = entry.value;
    }
  }

  void removeWhere(bool Function(K key, V value) test) {
    final keysToRemove = <K>[];
    for (final key in keys) {
      if (test(key, this[key] as V)) keysToRemove.add(key);
    }
    for (final key in keysToRemove) {
      remove(key);
    }
  }

  bool containsKey(Object? key) => keys.contains(key);
  int get length => keys.length;
  bool get isEmpty => keys.isEmpty;
  bool get isNotEmpty => keys.isNotEmpty;
  Iterable<V> get values => keys.map((K key) => this[key] as V);

  String toString() => mapToString(this);
}
