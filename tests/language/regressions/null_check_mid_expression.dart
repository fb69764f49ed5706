// Regression: a `!` on a non-null value in the middle of an expression with pending
// operands (string interpolation, list elements, call arguments) must leave the operand
// stack intact.
int? maybe(int x) => x > 0 ? x : null;

String describe(int a, int b, int c) => '$a/$b/$c';

void main() {
  final m = <String, List<int>>{'k': [1, 2]};
  print('count ${m['k']!.length} items');
  print([10, maybe(20)!, 30]);
  print(describe(1, maybe(2)!, 3));
  var total = 0;
  for (var i = 1; i <= 3; i++) {
    total += maybe(i)! * 10;
  }
  print(total);
}
