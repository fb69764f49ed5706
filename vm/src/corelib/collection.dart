// dart:collection for dartrs, written in Dart as the SDK's is.
//
// - `LinkedHashMap()`/`LinkedHashSet()` wrap the core (native, insertion-ordered) `Map`
//   and `Set`; with `equals`/`hashCode`/`isValidKey` or `.identity()` they are a chained
//   hash table in Dart (`_HashTable`) with an insertion-order list. `HashMap`/`HashSet`
//   always use `_HashTable` in the Dart VM's bucket order (not insertion order).
// - `SplayTreeMap`/`SplayTreeSet`: a top-down splay tree (`_SplayTree`).
// - `Queue`: `ListQueue` (a circular buffer) and `DoubleLinkedQueue`; `LinkedList`.
// - Views (`MapView`, `UnmodifiableMapView`, `UnmodifiableListView`,
//   `UnmodifiableSetView`) and the bases/mixins for user collections (`ListBase`,
//   `MapBase`, `SetBase`, `IterableBase` and their `*Mixin` names).
// Error texts and `toString` are the Dart VM's.

import 'dart:math' show Random;

// ---------------------------------------------------------------------------------------
// Hash maps and sets. `LinkedHashMap()`/`LinkedHashSet()` wrap the core Map/Set (native,
// insertion-ordered) so that the result `is LinkedHashMap`; custom equality, identity and
// every `HashMap`/`HashSet` use `_HashTable`, below.
// ---------------------------------------------------------------------------------------

bool _defaultEquals(Object? a, Object? b) => a == b;
int _defaultHashCode(Object? a) => a.hashCode;
bool _anyKey(Object? key) => true;

/// Fills [map] from two iterables of the same length (the SDK's `MapBase._fillMapWithIterables`).
void _fillMapWithIterables<K, V>(Map<K, V> map, Iterable<K> keys, Iterable<V> values) {
  final keyIterator = keys.iterator;
  final valueIterator = values.iterator;
  bool hasNextKey = keyIterator.moveNext();
  bool hasNextValue = valueIterator.moveNext();
  while (hasNextKey && hasNextValue) {
    map[keyIterator.current] = valueIterator.current;
    hasNextKey = keyIterator.moveNext();
    hasNextValue = valueIterator.moveNext();
  }
  if (hasNextKey || hasNextValue) {
    throw ArgumentError("Iterables do not have same length.");
  }
}

void _fillMapWithMappedIterable<K, V>(Map<K, V> map, Iterable iterable,
    K Function(dynamic element)? key, V Function(dynamic element)? value) {
  for (final element in iterable) {
    map[key == null ? element as K : key(element)] =
        value == null ? element as V : value(element);
  }
}

abstract final class LinkedHashMap<K, V> implements Map<K, V> {
  factory LinkedHashMap(
      {bool Function(K key1, K key2)? equals,
      int Function(K key)? hashCode,
      bool Function(dynamic potentialKey)? isValidKey}) {
    if (isValidKey == null) {
      if (hashCode == null) {
        if (equals == null) return _LinkedHashMapView<K, V>();
        hashCode = _defaultHashCode;
      } else {
        if (identical(identityHashCode, hashCode) && identical(identical, equals)) {
          return _CompactLinkedIdentityHashMap<K, V>();
        }
        equals ??= _defaultEquals;
      }
    } else {
      hashCode ??= _defaultHashCode;
      equals ??= _defaultEquals;
    }
    return _CompactLinkedCustomHashMap<K, V>(equals, hashCode, isValidKey);
  }

  factory LinkedHashMap.identity() =>
      _CompactLinkedIdentityHashMap<K, V>();

  factory LinkedHashMap.from(Map<dynamic, dynamic> other) {
    final result = LinkedHashMap<K, V>();
    other.forEach((dynamic k, dynamic v) {
      result[k as K] = v as V;
    });
    return result;
  }

  factory LinkedHashMap.of(Map<K, V> other) => LinkedHashMap<K, V>()..addAll(other);

  factory LinkedHashMap.fromIterable(Iterable iterable,
      {K Function(dynamic element)? key, V Function(dynamic element)? value}) {
    final result = LinkedHashMap<K, V>();
    _fillMapWithMappedIterable<K, V>(result, iterable, key, value);
    return result;
  }

  factory LinkedHashMap.fromIterables(Iterable<K> keys, Iterable<V> values) {
    final result = LinkedHashMap<K, V>();
    _fillMapWithIterables<K, V>(result, keys, values);
    return result;
  }

  factory LinkedHashMap.fromEntries(Iterable<MapEntry<K, V>> entries) =>
      LinkedHashMap<K, V>()..addEntries(entries);
}

abstract final class HashMap<K, V> implements Map<K, V> {
  factory HashMap(
      {bool Function(K key1, K key2)? equals,
      int Function(K key)? hashCode,
      bool Function(dynamic potentialKey)? isValidKey}) {
    if (isValidKey == null) {
      if (hashCode == null) {
        if (equals == null) return _HashMap<K, V>();
        hashCode = _defaultHashCode;
      } else {
        if (identical(identityHashCode, hashCode) && identical(identical, equals)) {
          return _IdentityHashMap<K, V>();
        }
        equals ??= _defaultEquals;
      }
    } else {
      hashCode ??= _defaultHashCode;
      equals ??= _defaultEquals;
    }
    return _CustomHashMap<K, V>(equals, hashCode, isValidKey);
  }

  factory HashMap.identity() => _IdentityHashMap<K, V>();

  factory HashMap.from(Map<dynamic, dynamic> other) {
    final result = HashMap<K, V>();
    other.forEach((dynamic k, dynamic v) {
      result[k as K] = v as V;
    });
    return result;
  }

  factory HashMap.of(Map<K, V> other) => HashMap<K, V>()..addAll(other);

  factory HashMap.fromIterable(Iterable iterable,
      {K Function(dynamic element)? key, V Function(dynamic element)? value}) {
    final result = HashMap<K, V>();
    _fillMapWithMappedIterable<K, V>(result, iterable, key, value);
    return result;
  }

  factory HashMap.fromIterables(Iterable<K> keys, Iterable<V> values) {
    final result = HashMap<K, V>();
    _fillMapWithIterables<K, V>(result, keys, values);
    return result;
  }

  factory HashMap.fromEntries(Iterable<MapEntry<K, V>> entries) =>
      HashMap<K, V>()..addEntries(entries);
}

abstract final class LinkedHashSet<E> implements Set<E> {
  factory LinkedHashSet(
      {bool Function(E e1, E e2)? equals,
      int Function(E e)? hashCode,
      bool Function(dynamic potentialKey)? isValidKey}) {
    if (isValidKey == null) {
      if (hashCode == null) {
        if (equals == null) return _LinkedHashSetView<E>();
        hashCode = _defaultHashCode;
      } else {
        if (identical(identityHashCode, hashCode) && identical(identical, equals)) {
          return _CompactLinkedIdentityHashSet<E>();
        }
        equals ??= _defaultEquals;
      }
    } else {
      hashCode ??= _defaultHashCode;
      equals ??= _defaultEquals;
    }
    return _CompactLinkedCustomHashSet<E>(equals, hashCode, isValidKey);
  }

  factory LinkedHashSet.identity() =>
      _CompactLinkedIdentityHashSet<E>();

  factory LinkedHashSet.from(Iterable<dynamic> elements) {
    final result = LinkedHashSet<E>();
    for (final element in elements) {
      result.add(element as E);
    }
    return result;
  }

  factory LinkedHashSet.of(Iterable<E> elements) => LinkedHashSet<E>()..addAll(elements);
}

abstract final class HashSet<E> implements Set<E> {
  factory HashSet(
      {bool Function(E e1, E e2)? equals,
      int Function(E e)? hashCode,
      bool Function(dynamic potentialKey)? isValidKey}) {
    if (isValidKey == null) {
      if (hashCode == null) {
        if (equals == null) return _HashSet<E>();
        hashCode = _defaultHashCode;
      } else {
        if (identical(identityHashCode, hashCode) && identical(identical, equals)) {
          return _IdentityHashSet<E>();
        }
        equals ??= _defaultEquals;
      }
    } else {
      hashCode ??= _defaultHashCode;
      equals ??= _defaultEquals;
    }
    return _CustomHashSet<E>(equals, hashCode, isValidKey);
  }

  factory HashSet.identity() => _IdentityHashSet<E>();

  factory HashSet.from(Iterable<dynamic> elements) {
    final result = HashSet<E>();
    for (final element in elements) {
      result.add(element as E);
    }
    return result;
  }

  factory HashSet.of(Iterable<E> elements) => HashSet<E>()..addAll(elements);
}

/// `LinkedHashMap()`: the core map behind a forwarding view, so the result is a
/// `LinkedHashMap` (a map literal is the core map itself).
final class _LinkedHashMapView<K, V> extends MapView<K, V> implements LinkedHashMap<K, V> {
  _LinkedHashMapView() : super(<K, V>{});
}


/// A Set forwarding every operation to another (the core set behind `LinkedHashSet()`).
abstract class _ForwardingSet<E> extends Iterable<E> implements Set<E> {
  final Set<E> _set;
  _ForwardingSet(this._set);

  Set<E> _newEmpty();

  Iterator<E> get iterator => _set.iterator;
  int get length => _set.length;
  bool get isEmpty => _set.isEmpty;
  bool get isNotEmpty => _set.isNotEmpty;
  bool contains(Object? value) => _set.contains(value);
  bool add(E value) => _set.add(value);
  void addAll(Iterable<E> elements) => _set.addAll(elements);
  bool remove(Object? value) => _set.remove(value);
  void removeAll(Iterable<Object?> elements) => _set.removeAll(elements);
  void retainAll(Iterable<Object?> elements) => _set.retainAll(elements);
  void removeWhere(bool Function(E element) test) => _set.removeWhere(test);
  void retainWhere(bool Function(E element) test) => _set.retainWhere(test);
  bool containsAll(Iterable<Object?> other) => _set.containsAll(other);
  E? lookup(Object? object) => _set.lookup(object);
  void clear() => _set.clear();
  void forEach(void Function(E element) action) => _set.forEach(action);
  E get first => _set.first;
  E get last => _set.last;
  E get single => _set.single;

  Set<E> union(Set<E> other) => toSet()..addAll(other);

  Set<E> intersection(Set<Object?> other) {
    final result = _newEmpty();
    for (final element in this) {
      if (other.contains(element)) result.add(element);
    }
    return result;
  }

  Set<E> difference(Set<Object?> other) {
    final result = _newEmpty();
    for (final element in this) {
      if (!other.contains(element)) result.add(element);
    }
    return result;
  }

  Set<E> toSet() => _newEmpty()..addAll(this);
  Set<R> cast<R>() => _castSetCopy<E, R>(this);
  String toString() => Iterable.iterableToFullString(this, "{", "}");
}

final class _LinkedHashSetView<E> extends _ForwardingSet<E> implements LinkedHashSet<E> {
  _LinkedHashSetView() : super(Set<E>());
  Set<E> _newEmpty() => _LinkedHashSetView<E>();
}


/// One entry of a `_HashTable`: in its bucket's chain and (linked tables) in the
/// insertion-order list.
final class _HashNode<K, V> {
  final K key;
  V value;
  final int hash;
  _HashNode<K, V>? nextInBucket;
  _HashNode<K, V>? previous;
  _HashNode<K, V>? next;
  _HashNode(this.key, this.value, this.hash);
}

/// The table behind the custom-equality, identity and `HashMap`/`HashSet` collections:
/// chained buckets (a power of two). A *linked* table (`LinkedHashMap`/`LinkedHashSet`)
/// also keeps a doubly linked node list and iterates in insertion order; an unlinked one
/// (`HashMap`/`HashSet`) iterates bucket by bucket, each chain newest first, and grows at
/// the same load (3/4) and rehashes in the same order as the Dart VM's `_HashMap`, so
/// both iterate keys with equal hash codes (ints, strings) in the same order.
/// `modificationCount` changes when a key is added or removed (iterators check it).
final class _HashTable<K, V> {
  static const int _initialCapacity = 8;
  final bool Function(K key1, K key2) _equals;
  final int Function(K key) _hashCode;
  final bool linked;
  List<_HashNode<K, V>?> _buckets = List<_HashNode<K, V>?>.filled(_initialCapacity, null);
  _HashNode<K, V>? _first;
  _HashNode<K, V>? _last;
  int length = 0;
  int modificationCount = 0;

  _HashTable(this._equals, this._hashCode, this.linked);

  /// The first node in iteration order.
  _HashNode<K, V>? get firstNode => linked ? _first : _firstInBuckets(0);

  /// The last node in iteration order.
  _HashNode<K, V>? get lastNode {
    if (linked) return _last;
    for (int i = _buckets.length - 1; i >= 0; i--) {
      var node = _buckets[i];
      if (node != null) {
        while (node!.nextInBucket != null) {
          node = node.nextInBucket;
        }
        return node;
      }
    }
    return null;
  }

  /// The node after [node] in iteration order.
  _HashNode<K, V>? successor(_HashNode<K, V> node) {
    if (linked) return node.next;
    return node.nextInBucket ?? _firstInBuckets((node.hash & (_buckets.length - 1)) + 1);
  }

  _HashNode<K, V>? _firstInBuckets(int start) {
    final buckets = _buckets;
    for (int i = start; i < buckets.length; i++) {
      final node = buckets[i];
      if (node != null) return node;
    }
    return null;
  }

  /// The hash of a looked-up key. Only the default and identity tables (whose functions
  /// take any object) are asked about keys that are not a `K`.
  int _hashOf(Object? key) => key is K ? _hashCode(key) : (_hashCode as dynamic)(key) as int;

  bool _matches(_HashNode<K, V> node, int hash, Object? key) {
    if (node.hash != hash) return false;
    return key is K ? _equals(node.key, key) : (_equals as dynamic)(node.key, key) as bool;
  }

  _HashNode<K, V>? find(Object? key) {
    final hash = _hashOf(key);
    var node = _buckets[hash & (_buckets.length - 1)];
    while (node != null) {
      if (_matches(node, hash, key)) return node;
      node = node.nextInBucket;
    }
    return null;
  }

  /// Adds [key] (known to be absent, with its [hash]).
  void insert(K key, V value, int hash) {
    final node = _HashNode<K, V>(key, value, hash);
    final index = hash & (_buckets.length - 1);
    node.nextInBucket = _buckets[index];
    _buckets[index] = node;
    length++;
    modificationCount++;
    if (linked) {
      node.previous = _last;
      if (_last == null) {
        _first = node;
      } else {
        _last!.next = node;
      }
      _last = node;
      if (length > _buckets.length) _rehash();
    } else if ((length << 2) > _buckets.length * 3) {
      _rehash();
    }
  }

  /// Sets the value of [key], adding it when absent; true when it was added.
  bool put(K key, V value) {
    final hash = _hashCode(key);
    var node = _buckets[hash & (_buckets.length - 1)];
    while (node != null) {
      if (node.hash == hash && _equals(node.key, key)) {
        node.value = value;
        return false;
      }
      node = node.nextInBucket;
    }
    insert(key, value, hash);
    return true;
  }

  /// Doubles the buckets, moving the nodes bucket by bucket, each to the head of its new
  /// chain (the order the VM's `_HashMap._resize` leaves).
  void _rehash() {
    final old = _buckets;
    final buckets = List<_HashNode<K, V>?>.filled(old.length * 2, null);
    final mask = buckets.length - 1;
    for (int i = 0; i < old.length; i++) {
      var node = old[i];
      while (node != null) {
        final next = node.nextInBucket;
        final index = node.hash & mask;
        node.nextInBucket = buckets[index];
        buckets[index] = node;
        node = next;
      }
    }
    _buckets = buckets;
  }

  _HashNode<K, V>? removeKey(Object? key) {
    final hash = _hashOf(key);
    final index = hash & (_buckets.length - 1);
    _HashNode<K, V>? before;
    var node = _buckets[index];
    while (node != null) {
      if (_matches(node, hash, key)) {
        if (before == null) {
          _buckets[index] = node.nextInBucket;
        } else {
          before.nextInBucket = node.nextInBucket;
        }
        if (linked) _unlink(node);
        length--;
        modificationCount++;
        return node;
      }
      before = node;
      node = node.nextInBucket;
    }
    return null;
  }

  void _unlink(_HashNode<K, V> node) {
    if (node.previous == null) {
      _first = node.next;
    } else {
      node.previous!.next = node.next;
    }
    if (node.next == null) {
      _last = node.previous;
    } else {
      node.next!.previous = node.previous;
    }
  }

  void clear() {
    _buckets = List<_HashNode<K, V>?>.filled(_initialCapacity, null);
    _first = null;
    _last = null;
    if (length == 0) return;
    length = 0;
    modificationCount++;
  }
}

/// What a `_HashTable` or `_SplayTree` iterator yields from each node.
enum _HashPart { key, value, entry }

final class _HashTableIterable<K, V, T> extends Iterable<T> {
  final _HashTable<K, V> _table;
  final Object _owner;
  final _HashPart _part;
  _HashTableIterable(this._table, this._owner, this._part);

  Iterator<T> get iterator => _HashTableIterator<K, V, T>(_table, _owner, _part);
  int get length => _table.length;
  bool get isEmpty => _table.length == 0;
  bool get isNotEmpty => _table.length != 0;
  bool contains(Object? element) {
    if (_part == _HashPart.key) return (_owner as Map).containsKey(element);
    if (_part == _HashPart.value) return (_owner as Map).containsValue(element);
    return super.contains(element);
  }
}

final class _HashTableIterator<K, V, T> implements Iterator<T> {
  final _HashTable<K, V> _table;
  final Object _owner;
  final _HashPart _part;
  final int _modificationCount;
  _HashNode<K, V>? _next;
  T? _current;

  _HashTableIterator(this._table, this._owner, this._part)
      : _modificationCount = _table.modificationCount,
        _next = _table.firstNode;

  T get current => _current as T;

  bool moveNext() {
    if (_modificationCount != _table.modificationCount) {
      throw ConcurrentModificationError(_owner);
    }
    final node = _next;
    if (node == null) {
      _current = null;
      return false;
    }
    _next = _table.successor(node);
    _current = (switch (_part) {
      _HashPart.key => node.key,
      _HashPart.value => node.value,
      _HashPart.entry => MapEntry<K, V>(node.key, node.value),
    }) as T;
    return true;
  }
}

/// The maps on a `_HashTable`: `LinkedHashMap(equals:, hashCode:, isValidKey:)`,
/// `.identity()` and every `HashMap`.
base class _CustomHashMapBase<K, V> extends MapBase<K, V> {
  final _HashTable<K, V> _table;
  final bool Function(dynamic potentialKey)? _validKey;

  _CustomHashMapBase(bool Function(K key1, K key2) equals, int Function(K key) hashCode,
      this._validKey, bool linked)
      : _table = _HashTable<K, V>(equals, hashCode, linked);

  bool _isValidKey(Object? key) => _validKey == null ? key is K : _validKey!(key);

  V? operator [](Object? key) {
    if (!_isValidKey(key)) return null;
    return _table.find(key)?.value;
  }

  void operator []=(K key, V value) {
    _table.put(key, value);
  }

  bool containsKey(Object? key) => _isValidKey(key) && _table.find(key) != null;

  bool containsValue(Object? value) {
    final modificationCount = _table.modificationCount;
    for (var node = _table.firstNode; node != null; node = _table.successor(node)) {
      if (node.value == value) return true;
      if (modificationCount != _table.modificationCount) {
        throw ConcurrentModificationError(this);
      }
    }
    return false;
  }

  V? remove(Object? key) {
    if (!_isValidKey(key)) return null;
    return _table.removeKey(key)?.value;
  }

  void clear() => _table.clear();
  int get length => _table.length;
  bool get isEmpty => _table.length == 0;
  bool get isNotEmpty => _table.length != 0;

  Iterable<K> get keys => _HashTableIterable<K, V, K>(_table, this, _HashPart.key);
  Iterable<V> get values => _HashTableIterable<K, V, V>(_table, this, _HashPart.value);
  Iterable<MapEntry<K, V>> get entries =>
      _HashTableIterable<K, V, MapEntry<K, V>>(_table, this, _HashPart.entry);

  void forEach(void Function(K key, V value) action) {
    final modificationCount = _table.modificationCount;
    for (var node = _table.firstNode; node != null; node = _table.successor(node)) {
      action(node.key, node.value);
      if (modificationCount != _table.modificationCount) {
        throw ConcurrentModificationError(this);
      }
    }
  }

  V putIfAbsent(K key, V Function() ifAbsent) {
    final node = _table.find(key);
    if (node != null) return node.value;
    final value = ifAbsent();
    this[key] = value;
    return value;
  }

  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) {
    final node = _table.find(key);
    if (node != null) {
      final value = update(node.value);
      this[key] = value;
      return value;
    }
    if (ifAbsent != null) {
      final value = ifAbsent();
      this[key] = value;
      return value;
    }
    throw ArgumentError.value(key, "key", "Key not in map.");
  }

  void updateAll(V Function(K key, V value) update) {
    final modificationCount = _table.modificationCount;
    for (var node = _table.firstNode; node != null; node = _table.successor(node)) {
      node.value = update(node.key, node.value);
      if (modificationCount != _table.modificationCount) {
        throw ConcurrentModificationError(this);
      }
    }
  }

  void removeWhere(bool Function(K key, V value) test) {
    final doomed = <K>[];
    for (var node = _table.firstNode; node != null; node = _table.successor(node)) {
      if (test(node.key, node.value)) doomed.add(node.key);
    }
    for (final key in doomed) {
      _table.removeKey(key);
    }
  }
}

// The concrete classes carry the Dart VM's class names (they show in `runtimeType` and
// in error messages).

final class _CompactLinkedCustomHashMap<K, V> extends _CustomHashMapBase<K, V>
    implements LinkedHashMap<K, V> {
  _CompactLinkedCustomHashMap(bool Function(K key1, K key2) equals,
      int Function(K key) hashCode, bool Function(dynamic potentialKey)? validKey)
      : super(equals, hashCode, validKey, true);
}

final class _CompactLinkedIdentityHashMap<K, V> extends _CustomHashMapBase<K, V>
    implements LinkedHashMap<K, V> {
  _CompactLinkedIdentityHashMap() : super(identical, identityHashCode, _anyKey, true);
}

final class _HashMap<K, V> extends _CustomHashMapBase<K, V> implements HashMap<K, V> {
  _HashMap() : super(_defaultEquals, _defaultHashCode, _anyKey, false);
}

final class _CustomHashMap<K, V> extends _CustomHashMapBase<K, V> implements HashMap<K, V> {
  _CustomHashMap(bool Function(K key1, K key2) equals, int Function(K key) hashCode,
      bool Function(dynamic potentialKey)? validKey)
      : super(equals, hashCode, validKey, false);
}

final class _IdentityHashMap<K, V> extends _CustomHashMapBase<K, V> implements HashMap<K, V> {
  _IdentityHashMap() : super(identical, identityHashCode, _anyKey, false);
}

/// The sets on a `_HashTable`: `LinkedHashSet(equals:, hashCode:, isValidKey:)`,
/// `.identity()` and every `HashSet`.
abstract base class _CustomHashSetBase<E> extends SetBase<E> {
  final _HashTable<E, Object?> _table;
  final bool Function(E e1, E e2) _equality;
  final int Function(E e) _hasher;
  final bool Function(dynamic potentialKey)? _validKey;

  _CustomHashSetBase(this._equality, this._hasher, this._validKey, bool linked)
      : _table = _HashTable<E, Object?>(_equality, _hasher, linked);

  bool _isValidKey(Object? key) => _validKey == null ? key is E : _validKey!(key);

  Set<E> _newEmpty();

  Iterator<E> get iterator => _HashTableIterator<E, Object?, E>(_table, this, _HashPart.key);
  int get length => _table.length;
  bool get isEmpty => _table.length == 0;
  bool get isNotEmpty => _table.length != 0;

  bool contains(Object? element) => _isValidKey(element) && _table.find(element) != null;

  E? lookup(Object? element) {
    if (!_isValidKey(element)) return null;
    return _table.find(element)?.key;
  }

  bool add(E element) => _table.put(element, null);

  bool remove(Object? element) {
    if (!_isValidKey(element)) return false;
    return _table.removeKey(element) != null;
  }

  void clear() => _table.clear();

  E get first {
    final node = _table.firstNode;
    if (node == null) throw IterableElementError.noElement();
    return node.key;
  }

  E get last {
    final node = _table.lastNode;
    if (node == null) throw IterableElementError.noElement();
    return node.key;
  }

  void forEach(void Function(E element) action) {
    final modificationCount = _table.modificationCount;
    for (var node = _table.firstNode; node != null; node = _table.successor(node)) {
      action(node.key);
      if (modificationCount != _table.modificationCount) {
        throw ConcurrentModificationError(this);
      }
    }
  }

  Set<E> toSet() => _newEmpty()..addAll(this);
}

final class _CompactLinkedCustomHashSet<E> extends _CustomHashSetBase<E>
    implements LinkedHashSet<E> {
  _CompactLinkedCustomHashSet(bool Function(E e1, E e2) equals, int Function(E e) hashCode,
      bool Function(dynamic potentialKey)? validKey)
      : super(equals, hashCode, validKey, true);
  Set<E> _newEmpty() => _CompactLinkedCustomHashSet<E>(_equality, _hasher, _validKey);
}

final class _CompactLinkedIdentityHashSet<E> extends _CustomHashSetBase<E>
    implements LinkedHashSet<E> {
  _CompactLinkedIdentityHashSet() : super(identical, identityHashCode, _anyKey, true);
  Set<E> _newEmpty() => _CompactLinkedIdentityHashSet<E>();
}

final class _HashSet<E> extends _CustomHashSetBase<E> implements HashSet<E> {
  _HashSet() : super(_defaultEquals, _defaultHashCode, _anyKey, false);
  Set<E> _newEmpty() => _HashSet<E>();
}

final class _CustomHashSet<E> extends _CustomHashSetBase<E> implements HashSet<E> {
  _CustomHashSet(bool Function(E e1, E e2) equals, int Function(E e) hashCode,
      bool Function(dynamic potentialKey)? validKey)
      : super(equals, hashCode, validKey, false);
  Set<E> _newEmpty() => _CustomHashSet<E>(_equality, _hasher, _validKey);
}

final class _IdentityHashSet<E> extends _CustomHashSetBase<E> implements HashSet<E> {
  _IdentityHashSet() : super(identical, identityHashCode, _anyKey, false);
  Set<E> _newEmpty() => _IdentityHashSet<E>();
}

/// `cast` of the sets here: a copy whose elements were checked (not a lazy view).
Set<R> _castSetCopy<E, R>(Set<E> source) {
  final result = Set<R>();
  for (final element in source) {
    result.add(element as R);
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Queues: `ListQueue` (a circular buffer, the default `Queue`) and `DoubleLinkedQueue`.
// ---------------------------------------------------------------------------------------

abstract interface class Queue<E> implements Iterable<E> {
  factory Queue() = ListQueue<E>;
  factory Queue.from(Iterable<dynamic> elements) = ListQueue<E>.from;
  factory Queue.of(Iterable<E> elements) = ListQueue<E>.of;

  /// A view of [source] as a `Queue<T>`: elements read are cast to `T`, elements
  /// added are cast to `S`.
  static Queue<T> castFrom<S, T>(Queue<S> source) => _CastQueue<S, T>(source);

  Queue<R> cast<R>();
  E removeFirst();
  E removeLast();
  void addFirst(E value);
  void addLast(E value);
  void add(E value);
  bool remove(Object? value);
  void addAll(Iterable<E> iterable);
  void removeWhere(bool Function(E element) test);
  void retainWhere(bool Function(E element) test);
  void clear();
}

final class ListQueue<E> extends Iterable<E> implements Queue<E> {
  static const int _initialCapacity = 8;
  List<E?> _table;
  int _head = 0;
  int _tail = 0;
  int _modificationCount = 0;

  /// A queue with room for [initialCapacity] elements before it grows (rounded up to a
  /// power of two, as the SDK's).
  ListQueue([int? initialCapacity])
      : _table = List<E?>.filled(_capacityFor(initialCapacity), null);

  static int _capacityFor(int? initialCapacity) {
    if (initialCapacity == null || initialCapacity < _initialCapacity) {
      return _initialCapacity;
    }
    int capacity = _initialCapacity;
    while (capacity <= initialCapacity) {
      capacity *= 2;
    }
    return capacity;
  }

  factory ListQueue.from(Iterable<dynamic> elements) {
    final queue = ListQueue<E>(elements is List ? elements.length : null);
    for (final element in elements) {
      queue.addLast(element as E);
    }
    return queue;
  }

  factory ListQueue.of(Iterable<E> elements) => ListQueue<E>()..addAll(elements);

  Queue<R> cast<R>() => Queue.castFrom<E, R>(this);

  Iterator<E> get iterator => _ListQueueIterator<E>(this);

  void forEach(void Function(E element) action) {
    final modificationCount = _modificationCount;
    for (int i = _head; i != _tail; i = (i + 1) & (_table.length - 1)) {
      action(_table[i] as E);
      _checkModification(modificationCount);
    }
  }

  bool get isEmpty => _head == _tail;
  int get length => (_tail - _head) & (_table.length - 1);

  E get first {
    if (_head == _tail) throw IterableElementError.noElement();
    return _table[_head] as E;
  }

  E get last {
    if (_head == _tail) throw IterableElementError.noElement();
    return _table[(_tail - 1) & (_table.length - 1)] as E;
  }

  E get single {
    if (_head == _tail) throw IterableElementError.noElement();
    if (length > 1) throw IterableElementError.tooMany();
    return _table[_head] as E;
  }

  E elementAt(int index) {
    RangeError.checkValidIndex(index, this, "index", length);
    return _table[(_head + index) & (_table.length - 1)] as E;
  }

  List<E> toList({bool growable = true}) {
    final list = <E>[];
    for (int i = _head; i != _tail; i = (i + 1) & (_table.length - 1)) {
      list.add(_table[i] as E);
    }
    return growable ? list : List<E>.of(list, growable: false);
  }

  void add(E value) => _add(value);

  void addAll(Iterable<E> elements) {
    for (final element in elements) {
      _add(element);
    }
  }

  bool remove(Object? value) {
    for (int i = _head; i != _tail; i = (i + 1) & (_table.length - 1)) {
      final element = _table[i];
      if (element == value) {
        _remove(i);
        _modificationCount++;
        return true;
      }
    }
    return false;
  }

  void _filterWhere(bool Function(E element) test, bool removeMatching) {
    var modificationCount = _modificationCount;
    int i = _head;
    while (i != _tail) {
      final element = _table[i] as E;
      final remove = identical(removeMatching, test(element));
      _checkModification(modificationCount);
      if (remove) {
        i = _remove(i);
        modificationCount = ++_modificationCount;
      } else {
        i = (i + 1) & (_table.length - 1);
      }
    }
  }

  void removeWhere(bool Function(E element) test) => _filterWhere(test, true);
  void retainWhere(bool Function(E element) test) => _filterWhere(test, false);

  void clear() {
    if (_head != _tail) {
      for (int i = _head; i != _tail; i = (i + 1) & (_table.length - 1)) {
        _table[i] = null;
      }
      _head = _tail = 0;
      _modificationCount++;
    }
  }

  String toString() => Iterable.iterableToFullString(this, "{", "}");

  void addLast(E value) => _add(value);

  void addFirst(E value) {
    _head = (_head - 1) & (_table.length - 1);
    _table[_head] = value;
    if (_head == _tail) _grow();
    _modificationCount++;
  }

  E removeFirst() {
    if (_head == _tail) throw IterableElementError.noElement();
    _modificationCount++;
    final result = _table[_head] as E;
    _table[_head] = null;
    _head = (_head + 1) & (_table.length - 1);
    return result;
  }

  E removeLast() {
    if (_head == _tail) throw IterableElementError.noElement();
    _modificationCount++;
    _tail = (_tail - 1) & (_table.length - 1);
    final result = _table[_tail] as E;
    _table[_tail] = null;
    return result;
  }

  void _checkModification(int expectedModificationCount) {
    if (expectedModificationCount != _modificationCount) {
      throw ConcurrentModificationError(this);
    }
  }

  void _add(E element) {
    _table[_tail] = element;
    _tail = (_tail + 1) & (_table.length - 1);
    if (_head == _tail) _grow();
    _modificationCount++;
  }

  /// Removes the element at table index [offset], closing the gap from the shorter
  /// side; returns the index of the element that followed it.
  int _remove(int offset) {
    final mask = _table.length - 1;
    final startDistance = (offset - _head) & mask;
    final endDistance = (_tail - offset) & mask;
    if (startDistance < endDistance) {
      int i = offset;
      while (i != _head) {
        final previous = (i - 1) & mask;
        _table[i] = _table[previous];
        i = previous;
      }
      _table[_head] = null;
      _head = (_head + 1) & mask;
      return (offset + 1) & mask;
    } else {
      _tail = (_tail - 1) & mask;
      int i = offset;
      while (i != _tail) {
        final next = (i + 1) & mask;
        _table[i] = _table[next];
        i = next;
      }
      _table[_tail] = null;
      return offset;
    }
  }

  /// Doubles the table when it became full (`_head == _tail` after an add).
  void _grow() {
    final newTable = List<E?>.filled(_table.length * 2, null);
    final split = _table.length - _head;
    for (int i = 0; i < split; i++) {
      newTable[i] = _table[_head + i];
    }
    for (int i = 0; i < _head; i++) {
      newTable[split + i] = _table[i];
    }
    _head = 0;
    _tail = _table.length;
    _table = newTable;
  }
}

final class _ListQueueIterator<E> implements Iterator<E> {
  final ListQueue<E> _queue;
  final int _end;
  final int _modificationCount;
  int _position;
  E? _current;

  _ListQueueIterator(ListQueue<E> queue)
      : _queue = queue,
        _end = queue._tail,
        _modificationCount = queue._modificationCount,
        _position = queue._head;

  E get current => _current as E;

  bool moveNext() {
    _queue._checkModification(_modificationCount);
    if (_position == _end) {
      _current = null;
      return false;
    }
    _current = _queue._table[_position];
    _position = (_position + 1) & (_queue._table.length - 1);
    return true;
  }
}

final class _CastQueue<S, T> extends Iterable<T> implements Queue<T> {
  final Queue<S> _source;
  _CastQueue(this._source);

  Iterator<T> get iterator => _source.map<T>((S e) => e as T).iterator;
  int get length => _source.length;
  bool get isEmpty => _source.isEmpty;
  bool get isNotEmpty => _source.isNotEmpty;
  bool contains(Object? element) => _source.contains(element);
  Queue<R> cast<R>() => _CastQueue<S, R>(_source);
  T removeFirst() => _source.removeFirst() as T;
  T removeLast() => _source.removeLast() as T;
  void add(T value) => _source.add(value as S);
  void addFirst(T value) => _source.addFirst(value as S);
  void addLast(T value) => _source.addLast(value as S);
  bool remove(Object? value) => _source.remove(value);
  void addAll(Iterable<T> elements) => _source.addAll(elements.map<S>((T e) => e as S));
  void removeWhere(bool Function(T element) test) =>
      _source.removeWhere((S element) => test(element as T));
  void retainWhere(bool Function(T element) test) =>
      _source.retainWhere((S element) => test(element as T));
  void clear() => _source.clear();
  String toString() => Iterable.iterableToFullString(this, "{", "}");
}

/// The links of a `DoubleLinkedQueue`: its entries and the sentinel that closes the ring.
abstract class _DoubleLink<E> {
  _DoubleLink<E>? _previousLink;
  _DoubleLink<E>? _nextLink;

  DoubleLinkedQueueEntry<E>? get _asEntry;
}

final class DoubleLinkedQueueEntry<E> extends _DoubleLink<E> {
  /// The queue this entry is in (null when it is not in one).
  DoubleLinkedQueue<E>? _queue;
  E element;

  DoubleLinkedQueueEntry(this.element);

  DoubleLinkedQueueEntry<E>? get _asEntry => this;

  /// Puts this entry between [previous] and [next] (either may be null outside a queue).
  void _link(_DoubleLink<E>? previous, _DoubleLink<E>? next) {
    _previousLink = previous;
    _nextLink = next;
    previous?._nextLink = this;
    next?._previousLink = this;
  }

  void append(E e) {
    final entry = DoubleLinkedQueueEntry<E>(e);
    entry._queue = _queue;
    entry._link(this, _nextLink);
    _queue?._changed(1);
  }

  void prepend(E e) {
    final entry = DoubleLinkedQueueEntry<E>(e);
    entry._queue = _queue;
    entry._link(_previousLink, this);
    _queue?._changed(1);
  }

  E remove() {
    _previousLink?._nextLink = _nextLink;
    _nextLink?._previousLink = _previousLink;
    _previousLink = null;
    _nextLink = null;
    _queue?._changed(-1);
    _queue = null;
    return element;
  }

  DoubleLinkedQueueEntry<E>? previousEntry() => _previousLink?._asEntry;
  DoubleLinkedQueueEntry<E>? nextEntry() => _nextLink?._asEntry;
}

final class _DoubleLinkSentinel<E> extends _DoubleLink<E> {
  _DoubleLinkSentinel() {
    _previousLink = this;
    _nextLink = this;
  }
  DoubleLinkedQueueEntry<E>? get _asEntry => null;
}

final class DoubleLinkedQueue<E> extends Iterable<E> implements Queue<E> {
  final _DoubleLinkSentinel<E> _sentinel = _DoubleLinkSentinel<E>();
  int _elementCount = 0;

  DoubleLinkedQueue();

  factory DoubleLinkedQueue.from(Iterable<dynamic> elements) {
    final queue = DoubleLinkedQueue<E>();
    for (final element in elements) {
      queue.addLast(element as E);
    }
    return queue;
  }

  factory DoubleLinkedQueue.of(Iterable<E> elements) =>
      DoubleLinkedQueue<E>()..addAll(elements);

  void _changed(int delta) {
    _elementCount += delta;
  }

  Queue<R> cast<R>() => Queue.castFrom<E, R>(this);

  int get length => _elementCount;
  bool get isEmpty => _elementCount == 0;
  bool get isNotEmpty => _elementCount != 0;

  void addLast(E value) {
    final entry = DoubleLinkedQueueEntry<E>(value);
    entry._queue = this;
    entry._link(_sentinel._previousLink, _sentinel);
    _elementCount++;
  }

  void addFirst(E value) {
    final entry = DoubleLinkedQueueEntry<E>(value);
    entry._queue = this;
    entry._link(_sentinel, _sentinel._nextLink);
    _elementCount++;
  }

  void add(E value) => addLast(value);

  void addAll(Iterable<E> iterable) {
    for (final value in iterable) {
      addLast(value);
    }
  }

  E removeLast() {
    final entry = _sentinel._previousLink!._asEntry;
    if (entry == null) throw IterableElementError.noElement();
    return entry.remove();
  }

  E removeFirst() {
    final entry = _sentinel._nextLink!._asEntry;
    if (entry == null) throw IterableElementError.noElement();
    return entry.remove();
  }

  bool remove(Object? o) {
    var link = _sentinel._nextLink!;
    while (true) {
      final entry = link._asEntry;
      if (entry == null) return false;
      final equals = entry.element == o;
      if (!identical(this, entry._queue)) throw ConcurrentModificationError(this);
      if (equals) {
        entry.remove();
        return true;
      }
      link = entry._nextLink!;
    }
  }

  void _filter(bool Function(E element) test, bool removeMatching) {
    var link = _sentinel._nextLink!;
    while (true) {
      final entry = link._asEntry;
      if (entry == null) return;
      final matches = test(entry.element);
      if (!identical(this, entry._queue)) throw ConcurrentModificationError(this);
      final next = entry._nextLink!;
      if (identical(removeMatching, matches)) entry.remove();
      link = next;
    }
  }

  void removeWhere(bool Function(E element) test) => _filter(test, true);
  void retainWhere(bool Function(E element) test) => _filter(test, false);

  E get first {
    final entry = _sentinel._nextLink!._asEntry;
    if (entry == null) throw IterableElementError.noElement();
    return entry.element;
  }

  E get last {
    final entry = _sentinel._previousLink!._asEntry;
    if (entry == null) throw IterableElementError.noElement();
    return entry.element;
  }

  E get single {
    final entry = _sentinel._nextLink!._asEntry;
    if (entry == null) throw IterableElementError.noElement();
    if (!identical(_sentinel._previousLink, entry)) throw IterableElementError.tooMany();
    return entry.element;
  }

  DoubleLinkedQueueEntry<E>? firstEntry() => _sentinel._nextLink!._asEntry;
  DoubleLinkedQueueEntry<E>? lastEntry() => _sentinel._previousLink!._asEntry;

  void clear() {
    var link = _sentinel._nextLink!;
    while (true) {
      final entry = link._asEntry;
      if (entry == null) break;
      link = entry._nextLink!;
      entry._previousLink = null;
      entry._nextLink = null;
      entry._queue = null;
    }
    _sentinel._nextLink = _sentinel;
    _sentinel._previousLink = _sentinel;
    _elementCount = 0;
  }

  /// Calls [action] with each entry, first to last. When [action] removes the entry it
  /// was given, the walk goes on from the entry that followed it; otherwise from the
  /// entry's current successor (so entries it appends are visited).
  void forEachEntry(void Function(DoubleLinkedQueueEntry<E> element) action) {
    var link = _sentinel._nextLink!;
    while (true) {
      final entry = link._asEntry;
      if (entry == null) return;
      if (!identical(entry._queue, this)) throw ConcurrentModificationError(this);
      link = entry._nextLink!;
      action(entry);
      if (identical(this, entry._queue)) link = entry._nextLink!;
    }
  }

  Iterator<E> get iterator => _DoubleLinkedQueueIterator<E>(this);

  String toString() => Iterable.iterableToFullString(this, "{", "}");
}

final class _DoubleLinkedQueueIterator<E> implements Iterator<E> {
  final DoubleLinkedQueue<E> _queue;
  _DoubleLink<E>? _nextLink;
  E? _current;

  _DoubleLinkedQueueIterator(DoubleLinkedQueue<E> queue)
      : _queue = queue,
        _nextLink = queue._sentinel._nextLink;

  E get current => _current as E;

  bool moveNext() {
    final entry = _nextLink?._asEntry;
    if (entry == null) {
      _current = null;
      _nextLink = null;
      return false;
    }
    if (!identical(_queue, entry._queue)) throw ConcurrentModificationError(_queue);
    _current = entry.element;
    _nextLink = entry._nextLink;
    return true;
  }
}

// ---------------------------------------------------------------------------------------
// SplayTreeMap and SplayTreeSet: a top-down splay tree. Every lookup splays the found
// (or last visited) node to the root; `modificationCount` changes when a key is added or
// removed, `splayCount` when the root changes (iterators then rebuild their path).
// ---------------------------------------------------------------------------------------

final class _SplayNode<K, V> {
  final K key;
  V value;
  _SplayNode<K, V>? left;
  _SplayNode<K, V>? right;
  _SplayNode(this.key, this.value);
}

/// The default `compare` (the SDK's): both keys must be `Comparable`.
int _dynamicCompare(dynamic a, dynamic b) =>
    Comparable.compare(a as Comparable, b as Comparable);

final class _SplayTree<K, V> {
  final int Function(K key1, K key2) compare;
  final bool Function(dynamic potentialKey)? _validKey;
  _SplayNode<K, V>? root;
  int count = 0;
  int modificationCount = 0;
  int splayCount = 0;

  /// Whether [compare] is the default (then `_compare` calls `compareTo` directly).
  final bool _natural;

  _SplayTree(int Function(K key1, K key2)? compare, this._validKey)
      : compare = compare ?? _dynamicCompare,
        _natural = compare == null;

  int _compare(K a, K b) => _natural ? (a as Comparable).compareTo(b) : compare(a, b);

  bool isValidKey(Object? key) => _validKey == null ? key is K : _validKey!(key);

  /// Splays the node nearest to [key] to the root; returns `compare(root.key, key)`
  /// (-1 for an empty tree, after checking that [key] compares at all).
  int splay(K key) {
    var current = root;
    if (current == null) {
      _compare(key, key);
      return -1;
    }
    _SplayNode<K, V>? left;
    _SplayNode<K, V>? newTreeLeft;
    _SplayNode<K, V>? right;
    _SplayNode<K, V>? newTreeRight;
    int comp;
    while (true) {
      comp = _compare(current!.key, key);
      if (comp > 0) {
        var currentLeft = current.left;
        if (currentLeft == null) break;
        comp = _compare(currentLeft.key, key);
        if (comp > 0) {
          current.left = currentLeft.right;
          currentLeft.right = current;
          current = currentLeft;
          currentLeft = current.left;
          if (currentLeft == null) break;
        }
        if (right == null) {
          newTreeRight = current;
        } else {
          right.left = current;
        }
        right = current;
        current = currentLeft;
      } else if (comp < 0) {
        var currentRight = current.right;
        if (currentRight == null) break;
        comp = _compare(currentRight.key, key);
        if (comp < 0) {
          current.right = currentRight.left;
          currentRight.left = current;
          current = currentRight;
          currentRight = current.right;
          if (currentRight == null) break;
        }
        if (left == null) {
          newTreeLeft = current;
        } else {
          left.right = current;
        }
        left = current;
        current = currentRight;
      } else {
        break;
      }
    }
    if (left != null) {
      left.right = current.left;
      current.left = newTreeLeft;
    }
    if (right != null) {
      right.left = current.right;
      current.right = newTreeRight;
    }
    _setRoot(current);
    return comp;
  }

  void _setRoot(_SplayNode<K, V> node) {
    if (!identical(root, node)) {
      root = node;
      splayCount++;
    }
  }

  static _SplayNode<K, V> _splayMin<K, V>(_SplayNode<K, V> node) {
    var current = node;
    var nextLeft = current.left;
    while (nextLeft != null) {
      current.left = nextLeft.right;
      nextLeft.right = current;
      current = nextLeft;
      nextLeft = current.left;
    }
    return current;
  }

  static _SplayNode<K, V> _splayMax<K, V>(_SplayNode<K, V> node) {
    var current = node;
    var nextRight = current.right;
    while (nextRight != null) {
      current.right = nextRight.left;
      nextRight.left = current;
      current = nextRight;
      nextRight = current.right;
    }
    return current;
  }

  _SplayNode<K, V>? get first {
    final r = root;
    if (r == null) return null;
    _setRoot(_splayMin<K, V>(r));
    return root;
  }

  _SplayNode<K, V>? get last {
    final r = root;
    if (r == null) return null;
    _setRoot(_splayMax<K, V>(r));
    return root;
  }

  /// Adds [node] as the new root; [comp] is the result of the `splay` of its key.
  void addNewRoot(_SplayNode<K, V> node, int comp) {
    count++;
    modificationCount++;
    final r = root;
    if (r != null) {
      if (comp < 0) {
        node.left = r;
        node.right = r.right;
        r.right = null;
      } else {
        node.right = r;
        node.left = r.left;
        r.left = null;
      }
    }
    root = node;
    splayCount++;
  }

  _SplayNode<K, V>? remove(K key) {
    if (root == null) return null;
    if (splay(key) != 0) return null;
    final result = root!;
    final left = result.left;
    count--;
    if (left == null) {
      root = result.right;
    } else {
      final newRoot = _splayMax<K, V>(left);
      newRoot.right = result.right;
      root = newRoot;
    }
    splayCount++;
    modificationCount++;
    return result;
  }

  void clear() {
    root = null;
    count = 0;
    modificationCount++;
  }

  /// The key just before [key] in the order (null if none).
  K? keyBefore(K key) {
    if (root == null) return null;
    if (splay(key) < 0) return root!.key;
    var node = root!.left;
    if (node == null) return null;
    while (node!.right != null) {
      node = node.right;
    }
    return node.key;
  }

  K? keyAfter(K key) {
    if (root == null) return null;
    if (splay(key) > 0) return root!.key;
    var node = root!.right;
    if (node == null) return null;
    while (node!.left != null) {
      node = node.left;
    }
    return node.key;
  }

  static _SplayNode<K, V>? copy<K, V>(_SplayNode<K, V>? node) {
    if (node == null) return null;
    final result = _SplayNode<K, V>(node.key, node.value);
    result.left = copy<K, V>(node.left);
    result.right = copy<K, V>(node.right);
    return result;
  }
}

/// An in-order walk of a `_SplayTree` with the path of pending ancestors; a lookup that
/// splays the tree makes it rebuild the path from its current key, an added or removed
/// key makes the next `moveNext` throw.
final class _SplayTreeIterator<K, V, T> implements Iterator<T> {
  final _SplayTree<K, V> _tree;
  final Object _owner;
  final _HashPart _part;
  final List<_SplayNode<K, V>> _path = <_SplayNode<K, V>>[];
  final int _modificationCount;
  int _splayCount;
  _SplayNode<K, V>? _currentNode;

  _SplayTreeIterator(this._tree, this._owner, this._part)
      : _modificationCount = _tree.modificationCount,
        _splayCount = _tree.splayCount {
    _pushLeftPath(_tree.root);
  }

  void _pushLeftPath(_SplayNode<K, V>? node) {
    while (node != null) {
      _path.add(node);
      node = node.left;
    }
  }

  T get current {
    final node = _currentNode;
    if (node == null) return null as T;
    return (switch (_part) {
      _HashPart.key => node.key,
      _HashPart.value => node.value,
      _HashPart.entry => MapEntry<K, V>(node.key, node.value),
    }) as T;
  }

  bool moveNext() {
    if (_modificationCount != _tree.modificationCount) {
      throw ConcurrentModificationError(_owner);
    }
    if (_splayCount != _tree.splayCount) {
      _path.clear();
      final node = _currentNode;
      if (node == null) {
        _pushLeftPath(_tree.root);
      } else {
        _tree.splay(node.key);
        _pushLeftPath(_tree.root!.right);
      }
      _splayCount = _tree.splayCount;
    }
    if (_path.isEmpty) {
      _currentNode = null;
      return false;
    }
    final node = _path.removeLast();
    _currentNode = node;
    _pushLeftPath(node.right);
    return true;
  }
}

final class _SplayTreeIterable<K, V, T> extends Iterable<T> {
  final _SplayTree<K, V> _tree;
  final Object _owner;
  final _HashPart _part;
  _SplayTreeIterable(this._tree, this._owner, this._part);

  Iterator<T> get iterator => _SplayTreeIterator<K, V, T>(_tree, _owner, _part);
  int get length => _tree.count;
  bool get isEmpty => _tree.count == 0;
  bool get isNotEmpty => _tree.count != 0;

  bool contains(Object? element) {
    if (_part == _HashPart.key) return (_owner as Map).containsKey(element);
    return super.contains(element);
  }

  Set<T> toSet() {
    if (_part != _HashPart.key) return super.toSet();
    final set = SplayTreeSet<K>(_tree.compare, _tree._validKey);
    set._tree.count = _tree.count;
    set._tree.root = _SplayTree.copy<K, Object?>(_tree.root);
    return set as Set<T>;
  }
}

final class SplayTreeMap<K, V> extends MapBase<K, V> {
  final _SplayTree<K, V> _tree;

  SplayTreeMap(
      [int Function(K key1, K key2)? compare, bool Function(dynamic potentialKey)? isValidKey])
      : _tree = _SplayTree<K, V>(compare, isValidKey);

  factory SplayTreeMap.from(Map<dynamic, dynamic> other,
      [int Function(K key1, K key2)? compare, bool Function(dynamic potentialKey)? isValidKey]) {
    if (other is Map<K, V>) return SplayTreeMap<K, V>.of(other, compare, isValidKey);
    final result = SplayTreeMap<K, V>(compare, isValidKey);
    other.forEach((dynamic k, dynamic v) {
      result[k as K] = v as V;
    });
    return result;
  }

  factory SplayTreeMap.of(Map<K, V> other,
          [int Function(K key1, K key2)? compare,
          bool Function(dynamic potentialKey)? isValidKey]) =>
      SplayTreeMap<K, V>(compare, isValidKey)..addAll(other);

  factory SplayTreeMap.fromIterable(Iterable iterable,
      {K Function(dynamic element)? key,
      V Function(dynamic element)? value,
      int Function(K key1, K key2)? compare,
      bool Function(dynamic potentialKey)? isValidKey}) {
    final map = SplayTreeMap<K, V>(compare, isValidKey);
    _fillMapWithMappedIterable<K, V>(map, iterable, key, value);
    return map;
  }

  factory SplayTreeMap.fromIterables(Iterable<K> keys, Iterable<V> values,
      [int Function(K key1, K key2)? compare, bool Function(dynamic potentialKey)? isValidKey]) {
    final map = SplayTreeMap<K, V>(compare, isValidKey);
    _fillMapWithIterables<K, V>(map, keys, values);
    return map;
  }

  V? operator [](Object? key) {
    if (!_tree.isValidKey(key)) return null;
    if (_tree.root != null && _tree.splay(key as K) == 0) return _tree.root!.value;
    return null;
  }

  V? remove(Object? key) {
    if (!_tree.isValidKey(key)) return null;
    return _tree.remove(key as K)?.value;
  }

  void operator []=(K key, V value) {
    final comp = _tree.splay(key);
    if (comp == 0) {
      _tree.root!.value = value;
      return;
    }
    _tree.addNewRoot(_SplayNode<K, V>(key, value), comp);
  }

  V putIfAbsent(K key, V Function() ifAbsent) {
    int comp = _tree.splay(key);
    if (comp == 0) return _tree.root!.value;
    final modificationCount = _tree.modificationCount;
    final splayCount = _tree.splayCount;
    final value = ifAbsent();
    if (modificationCount != _tree.modificationCount) throw ConcurrentModificationError(this);
    if (splayCount != _tree.splayCount) comp = _tree.splay(key);
    _tree.addNewRoot(_SplayNode<K, V>(key, value), comp);
    return value;
  }

  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) {
    int comp = _tree.splay(key);
    if (comp == 0) {
      final node = _tree.root!;
      final modificationCount = _tree.modificationCount;
      final newValue = update(node.value);
      if (modificationCount != _tree.modificationCount) {
        throw ConcurrentModificationError(this);
      }
      node.value = newValue;
      return newValue;
    }
    if (ifAbsent != null) {
      final modificationCount = _tree.modificationCount;
      final splayCount = _tree.splayCount;
      final newValue = ifAbsent();
      if (modificationCount != _tree.modificationCount) {
        throw ConcurrentModificationError(this);
      }
      if (splayCount != _tree.splayCount) comp = _tree.splay(key);
      _tree.addNewRoot(_SplayNode<K, V>(key, newValue), comp);
      return newValue;
    }
    throw ArgumentError.value(key, "key", "Key not in map.");
  }

  void updateAll(V Function(K key, V value) update) {
    final iterator = _SplayTreeIterator<K, V, K>(_tree, this, _HashPart.key);
    while (iterator.moveNext()) {
      final node = iterator._currentNode!;
      node.value = update(node.key, node.value);
    }
  }

  void addAll(Map<K, V> other) {
    other.forEach((K key, V value) {
      this[key] = value;
    });
  }

  bool get isEmpty => _tree.root == null;
  bool get isNotEmpty => _tree.root != null;
  int get length => _tree.count;

  void forEach(void Function(K key, V value) action) {
    final iterator = _SplayTreeIterator<K, V, K>(_tree, this, _HashPart.key);
    while (iterator.moveNext()) {
      final node = iterator._currentNode!;
      action(node.key, node.value);
    }
  }

  void clear() => _tree.clear();

  bool containsKey(Object? key) => _tree.isValidKey(key) && _tree.splay(key as K) == 0;

  bool containsValue(Object? value) {
    final initialSplayCount = _tree.splayCount;
    bool visit(_SplayNode<K, V>? node) {
      while (node != null) {
        if (node.value == value) return true;
        if (initialSplayCount != _tree.splayCount) throw ConcurrentModificationError(this);
        if (node.right != null && visit(node.right)) return true;
        node = node.left;
      }
      return false;
    }

    return visit(_tree.root);
  }

  Iterable<K> get keys => _SplayTreeIterable<K, V, K>(_tree, this, _HashPart.key);
  Iterable<V> get values => _SplayTreeIterable<K, V, V>(_tree, this, _HashPart.value);
  Iterable<MapEntry<K, V>> get entries =>
      _SplayTreeIterable<K, V, MapEntry<K, V>>(_tree, this, _HashPart.entry);

  K? firstKey() => _tree.first?.key;
  K? lastKey() => _tree.last?.key;
  K? lastKeyBefore(K key) => _tree.keyBefore(key);
  K? firstKeyAfter(K key) => _tree.keyAfter(key);
}

final class SplayTreeSet<E> extends SetBase<E> {
  final _SplayTree<E, Object?> _tree;

  SplayTreeSet(
      [int Function(E key1, E key2)? compare, bool Function(dynamic potentialKey)? isValidKey])
      : _tree = _SplayTree<E, Object?>(compare, isValidKey);

  factory SplayTreeSet.from(Iterable elements,
      [int Function(E key1, E key2)? compare, bool Function(dynamic potentialKey)? isValidKey]) {
    if (elements is Iterable<E>) return SplayTreeSet<E>.of(elements, compare, isValidKey);
    final result = SplayTreeSet<E>(compare, isValidKey);
    for (final element in elements) {
      result.add(element as E);
    }
    return result;
  }

  factory SplayTreeSet.of(Iterable<E> elements,
          [int Function(E key1, E key2)? compare,
          bool Function(dynamic potentialKey)? isValidKey]) =>
      SplayTreeSet<E>(compare, isValidKey)..addAll(elements);

  Iterator<E> get iterator => _SplayTreeIterator<E, Object?, E>(_tree, this, _HashPart.key);
  int get length => _tree.count;
  bool get isEmpty => _tree.root == null;
  bool get isNotEmpty => _tree.root != null;

  E get first {
    if (_tree.count == 0) throw IterableElementError.noElement();
    return _tree.first!.key;
  }

  E get last {
    if (_tree.count == 0) throw IterableElementError.noElement();
    return _tree.last!.key;
  }

  E get single {
    if (_tree.count == 0) throw IterableElementError.noElement();
    if (_tree.count > 1) throw IterableElementError.tooMany();
    return _tree.root!.key;
  }

  bool contains(Object? element) => _tree.isValidKey(element) && _tree.splay(element as E) == 0;

  bool add(E element) {
    final comp = _tree.splay(element);
    if (comp == 0) return false;
    _tree.addNewRoot(_SplayNode<E, Object?>(element, null), comp);
    return true;
  }

  bool remove(Object? object) {
    if (!_tree.isValidKey(object)) return false;
    return _tree.remove(object as E) != null;
  }

  void addAll(Iterable<E> elements) {
    for (final element in elements) {
      add(element);
    }
  }

  void removeAll(Iterable<Object?> elements) {
    for (final element in elements) {
      if (_tree.isValidKey(element)) _tree.remove(element as E);
    }
  }

  void retainAll(Iterable<Object?> elements) {
    final retained = SplayTreeSet<E>(_tree.compare, _tree._validKey);
    final modificationCount = _tree.modificationCount;
    for (final object in elements) {
      if (modificationCount != _tree.modificationCount) {
        throw ConcurrentModificationError(this);
      }
      if (_tree.isValidKey(object) && _tree.splay(object as E) == 0) {
        retained.add(_tree.root!.key);
      }
    }
    if (retained._tree.count != _tree.count) {
      _tree.root = retained._tree.root;
      _tree.count = retained._tree.count;
      _tree.modificationCount++;
      _tree.splayCount++;
    }
  }

  E? lookup(Object? object) {
    if (!_tree.isValidKey(object)) return null;
    if (_tree.splay(object as E) != 0) return null;
    return _tree.root!.key;
  }

  Set<E> intersection(Set<Object?> other) {
    final result = SplayTreeSet<E>(_tree.compare, _tree._validKey);
    for (final element in this) {
      if (other.contains(element)) result.add(element);
    }
    return result;
  }

  Set<E> difference(Set<Object?> other) {
    final result = SplayTreeSet<E>(_tree.compare, _tree._validKey);
    for (final element in this) {
      if (!other.contains(element)) result.add(element);
    }
    return result;
  }

  Set<E> union(Set<E> other) => _clone()..addAll(other);

  SplayTreeSet<E> _clone() {
    final set = SplayTreeSet<E>(_tree.compare, _tree._validKey);
    set._tree.count = _tree.count;
    set._tree.root = _SplayTree.copy<E, Object?>(_tree.root);
    return set;
  }

  void clear() => _tree.clear();
  Set<E> toSet() => _clone();
  String toString() => Iterable.iterableToFullString(this, "{", "}");
}

// ---------------------------------------------------------------------------------------
// LinkedList: an intrusive doubly linked list of `LinkedListEntry` subclasses.
// ---------------------------------------------------------------------------------------

final class LinkedList<E extends LinkedListEntry<E>> extends Iterable<E> {
  int _modificationCount = 0;
  int _length = 0;
  E? _first;
  E? _last;

  LinkedList();

  void addFirst(E entry) => _insert(entry, null, _first);
  void add(E entry) => _insert(entry, _last, null);

  void addAll(Iterable<E> entries) {
    entries.forEach(add);
  }

  bool remove(E entry) {
    if (!identical(entry._list, this)) return false;
    _unlink(entry);
    return true;
  }

  bool contains(Object? entry) => entry is LinkedListEntry && identical(this, entry.list);

  Iterator<E> get iterator => _LinkedListIterator<E>(this);
  int get length => _length;
  bool get isEmpty => _length == 0;
  bool get isNotEmpty => _length != 0;

  void clear() {
    _modificationCount++;
    var entry = _first;
    while (entry != null) {
      final next = entry._next;
      entry._list = null;
      entry._next = null;
      entry._previous = null;
      entry = next;
    }
    _first = null;
    _last = null;
    _length = 0;
  }

  E get first => _first ?? (throw StateError("No such element"));
  E get last => _last ?? (throw StateError("No such element"));

  E get single {
    if (_length == 0) throw StateError("No such element");
    if (_length > 1) throw StateError("Too many elements");
    return _first!;
  }

  void forEach(void Function(E entry) action) {
    final modificationCount = _modificationCount;
    var entry = _first;
    while (entry != null) {
      action(entry);
      if (modificationCount != _modificationCount) throw ConcurrentModificationError(this);
      entry = entry._next;
    }
  }

  /// Links [entry] between [previous] and [next] (neighbours in this list, or null at
  /// an end).
  void _insert(E entry, E? previous, E? next) {
    if (entry._list != null) throw StateError("LinkedListEntry is already in a LinkedList");
    _modificationCount++;
    entry._list = this;
    entry._previous = previous;
    entry._next = next;
    if (previous == null) {
      _first = entry;
    } else {
      previous._next = entry;
    }
    if (next == null) {
      _last = entry;
    } else {
      next._previous = entry;
    }
    _length++;
  }

  void _unlink(E entry) {
    _modificationCount++;
    final previous = entry._previous;
    final next = entry._next;
    if (previous == null) {
      _first = next;
    } else {
      previous._next = next;
    }
    if (next == null) {
      _last = previous;
    } else {
      next._previous = previous;
    }
    _length--;
    entry._list = null;
    entry._next = null;
    entry._previous = null;
  }
}

final class _LinkedListIterator<E extends LinkedListEntry<E>> implements Iterator<E> {
  final LinkedList<E> _list;
  final int _modificationCount;
  E? _current;
  E? _next;

  _LinkedListIterator(LinkedList<E> list)
      : _list = list,
        _modificationCount = list._modificationCount,
        _next = list._first;

  E get current => _current as E;

  bool moveNext() {
    if (_modificationCount != _list._modificationCount) {
      throw ConcurrentModificationError(this);
    }
    final next = _next;
    _current = next;
    if (next == null) return false;
    _next = next._next;
    return true;
  }
}

abstract base mixin class LinkedListEntry<E extends LinkedListEntry<E>> {
  LinkedList<E>? _list;
  E? _next;
  E? _previous;

  LinkedList<E>? get list => _list;

  void unlink() {
    _list!._unlink(this as E);
  }

  E? get next => _list == null ? null : _next;
  E? get previous => _list == null ? null : _previous;

  void insertAfter(E entry) {
    _list!._insert(entry, this as E, _next);
  }

  void insertBefore(E entry) {
    _list!._insert(entry, _previous, this as E);
  }
}

// ---------------------------------------------------------------------------------------
// Views: forwarding and unmodifiable wrappers, with the VM's error texts.
// ---------------------------------------------------------------------------------------

/// Mixed into unmodifiable lists: every change throws (the SDK's `UnmodifiableListMixin`).
mixin _UnmodifiableListMixin<E> implements List<E> {
  static Never _modify() => throw UnsupportedError("Cannot modify an unmodifiable list");
  static Never _add() => throw UnsupportedError("Cannot add to an unmodifiable list");
  static Never _remove() => throw UnsupportedError("Cannot remove from an unmodifiable list");

  void operator []=(int index, E value) => _modify();
  set length(int newLength) =>
      throw UnsupportedError("Cannot change the length of an unmodifiable list");
  set first(E element) => _modify();
  set last(E element) => _modify();
  void setAll(int at, Iterable<E> iterable) => _modify();
  void add(E value) => _add();
  void insert(int index, E element) => _add();
  void insertAll(int at, Iterable<E> iterable) => _add();
  void addAll(Iterable<E> iterable) => _add();
  bool remove(Object? element) => _remove();
  void removeWhere(bool Function(E element) test) => _remove();
  void retainWhere(bool Function(E element) test) => _remove();
  void sort([int Function(E a, E b)? compare]) => _modify();
  void shuffle([Random? random]) => _modify();
  void clear() => throw UnsupportedError("Cannot clear an unmodifiable list");
  E removeAt(int index) => _remove();
  E removeLast() => _remove();
  void setRange(int start, int end, Iterable<E> iterable, [int skipCount = 0]) => _modify();
  void removeRange(int start, int end) => _remove();
  void replaceRange(int start, int end, Iterable<E> iterable) => _remove();
  void fillRange(int start, int end, [E? fillValue]) => _modify();
}

/// An unmodifiable List view of another Iterable (reads go to the source, so changes to
/// it show through).
class UnmodifiableListView<E> extends ListBase<E> with _UnmodifiableListMixin<E> {
  final Iterable<E> _source;

  UnmodifiableListView(Iterable<E> source) : _source = source;

  List<R> cast<R>() => UnmodifiableListView<R>(_source.cast<R>());
  int get length => _source.length;
  E operator [](int index) => _source.elementAt(index);
}

/// Mixed into unmodifiable maps (the SDK's `_UnmodifiableMapMixin`).
base mixin _UnmodifiableMapMixin<K, V> implements Map<K, V> {
  static Never _modify() => throw UnsupportedError("Cannot modify unmodifiable map");

  void operator []=(K key, V value) => _modify();
  void addAll(Map<K, V> other) => _modify();
  void addEntries(Iterable<MapEntry<K, V>> entries) => _modify();
  void clear() => _modify();
  V? remove(Object? key) => _modify();
  void removeWhere(bool Function(K key, V value) test) => _modify();
  V putIfAbsent(K key, V Function() ifAbsent) => _modify();
  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) => _modify();
  void updateAll(V Function(K key, V value) update) => _modify();
}

/// A Map forwarding every operation to another map.
class MapView<K, V> implements Map<K, V> {
  final Map<K, V> _map;
  const MapView(Map<K, V> map) : _map = map;

  Map<RK, RV> cast<RK, RV>() => _map.cast<RK, RV>();
  V? operator [](Object? key) => _map[key];
  void operator []=(K key, V value) {
    _map[key] = value;
  }

  void addAll(Map<K, V> other) {
    _map.addAll(other);
  }

  void clear() {
    _map.clear();
  }

  V putIfAbsent(K key, V Function() ifAbsent) => _map.putIfAbsent(key, ifAbsent);
  bool containsKey(Object? key) => _map.containsKey(key);
  bool containsValue(Object? value) => _map.containsValue(value);
  void forEach(void Function(K key, V value) action) {
    _map.forEach(action);
  }

  bool get isEmpty => _map.isEmpty;
  bool get isNotEmpty => _map.isNotEmpty;
  int get length => _map.length;
  Iterable<K> get keys => _map.keys;
  V? remove(Object? key) => _map.remove(key);
  String toString() => _map.toString();
  Iterable<V> get values => _map.values;
  Iterable<MapEntry<K, V>> get entries => _map.entries;

  void addEntries(Iterable<MapEntry<K, V>> entries) {
    _map.addEntries(entries);
  }

  Map<K2, V2> map<K2, V2>(MapEntry<K2, V2> Function(K key, V value) transform) =>
      _map.map<K2, V2>(transform);
  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) =>
      _map.update(key, update, ifAbsent: ifAbsent);
  void updateAll(V Function(K key, V value) update) {
    _map.updateAll(update);
  }

  void removeWhere(bool Function(K key, V value) test) {
    _map.removeWhere(test);
  }
}

/// A view of a map that throws on every change.
class UnmodifiableMapView<K, V> extends MapView<K, V> with _UnmodifiableMapMixin<K, V> {
  UnmodifiableMapView(Map<K, V> map) : super(map);

  Map<RK, RV> cast<RK, RV>() => UnmodifiableMapView<RK, RV>(_map.cast<RK, RV>());
}

/// A MapBase whose changes throw: implement `[]` and `keys`.
abstract class UnmodifiableMapBase<K, V> = MapBase<K, V> with _UnmodifiableMapMixin<K, V>;

/// Mixed into unmodifiable sets.
base mixin _UnmodifiableSetMixin<E> implements Set<E> {
  static Never _modify() => throw UnsupportedError("Cannot change an unmodifiable set");

  bool add(E value) => _modify();
  void clear() => _modify();
  void addAll(Iterable<E> elements) => _modify();
  void removeAll(Iterable<Object?> elements) => _modify();
  void retainAll(Iterable<Object?> elements) => _modify();
  void removeWhere(bool Function(E element) test) => _modify();
  void retainWhere(bool Function(E element) test) => _modify();
  bool remove(Object? value) => _modify();
}

/// An unmodifiable Set view of another Set.
class UnmodifiableSetView<E> extends SetBase<E> with _UnmodifiableSetMixin<E> {
  final Set<E> _source;

  UnmodifiableSetView(Set<E> source) : _source = source;

  bool contains(Object? element) => _source.contains(element);
  E? lookup(Object? element) => _source.lookup(element);
  int get length => _source.length;
  Iterator<E> get iterator => _source.iterator;
  Set<E> toSet() => _source.toSet();
}

/// An Iterator with a `hasNext` look-ahead (deprecated in the SDK, still public).
class HasNextIterator<E> {
  static const int _hasNextMarker = 0;
  static const int _noMoreMarker = 1;
  static const int _notMovedMarker = 2;

  final Iterator<E> _iterator;
  int _state = _notMovedMarker;

  HasNextIterator(this._iterator);

  bool get hasNext {
    if (_state == _notMovedMarker) _move();
    return _state == _hasNextMarker;
  }

  E next() {
    if (!hasNext) throw StateError("No more elements");
    assert(_state == _hasNextMarker);
    final result = _iterator.current;
    _move();
    return result;
  }

  void _move() {
    _state = _iterator.moveNext() ? _hasNextMarker : _noMoreMarker;
  }
}

// ---------------------------------------------------------------------------------------
// ListBase/ListMixin: a List implemented on top of `length`, `length=`, `[]` and `[]=`
// (as the SDK's, every operation goes through those four, so user lists observe them).
// The Iterable operations run over a lazy view whose iterator reads `this[i]`.
// ---------------------------------------------------------------------------------------

typedef ListMixin<E> = ListBase<E>;

abstract mixin class ListBase<E> implements List<E> {
  static String listToString(List list) => Iterable.iterableToFullString(list, "[", "]");

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
  /// From the end, as the SDK's `ListMixin` does.
  E lastWhere(bool Function(E element) test, {E Function()? orElse}) {
    final length = this.length;
    for (var i = length - 1; i >= 0; i--) {
      final element = this[i];
      if (test(element)) return element;
      if (length != this.length) throw ConcurrentModificationError(this);
    }
    if (orElse != null) return orElse();
    throw StateError("No element");
  }

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
  Iterable<E> skip(int count) {
    RangeError.checkNotNegative(count, "start");
    return _view.skip(count);
  }

  Iterable<E> skipWhile(bool Function(E element) test) => _view.skipWhile(test);

  Iterable<E> take(int count) {
    RangeError.checkNotNegative(count, "end");
    return _view.take(count);
  }

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

  void shuffle([Random? random]) {
    final copy = toList();
    copy.shuffle(random);
    for (int i = 0; i < copy.length; i++) {
      this[i] = copy[i];
    }
  }

  Map<int, E> asMap() => _ListMapView<E>(this);

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

/// `asMap()` of a list: a live, unmodifiable `Map<int, E>` over its indices.
final class _ListMapView<E> extends UnmodifiableMapBase<int, E> {
  final List<E> _values;
  _ListMapView(this._values);

  E? operator [](Object? key) => containsKey(key) ? _values[key as int] : null;
  int get length => _values.length;
  Iterable<E> get values => _values.getRange(0, _values.length);
  Iterable<int> get keys => Iterable<int>.generate(_values.length);
  bool get isEmpty => _values.isEmpty;
  bool get isNotEmpty => _values.isNotEmpty;
  bool containsValue(Object? value) => _values.contains(value);
  bool containsKey(Object? key) => key is int && key >= 0 && key < length;

  void forEach(void Function(int key, E value) action) {
    final length = _values.length;
    for (int i = 0; i < length; i++) {
      action(i, _values[i]);
      if (length != _values.length) throw ConcurrentModificationError(_values);
    }
  }
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

/// Maps whose `toString` is running (`MapBase.mapToString` shows a cycle as `{...}`).
final List<Object> _toStringVisiting = <Object>[];


/// A base class for iterables: all operations come from `Iterable` through `iterator`.
abstract class IterableBase<E> extends Iterable<E> {
  const IterableBase();

  static String iterableToShortString(Iterable iterable,
          [String leftDelimiter = "(", String rightDelimiter = ")"]) =>
      Iterable.iterableToShortString(iterable, leftDelimiter, rightDelimiter);

  static String iterableToFullString(Iterable iterable,
          [String leftDelimiter = "(", String rightDelimiter = ")"]) =>
      Iterable.iterableToFullString(iterable, leftDelimiter, rightDelimiter);
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
  String toString() => Iterable.iterableToShortString(this, "(", ")");
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
  static String setToString(Set set) => Iterable.iterableToFullString(set, "{", "}");

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
