// dart:math for dartrs: constants, min/max, the elementary functions (natives) and
// Random (a xorshift generator written in Dart, seeded by the VM when no seed is given).

const double e = 2.718281828459045;
const double ln10 = 2.302585092994046;
const double ln2 = 0.6931471805599453;
const double log2e = 1.4426950408889634;
const double log10e = 0.4342944819032518;
const double pi = 3.1415926535897932;
const double sqrt1_2 = 0.7071067811865476;
const double sqrt2 = 1.4142135623730951;

T min<T extends num>(T a, T b) {
  if (a < b) return a;
  if (a > b) return b;
  if (a is double && a.isNaN) return a;
  if (b is double && b.isNaN) return b;
  if (a == 0 && a is double && a.isNegative) return a;
  return b == 0 && b is double && b.isNegative ? b : a;
}

T max<T extends num>(T a, T b) {
  if (a > b) return a;
  if (a < b) return b;
  if (a is double && a.isNaN) return a;
  if (b is double && b.isNaN) return b;
  if (a == 0 && a is double && a.isNegative) return b;
  return a;
}

@pragma('vm:external-name', 'Math_sqrt')
external double sqrt(num x);
@pragma('vm:external-name', 'Math_sin')
external double sin(num radians);
@pragma('vm:external-name', 'Math_cos')
external double cos(num radians);
@pragma('vm:external-name', 'Math_tan')
external double tan(num radians);
@pragma('vm:external-name', 'Math_asin')
external double asin(num x);
@pragma('vm:external-name', 'Math_acos')
external double acos(num x);
@pragma('vm:external-name', 'Math_atan')
external double atan(num x);
@pragma('vm:external-name', 'Math_atan2')
external double atan2(num a, num b);
@pragma('vm:external-name', 'Math_exp')
external double exp(num x);
@pragma('vm:external-name', 'Math_log')
external double log(num x);
@pragma('vm:external-name', 'Math_pow')
external num pow(num x, num exponent);

@pragma('vm:external-name', 'Random_seed')
external int _randomSeed();

class Random {
  int _state;

  Random([int? seed]) : _state = _initialState(seed ?? _randomSeed());

  factory Random.secure() => Random();

  static int _initialState(int seed) {
    int s = seed ^ 0x5DEECE66D;
    if (s == 0) s = 0x2545F491;
    return s;
  }

  int _next() {
    int x = _state;
    x = x ^ (x << 13);
    x = x ^ (x >>> 7);
    x = x ^ (x << 17);
    _state = x;
    return x >>> 11;
  }

  int nextInt(int max) {
    if (max <= 0 || max > 0x100000000) {
      throw RangeError.range(max, 1, 0x100000000, "max", "Must be positive and <= 2^32");
    }
    return _next() % max;
  }

  double nextDouble() => (_next() & 0x1FFFFFFFFFFFFF) / 9007199254740992.0;

  bool nextBool() => (_next() & 1) == 0;
}

class Point<T extends num> {
  final T x;
  final T y;
  const Point(this.x, this.y);
  String toString() => "Point($x, $y)";
  bool operator ==(Object other) => other is Point && x == other.x && y == other.y;
  int get hashCode => Object.hash(x, y);
}
