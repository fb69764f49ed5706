// Locals declared without an initialiser, assigned on every path before they are
// read, and finals assigned once on each path.
enum E { a, b }

int pick(E e) {
  int x;
  switch (e) {
    case E.a:
      x = 1;
    case E.b:
      x = 2;
  }
  return x;
}

String describe(int n) {
  final String kind;
  if (n < 0) {
    kind = 'negative';
  } else if (n == 0) {
    kind = 'zero';
  } else {
    kind = 'positive';
  }
  return kind;
}

int firstEven(List<int> xs) {
  int found;
  var i = 0;
  while (true) {
    if (xs[i].isEven) {
      found = xs[i];
      break;
    }
    i++;
  }
  return found;
}

// A type parameter bounded by `Null`: `n` is always null, so the right operand of `??=`
// always runs and assigns `i`.
void alwaysNull<T extends Null>(T n) {
  int i;
  n ??= ((i = 42) == 42 ? null : null) as T;
  print(i);
}

void main() {
  alwaysNull(null);
  print(pick(E.a));
  print(pick(E.b));
  print(describe(-3));
  print(describe(0));
  print(describe(7));
  print(firstEven([3, 5, 8, 9]));
  late String s;
  for (var i = 0; i < 2; i++) {
    s = 'v$i';
  }
  print(s);
  int z;
  try {
    z = 3;
  } finally {
    print('finally');
  }
  print(z);
  late final int once;
  void set() => once = 42;
  set();
  print(once);
}
