// Basic integer arithmetic, compound assignment, increment/decrement,
// comparisons and operator precedence.

int ipow(int base, int exp) {
  var result = 1;
  for (var i = 0; i < exp; i++) {
    result *= base;
  }
  return result;
}

void main() {
  var a = 17, b = 5;
  print(a + b);
  print(a - b);
  print(a * b);
  print(a / b);
  print(a ~/ b);
  print(a % b);
  print(-a);
  print(a.remainder(b));
  print(a.compareTo(b));
  print(b.compareTo(a));
  print(a.compareTo(17));
  print(a > b && b < a);
  print(a >= 17 && a <= 17);
  print(a == 17);
  print(a != b);
  print((-a).abs());
  print((-a).sign);
  print(0.sign);
  print(a.sign);
  print(a.isOdd);
  print(b.isEven);
  print(12.gcd(18));
  print(10.clamp(0, 5));
  print((-3).clamp(0, 5));
  print(3.toDouble());
  print(255.bitLength);
  print(1000000 * 1000000);

  var x = 10;
  x += 5;
  print(x);
  x -= 3;
  print(x);
  x *= 4;
  print(x);
  x ~/= 5;
  print(x);
  x %= 4;
  print(x);
  print(x++);
  print(x);
  print(++x);
  print(x--);
  print(--x);

  print(3 * (4 + 5) - 6 ~/ 4);
  print(-7 ~/ 2 * 2);
  print(2 + 3 * 4 % 5);
  print(100 - 10 - 1);
  print(2 * 3 + 4 * 5);
  print(ipow(3, 4));
  print(ipow(10, 18));
  print(ipow(2, 10) - 1);
}
