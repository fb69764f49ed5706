import 'dart:math' deferred as m;

class S {
  final int a;
  final String b;
  S(this.a, {this.b = 'bee'});
  S.named() : this(99);
}

mixin M {
  int mixed = 5;
  String hello() => 'hello $mixed';
}

class C = S with M;

void main() {
  final c = C(1, b: 'x');
  print('${c.a} ${c.b} ${c.hello()}');
  final d = C.named();
  print('${d.a} ${d.b} ${d.mixed}');
  m.loadLibrary();
  print(m.max(1, 2));
}
