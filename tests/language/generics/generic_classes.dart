// Generic classes and methods: type parameters, bounds, reified type
// arguments at runtime, generic functions with inference.

class Stack<T> {
  final List<T> _items = [];

  void push(T item) => _items.add(item);
  T pop() => _items.removeLast();
  T? get peek => _items.isEmpty ? null : _items.last;
  bool get isEmpty => _items.isEmpty;
  int get length => _items.length;

  @override
  String toString() => 'Stack<$T>$_items';
}

class Pair<A, B> {
  final A first;
  final B second;
  const Pair(this.first, this.second);
  Pair<B, A> swap() => Pair(second, first);
  @override
  String toString() => '($first, $second)';
}

class Cache<K, V> {
  final V Function(K) _compute;
  final Map<K, V> _store = {};
  int misses = 0;
  Cache(this._compute);

  V get(K key) => _store.putIfAbsent(key, () {
        misses++;
        return _compute(key);
      });
}

T maxOf<T extends Comparable<Object>>(List<T> items) {
  var best = items.first;
  for (var item in items.skip(1)) {
    if (item.compareTo(best) > 0) best = item;
  }
  return best;
}

List<R> mapList<T, R>(List<T> input, R Function(T) f) => [for (var x in input) f(x)];

bool isOfType<T>(Object? value) => value is T;

String typeName<T>() => '$T';

void main() {
  var ints = Stack<int>();
  ints.push(1);
  ints.push(2);
  ints.push(3);
  print(ints);
  print(ints.pop());
  print(ints.peek);
  print(ints.length);

  var words = Stack<String>();
  print(words.peek);
  words.push('hi');
  print(words);

  var p = Pair('one', 1);
  print(p);
  print(p.swap());
  print(p.swap().first + 1);

  var lengths = Cache<String, int>((s) => s.length);
  print(lengths.get('hello'));
  print(lengths.get('hi'));
  print(lengths.get('hello'));
  print('misses: ${lengths.misses}');

  print(maxOf([3, 9, 2]));
  print(maxOf(['pear', 'apple', 'zucchini', 'fig']));
  print(mapList([1, 2, 3], (x) => 'n$x'));
  print(mapList<String, int>(['a', 'bb'], (s) => s.length));

  print(isOfType<int>(5));
  print(isOfType<String>(5));
  print(isOfType<num>(2.5));
  print(isOfType<int?>(null));
  print(isOfType<int>(null));
  print(typeName<int>());
  print(typeName<String>());
  print(typeName<double>());
  print(typeName<bool>());
}
