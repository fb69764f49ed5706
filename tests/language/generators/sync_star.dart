// gc-stress
// sync* generators: lazy evaluation interleaved with the consumer, infinite
// generators limited with take, yield* delegation, recursion, and restarting
// iteration.

Iterable<int> countTo(int n) sync* {
  for (var i = 1; i <= n; i++) {
    print('  yielding $i');
    yield i;
  }
  print('  generator done');
}

Iterable<int> fibonacci() sync* {
  var a = 0, b = 1;
  while (true) {
    yield a;
    var t = a + b;
    a = b;
    b = t;
  }
}

Iterable<int> primes() sync* {
  var found = <int>[];
  for (var n = 2;; n++) {
    if (found.every((p) => n % p != 0)) {
      found.add(n);
      yield n;
    }
  }
}

class Tree {
  final int value;
  final Tree? left, right;
  Tree(this.value, [this.left, this.right]);

  Iterable<int> inOrder() sync* {
    if (left != null) yield* left!.inOrder();
    yield value;
    if (right != null) yield* right!.inOrder();
  }
}

Iterable<String> chunks(String s, int size) sync* {
  for (var i = 0; i < s.length; i += size) {
    yield s.substring(i, i + size > s.length ? s.length : i + size);
  }
}

Iterable<int> concat(List<Iterable<int>> parts) sync* {
  for (var p in parts) {
    yield* p;
  }
  yield -1;
}

void main() {
  var gen = countTo(3);
  print('created');
  for (var v in gen) {
    print('got $v');
  }
  print(gen.first);

  print(fibonacci().take(12).toList());
  print(fibonacci().skipWhile((f) => f < 100).first);
  print(primes().take(10).toList());
  print(primes().elementAt(99));

  var tree = Tree(5, Tree(3, Tree(1), Tree(4)), Tree(8, null, Tree(9)));
  print(tree.inOrder().toList());
  print(tree.inOrder().where((v) => v.isOdd).toList());

  print(chunks('abcdefghij', 3).toList());
  print(concat([
    [1, 2],
    countTo(0),
    {3, 4}
  ]).toList());

  var evens = fibonacci().where((f) => f.isEven).map((f) => f ~/ 2);
  print(evens.take(5).toList());
  var it = evens.iterator;
  it.moveNext();
  it.moveNext();
  print(it.current);
}
