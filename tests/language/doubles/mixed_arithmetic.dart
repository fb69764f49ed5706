// Mixing int and double: promotion rules, equality between 1 and 1.0,
// `is` checks, special values, and some iterative floating point code.

double newtonSqrt(double x) {
  var guess = x / 2;
  for (var i = 0; i < 6; i++) {
    guess = (guess + x / guess) / 2;
    print('  step $i: $guess');
  }
  return guess;
}

void main() {
  print(1 + 0.5);
  print(1 == 1.0);
  print(1.0 == 1);
  print(3 / 2);
  print(4 / 2);
  print(2 * 1.5);
  print(7 ~/ 2.0);
  print(-7.5 ~/ 2);
  print(0.5 + 0.25 == 0.75);
  print(0.1 + 0.2 == 0.3);
  print((0.1 + 0.2 - 0.3).abs() < 1e-9);
  print(10 / 3 * 3);

  num n = 3;
  print(n is int);
  n = n + 0.5;
  print(n);
  print(n is double);
  print(3.0 is int);
  print(5 is num);
  print(5 is double);

  print(2.9.toInt());
  print((-2.9).toInt());
  print(5.5 % 2);
  print(-5.5 % 2);
  print((-5.5).remainder(2));
  print(2.5.compareTo(2));
  print(1e308 * 10);
  print(-1 / 0);
  var nan = 0 / 0;
  print(nan == nan);
  print(nan.isNaN);
  print(double.infinity - double.infinity);
  print(1 / double.infinity);
  print(-1 / double.infinity);
  print(double.infinity.isInfinite);
  print(1.5.isFinite);
  print((-0.0).isNegative);
  print(0.0 == -0.0);
  print(1.5.abs() + (-1.5).abs());
  print((-7.25).sign);

  print('sqrt(2):');
  print(newtonSqrt(2.0));

  var balance = 1000.0;
  for (var year = 1; year <= 5; year++) {
    balance *= 1.05;
    print('year $year: $balance');
  }

  var samples = [2.5, 3.5, 1.0, 4.0, 0.75];
  var sum = 0.0;
  for (var s in samples) {
    sum += s;
  }
  print('sum=$sum mean=${sum / samples.length}');
}
