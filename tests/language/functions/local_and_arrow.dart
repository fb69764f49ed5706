// Local functions (including recursive ones that capture locals), arrow
// functions, immediately invoked function expressions and functions that
// mutate variables of the enclosing scope.

String classify(int n) {
  String sign() => n < 0 ? 'negative' : (n == 0 ? 'zero' : 'positive');
  String parity() => n.isEven ? 'even' : 'odd';
  return '$n is ${sign()} and ${parity()}';
}

int countPaths(int rows, int cols) {
  var memo = <String, int>{};
  int walk(int r, int c) {
    if (r == 0 || c == 0) return 1;
    var key = '$r,$c';
    var cached = memo[key];
    if (cached != null) return cached;
    var result = walk(r - 1, c) + walk(r, c - 1);
    memo[key] = result;
    return result;
  }

  var answer = walk(rows, cols);
  print('  memo entries for $rows x $cols: ${memo.length}');
  return answer;
}

void main() {
  print(classify(-4));
  print(classify(0));
  print(classify(7));

  print(countPaths(2, 2));
  print(countPaths(5, 5));
  print(countPaths(10, 10));

  var product = (int a, int b) {
    return a * b;
  }(6, 7);
  print(product);

  var depth = 0;
  void enter(String name) {
    print('${'  ' * depth}enter $name');
    depth++;
  }

  void leave(String name) {
    depth--;
    print('${'  ' * depth}leave $name');
  }

  enter('a');
  enter('b');
  leave('b');
  enter('c');
  enter('d');
  leave('d');
  leave('c');
  leave('a');
  print('depth is back to $depth');

  var square = (num x) => x * x;
  print(square(3));
  print(square(1.5));

  int fact(int n) => n <= 1 ? 1 : n * fact(n - 1);
  print([for (var i = 1; i <= 6; i++) fact(i)]);
}
