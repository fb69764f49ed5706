// dart:core's BigInt for dartrs, written in Dart: a sign and a magnitude of 30-bit
// digits (least significant first, no leading zero digits; zero has none), so that a
// digit product plus carries stays well inside a 64-bit int. Bitwise operators act on
// the infinite two's complement representation, as the SDK specifies.

part of dart.core;

const int _bigDigitBits = 30;
const int _bigDigitBase = 1 << _bigDigitBits;
const int _bigDigitMask = _bigDigitBase - 1;

final class BigInt implements Comparable<BigInt> {
  final bool _isNegative;
  final List<int> _digits;

  BigInt._(this._isNegative, this._digits);

  /// A value from a magnitude that may have leading zero digits.
  factory BigInt._normalized(bool negative, List<int> digits) {
    var used = digits.length;
    while (used > 0 && digits[used - 1] == 0) {
      used--;
    }
    if (used == 0) return BigInt.zero;
    final magnitude = used == digits.length ? digits : digits.sublist(0, used);
    return BigInt._(negative, magnitude);
  }

  static final BigInt zero = BigInt._(false, const <int>[]);
  static final BigInt one = BigInt._fromInt(1);
  static final BigInt two = BigInt._fromInt(2);

  factory BigInt.from(num value) {
    if (value is int) return BigInt._fromInt(value);
    return BigInt._fromDouble(value as double);
  }

  factory BigInt._fromInt(int value) {
    if (value == 0) return zero;
    final negative = value < 0;
    // Works for the minimum int too: its magnitude is read as unsigned bits.
    var magnitude = negative ? -value : value;
    final digits = <int>[];
    while (magnitude != 0) {
      digits.add(magnitude & _bigDigitMask);
      magnitude = magnitude >>> _bigDigitBits;
    }
    return BigInt._(negative, digits);
  }

  factory BigInt._fromDouble(double value) {
    if (value.isNaN || value.isInfinite) {
      throw ArgumentError("Value must be finite: $value");
    }
    final negative = value < 0;
    var magnitude = (negative ? -value : value).floorToDouble();
    if (magnitude == 0) return zero;
    // Split off 2^k factors until the rest is an exact int, then shift back.
    var shift = 0;
    while (magnitude >= 9007199254740992.0) {
      magnitude /= 2;
      shift++;
    }
    final result = BigInt._fromInt(magnitude.toInt()) << shift;
    return negative ? -result : result;
  }

  static BigInt parse(String source, {int? radix}) {
    final result = _tryParse(source, radix);
    if (result == null) throw FormatException("Could not parse BigInt", source);
    return result;
  }

  static BigInt? tryParse(String source, {int? radix}) => _tryParse(source, radix);

  static BigInt? _tryParse(String source, int? radix) {
    if (radix != null && (radix < 2 || radix > 36)) {
      throw RangeError.range(radix, 2, 36, "radix");
    }
    var text = source.trim();
    var negative = false;
    if (text.startsWith("-") || text.startsWith("+")) {
      negative = text.startsWith("-");
      text = text.substring(1);
    }
    var base = radix ?? 10;
    if (radix == null && (text.startsWith("0x") || text.startsWith("0X"))) {
      text = text.substring(2);
      base = 16;
    }
    if (text.isEmpty) return null;
    final magnitude = _parseMagnitude(text, base);
    if (magnitude == null) return null;
    return BigInt._normalized(negative, magnitude);
  }

  static int _digitValue(int codeUnit) {
    if (codeUnit >= 0x30 && codeUnit <= 0x39) return codeUnit - 0x30;
    final lower = codeUnit | 0x20;
    if (lower >= 0x61 && lower <= 0x7A) return lower - 0x61 + 10;
    return 99;
  }

  /// The largest power of [radix] below the digit base, and its exponent.
  static (int, int) _chunk(int radix) {
    var power = radix;
    var count = 1;
    while (power * radix < _bigDigitBase) {
      power *= radix;
      count++;
    }
    return (power, count);
  }

  /// The magnitude of [text] in [radix], read in chunks that fit a digit; null if a
  /// character is not a digit of the radix.
  static List<int>? _parseMagnitude(String text, int radix) {
    final (chunkPower, chunkLength) = _chunk(radix);
    final digits = <int>[];
    var start = 0;
    var end = text.length % chunkLength;
    if (end == 0) end = chunkLength;
    while (start < text.length) {
      var chunkValue = 0;
      for (var i = start; i < end; i++) {
        final d = _digitValue(text.codeUnitAt(i));
        if (d >= radix) return null;
        chunkValue = chunkValue * radix + d;
      }
      _multiplyAddInPlace(digits, chunkPower, chunkValue);
      start = end;
      end += chunkLength;
    }
    return digits;
  }

  /// `digits = digits * factor + addend` for small non-negative [factor] and [addend].
  static void _multiplyAddInPlace(List<int> digits, int factor, int addend) {
    var carry = addend;
    for (var i = 0; i < digits.length; i++) {
      final t = digits[i] * factor + carry;
      digits[i] = t & _bigDigitMask;
      carry = t >> _bigDigitBits;
    }
    while (carry != 0) {
      digits.add(carry & _bigDigitMask);
      carry >>= _bigDigitBits;
    }
  }

  // -- magnitudes --------------------------------------------------------------------------

  static int _compareMagnitudes(List<int> a, List<int> b) {
    if (a.length != b.length) return a.length < b.length ? -1 : 1;
    for (var i = a.length - 1; i >= 0; i--) {
      if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
  }

  static List<int> _addMagnitudes(List<int> a, List<int> b) {
    if (a.length < b.length) return _addMagnitudes(b, a);
    final result = List<int>.filled(a.length + 1, 0);
    var carry = 0;
    for (var i = 0; i < a.length; i++) {
      final t = a[i] + (i < b.length ? b[i] : 0) + carry;
      result[i] = t & _bigDigitMask;
      carry = t >> _bigDigitBits;
    }
    result[a.length] = carry;
    return result;
  }

  /// `a - b` for `a >= b`.
  static List<int> _subtractMagnitudes(List<int> a, List<int> b) {
    final result = List<int>.filled(a.length, 0);
    var borrow = 0;
    for (var i = 0; i < a.length; i++) {
      var t = a[i] - (i < b.length ? b[i] : 0) - borrow;
      borrow = t < 0 ? 1 : 0;
      result[i] = t & _bigDigitMask;
    }
    return result;
  }

  static List<int> _multiplyMagnitudes(List<int> a, List<int> b) {
    if (a.isEmpty || b.isEmpty) return const <int>[];
    final result = List<int>.filled(a.length + b.length, 0);
    for (var i = 0; i < a.length; i++) {
      final ai = a[i];
      if (ai == 0) continue;
      var carry = 0;
      for (var j = 0; j < b.length; j++) {
        final t = result[i + j] + ai * b[j] + carry;
        result[i + j] = t & _bigDigitMask;
        carry = t >> _bigDigitBits;
      }
      result[i + b.length] = carry;
    }
    return result;
  }

  static List<int> _shiftLeftMagnitude(List<int> a, int shift) {
    if (a.isEmpty) return a;
    final digitShift = shift ~/ _bigDigitBits;
    final bitShift = shift % _bigDigitBits;
    final result = List<int>.filled(a.length + digitShift + 1, 0);
    for (var i = 0; i < a.length; i++) {
      final t = a[i] << bitShift;
      result[i + digitShift] |= t & _bigDigitMask;
      result[i + digitShift + 1] = t >> _bigDigitBits;
    }
    return result;
  }

  /// `a >> shift` rounded toward zero, and whether any one bit was shifted out.
  static (List<int>, bool) _shiftRightMagnitude(List<int> a, int shift) {
    final digitShift = shift ~/ _bigDigitBits;
    if (digitShift >= a.length) return (const <int>[], a.isNotEmpty);
    final bitShift = shift % _bigDigitBits;
    var lost = false;
    for (var i = 0; i < digitShift; i++) {
      if (a[i] != 0) lost = true;
    }
    if (bitShift != 0 && (a[digitShift] & ((1 << bitShift) - 1)) != 0) lost = true;
    final result = List<int>.filled(a.length - digitShift, 0);
    for (var i = digitShift; i < a.length; i++) {
      final high = i + 1 < a.length ? a[i + 1] : 0;
      result[i - digitShift] =
          ((a[i] >> bitShift) | (high << (_bigDigitBits - bitShift))) & _bigDigitMask;
    }
    return (result, lost);
  }

  /// Quotient and remainder of magnitudes (Knuth's algorithm D for long divisors).
  static (List<int>, List<int>) _divideMagnitudes(List<int> u, List<int> v) {
    if (_compareMagnitudes(u, v) < 0) return (const <int>[], u);
    if (v.length == 1) {
      final divisor = v[0];
      final quotient = List<int>.filled(u.length, 0);
      var remainder = 0;
      for (var i = u.length - 1; i >= 0; i--) {
        final t = (remainder << _bigDigitBits) | u[i];
        quotient[i] = t ~/ divisor;
        remainder = t - quotient[i] * divisor;
      }
      return (quotient, remainder == 0 ? const <int>[] : <int>[remainder]);
    }
    final shift = _bigDigitBits - v.last.bitLength;
    final vn = _trimmed(_shiftLeftMagnitude(v, shift));
    // One digit longer than u: the first quotient step reads un[m - 1 + n].
    final un = _shiftLeftMagnitude(u, shift);
    final n = vn.length;
    final m = un.length - n;
    final quotient = List<int>.filled(m, 0);
    final top = vn[n - 1];
    final next = vn[n - 2];
    for (var j = m - 1; j >= 0; j--) {
      final numerator = (un[j + n] << _bigDigitBits) | un[j + n - 1];
      var qhat = numerator ~/ top;
      var rhat = numerator - qhat * top;
      while (qhat >= _bigDigitBase || qhat * next > ((rhat << _bigDigitBits) | un[j + n - 2])) {
        qhat--;
        rhat += top;
        if (rhat >= _bigDigitBase) break;
      }
      var borrow = 0;
      var carry = 0;
      for (var i = 0; i < n; i++) {
        final p = qhat * vn[i] + carry;
        carry = p >> _bigDigitBits;
        final t = un[i + j] - (p & _bigDigitMask) - borrow;
        borrow = t < 0 ? 1 : 0;
        un[i + j] = t & _bigDigitMask;
      }
      final t = un[j + n] - carry - borrow;
      if (t < 0) {
        // qhat was one too large: add the divisor back.
        qhat--;
        var c = 0;
        for (var i = 0; i < n; i++) {
          final s = un[i + j] + vn[i] + c;
          un[i + j] = s & _bigDigitMask;
          c = s >> _bigDigitBits;
        }
        un[j + n] = (t + c) & _bigDigitMask;
      } else {
        un[j + n] = t;
      }
      quotient[j] = qhat;
    }
    final (remainder, _) = _shiftRightMagnitude(_trimmed(un.sublist(0, n)), shift);
    return (quotient, remainder);
  }

  static List<int> _trimmed(List<int> digits) {
    var used = digits.length;
    while (used > 0 && digits[used - 1] == 0) {
      used--;
    }
    return used == digits.length ? digits : digits.sublist(0, used);
  }

  // -- arithmetic --------------------------------------------------------------------------

  bool get _isZero => _digits.isEmpty;

  BigInt operator -() => _isZero ? this : BigInt._(!_isNegative, _digits);

  BigInt abs() => _isNegative ? -this : this;

  BigInt operator +(BigInt other) {
    if (_isNegative == other._isNegative) {
      return BigInt._normalized(_isNegative, _addMagnitudes(_digits, other._digits));
    }
    final c = _compareMagnitudes(_digits, other._digits);
    if (c == 0) return zero;
    if (c > 0) {
      return BigInt._normalized(_isNegative, _subtractMagnitudes(_digits, other._digits));
    }
    return BigInt._normalized(other._isNegative, _subtractMagnitudes(other._digits, _digits));
  }

  BigInt operator -(BigInt other) => this + (-other);

  BigInt operator *(BigInt other) => BigInt._normalized(
      _isNegative != other._isNegative, _multiplyMagnitudes(_digits, other._digits));

  /// Truncating division.
  BigInt operator ~/(BigInt other) {
    if (other._isZero) throw const IntegerDivisionByZeroException();
    final (quotient, _) = _divideMagnitudes(_digits, other._digits);
    return BigInt._normalized(_isNegative != other._isNegative, quotient);
  }

  /// The remainder of truncating division: it has the sign of `this`.
  BigInt remainder(BigInt other) {
    if (other._isZero) throw const IntegerDivisionByZeroException();
    final (_, remainder) = _divideMagnitudes(_digits, other._digits);
    return BigInt._normalized(_isNegative, List<int>.of(remainder));
  }

  /// Euclidean modulo: never negative.
  BigInt operator %(BigInt other) {
    final r = remainder(other);
    if (!r._isNegative) return r;
    return other._isNegative ? r - other : r + other;
  }

  double operator /(BigInt other) => toDouble() / other.toDouble();

  BigInt pow(int exponent) {
    if (exponent < 0) {
      throw ArgumentError("Exponent must not be negative: $exponent");
    }
    var result = one;
    var base = this;
    var e = exponent;
    while (e != 0) {
      if (e & 1 == 1) result *= base;
      e >>= 1;
      if (e != 0) base *= base;
    }
    return result;
  }

  BigInt modPow(BigInt exponent, BigInt modulus) {
    if (exponent._isNegative) {
      throw ArgumentError("exponent must be positive: $exponent");
    }
    if (modulus <= zero) {
      throw ArgumentError("modulus must be strictly positive: $modulus");
    }
    if (modulus == one) return zero;
    var result = one;
    var base = this % modulus;
    for (var i = 0; i < exponent.bitLength; i++) {
      if (exponent._testBit(i)) result = (result * base) % modulus;
      base = (base * base) % modulus;
    }
    return result;
  }

  BigInt modInverse(BigInt modulus) {
    if (modulus <= zero) {
      throw ArgumentError("Modulus must be strictly positive: $modulus");
    }
    if (modulus == one) return zero;
    // Extended Euclid on (value mod m, m), keeping the coefficient of the value.
    var a = this % modulus;
    var b = modulus;
    var x0 = one;
    var x1 = zero;
    while (!b._isZero) {
      final q = a ~/ b;
      final r = a - q * b;
      a = b;
      b = r;
      final x = x0 - q * x1;
      x0 = x1;
      x1 = x;
    }
    if (a != one) throw Exception("Not coprime");
    return x0 % modulus;
  }

  BigInt gcd(BigInt other) {
    var a = abs();
    var b = other.abs();
    while (!b._isZero) {
      final r = a.remainder(b);
      a = b;
      b = r;
    }
    return a;
  }

  // -- bits --------------------------------------------------------------------------------

  int get bitLength {
    if (_isZero) return 0;
    if (_isNegative) return (~this).bitLength;
    return _bigDigitBits * (_digits.length - 1) + _digits.last.bitLength;
  }

  bool _testBit(int i) {
    final d = i ~/ _bigDigitBits;
    return d < _digits.length && (_digits[d] >> (i % _bigDigitBits)) & 1 == 1;
  }

  BigInt operator <<(int shiftAmount) {
    if (shiftAmount < 0) {
      throw ArgumentError("shift-amount must be posititve $shiftAmount");
    }
    return BigInt._normalized(_isNegative, _shiftLeftMagnitude(_digits, shiftAmount));
  }

  /// Arithmetic shift: rounds toward negative infinity.
  BigInt operator >>(int shiftAmount) {
    if (shiftAmount < 0) {
      throw ArgumentError("shift-amount must be posititve $shiftAmount");
    }
    final (shifted, lost) = _shiftRightMagnitude(_digits, shiftAmount);
    final result = BigInt._normalized(_isNegative, List<int>.of(shifted));
    return (_isNegative && lost) ? result - one : result;
  }

  /// The low [length] digits of the two's complement form (sign-extended).
  List<int> _twosComplement(int length) {
    final result = List<int>.filled(length, 0);
    if (!_isNegative) {
      for (var i = 0; i < _digits.length; i++) {
        result[i] = _digits[i];
      }
      return result;
    }
    final lessOne = _subtractMagnitudes(_digits, const <int>[1]);
    for (var i = 0; i < length; i++) {
      result[i] = ~(i < lessOne.length ? lessOne[i] : 0) & _bigDigitMask;
    }
    return result;
  }

  static BigInt _fromTwosComplement(List<int> digits, bool negative) {
    if (!negative) return BigInt._normalized(false, digits);
    final inverted = [for (final d in digits) ~d & _bigDigitMask];
    return BigInt._normalized(true, _addMagnitudes(_trimmed(inverted), const <int>[1]));
  }

  BigInt _bitwise(BigInt other, int Function(int, int) op, bool Function(bool, bool) signOp) {
    final length = (_digits.length > other._digits.length ? _digits.length : other._digits.length) + 1;
    final a = _twosComplement(length);
    final b = other._twosComplement(length);
    final result = List<int>.filled(length, 0);
    for (var i = 0; i < length; i++) {
      result[i] = op(a[i], b[i]) & _bigDigitMask;
    }
    return _fromTwosComplement(result, signOp(_isNegative, other._isNegative));
  }

  BigInt operator &(BigInt other) => _bitwise(other, (a, b) => a & b, (a, b) => a && b);
  BigInt operator |(BigInt other) => _bitwise(other, (a, b) => a | b, (a, b) => a || b);
  BigInt operator ^(BigInt other) => _bitwise(other, (a, b) => a ^ b, (a, b) => a != b);

  /// `-this - 1`.
  BigInt operator ~() => -this - one;

  BigInt toUnsigned(int width) => this & ((one << width) - one);

  BigInt toSigned(int width) {
    final signMask = one << (width - 1);
    return (this & (signMask - one)) - (this & signMask);
  }

  // -- comparison --------------------------------------------------------------------------

  int compareTo(BigInt other) {
    if (_isNegative != other._isNegative) return _isNegative ? -1 : 1;
    final c = _compareMagnitudes(_digits, other._digits);
    return _isNegative ? -c : c;
  }

  bool operator <(BigInt other) => compareTo(other) < 0;
  bool operator <=(BigInt other) => compareTo(other) <= 0;
  bool operator >(BigInt other) => compareTo(other) > 0;
  bool operator >=(BigInt other) => compareTo(other) >= 0;

  bool operator ==(Object other) => other is BigInt && compareTo(other) == 0;

  int get hashCode {
    if (_isZero) return 6707;
    var hash = _isNegative ? 83585 : 429689;
    for (final d in _digits) {
      hash = _hashCombine(hash, d);
    }
    return _hashFinish(hash);
  }

  int get sign => _isZero ? 0 : (_isNegative ? -1 : 1);
  bool get isEven => _isZero || _digits[0] & 1 == 0;
  bool get isOdd => !isEven;
  bool get isNegative => _isNegative;

  // -- conversion --------------------------------------------------------------------------

  bool get isValidInt => bitLength < 64;

  /// The low 64 bits of the two's complement form, as an int (wrapping like the VM).
  int toInt() {
    var result = 0;
    for (var i = _digits.length - 1; i >= 0; i--) {
      result = (result << _bigDigitBits) | _digits[i];
    }
    return _isNegative ? -result : result;
  }

  /// The nearest double (ties to even); `±infinity` beyond the double range.
  double toDouble() {
    final length = abs().bitLength;
    if (length == 0) return 0.0;
    double magnitude;
    if (length <= 53) {
      magnitude = abs().toInt().toDouble();
    } else if (length > 1024) {
      magnitude = double.infinity;
    } else {
      // The top 54 bits, then round to 53 using the 54th bit and the bits below it.
      final (top, lost) = _shiftRightMagnitude(_digits, length - 54);
      var bits = BigInt._normalized(false, List<int>.of(top)).toInt();
      var mantissa = bits >> 1;
      if (bits & 1 == 1 && (lost || mantissa & 1 == 1)) mantissa++;
      var scale = length - 53;
      magnitude = mantissa.toDouble();
      var factor = 2.0;
      while (scale != 0) {
        if (scale & 1 == 1) magnitude *= factor;
        factor *= factor;
        scale >>= 1;
      }
    }
    return _isNegative ? -magnitude : magnitude;
  }

  String toString() => toRadixString(10);

  String toRadixString(int radix) {
    if (radix < 2 || radix > 36) throw RangeError.range(radix, 2, 36, "radix");
    if (_isZero) return "0";
    final (chunkPower, chunkLength) = _chunk(radix);
    final chunks = <String>[];
    var rest = _digits;
    final divisor = <int>[chunkPower];
    while (rest.isNotEmpty) {
      final (quotient, remainder) = _divideMagnitudes(rest, divisor);
      rest = _trimmed(List<int>.of(quotient));
      final value = remainder.isEmpty ? 0 : remainder[0];
      final text = value.toRadixString(radix);
      chunks.add(rest.isEmpty ? text : text.padLeft(chunkLength, "0"));
    }
    final buffer = StringBuffer(_isNegative ? "-" : "");
    for (var i = chunks.length - 1; i >= 0; i--) {
      buffer.write(chunks[i]);
    }
    return buffer.toString();
  }
}
