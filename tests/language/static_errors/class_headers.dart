// Supertype clauses and member names the Dart front end rejects.

abstract class Shape {}

abstract class Named {}

class Circle implements Shape, Named, Shape {}

class Square extends Shape implements Shape {}

class Loop implements Named, Loop {}

class Anything implements dynamic {}

class Box<T> implements T {}

class Widget {
  var Widget;
}

class Pair<Pair> {}

class Holder<T> {
  int T() => 0;
}

class Base {
  int size() => 1;
}

class Derived extends Base {
  static int size() => 2;
}

class Account {
  Account.open();
  static int open = 0;
}

class Toggle {
  void on() {}
  set on(bool value) {}
}

void main() {
  print('unreachable');
}
