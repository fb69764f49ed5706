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
}
