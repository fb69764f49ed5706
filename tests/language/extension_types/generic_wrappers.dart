// Generic extension types: `Box<T>` and `NonEmpty<T>` wrap values and lists; type
// arguments are explicit or inferred from the constructor argument.

extension type Box<T>(T value) {
  Box<R> map<R>(R Function(T) f) => Box<R>(f(value));
  T orElse(T fallback) => value ?? fallback;
}

extension type NonEmpty<T>._(List<T> items) implements Iterable<T> {
  NonEmpty(T first, [List<T> rest = const []]) : this._([first, ...rest]);
  T get head => items.first;
  List<T> get tail => items.sublist(1);
  NonEmpty<T> add(T item) => NonEmpty._([...items, item]);
}

extension type Pair<A, B>((A, B) record) {
  A get first => record.$1;
  B get second => record.$2;
  Pair<B, A> swap() => Pair((record.$2, record.$1));
}

void main() {
  final b = Box(20);
  print(b.value + 1);
  print(b.map((x) => x * 2).map((x) => 'v$x').value);
  final s = Box<String?>(null);
  print(s.orElse('empty'));

  final n = NonEmpty(1, [2, 3]);
  print(n.head);
  print(n.tail);
  print(n.length);
  print(n.map((x) => x * 10).toList());
  final m = n.add(4);
  print(m.last);
  print(m.contains(4));
  print(n.contains(4));
  print(NonEmpty('solo').tail.isEmpty);

  final p = Pair((1, 'one'));
  print(p.first + 1);
  print(p.second.length);
  print(p.swap().first);
  print(p.swap().record);
}
