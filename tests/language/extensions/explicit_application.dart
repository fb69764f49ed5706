// Explicit extension application `Ext(receiver)` / `Ext<T>(receiver)`: picks one
// extension's member where several apply or the class has its own; operators, index
// operators, getters/setters and compound assignment through an application.

class Vec {
  final int x, y;
  const Vec(this.x, this.y);
  Vec operator +(Vec o) => Vec(x + o.x, y + o.y);
  String get label => 'Vec';
  @override
  String toString() => '($x, $y)';
}

extension Scaled on Vec {
  Vec operator +(Vec o) => Vec(x + 2 * o.x, y + 2 * o.y);
  Vec operator -() => Vec(-x, -y);
  Vec operator *(int k) => Vec(x * k, y * k);
  int operator [](int i) => i == 0 ? x : y;
  String get label => 'Scaled';
  int get sum => x + y;
}

extension Pretty on Vec {
  String get label => 'Pretty';
  String describe([String prefix = 'v']) => '$prefix<$x|$y>';
}

class Counter {
  int count = 0;
  final List<int> slots = [0, 0, 0];
}

extension Doubling on Counter {
  int get twice => count * 2;
  set twice(int v) => count = v ~/ 2;
  int operator [](int i) => slots[i];
  void operator []=(int i, int v) => slots[i] = v * 10;
}

extension Firsts<T> on List<T> {
  T get second => this[1];
  List<T> everyOther() => [for (var i = 0; i < length; i += 2) this[i]];
}

extension Parse on String {
  int toInt() => int.parse(this);
}

extension MaybeLength on String? {
  int get safeLength => this?.length ?? -1;
}

void main() {
  const a = Vec(1, 2);
  const b = Vec(10, 20);
  print(a + b); // the class's own operator wins
  print(Scaled(a) + b); // the extension's, explicitly
  print(-Scaled(a));
  print(Scaled(a) * 3);
  print(Scaled(a)[0] + Scaled(a)[1]);
  print(a.label);
  print(Scaled(a).label);
  print(Pretty(a).label);
  print(Scaled(b).sum);
  print(Pretty(b).describe());
  print(Pretty(b).describe('w'));

  final c = Counter()..count = 3;
  print(Doubling(c).twice);
  Doubling(c).twice = 20;
  print(c.count);
  Doubling(c).twice += 4;
  print(c.count);
  Doubling(c)[1] = 7;
  print(c.slots);
  Doubling(c)[2] += 1;
  print(c.slots);
  print(Doubling(c)[1]);

  final words = ['a', 'b', 'c', 'd', 'e'];
  print(Firsts(words).second);
  print(Firsts<String>(words).everyOther());
  print(Firsts<Object>(words).second);
  print(Parse('42').toInt() + 1);

  String? missing;
  print(MaybeLength(missing).safeLength);
  print(MaybeLength('four').safeLength);
}
