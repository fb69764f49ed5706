// `return;` needs a declared return type of `void`, `dynamic` or `Null` (in an `async`
// function: its future value type), and a generator can't return a value.
class Box {
  int size() {
    return;
  }

  factory Box.make() {
    return;
  }
}

Object? nullableObject() {
  return;
}

Future<int> asyncInt() async {
  return;
}

Iterable<int> numbers() sync* {
  yield 1;
  return 2;
}

Stream<int> stream() async* {
  return 3;
}

void main() {}
