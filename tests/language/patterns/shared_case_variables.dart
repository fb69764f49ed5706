// Cases sharing a body share the variables they all declare with the same type; a
// variable whose type differs between the cases (`n` below) belongs to its own case,
// so its guard sees that case's value.

String describe(Object o) {
  switch (o) {
    case [var a, int n] || [int n, var a] when n == 1:
    case [String n, var a] || [var a, String n] when n == 'k':
      return 'a=$a';
    default:
      return 'default';
  }
}

void main() {
  print(describe([5, 1]));
  print(describe([1, 'x']));
  print(describe(['k', 7]));
  print(describe([8, 'k']));
  print(describe([2, 2]));
}
