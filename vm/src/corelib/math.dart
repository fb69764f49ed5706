// dart:math for dartrs: constants, min/max, the elementary functions (natives), the Dart
// VM's pseudo-random generator (written in Dart, so seeded sequences are the VM's),
// `Random.secure` over the operating system's entropy, `Point` and the rectangles.

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

@pragma('vm:external-name', 'SecureRandom_getBytes')
external int _secureRandomBytes(int count);

// ---------------------------------------------------------------------------------------
// Random
// ---------------------------------------------------------------------------------------

abstract interface class Random {
  factory Random([int? seed]) => _Random._seeded(seed ?? _Random._nextSeed());

  factory Random.secure() => _SecureRandom._instance;

  int nextInt(int max);

  double nextDouble();

  bool nextBool();
}

const int _pow2_32 = 0x100000000;
const double _pow2_27 = 134217728.0;
const double _pow2_53 = 9007199254740992.0;

/// The Dart VM's generator: multiply-with-carry with base 2^32 and multiplier
/// 0xffffda61, whose 64-bit state is `_high:_low`. A seed is spread over the state by
/// Thomas Wang's 64-bit mix and four steps, as the VM does, so `Random(42)` gives the
/// VM's sequence.
final class _Random implements Random {
  int _low;
  int _high;

  _Random._withState(int state)
      : _low = state & 0xFFFFFFFF,
        _high = state >>> 32;

  factory _Random._seeded(int seed) {
    var state = _mix64(seed);
    if (state == 0) state = 0x5a17;
    return _Random._withState(state)
      .._nextState()
      .._nextState()
      .._nextState()
      .._nextState();
  }

  /// Seeds for unseeded generators come from one generator seeded by the VM's entropy.
  static final _Random _seedSource = _Random._withState(_randomSeed());

  static int _nextSeed() {
    _seedSource._nextState();
    return _seedSource._low;
  }

  static int _mix64(int n) {
    n = (~n) + (n << 21);
    n = n ^ (n >>> 24);
    n = n * 265;
    n = n ^ (n >>> 14);
    n = n * 21;
    n = n ^ (n >>> 28);
    return n + (n << 31);
  }

  void _nextState() {
    // The product wraps as the VM's uint64_t does; the low and high words are exact.
    final state = 0xffffda61 * _low + _high;
    _low = state & 0xFFFFFFFF;
    _high = state >>> 32;
  }

  int nextInt(int max) {
    if (max <= 0 || max > _pow2_32) {
      throw RangeError.range(max, 1, _pow2_32, "max", "Must be positive and <= 2^32");
    }
    if ((max & -max) == max) {
      _nextState();
      return _low & (max - 1);
    }
    int bits;
    int result;
    do {
      _nextState();
      bits = _low;
      result = bits % max;
    } while (bits - result + max > _pow2_32);
    return result;
  }

  double nextDouble() => (nextInt(1 << 26) * _pow2_27 + nextInt(1 << 27)) / _pow2_53;

  bool nextBool() => nextInt(2) == 0;
}

/// Draws every value from the operating system's entropy source (`getrandom`).
final class _SecureRandom implements Random {
  static final _SecureRandom _instance = _SecureRandom();

  int nextInt(int max) {
    RangeError.checkValueInInterval(max, 1, _pow2_32, "max", "Must be positive and <= 2^32");
    final byteCount = ((max - 1).bitLength + 7) >> 3;
    if (byteCount == 0) return 0;
    final limit = 1 << (byteCount << 3);
    int bits;
    int result;
    do {
      bits = _secureRandomBytes(byteCount);
      result = bits % max;
    } while (bits - result + max > limit);
    return result;
  }

  double nextDouble() => (_secureRandomBytes(7) >> 3) / _pow2_53;

  bool nextBool() => _secureRandomBytes(1).isEven;
}

// ---------------------------------------------------------------------------------------
// Points and rectangles
// ---------------------------------------------------------------------------------------

/// The Jenkins one-at-a-time steps the SDK's `SystemHash` uses, so that `Point` and
/// `Rectangle` hash codes are the Dart VM's (seed 0; dart:core's copy behind
/// `Object.hash` is private to it and seeded).
int _hashCombine(int hash, int value) {
  hash = 0x1fffffff & (hash + value);
  hash = 0x1fffffff & (hash + ((0x0007ffff & hash) << 10));
  return hash ^ (hash >> 6);
}

int _hashFinish(int hash) {
  hash = 0x1fffffff & (hash + ((0x03ffffff & hash) << 3));
  hash = hash ^ (hash >> 11);
  return 0x1fffffff & (hash + ((0x00003fff & hash) << 15));
}

class Point<T extends num> {
  final T x;
  final T y;

  const Point(this.x, this.y);

  String toString() => "Point($x, $y)";

  bool operator ==(Object other) => other is Point && x == other.x && y == other.y;

  int get hashCode => _hashFinish(_hashCombine(_hashCombine(0, x.hashCode), y.hashCode));

  Point<T> operator +(Point<T> other) => Point<T>((x + other.x) as T, (y + other.y) as T);

  Point<T> operator -(Point<T> other) => Point<T>((x - other.x) as T, (y - other.y) as T);

  Point<T> operator *(num factor) => Point<T>((x * factor) as T, (y * factor) as T);

  double get magnitude => sqrt(x * x + y * y);

  double distanceTo(Point<T> other) => sqrt(squaredDistanceTo(other));

  T squaredDistanceTo(Point<T> other) {
    final dx = x - other.x;
    final dy = y - other.y;
    return (dx * dx + dy * dy) as T;
  }
}

/// What `Rectangle` and `MutableRectangle` share: everything but how the edges are stored.
abstract class _RectangleBase<T extends num> {
  const _RectangleBase();

  T get left;
  T get top;
  T get width;
  T get height;

  T get right => (left + width) as T;
  T get bottom => (top + height) as T;

  String toString() => "Rectangle ($left, $top) $width x $height";

  bool operator ==(Object other) =>
      other is Rectangle &&
      left == other.left &&
      top == other.top &&
      right == other.right &&
      bottom == other.bottom;

  int get hashCode {
    var hash = _hashCombine(0, left.hashCode);
    hash = _hashCombine(hash, top.hashCode);
    hash = _hashCombine(hash, right.hashCode);
    return _hashFinish(_hashCombine(hash, bottom.hashCode));
  }

  Rectangle<T>? intersection(Rectangle<T> other) {
    final x0 = max(left, other.left);
    final x1 = min(left + width, other.left + other.width);
    if (x0 > x1) return null;
    final y0 = max(top, other.top);
    final y1 = min(top + height, other.top + other.height);
    if (y0 > y1) return null;
    return Rectangle<T>(x0, y0, (x1 - x0) as T, (y1 - y0) as T);
  }

  bool intersects(Rectangle<num> other) =>
      left <= other.left + other.width &&
      other.left <= left + width &&
      top <= other.top + other.height &&
      other.top <= top + height;

  Rectangle<T> boundingBox(Rectangle<T> other) {
    final r = max(left + width, other.left + other.width);
    final b = max(top + height, other.top + other.height);
    final l = min(left, other.left);
    final t = min(top, other.top);
    return Rectangle<T>(l, t, (r - l) as T, (b - t) as T);
  }

  bool containsRectangle(Rectangle<num> another) =>
      left <= another.left &&
      left + width >= another.left + another.width &&
      top <= another.top &&
      top + height >= another.top + another.height;

  bool containsPoint(Point<num> another) =>
      another.x >= left &&
      another.x <= left + width &&
      another.y >= top &&
      another.y <= top + height;

  Point<T> get topLeft => Point<T>(left, top);
  Point<T> get topRight => Point<T>((left + width) as T, top);
  Point<T> get bottomRight => Point<T>((left + width) as T, (top + height) as T);
  Point<T> get bottomLeft => Point<T>(left, (top + height) as T);
}

class Rectangle<T extends num> extends _RectangleBase<T> {
  final T left;
  final T top;
  final T width;
  final T height;

  /// A negative width or height is clamped to a zero of the same type; adding 0 turns
  /// `-0.0` into `0.0`, as the SDK's constructor does.
  const Rectangle(this.left, this.top, T width, T height)
      : width = (width < 0)
            ? (width == double.negativeInfinity ? 0.0 : (-width * 0)) as dynamic
            : (width + 0 as dynamic),
        height = (height < 0)
            ? (height == double.negativeInfinity ? 0.0 : (-height * 0)) as dynamic
            : (height + 0 as dynamic);

  factory Rectangle.fromPoints(Point<T> a, Point<T> b) {
    final T left = min(a.x, b.x);
    final T top = min(a.y, b.y);
    return Rectangle<T>(left, top, (max(a.x, b.x) - left) as T, (max(a.y, b.y) - top) as T);
  }
}

class MutableRectangle<T extends num> extends _RectangleBase<T> implements Rectangle<T> {
  T left;
  T top;
  T _width;
  T _height;

  MutableRectangle(this.left, this.top, T width, T height)
      : _width = (width < 0) ? _clampToZero<T>(width) : (width + 0 as dynamic),
        _height = (height < 0) ? _clampToZero<T>(height) : (height + 0 as dynamic);

  factory MutableRectangle.fromPoints(Point<T> a, Point<T> b) {
    final T left = min(a.x, b.x);
    final T top = min(a.y, b.y);
    return MutableRectangle<T>(
        left, top, (max(a.x, b.x) - left) as T, (max(a.y, b.y) - top) as T);
  }

  T get width => _width;

  set width(T width) {
    if (width < 0) width = _clampToZero<T>(width);
    _width = width;
  }

  T get height => _height;

  set height(T height) {
    if (height < 0) height = _clampToZero<T>(height);
    _height = height;
  }
}

/// A zero of the same type as the negative [value]: `0` for an int, `0.0` for a double.
T _clampToZero<T extends num>(T value) {
  if (value == double.negativeInfinity) return 0.0 as dynamic;
  return (-value * 0) as dynamic;
}
