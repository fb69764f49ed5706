// Recursive Fibonacci: call overhead and small-integer arithmetic.

int fib(int n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 32;
  print('fib($n) = ${fib(n)}');
}
