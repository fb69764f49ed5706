abstract class Shape {}

class Base {
  Base(int x);
}

class Derived extends Base {
  Derived();
}

void main() {
  Shape();
  Unknown u;
  print(9223372036854775808);
  print(-9223372036854775808);
  print(y);
  var y = 1;
  break;
}
