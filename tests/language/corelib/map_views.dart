// Map.keys/values/entries are live views, List.asMap is a live unmodifiable view,
// skip/take reject negative counts, Map.fromIterables checks lengths, Map/Set.identity.
void main() {
  final m = {"a": 1, "b": 2};
  final keys = m.keys;
  final entries = m.entries;
  m["c"] = 3;
  print(keys);
  print(m.values);
  print(entries);
  print("${keys.length} ${keys.contains("c")} ${m.values.contains(2)}");
  try {
    for (final k in m.keys) {
      if (k == "a") m.remove("b");
    }
  } catch (e) {
    print(e);
  }
  try {
    m.entries.forEach((e) => m[e.key + "!"] = 0);
  } catch (e) {
    print(e.runtimeType);
  }
  print(m);

  final list = [10, 20];
  final asMap = list.asMap();
  list.add(30);
  print(asMap);
  print("${asMap[2]} ${asMap[3]} ${asMap.keys} ${asMap.containsValue(20)}");
  try {
    asMap[0] = 1;
  } catch (e) {
    print(e);
  }

  for (final f in [() => list.skip(-1), () => list.take(-2), () => list.where((x) => true).skip(-3), () => list.where((x) => true).take(-4)]) {
    try {
      f();
    } catch (e) {
      print(e);
    }
  }
  try {
    Map.fromIterables([1, 2], ["one"]);
  } catch (e) {
    print(e);
  }

  final a = [1], b = [1];
  final ids = Set<List<int>>.identity()..addAll([a, b, a]);
  print(ids.length);
  final byId = Map<List<int>, String>.identity();
  byId[a] = "a";
  print("${byId[a]} ${byId[b]} ${byId.containsKey(b)}");
}
