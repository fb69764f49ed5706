// Functions as values: typedefs, function-typed parameters, functions
// returning functions, composition and anonymous functions with block bodies.

typedef IntOp = int Function(int, int);

int apply(IntOp op, int a, int b) => op(a, b);

int Function(int) makeAdder(int n) => (int x) => x + n;

int Function(int) twice(int Function(int) f) => (x) => f(f(x));

int Function(int) compose(int Function(int) f, int Function(int) g) =>
    (x) => f(g(x));

List<int> mapAll(List<int> xs, int Function(int) f) {
  var out = <int>[];
  for (var x in xs) {
    out.add(f(x));
  }
  return out;
}

int square(int x) => x * x;

void repeat(int times, void Function(int) action) {
  for (var i = 0; i < times; i++) {
    action(i);
  }
}

void main() {
  var ops = <String, IntOp>{
    'add': (a, b) => a + b,
    'sub': (a, b) => a - b,
    'mul': (a, b) => a * b,
    'max': (a, b) => a > b ? a : b,
  };
  for (var name in ops.keys) {
    print('$name(7, 3) = ${apply(ops[name]!, 7, 3)}');
  }

  var add5 = makeAdder(5);
  var add10 = makeAdder(10);
  print(add5(1));
  print(add10(add5(1)));

  var inc = makeAdder(1);
  var addTwo = twice(inc);
  print(addTwo(40));

  var squareThenInc = compose(inc, square);
  var incThenSquare = compose(square, inc);
  print(squareThenInc(4));
  print(incThenSquare(4));

  print(mapAll([1, 2, 3, 4], square));
  print(mapAll([1, 2, 3], (x) {
    var y = x * 10;
    return y + 1;
  }));

  var pipeline = [inc, square, twice(square)];
  var v = 2;
  for (var f in pipeline) {
    v = f(v);
    print('-> $v');
  }

  var total = 0;
  repeat(5, (i) {
    total += i * i;
  });
  print('sum of squares below 5: $total');

  IntOp pick(bool big) => big ? ((a, b) => a * 100 + b) : ((a, b) => a + b);
  print(pick(true)(3, 4));
  print(pick(false)(3, 4));
}
