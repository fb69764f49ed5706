// Every kind of extension type constructor: the primary one (named or not, `const`),
// generative ones with initializer lists, asserts and bodies, redirecting ones, factories
// and redirecting factories. All of them produce the representation object itself.

extension type const Percent._(int value) {
  static const full = Percent._(100);
  const Percent.ofTen(int tenths) : this._(tenths * 10);
  Percent(int v) : assert(v >= 0, 'negative'), value = v > 100 ? 100 : v;
  factory Percent.parse(String s) => Percent(int.parse(s.replaceAll('%', '')));
  factory Percent.max(int tenths) = Percent.ofTen;
  String get text => '$value%';
}

extension type Clamped(int v) {
  Clamped.nonNegative(int x) : v = x {
    if (x >= 0) return;
    print('clamping $x');
  }
  Clamped.twice(int x) : this(x * 2);
}

extension type Names(List<String> names) {
  Names.empty() : names = [];
  Names.of(Iterable<String> it) : names = it.toList() {
    names.sort();
  }
  void add(String n) => names.add(n);
}

void main() {
  print(Percent.full.text);
  print(Percent.ofTen(7).text);
  print(Percent(250).text);
  print(Percent.parse('42%').text);
  print(Percent.max(9).text);
  print(identical(Percent.full, 100));
  const p = Percent.ofTen(3);
  print(p.value + 1);

  print(Clamped.nonNegative(5).v);
  print(Clamped.nonNegative(-3).v);
  print(Clamped.twice(21).v);

  final n = Names.of({'c', 'a', 'b'});
  n.add('d');
  print(n.names);
  final e = Names.empty()..add('x');
  print(e.names);

}
