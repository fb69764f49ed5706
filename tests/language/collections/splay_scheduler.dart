// A discrete-event scheduler on SplayTreeMap (time -> events), plus the ordered-map API.
import 'dart:collection';

class Scheduler {
  final SplayTreeMap<int, List<String>> _queue = SplayTreeMap();
  int now = 0;
  final List<String> log = [];

  void at(int time, String event) {
    _queue.putIfAbsent(time, () => []).add(event);
  }

  void runUntil(int end) {
    while (_queue.isNotEmpty) {
      final time = _queue.firstKey()!;
      if (time > end) break;
      final events = _queue.remove(time)!;
      now = time;
      for (final e in events) {
        log.add("t=$time $e");
        if (e.startsWith("tick") && time + 10 <= end) at(time + 10, e);
      }
    }
  }
}

void main() {
  final s = Scheduler();
  s.at(15, "boot");
  s.at(5, "tick");
  s.at(15, "load");
  s.at(42, "shutdown");
  s.runUntil(30);
  print(s.log.join("\n"));
  print(s.now);
  print(s._queue);

  final m = SplayTreeMap<int, String>();
  for (final k in [50, 20, 80, 10, 30, 70, 90, 60]) {
    m[k] = "v$k";
  }
  print(m);
  print(m.keys);
  print(m.values.take(3));
  print("${m.firstKey()} ${m.lastKey()}");
  print("${m.lastKeyBefore(50)} ${m.firstKeyAfter(50)}");
  print("${m.lastKeyBefore(55)} ${m.firstKeyAfter(55)}");
  print("${m.lastKeyBefore(10)} ${m.firstKeyAfter(90)}");
  print(m.containsKey(30));
  print(m.containsKey("30"));
  print(m["30"]);
  print(m.containsValue("v70"));
  m.removeWhere((k, v) => k % 20 == 0);
  print(m);
  m.updateAll((k, v) => v.toUpperCase());
  print(m.entries.map((e) => "${e.key}:${e.value}").join(" "));
  print(m.update(10, (v) => "$v+"));
  print(m.update(11, (v) => v, ifAbsent: () => "new"));
  try {
    m.update(12, (v) => v);
  } catch (e) {
    print(e);
  }
  try {
    for (final k in m.keys) {
      if (k == 30) m[31] = "x";
    }
  } catch (e) {
    print(e.runtimeType);
  }
  // Lookups during iteration splay the tree but do not disturb the iteration.
  final seen = <int>[];
  for (final k in m.keys) {
    seen.add(k);
    m[90];
    m.containsKey(10);
  }
  print(seen);

  // A reverse comparator and keys that are not Comparable themselves.
  final byLength = SplayTreeMap<String, int>((a, b) {
    final c = a.length.compareTo(b.length);
    return c != 0 ? c : a.compareTo(b);
  });
  byLength.addAll({"pear": 1, "fig": 2, "banana": 3, "kiwi": 4});
  print(byLength);
  final desc = SplayTreeMap<int, int>.from({1: 1, 3: 9, 2: 4}, (a, b) => b - a);
  print(desc);
  print(SplayTreeMap<String, int>.fromIterable(["bb", "a", "ccc"], value: (e) => e.length));
  print(SplayTreeMap<int, String>.fromIterables([3, 1, 2], ["c", "a", "b"]));
  print(SplayTreeMap<int, int>.of({5: 1, 4: 2}).keys.toSet());
  final empty = SplayTreeMap<int, int>();
  print("${empty.firstKey()} ${empty.lastKey()} ${empty.lastKeyBefore(1)}");
  try {
    SplayTreeMap<Object, int>()[Object()] = 1;
  } catch (e) {
    print(e is TypeError);
  }
}
