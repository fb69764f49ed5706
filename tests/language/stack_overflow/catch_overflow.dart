// Unbounded recursion raises StackOverflowError, which can be caught; the
// program keeps working normally afterwards, including deep-but-finite
// recursion.

int depth = 0;

int infinite(int n) {
  depth = n;
  return infinite(n + 1) + 1;
}

int sumTo(int n) => n == 0 ? 0 : n + sumTo(n - 1);

void main() {
  try {
    infinite(0);
  } on StackOverflowError catch (e) {
    print('overflow');
    print(e);
    print(depth > 1000);
  }

  var caughtAgain = false;
  try {
    infinite(0);
  } catch (e) {
    caughtAgain = e is StackOverflowError;
  }
  print('caught again: $caughtAgain');

  print(sumTo(5000));
}
