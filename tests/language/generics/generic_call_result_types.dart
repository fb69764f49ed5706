// The result of a generic function call has the return type with the inferred type
// arguments: `firstOf(<int>[...])` is an `int`, so extension members on `int` apply to
// it and a list literal of such results is a List<int>. dartrs typed the result
// `dynamic` (the extension call threw NoSuchMethodError).
import 'dart:math';

extension Describe on int {
  String describe() => 'int $this';
}

T firstOf<T>(Iterable<T> items) => items.first;
T pick<T>(T a, T b) => a;

void main() {
  print(firstOf([1, 2]).describe());
  print([firstOf([1, 2])].runtimeType);
  print(max(3, 4).describe());
  print(pick('a', 'b').length);
  print([pick(1.5, 2.5)].runtimeType);
}
