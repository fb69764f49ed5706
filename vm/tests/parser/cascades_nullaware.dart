void main() {
  var sb = StringBuffer()
    ..write('a')
    ..write('b')
    ..length;
  var list = <int>[]
    ..add(1)
    ..addAll([2, 3])
    ..[0] = 10
    ..sort((a, b) => a - b);
  maybe
    ?..foo()
    ..bar = 1
    ..baz.qux = 2;
  obj..a.b()..c?.d();
  var x = a?.b?.c();
  var y = list?[0];
  var z = map?['key']?.length;
  var w = a ?? b?.c;
  var v = flag ? [1] : [2];
  var u = {k?[0]: 1};
  x = y..z = 1;
  p..q = r..s = t;
}
