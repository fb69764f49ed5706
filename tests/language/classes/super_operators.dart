// Operators invoked on `super`: binary, unary, index read/write/compound, == and !=.
class S {
  final List<int> items = [1, 2, 3];
  int operator +(int x) => 100 + x;
  int operator -(int x) => 100 - x;
  int operator [](int i) => items[i];
  void operator []=(int i, int v) {
    items[i] = v;
  }
  int operator -() => -100;
  int operator ~() => 42;
  bool operator <(int x) => true;
  bool operator ==(Object other) => other is int && other == 7;
  int get hashCode => 0;
}

class A extends S {
  int operator +(int x) => 0;
  int operator [](int i) => -1;
  void operator []=(int i, int v) {}
  int operator -() => 0;
  bool operator ==(Object other) => false;

  void test() {
    print(super + 1);
    print(super - super[0]);
    print(-super);
    print(~super);
    print(super < 3);
    super[1] = 20;
    print(super[1]);
    super[2] += 5;
    print(super[2]);
    print(super[0]++);
    print(super[0]);
    print(super == 7);
    print(super != 7);
    print(super == null);
    print(items);
  }
}

main() {
  A().test();
}
