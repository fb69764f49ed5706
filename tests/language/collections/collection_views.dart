// Unmodifiable views and forwarding views: reads see the source, writes throw with the
// Dart VM's messages.
import 'dart:collection';

class Inventory {
  final Map<String, int> _stock = {};
  final List<String> _history = [];
  Map<String, int> get stock => UnmodifiableMapView(_stock);
  List<String> get history => UnmodifiableListView(_history);
  void receive(String item, int n) {
    _stock.update(item, (v) => v + n, ifAbsent: () => n);
    _history.add("+$n $item");
  }
}

/// A read-only map of squares, computed on demand.
class Squares extends UnmodifiableMapBase<int, int> {
  final int limit;
  Squares(this.limit);
  int? operator [](Object? key) =>
      key is int && key >= 0 && key < limit ? key * key : null;
  Iterable<int> get keys => Iterable.generate(limit);
}

/// A map that counts writes, built on MapView.
class CountingMap<K, V> extends MapView<K, V> {
  int writes = 0;
  CountingMap(Map<K, V> map) : super(map);
  void operator []=(K key, V value) {
    writes++;
    super[key] = value;
  }
}

void attempt(String what, void Function() f) {
  try {
    f();
    print("$what: ok");
  } catch (e) {
    print("$what: $e");
  }
}

void main() {
  final inv = Inventory();
  final stock = inv.stock;
  final history = inv.history;
  inv.receive("apple", 3);
  inv.receive("pear", 2);
  inv.receive("apple", 1);
  print(stock);
  print(history);
  print("${history.length} ${history.last} ${history.indexOf("+2 pear")}");
  print(history.reversed);
  print(history.sublist(1));
  attempt("list add", () => history.add("x"));
  attempt("list []=", () => history[0] = "x");
  attempt("list length=", () => history.length = 0);
  attempt("list clear", () => history.clear());
  attempt("list remove", () => history.remove("+2 pear"));
  attempt("list sort", () => history.sort());
  attempt("map []=", () => stock["kiwi"] = 1);
  attempt("map remove", () => stock.remove("apple"));
  attempt("map clear", () => stock.clear());
  attempt("map putIfAbsent", () => stock.putIfAbsent("fig", () => 1));
  print(stock.map((k, v) => MapEntry(k.toUpperCase(), v * 10)));
  print(stock.cast<String, num>()["apple"]);

  final fixed = UnmodifiableListView<int>(Iterable.generate(4, (i) => i * i));
  print(fixed);
  print(fixed.where((x) => x.isOdd).toList());
  print(fixed is List<int>);

  final sq = Squares(5);
  print(sq);
  print("${sq[3]} ${sq[7]} ${sq.length} ${sq.containsKey(4)} ${sq.containsValue(16)}");
  attempt("squares []=", () => sq[1] = 2);
  attempt("squares addAll", () => sq.addAll({9: 9}));

  final set = {1, 2, 3};
  final view = UnmodifiableSetView(set);
  set.add(4);
  print(view);
  print("${view.contains(4)} ${view.length} ${view.lookup(2)}");
  attempt("set add", () => view.add(5));
  attempt("set removeAll", () => view.removeAll([1]));
  print(view.union({9}));

  final counting = CountingMap<String, int>({});
  counting["a"] = 1;
  counting["b"] = 2;
  counting.addAll({"c": 3});
  print("$counting ${counting.writes} ${counting.length}");

  final nested = [1, [2, 3]];
  print(IterableBase.iterableToShortString(nested, "<", ">"));
  print(IterableBase.iterableToFullString(Iterable.generate(120), "[", "]").length);
  print(Iterable.generate(120).toString().length);
  final cyclic = <Object>[1];
  cyclic.add(cyclic);
  print(ListBase.listToString(cyclic));
  print(SetBase.setToString({1, 2}));
  print(MapBase.mapToString({1: "one"}));
}
