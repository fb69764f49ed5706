// A class that declares only a getter (or only a setter) keeps the mixin's other half.
mixin Doubling {
  int _v = 0;
  int get v => _v;
  set v(int x) {
    _v = x * 2;
  }

  set w(int x) {
    print("Doubling.w $x");
  }

  int get w => 1;
}

class GetterOnly with Doubling {
  int get v => 100;
}

class SetterOnly with Doubling {
  set w(int x) {
    print("SetterOnly.w $x");
  }
}

void main() {
  final a = GetterOnly();
  a.v = 5;
  print(a.v);
  print(a._v);
  final b = SetterOnly();
  b.w = 3;
  print(b.w);
  b.v = 4;
  print(b.v);
}
