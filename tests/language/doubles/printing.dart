// double.toString: shortest round-trip digits, ".0" for integral values,
// exponent notation outside [1e-6, 1e21), negative zero, NaN and infinities.

void main() {
  print(1.0);
  print(-2.5);
  print(100.0);
  print(0.1 + 0.2);
  print(1 / 3);
  print(2 / 3);
  print(10 / 4);
  print(1e21);
  print(1e20);
  print(123456789012345678901234.0);
  print(1.5e300);
  print(1e-6);
  print(1e-7);
  print(0.000123);
  print(1.5e-10);
  print(123456.789);
  print(-0.0);
  print(0.0);
  print(double.nan);
  print(double.infinity);
  print(double.negativeInfinity);
  print(double.maxFinite);
  print(double.minPositive);
  print(3.14159e5);
  print(2e0);
  print(9007199254740993.0);
  print(0.1 * 3);
  print(4.35 * 100);
  print(1.1 * 1.1);
  print(100 * 1.1);
  print(0.1 + 0.7);
  print(1e15 + 0.3);
  print(12345678.9);
  print(-1e-300 * 1e-300);

  var values = <double>[0.5, 0.25, 0.125, 1 / 1024, 1 / 3e7];
  print(values);
  print('interpolated: ${1.0} ${2.50} ${-0.0} ${1e100}');
  print(1.0.toString() + '|' + 7.25.toString());
}
