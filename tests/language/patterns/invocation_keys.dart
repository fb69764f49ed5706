// Invocation keys: within one switch, if-case or declaration, each member call a pattern
// makes on the matched value runs at most once; later cases and subpatterns reuse the
// result. Also the exact calls of list and map matching.
import 'dart:collection';

final log = StringBuffer();

class LoggedList<T> extends ListBase<T> {
  final List<T> inner;
  LoggedList(this.inner);
  int get length {
    log.write('length;');
    return inner.length;
  }

  set length(int n) => inner.length = n;
  T operator [](int i) {
    log.write('[$i];');
    return inner[i];
  }

  void operator []=(int i, T v) => inner[i] = v;
  List<T> sublist(int start, [int? end]) {
    log.write('sublist($start, $end);');
    return inner.sublist(start, end);
  }
}

class LoggedMap<K, V> extends MapBase<K, V> {
  final Map<K, V> inner;
  LoggedMap(this.inner);
  V? operator [](Object? key) {
    log.write('[$key];');
    return inner[key];
  }

  void operator []=(K key, V value) => inner[key] = value;
  bool containsKey(Object? key) {
    log.write('containsKey($key);');
    return inner.containsKey(key);
  }

  Iterable<K> get keys => inner.keys;
  V? remove(Object? key) => inner.remove(key);
  void clear() => inner.clear();
}

class Box {
  final int value;
  Box(this.value);
  int get twice {
    log.write('twice;');
    return value * 2;
  }

  bool operator >(Object other) {
    log.write('>$other;');
    return other is int && value > other;
  }
}

class Unit {
  final int n;
  const Unit(this.n);
  bool operator ==(Object other) {
    log.write('Unit($n)==$other;');
    return other is int && other == n;
  }

  int get hashCode => n;
}

String lists(Object o) => switch (o) {
      [1] => 'one',
      [1, 3, ...var r] => 'one-three $r',
      [1, 2, ...var r] => 'one-two $r',
      _ => 'none',
    };

String middle(Object o) {
  switch (o) {
    case [0, ...var r, 9]:
      return 'zero-nine $r';
    case [1, ..., 4]:
      return 'one-four';
    case [_, _, 3]:
      return 'x-x-three';
    default:
      return 'none';
  }
}

String tails(Object o) => switch (o) {
      [1, 2, 4] => 'a',
      [..., 2, 4] => 'b',
      [..., 2, 3] => 'c',
      _ => 'none',
    };

String maps(Object o) => switch (o) {
      <String, int?>{'a': 2} => 'a2',
      <String, int?>{'a': 1, 'b': 3} => 'a1b3',
      <String, int?>{'a': 1, 'b': null} => 'a1bnull',
      _ => 'none',
    };

String strictMaps(Object o) => switch (o) {
      <String, int>{'a': _, 'b': _} => 'both',
      _ => 'none',
    };

String getters(Box b) {
  switch (b) {
    case Box(twice: 2) || Box(twice: 4):
      return 'small';
    case Box(twice: var t) when t > 100:
      return 'big';
    case > 5:
      return 'over five';
    case > 3:
      return 'over three';
    case > 5:
      return 'unreachable';
    default:
      return 'other';
  }
}

String constants(int i) => switch (i) {
      const Unit(1) => 'one',
      const Unit(2) => 'two',
      const Unit(1) => 'one again',
      _ => 'other',
    };

void show(String result) {
  print('$result: $log');
  log.clear();
}

void main() {
  final l = LoggedList([1, 2, 3]);
  show(lists(l));
  show(middle(l));
  show(tails(l));
  show(lists(LoggedList([7])));
  if (l case [...var all]) show('all $all');
  if (l case [...]) show('rest only');
  if (l case [_, _, _]) show('wildcards');
  var [first, ..., last] = l;
  show('first $first last $last');
  if (LoggedList([]) case []) show('empty');

  final m = LoggedMap<String, int?>({'a': 1, 'b': null});
  show(maps(m));
  show(strictMaps(LoggedMap<String, int>({'b': 2})));
  show(strictMaps(LoggedMap<String, int?>({'a': 1, 'b': 2})));
  var {'a': a, 'b': b} = m;
  show('a $a b $b');

  show(getters(Box(2)));
  show(getters(Box(7)));
  show(getters(Box(4)));
  show(constants(2));
  show(constants(3));
  final pair = (LoggedList([1]), LoggedList([1]));
  show(switch (pair) {
    ([2], _) => 'x',
    ([1], [3]) => 'y',
    ([1], [1]) => 'z',
    _ => 'none',
  });
}
