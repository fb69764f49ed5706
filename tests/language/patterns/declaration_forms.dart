// Pattern variable declarations starting with type arguments, and patterns in the
// initializer of a classic `for` loop (statement and collection element).
void main() {
  var <int>[a, b] = [1, 2];
  final <String, int>{"k": v} = {"k": 3};
  print([a, b, v]);

  var closures = [];
  for (var (i, j) = (0, 10); i < 3; i++, j--) {
    closures.add(() => i * 100 + j);
  }
  print(closures.map((f) => f()).toList());

  print([for (var (x, y) = (0, 1); x < 20; (x, y) = (y, x + y)) x]);

  for (var <int>[p, q] in [[1, 2], [3, 4]]) {
    print(p + q);
  }
}
