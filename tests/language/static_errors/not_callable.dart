// Calling a value whose class has no `call` method is a compile-time error; classes
// with `call` (and extension `call` methods) are callable.
class Plain {}

class Doubler {
  int call(int x) => 2 * x;
}

int counter = 0;

void main() {
  var plain = Plain();
  plain();
  int n = 3;
  n(1);
  counter();
  print(Doubler()(4));
}
