// gc-stress
// Constant maps and sets: canonical, unmodifiable, insertion-ordered, with reified type
// arguments (inferred, explicit or from the context), collection if/spread in constants.
class Point {
  final int x, y;
  const Point(this.x, this.y);
  String toString() => "P($x, $y)";
}

class Config {
  final Map<String, int> limits;
  final Set<String> tags;
  const Config(this.limits, this.tags);
}

const colors = {'red': 1, 'green': 2, 'blue': 3};
const Set<int> primes = {2, 3, 5, 7};
const Map<String, num> empty = {};

class Holder {
  static const table = <String, List<int>>{'a': [1], 'b': [2, 3]};
}

int lookup(String k, [Map<String, int> m = const {'x': 10}]) => m[k] ?? -1;

void basics() {
  print(colors);
  print(colors['green']);
  print(colors.length);
  print(colors.keys.toList());
  print(colors.values.toList());
  print(colors.containsKey('blue'));
  print(colors.containsValue(3));
  print(colors.runtimeType);
  print(primes);
  print(primes.runtimeType);
  print(primes.contains(5));
  print(primes.length);
  print(empty.runtimeType);
  print(const <String, int>{}.runtimeType);
  print(const <int>{}.runtimeType);
  print(identical(const {'a': 1}, const {'a': 1}));
  print(identical(const {1, 2}, const {1, 2}));
  print(identical(const {1, 2}, const {2, 1}));
  print(identical(colors, const {'red': 1, 'green': 2, 'blue': 3}));
  print(colors is Map<String, int>);
  print(primes is Set<int>);
  print(primes is Iterable<int>);
  print(Holder.table['b']);
  print(lookup('x'));
  print(lookup('y'));
  const c = Config({'max': 3}, {'a', 'b'});
  print(c.limits);
  print(c.tags);
  print(identical(c, const Config({'max': 3}, {'a', 'b'})));
  const pts = {Point(1, 2): 'a', Point(3, 4): 'b'};
  print(pts[const Point(1, 2)]);
  print(pts[Point(1, 2)]);
  try {
    colors['x'] = 4;
  } catch (e) {
    print(e);
  }
  try {
    colors.remove('red');
  } catch (e) {
    print(e);
  }
  try {
    colors.clear();
  } catch (e) {
    print(e);
  }
  try {
    colors.addAll({});
  } catch (e) {
    print(e);
  }
  try {
    colors.putIfAbsent('red', () => 9);
  } catch (e) {
    print(e);
  }
  try {
    primes.add(11);
  } catch (e) {
    print(e);
  }
  try {
    primes.remove(2);
  } catch (e) {
    print(e);
  }
  try {
    primes.clear();
  } catch (e) {
    print(e);
  }
  print(colors);
  print(primes);
  for (final e in colors.entries) {
    print('${e.key}=${e.value}');
  }
  colors.forEach((k, v) => print('$k -> $v'));
  print(primes.map((p) => p * p).toList());
  print(primes.toSet()..add(11));
  print(Map.of(colors)..['x'] = 9);
  Set<int> s = {};
  s.add(1);
  print(s);
  print(s.runtimeType);
  Iterable<String> it = {};
  print(it.runtimeType);
  var m = {};
  print(m.runtimeType);
  print(const {1: 'one', 'two': 2}.runtimeType);
  print(const {1, 'a', null});
  print(const {1, 'a', null}.runtimeType);
  print(const {#a: 1}[#a]);
  print(const {int: 'int', String: 'str'}[int]);
  print(const {(1, 2): 'r'}[(1, 2)]);
}

const debug = false;
const base = {'a': 1};
const List<int>? none = null;
const more = [3, 4];
const List<String> noNames = [];

class Palette {
  final Map<String, int> shades;
  const Palette([this.shades = const {'dark': 0, 'light': 9}]);
}

void controlFlow() {
  const m = {...base, if (debug) 'd': 0 else 'r': 2, ...?null};
  print(m);
  print(m.runtimeType);
  const s = {1, 2, ...more, if (!debug) 5, ...?none};
  print(s);
  const l = [0, ...{1, 2}, if (debug) 9];
  print(l);
  print(const {if (debug) 1});
  print(const {if (debug) 1}.runtimeType);
  print(identical(m, const {'a': 1, 'r': 2}));
}

void typesAndDefaults() {
  print(const [1, 2].runtimeType);
  print(const [1, 2.5] is List<num>);
  print(noNames.runtimeType);
  const Set<int> e = {};
  print(e.runtimeType);
  final List<int> f = const [];
  print(f.runtimeType);
  print(const Palette().shades);
  print(identical(const Palette().shades, const Palette().shades));
  print(const Palette({'mid': 5}).shades['mid']);
}

void main() {
  basics();
  controlFlow();
  typesAndDefaults();
}
