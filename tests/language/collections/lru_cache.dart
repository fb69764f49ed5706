// An LRU cache on LinkedHashMap: a hit moves the key to the end (remove + re-insert),
// an insert beyond capacity evicts the first (least recently used) key.
import 'dart:collection';

class LruCache<K, V> {
  final int capacity;
  final LinkedHashMap<K, V> _entries = LinkedHashMap<K, V>();
  final List<K> evicted = [];
  int hits = 0, misses = 0;

  LruCache(this.capacity);

  V? get(K key) {
    final value = _entries.remove(key);
    if (value == null) {
      misses++;
      return null;
    }
    hits++;
    _entries[key] = value;
    return value;
  }

  void put(K key, V value) {
    _entries.remove(key);
    _entries[key] = value;
    if (_entries.length > capacity) {
      final oldest = _entries.keys.first;
      _entries.remove(oldest);
      evicted.add(oldest);
    }
  }

  String toString() => "LRU$_entries";
}

int fibCalls = 0;
final LruCache<int, int> fibCache = LruCache(50);

int fib(int n) {
  fibCalls++;
  if (n < 2) return n;
  final cached = fibCache.get(n);
  if (cached != null) return cached;
  final result = fib(n - 1) + fib(n - 2);
  fibCache.put(n, result);
  return result;
}

void main() {
  final cache = LruCache<String, int>(3);
  cache.put("a", 1);
  cache.put("b", 2);
  cache.put("c", 3);
  print(cache);
  print(cache.get("a"));
  print(cache);
  cache.put("d", 4);
  print(cache);
  print(cache.evicted);
  print(cache.get("b"));
  cache.put("c", 30);
  cache.put("e", 5);
  print(cache);
  print("evicted ${cache.evicted} hits ${cache.hits} misses ${cache.misses}");

  print(fib(40));
  print(fibCalls);

  final m = LinkedHashMap<String, int>.fromIterables(["x", "y", "z"], [1, 2, 3]);
  print(m);
  print(m is LinkedHashMap<String, int>);
  print(m is HashMap);
  print(LinkedHashMap<int, String>.fromIterable([1, 2, 3], value: (e) => "#$e"));
  print(LinkedHashMap<String, int>.fromEntries([MapEntry("p", 1), MapEntry("q", 2)]));
  print(LinkedHashMap<String, int>.of({"k": 1})..["j"] = 2);
  final from = LinkedHashMap<String, num>.from(<String, int>{"one": 1});
  from["half"] = 0.5;
  print(from);
  try {
    LinkedHashMap<int, int>.fromIterables([1, 2], [1]);
  } catch (e) {
    print(e);
  }
  try {
    for (final k in m.keys) {
      if (k == "x") m["w"] = 0;
    }
  } catch (e) {
    print(e.runtimeType);
  }
  final set = LinkedHashSet<int>.of([5, 3, 5, 1, 3]);
  print(set);
  set.remove(5);
  set.add(5);
  print(set);
  print(set is LinkedHashSet<int>);
  print(LinkedHashSet<num>.from(<int>[2, 1]).union({1.5}));
}
