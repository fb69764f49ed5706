// ListBase (ListMixin) implemented on length/[]/[]=, observed through a call log; IterableBase.
import 'dart:collection';
class MyList<E> extends ListBase<E> {
  final List<E> _inner = [];
  final List<String> log = [];
  int get length { log.add("length"); return _inner.length; }
  set length(int n) { log.add("length=$n"); _inner.length = n; }
  E operator [](int i) { log.add("[$i]"); return _inner[i]; }
  void operator []=(int i, E v) { log.add("[$i]=$v"); _inner[i] = v; }
  void add(E v) => _inner.add(v);
}
class Nums extends IterableBase<int> {
  Iterator<int> get iterator => [3, 1, 2].iterator;
}
main() {
  var l = MyList<int>();
  l.addAll([5, 3, 8, 1]);
  print(l);
  l.sort();
  print(l);
  print(l.map((e) => e * 2).toList());
  print(l.where((e) => e > 2));
  l.removeAt(1);
  l.insert(0, 9);
  print(l);
  print([l.first, l.last, l.indexOf(8), l.contains(5), l.reversed.toList()]);
  l.removeWhere((e) => e == 9);
  print(l);
  print(l is List<int>);
  print(l.fold<int>(0, (a, b) => a + b));
  l.log.clear();
  if (l case [var a, var b, ...]) print("$a $b ${l.log}");
  print(Nums().toList()..sort());
  print(Nums());
  var s = MyList<Object>();
  s.add(s);
  print(s);
}
