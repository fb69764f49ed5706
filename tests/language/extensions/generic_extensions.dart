// A generic extension's type parameters are bound by the receiver's static type (or
// by an explicit application `ListX<num>(l)`) and reified inside its members: `<T>[]`
// makes a List<int> for a List<int> receiver, `o is T` tests against int. dartrs left
// them `dynamic`, so `List<int> d = l.doubled()` threw a TypeError.

extension ListX<T> on List<T> {
  List<T> doubled() => <T>[...this, ...this];
  T? get firstOrNull => isEmpty ? null : first;
  bool holds(Object? o) => o is T;
  List<T> Function() get copier => () => List<T>.of(this);
  set firstValue(T v) => this[0] = v;
}
extension MapX<K, V> on Map<K, V> {
  Map<V, K> inverted() => {for (final e in entries) e.value: e.key};
}
extension Pairs<T> on Iterable<T> {
  String describe() => 'Iterable<$T> of ${length}';
  String twice() => describe() + describe();
}
class MyList extends Iterable<int> { Iterator<int> get iterator => [1, 2].iterator; }
void main() {
  final l = [1, 2, 3];
  List<int> d = l.doubled();
  print('${d.runtimeType} $d');
  print(l.holds(1));
  print(l.holds('x'));
  print(['a'].holds(1));
  print(l.copier().runtimeType);
  l.firstValue = 9;
  print(l);
  print({'a': 1}.inverted().runtimeType);
  print(MyList().describe());
  print(<String>{'x'}.twice());
  final f = l.doubled;
  print(f().runtimeType);
  print(ListX<num>(l).doubled().runtimeType);
  print(ListX(l).doubled().runtimeType);
  ownTypeParameters();
}

// Members with type parameters of their own get the extension's first, then theirs.
extension IterX<T> on Iterable<T> {
  Map<K, List<T>> groupBy<K>(K Function(T) key) {
    final out = <K, List<T>>{};
    for (final e in this) (out[key(e)] ??= <T>[]).add(e);
    return out;
  }

  List<R> mapList<R>(R Function(T) f) => <R>[for (final e in this) f(e)];
}

extension on int {
  List<R> times<R>(R Function(int) f) => [for (var i = 0; i < this; i++) f(i)];
}

void ownTypeParameters() {
  final g = ['a', 'bb', 'cc'].groupBy<int>((s) => s.length);
  print('${g.runtimeType} $g');
  final m = [1, 2].mapList<String>((i) => '$i');
  print('${m.runtimeType} $m');
  print(3.times<num>((i) => i).runtimeType);
}
