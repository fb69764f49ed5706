// BigInt: parsing, printing in any radix, arithmetic with truncating and Euclidean
// division, two's complement bitwise operators and shifts, conversions to int and
// double, pow/modPow/modInverse/gcd, and the errors of each.

BigInt factorial(int n) {
  var result = BigInt.one;
  for (var i = 2; i <= n; i++) {
    result *= BigInt.from(i);
  }
  return result;
}

BigInt fibonacci(int n) {
  var a = BigInt.zero, b = BigInt.one;
  for (var i = 0; i < n; i++) {
    final t = a + b;
    a = b;
    b = t;
  }
  return a;
}

void attempt(String label, Object? Function() f) {
  try {
    print("$label: ${f()}");
  } catch (e) {
    print("$label threw ${e.runtimeType}: $e");
  }
}

void main() {
  print(factorial(30));
  print(fibonacci(300));
  print(BigInt.two.pow(200));
  final a = BigInt.parse("-123456789012345678901234567890123");
  final b = BigInt.parse("9876543210987654321");
  print([a + b, a - b, a * b]);
  print([a ~/ b, a % b, a.remainder(b), a / b]);
  print([-a ~/ b, -a % b, (-a).remainder(-b), a % -b]);
  print([a & b, a | b, a ^ b, ~a, ~b]);
  print([a << 70, a >> 70, b >> 3, BigInt.from(-1) >> 100, BigInt.from(-5) >> 1]);
  print([a.bitLength, b.bitLength, BigInt.from(-1).bitLength, BigInt.zero.bitLength]);
  print([a.sign, BigInt.zero.sign, b.sign, a.isNegative, b.isEven, b.isOdd]);
  print([a.abs(), a.compareTo(b), b.compareTo(a), a == BigInt.parse("$a"), a < b, b >= b]);

  print(b.toRadixString(16));
  print(a.toRadixString(2));
  print(b.toRadixString(36));
  print(BigInt.parse("-zz", radix: 36));
  print(BigInt.parse("0xDEADBEEFCAFEBABE1234"));
  print(BigInt.parse("  +00042  "));
  print(BigInt.tryParse("12x"));
  print(BigInt.tryParse(""));
  print(BigInt.tryParse("0x"));

  print(BigInt.from(9223372036854775807) + BigInt.one);
  print(BigInt.from(-9223372036854775807 - 1) - BigInt.one);
  print((BigInt.one << 64).toInt());
  print(((BigInt.one << 63) + BigInt.from(5)).toInt());
  print([b.isValidInt, BigInt.from(123).isValidInt, (BigInt.one << 63).isValidInt]);
  print([BigInt.from(1e25), BigInt.from(-3.99), BigInt.from(0.5)]);
  print([b.toDouble(), a.toDouble(), (BigInt.one << 1023).toDouble(), (BigInt.one << 1024).toDouble()]);
  print(BigInt.parse("9007199254740993").toDouble());
  print(BigInt.parse("9007199254740995").toDouble());

  print([a.toUnsigned(32), a.toSigned(32), BigInt.from(255).toSigned(8), BigInt.from(-1).toUnsigned(16)]);
  print(BigInt.from(4).modPow(BigInt.from(13), BigInt.from(497)));
  print(BigInt.from(-7).modPow(BigInt.from(3), BigInt.from(10)));
  print(BigInt.from(3).modInverse(BigInt.from(11)));
  print(BigInt.from(-3).modInverse(BigInt.from(11)));
  print(BigInt.from(12).gcd(BigInt.from(-18)));
  print(factorial(20).gcd(fibonacci(60)));
  print({BigInt.from(5), BigInt.parse("5"), BigInt.two}.length);

  attempt("divide by zero", () => b ~/ BigInt.zero);
  attempt("modulo by zero", () => b % BigInt.zero);
  attempt("negative shift", () => b << -1);
  attempt("negative pow", () => b.pow(-1));
  attempt("modPow modulus", () => b.modPow(BigInt.one, BigInt.zero));
  attempt("modPow exponent", () => b.modPow(-BigInt.one, BigInt.two));
  attempt("not coprime", () => BigInt.from(4).modInverse(BigInt.from(8)));
  attempt("parse", () => BigInt.parse("1_000"));
  attempt("radix", () => BigInt.parse("1", radix: 37));
  attempt("toRadixString", () => b.toRadixString(1));
  attempt("infinite", () => BigInt.from(double.infinity));
}
