class A<T> extends B<List<T>> {
  @override
  bool operator ==(covariant A<T> other) => identical(this, other);
  external factory A.ext();
  static const A<int>? none = null;
  A() : super(const <int>[]);
  Iterable<int> get gen sync* { yield 1; yield* [2]; }
  void m() {
    var x = a![0]?.b!.c;
    var y = x is int? ? 1 : 2;
    var z = x as int?;
    final w = !await foo();
    super[0] = 1;
    var v = super[1] + -super.x;
    (() {})();
    if (x) a = 1; else b = 2;
    for (final (a, b) in pairs) {}
    for (var i = 0, j = 0; i < j; i++) {}
    print(<int>[1]);
    label: {}
    var f = Future<List<Map<String, dynamic>>>.value([]);
    var g = [...?a ?? []];
    int Function(int)? h;
    List<int Function(int)> k = [];
    var n = x?.y ?? z?[0];
    var o = c ? d?[0] : e;
    a?..b()..c();
    var p = const Duration(seconds: 1);
    var q = Map<String, int>();
    var r = x < y && y > z;
    var s = (x < y, z > w);
    var t = foo<int>(1) + bar;
    var u = a..b = (c..d = 1);
    var ww = switch (x) { int() || double() => 1, _ => 2 };
    assert(() { return true; }());
    Object? obj;
    if (obj case {'a': [int x, ...]}) {}
    late final int lazy = 1;
    var (a, b) = (1, 2);
    (a, b) = (b, a);
    final list = [for (;;) 1];
    return;
  }
}
typedef F<T extends Object?> = Future<T> Function<S>(S, {required T t});
void main() async {
  await for (final x in s) print(x);
  var f = () => throw 1;
  var g = (int x) => x..toString();
  String? s = null;
  print(s?.length ?? 0);
  int? i = int.tryParse('1');
  i ??= 0;
  var x = 1.0e10 + 0x1f + 1_0;
  var m = <String, List<int>>{'a': [1]};
  m['a']!.add(2);
  var n = m['a']?[0];
}
