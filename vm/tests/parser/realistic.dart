import 'dart:collection';

/// An LRU cache with a fixed capacity.
class LruCache<K, V> {
  final int capacity;
  final LinkedHashMap<K, V> _map = LinkedHashMap<K, V>();
  int _hits = 0, _misses = 0;

  LruCache(this.capacity) : assert(capacity > 0);

  V? get(K key) {
    final value = _map.remove(key);
    if (value == null) {
      _misses++;
      return null;
    }
    _hits++;
    _map[key] = value;
    return value;
  }

  void put(K key, V value) {
    _map.remove(key);
    if (_map.length >= capacity) {
      _map.remove(_map.keys.first);
    }
    _map[key] = value;
  }

  double get hitRate => _hits + _misses == 0 ? 0 : _hits / (_hits + _misses);

  @override
  String toString() => 'LruCache(${_map.length}/$capacity, hit rate: ${(hitRate * 100).toStringAsFixed(1)}%)';
}

sealed class Shape {
  const Shape();
  double get area;
}

final class Circle extends Shape {
  final double radius;
  const Circle(this.radius);
  @override
  double get area => 3.14159 * radius * radius;
}

final class Rect extends Shape {
  final double w, h;
  const Rect(this.w, this.h);
  @override
  double get area => w * h;
}

String classify(Shape s) => switch (s) {
      Circle(radius: var r) when r > 10 => 'big circle',
      Circle() => 'circle',
      Rect(:var w, :var h) when w == h => 'square',
      Rect() => 'rectangle',
    };

Future<void> main(List<String> args) async {
  final cache = LruCache<String, int>(2);
  for (final word in ['a', 'b', 'a', 'c', 'b']) {
    cache.get(word) ?? cache.put(word, word.length);
  }
  print(cache);
  final shapes = <Shape>[Circle(1), Rect(2, 2), Circle(11), Rect(1, 3)];
  final totals = <String, double>{};
  for (final s in shapes) {
    totals.update(classify(s), (v) => v + s.area, ifAbsent: () => s.area);
  }
  totals.forEach((k, v) => print('$k: ${v.toStringAsFixed(2)}'));
  var (count, sum) = (0, 0.0);
  for (var i = 0; i < shapes.length; i++) {
    if (shapes[i] case Circle(:final radius) when radius < 5) {
      count++;
      sum += radius;
    }
  }
  print('small circles: $count, radius sum: $sum');
  await Future.wait([for (var i = 0; i < 3; i++) Future.delayed(Duration(milliseconds: i))]);
}
