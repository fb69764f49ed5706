// Plain recursion: fibonacci, ackermann, factorial, gcd, mutual recursion,
// towers of hanoi and digit sums.

int fib(int n) => n < 2 ? n : fib(n - 1) + fib(n - 2);

int ackermann(int m, int n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

int factorial(int n) => n <= 1 ? 1 : n * factorial(n - 1);

int gcd(int a, int b) => b == 0 ? a : gcd(b, a % b);

bool isEven(int n) => n == 0 ? true : isOdd(n - 1);
bool isOdd(int n) => n == 0 ? false : isEven(n - 1);

int hanoi(int n, String from, String to, String via, List<String> moves) {
  if (n == 0) return 0;
  var count = hanoi(n - 1, from, via, to, moves);
  moves.add('$from->$to');
  count++;
  count += hanoi(n - 1, via, to, from, moves);
  return count;
}

int sumDigits(int n) => n < 10 ? n : n % 10 + sumDigits(n ~/ 10);

int power(int base, int exp) {
  if (exp == 0) return 1;
  var half = power(base, exp ~/ 2);
  return exp.isEven ? half * half : half * half * base;
}

void main() {
  var fibs = <int>[];
  for (var i = 0; i <= 15; i++) {
    fibs.add(fib(i));
  }
  print(fibs);
  print('fib(25) = ${fib(25)}');
  print('ackermann(2, 3) = ${ackermann(2, 3)}');
  print('ackermann(3, 3) = ${ackermann(3, 3)}');
  print('20! = ${factorial(20)}');
  print('gcd(1071, 462) = ${gcd(1071, 462)}');
  print('isEven(10) = ${isEven(10)}, isOdd(7) = ${isOdd(7)}, isOdd(8) = ${isOdd(8)}');
  var moves = <String>[];
  var count = hanoi(3, 'A', 'C', 'B', moves);
  print('hanoi(3) needs $count moves');
  print(moves.join(' '));
  print('sumDigits(987654321) = ${sumDigits(987654321)}');
  print('3^13 = ${power(3, 13)}');
  print('2^62 = ${power(2, 62)}');
}
