// `super.m` as a value: a closure calling the superclass method on this object, with
// its parameters, defaults and function type (also inside closures).
class A {
  String greet(String name, {String punct = '!'}) => 'A: hello $name$punct';
  int add(int a, [int b = 10]) => a + b;
}
class B extends A {
  @override
  String greet(String name, {String punct = '?'}) => 'B: hi $name$punct';
  @override
  int add(int a, [int b = 1]) => -1;
  List<Function> tearOffs() => [super.greet, super.add];
  String viaClosure() => (() => super.greet('nested'))();
  Function nestedTearOff() => () => super.add;
}
void main() {
  final b = B();
  final fs = b.tearOffs();
  print(fs[0]('ada'));
  print(fs[0]('ada', punct: '.'));
  print(fs[1](1));
  print(fs[1](1, 2));
  print(b.viaClosure());
  print((b.nestedTearOff()() as Function)(5));
  String Function(String, {String punct}) g = fs[0] as String Function(String, {String punct});
  print(g('typed'));
  print(fs[1] is int Function(int, [int]));
  print(fs[1].runtimeType);
}
