// A value whose type is a type parameter bounded by `Never` cannot exist: the code
// after it is unreachable, so assignments there do not count.

void operand<T extends Never>(T n) {
  late int i;
  if (2 > 1) {
    n + (i = 42);
  }
  i;
}

void chained<S extends Never, T extends S>(T n) {
  late int j;
  if (2 > 1) {
    n * (j = 1);
  }
  j;
}

void main() {
  print(operand);
  print(chained);
}
