// `return;` is fine where the declared return type is `void`, `dynamic` or `Null`
// (a future of those in an `async` function), in setters, constructors, generators
// and functions whose return type is inherited as `void`.
class Base {
  void run() {}
}

class Derived extends Base {
  int runs = 0;

  run() {
    runs++;
    return;
  }

  set count(int value) {
    runs = value;
    return;
  }

  Derived() {
    return;
  }
}

untyped(bool early) {
  if (early) return;
  return 'late';
}

Null nothing() {
  return;
}

Future<void> later() async {
  return;
}

Future untypedFuture() async {
  return;
}

Iterable<int> upTo(int n) sync* {
  for (var i = 0; i < n; i++) {
    if (i == 2) return;
    yield i;
  }
}

void main() {
  var d = Derived();
  d.run();
  d.count = 5;
  d.run();
  print(d.runs);
  print(untyped(true));
  print(untyped(false));
  print(nothing());
  void local() {
    return;
  }

  local();
  later().then((_) => print('later'));
  untypedFuture().then((v) => print('untyped future: $v'));
  print(upTo(5).toList());
}
