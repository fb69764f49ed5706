// Regression: type literals are values: they print their name, equal the runtimeType of
// their instances, and work as map keys.
class Foo {}
class Bar extends Foo {}
void main() {
  print(Foo);
  print(Foo().runtimeType == Foo);
  print(Bar().runtimeType == Foo);
  print(5.runtimeType == int);
  print('s'.runtimeType == String);
  print(null.runtimeType == Null);
  print(2.5.runtimeType);
  var m = {Foo: 1, Bar: 2};
  print(m[Bar().runtimeType]);
}
