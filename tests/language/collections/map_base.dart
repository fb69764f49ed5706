// MapBase (MapMixin) implemented on keys/[]/[]=/remove/clear.
import 'dart:collection';
class LogMap<K, V> extends MapBase<K, V> {
  final Map<K, V> _m = {};
  final List<String> log = [];
  V? operator [](Object? key) { log.add("[$key]"); return _m[key]; }
  void operator []=(K key, V value) { _m[key] = value; }
  Iterable<K> get keys => _m.keys;
  V? remove(Object? key) => _m.remove(key);
  void clear() => _m.clear();
}
main() {
  var m = LogMap<String, int>();
  m["a"] = 1;
  m.addAll({"b": 2, "c": 3});
  print(m);
  print([m.length, m.containsKey("b"), m.containsValue(3), m.values.toList()]);
  m.update("a", (v) => v + 10);
  m.putIfAbsent("d", () => 4);
  m.removeWhere((k, v) => v == 2);
  print(m);
  print(m.map((k, v) => MapEntry(v, k)));
  print(m.entries.map((e) => "${e.key}=${e.value}").join(","));
  m.log.clear();
  if (m case {"a": var a}) print("$a ${m.log}");
  print(m is Map<String, int>);
}
