int counter = 0;
var inferred = 'text', second = 2;
final String name = 'dart';
const double pi = 3.14159;
late final int lateValue;
late int lateMutable = 3;
external int externalVar;
List<int>? nullableList;
final (int, String) pair = (1, 'a');

int add(int a, int b) => a + b;
void noReturn() {}
dynamic untyped(x, [y = 2]) { return x; }
main() {}
external void externalFunction(int x);
T identity<T>(T value) => value;

int get answer => 42;
String get greeting {
  return 'hi';
}
set answer(int value) {}
set untypedSetter(value) => counter = value;
get noTypeGetter => 1;
