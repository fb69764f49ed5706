// dart:core for dartrs.

library dart.core;

import 'dart:math' show Random;

export 'dart:async' show Future, Stream;

part 'uri.dart';
part 'uri_data.dart';
part 'date_time.dart';
part 'big_int.dart';
//
// The built-in classes with their members. Members the VM implements natively are
// `external` with `@pragma('vm:external-name', 'Name')`; vm/src/corelib/NATIVES.md lists
// every native name with its semantics. Everything else is plain Dart, compiled like user
// code. Top-level functions marked `@pragma('vm:entry-point')` are called by the runtime
// to throw the Dart error objects for failures it detects (index out of range, null check,
// ...).

// ---------------------------------------------------------------------------------------
// Annotations
// ---------------------------------------------------------------------------------------

class pragma {
  final String name;
  final Object? options;
  const pragma(this.name, [this.options]);
}

class Deprecated {
  final String message;
  const Deprecated(this.message);
}

const Deprecated deprecated = Deprecated("next release");

class _Override {
  const _Override();
}

const Object override = _Override();

// ---------------------------------------------------------------------------------------
// Object, Null, bool, Function, Type, Symbol, Record, Enum
// ---------------------------------------------------------------------------------------

class Object {
  const Object();

  @pragma('vm:external-name', 'Object_equals')
  external bool operator ==(Object other);

  @pragma('vm:external-name', 'Object_hashCode')
  external int get hashCode;

  @pragma('vm:external-name', 'Object_toString')
  external String toString();

  @pragma('vm:external-name', 'Object_runtimeType')
  external Type get runtimeType;

  dynamic noSuchMethod(Invocation invocation) {
    throw NoSuchMethodError._(this, invocation);
  }

  /// Combines up to twenty hash codes as the SDK's `SystemHash` does; omitted arguments
  /// are the private sentinel, so `hash(a, b)` and `hash(a, b, null)` differ.
  static int hash(Object? object1, Object? object2,
      [Object? object3 = _hashSentinel,
      Object? object4 = _hashSentinel,
      Object? object5 = _hashSentinel,
      Object? object6 = _hashSentinel,
      Object? object7 = _hashSentinel,
      Object? object8 = _hashSentinel,
      Object? object9 = _hashSentinel,
      Object? object10 = _hashSentinel,
      Object? object11 = _hashSentinel,
      Object? object12 = _hashSentinel,
      Object? object13 = _hashSentinel,
      Object? object14 = _hashSentinel,
      Object? object15 = _hashSentinel,
      Object? object16 = _hashSentinel,
      Object? object17 = _hashSentinel,
      Object? object18 = _hashSentinel,
      Object? object19 = _hashSentinel,
      Object? object20 = _hashSentinel]) {
    var hash = _hashCombine(_hashCombine(_hashSeed, object1.hashCode), object2.hashCode);
    if (identical(object3, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object3.hashCode);
    if (identical(object4, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object4.hashCode);
    if (identical(object5, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object5.hashCode);
    if (identical(object6, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object6.hashCode);
    if (identical(object7, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object7.hashCode);
    if (identical(object8, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object8.hashCode);
    if (identical(object9, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object9.hashCode);
    if (identical(object10, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object10.hashCode);
    if (identical(object11, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object11.hashCode);
    if (identical(object12, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object12.hashCode);
    if (identical(object13, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object13.hashCode);
    if (identical(object14, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object14.hashCode);
    if (identical(object15, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object15.hashCode);
    if (identical(object16, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object16.hashCode);
    if (identical(object17, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object17.hashCode);
    if (identical(object18, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object18.hashCode);
    if (identical(object19, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object19.hashCode);
    if (identical(object20, _hashSentinel)) return _hashFinish(hash);
    hash = _hashCombine(hash, object20.hashCode);
    return _hashFinish(hash);
  }

  static int hashAll(Iterable<Object?> objects) {
    var hash = _hashSeed;
    for (final object in objects) {
      hash = _hashCombine(hash, object.hashCode);
    }
    return _hashFinish(hash);
  }

  /// Independent of the order of [objects]: a sum of smeared hash codes and the count.
  static int hashAllUnordered(Iterable<Object?> objects) {
    var sum = 0;
    var count = 0;
    for (final object in objects) {
      sum = (sum + _hashSmear(object.hashCode)) & 0x3FFFFFFF;
      count += 1;
    }
    return _hashFinish(_hashCombine(_hashCombine(0, sum), count));
  }
}

/// What distinguishes an omitted argument of `Object.hash` from `null`.
const Object _hashSentinel = _HashSentinel();

final class _HashSentinel {
  const _HashSentinel();
}

/// The seed of `Object.hash`/`hashAll`. The Dart VM's varies per run; dartrs's is fixed.
const int _hashSeed = 0x2a3b4c5d;

/// The Jenkins one-at-a-time steps of the SDK's `SystemHash`.
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

/// Spreads the bits of a hash code so that sums of them collide less.
int _hashSmear(int x) {
  x ^= x >> 16;
  x = (x * 0x7feb352d) & 0xFFFFFFFF;
  x ^= x >> 15;
  x = (x * 0x846ca68b) & 0xFFFFFFFF;
  x ^= x >> 16;
  return x;
}

final class Null {
  int get hashCode => 2011;
  String toString() => "null";
}

final class bool {
  // dartrs takes no `-D` definitions, so the environment is empty and these give their
  // defaults. Constant invocations are folded by the resolver's constant evaluator.
  factory bool.fromEnvironment(String name, {bool defaultValue = false}) => defaultValue;
  factory bool.hasEnvironment(String name) => false;

  @pragma('vm:external-name', 'Bool_hashCode')
  external int get hashCode;

  bool operator &(bool other) => other ? this : false;
  bool operator |(bool other) => other ? true : this;
  bool operator ^(bool other) => other ? !this : this;

  String toString() => this ? "true" : "false";

  static bool? tryParse(String source, {bool caseSensitive = true}) {
    final s = caseSensitive ? source : source.toLowerCase();
    if (s == "true") return true;
    if (s == "false") return false;
    return null;
  }

  static bool parse(String source, {bool caseSensitive = true}) {
    final s = caseSensitive ? source : source.toLowerCase();
    if (s == "true") return true;
    if (s == "false") return false;
    throw FormatException("Invalid boolean", source);
  }
}

abstract final class Function {
  @pragma('vm:external-name', 'Function_equals')
  external bool operator ==(Object other);

  @pragma('vm:external-name', 'Function_hashCode')
  external int get hashCode;

  @pragma('vm:external-name', 'Function_toString')
  external String toString();

  /// Calls [function] with these arguments, as a dynamic call would (a shape it does not
  /// accept throws `NoSuchMethodError`).
  static dynamic apply(Function function, List<dynamic>? positionalArguments,
      [Map<Symbol, dynamic>? namedArguments]) {
    final names = <String>[];
    final values = <dynamic>[];
    if (namedArguments != null) {
      namedArguments.forEach((name, value) {
        names.add(name._name);
        values.add(value);
      });
    }
    return _apply(function, positionalArguments ?? const <dynamic>[], names, values);
  }

  @pragma('vm:external-name', 'Function_apply')
  external static dynamic _apply(
      Function function, List<dynamic> positional, List<String> names, List<dynamic> values);
}

abstract class Type {
  @pragma('vm:external-name', 'Type_equals')
  external bool operator ==(Object other);

  @pragma('vm:external-name', 'Type_hashCode')
  external int get hashCode;

  @pragma('vm:external-name', 'Type_toString')
  external String toString();
}

class Symbol {
  final String _name;
  const Symbol(String name) : _name = name;
  static const Symbol unaryMinus = Symbol("unary-");
  static const Symbol empty = Symbol("");
  bool operator ==(Object other) => other is Symbol && other._name == _name;
  int get hashCode => _name.hashCode;
  String toString() => 'Symbol("$_name")';
}

/// Every record value is an instance of this class (its layout is the VM's: a shape id
/// and the fields, positional first, then named ones sorted by name). Equality, hashCode
/// and toString follow the Dart VM's `_Record`.
abstract final class Record {
  bool operator ==(Object other) {
    if (identical(this, other)) return true;
    if (other is! Record) return false;
    if (_shape != other._shape) return false;
    final n = _numFields;
    for (var i = 0; i < n; i++) {
      if (_fieldAt(i) != other._fieldAt(i)) return false;
    }
    return true;
  }

  int get hashCode {
    var hash = _shape;
    final n = _numFields;
    for (var i = 0; i < n; i++) {
      hash = _SystemHash.combine(hash, _fieldAt(i).hashCode);
    }
    return _SystemHash.finish(hash);
  }

  String toString() {
    final buffer = StringBuffer("(");
    final n = _numFields;
    for (var i = 0; i < n; i++) {
      if (i != 0) buffer.write(", ");
      final name = _fieldName(i);
      if (name != null) {
        buffer.write(name);
        buffer.write(": ");
      }
      buffer.write(_fieldAt(i).toString());
    }
    buffer.write(")");
    return buffer.toString();
  }

  @pragma('vm:external-name', 'Record_shape')
  external int get _shape;

  @pragma('vm:external-name', 'Record_numFields')
  external int get _numFields;

  @pragma('vm:external-name', 'Record_fieldAt')
  external Object? _fieldAt(int index);

  /// The name of field [index], or null for a positional field.
  @pragma('vm:external-name', 'Record_fieldName')
  external String? _fieldName(int index);
}

/// Jenkins one-at-a-time hash steps, as the Dart SDK's `SystemHash` combines them.
abstract final class _SystemHash {
  static int combine(int hash, int value) {
    hash = 0x1fffffff & (hash + value);
    hash = 0x1fffffff & (hash + ((0x0007ffff & hash) << 10));
    return hash ^ (hash >> 6);
  }

  static int finish(int hash) {
    hash = 0x1fffffff & (hash + ((0x03ffffff & hash) << 3));
    hash = hash ^ (hash >> 11);
    return 0x1fffffff & (hash + ((0x00003fff & hash) << 15));
  }
}

abstract class Enum {
  final int index;
  final String _name;
  const Enum(this.index, this._name);

  /// In the Dart SDK `name` is only the `EnumName` extension below. dartrs also keeps
  /// it as a member because its flow-analysis stand-in reads many locals as `dynamic`,
  /// and a dynamic `.name` must keep working on them; the cost is that `.name` through a
  /// real `dynamic` finds it too, where the Dart VM throws NoSuchMethodError.
  String get name => _name;

  static int compareByIndex<T extends Enum>(T value1, T value2) => value1.index - value2.index;

  static int compareByName<T extends Enum>(T value1, T value2) =>
      value1._name.compareTo(value2._name);
}

/// An enum value's name, as the Dart SDK declares it (`EnumName(value).name`).
extension EnumName on Enum {
  String get name => _name;
}


abstract class Comparable<T> {
  int compareTo(T other);

  static int compare(Comparable a, Comparable b) => a.compareTo(b);
}

/// Something that can be searched for in a string: a `String` or a `RegExp`.
abstract interface class Pattern {
  Iterable<Match> allMatches(String string, [int start = 0]);
  Match? matchAsPrefix(String string, [int start = 0]);
}

/// The result of a search: where a pattern matched and what its groups captured.
abstract interface class Match {
  int get start;
  int get end;
  String? group(int group);
  String? operator [](int group);
  List<String?> groups(List<int> groupIndices);
  int get groupCount;
  String get input;
  Pattern get pattern;
}

abstract class Invocation {
  Invocation();

  factory Invocation.method(Symbol memberName, Iterable<Object?>? positionalArguments,
          [Map<Symbol, Object?>? namedArguments]) =>
      _Invocation(memberName, 0, const <Type>[], _Invocation._positional(positionalArguments),
          _Invocation._named(namedArguments));

  factory Invocation.genericMethod(Symbol memberName, Iterable<Type>? typeArguments,
          Iterable<Object?>? positionalArguments, [Map<Symbol, Object?>? namedArguments]) =>
      _Invocation(
          memberName,
          0,
          typeArguments == null ? const <Type>[] : List<Type>.unmodifiable(typeArguments),
          _Invocation._positional(positionalArguments),
          _Invocation._named(namedArguments));

  factory Invocation.getter(Symbol name) =>
      _Invocation(name, 1, const <Type>[], const <Object?>[], const <Symbol, Object?>{});

  factory Invocation.setter(Symbol memberName, Object? argument) => _Invocation(memberName, 2,
      const <Type>[], List<Object?>.unmodifiable(<Object?>[argument]), const <Symbol, Object?>{});

  Symbol get memberName;
  List<Type> get typeArguments => const <Type>[];
  List<dynamic> get positionalArguments;
  Map<Symbol, dynamic> get namedArguments;
  bool get isMethod;
  bool get isGetter;
  bool get isSetter;
  bool get isAccessor => isGetter || isSetter;
}

class _Invocation extends Invocation {
  final Symbol memberName;
  final List<Type> typeArguments;
  final List<Object?> positionalArguments;
  final Map<Symbol, Object?> namedArguments;
  final int _kind;
  _Invocation(this.memberName, this._kind, this.typeArguments, this.positionalArguments,
      this.namedArguments);
  bool get isMethod => _kind == 0;
  bool get isGetter => _kind == 1;
  bool get isSetter => _kind == 2;

  static List<Object?> _positional(Iterable<Object?>? arguments) =>
      arguments == null ? const <Object?>[] : List<Object?>.unmodifiable(arguments);

  static Map<Symbol, Object?> _named(Map<Symbol, Object?>? arguments) =>
      arguments == null || arguments.isEmpty
          ? const <Symbol, Object?>{}
          : Map<Symbol, Object?>.unmodifiable(arguments);
}

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

abstract final class num implements Comparable<num> {
  num operator +(num other);
  num operator -(num other);
  num operator *(num other);
  double operator /(num other);
  int operator ~/(num other);
  num operator %(num other);
  num operator -();
  bool operator <(num other);
  bool operator >(num other);
  bool operator <=(num other);
  bool operator >=(num other);
  num remainder(num other);
  int compareTo(num other);
  bool get isNaN;
  bool get isInfinite;
  bool get isFinite;
  bool get isNegative;
  num abs();
  num get sign;
  int round();
  int floor();
  int ceil();
  int truncate();
  double roundToDouble();
  double floorToDouble();
  double ceilToDouble();
  double truncateToDouble();
  int toInt();
  double toDouble();
  String toStringAsFixed(int fractionDigits);
  String toStringAsPrecision(int precision);
  String toStringAsExponential([int? fractionDigits]);

  num clamp(num lowerLimit, num upperLimit) {
    if (this is int && lowerLimit is int && upperLimit is int && lowerLimit <= upperLimit) {
      if (this < lowerLimit) return lowerLimit;
      if (this > upperLimit) return upperLimit;
      return this;
    }
    // compareTo orders -0.0 before 0.0 and NaN after everything.
    if (lowerLimit.compareTo(upperLimit) > 0) throw ArgumentError(lowerLimit);
    if (lowerLimit.isNaN) return lowerLimit;
    if (compareTo(lowerLimit) < 0) return lowerLimit;
    if (compareTo(upperLimit) > 0) return upperLimit;
    return this;
  }

  static num parse(String input) {
    final r = tryParse(input);
    if (r == null) throw FormatException(input);
    return r;
  }

  static num? tryParse(String input) {
    final s = input.trim();
    return int.tryParse(s) ?? double.tryParse(s);
  }
}

abstract final class int extends num {
  // See bool.fromEnvironment: the environment is empty.
  factory int.fromEnvironment(String name, {int defaultValue = 0}) => defaultValue;

  @pragma('vm:external-name', 'Integer_add')
  external num operator +(num other);
  @pragma('vm:external-name', 'Integer_sub')
  external num operator -(num other);
  @pragma('vm:external-name', 'Integer_mul')
  external num operator *(num other);
  @pragma('vm:external-name', 'Integer_div')
  external double operator /(num other);
  @pragma('vm:external-name', 'Integer_truncDiv')
  external int operator ~/(num other);
  @pragma('vm:external-name', 'Integer_mod')
  external num operator %(num other);
  @pragma('vm:external-name', 'Integer_remainder')
  external num remainder(num other);
  @pragma('vm:external-name', 'Integer_negate')
  external int operator -();
  @pragma('vm:external-name', 'Integer_lt')
  external bool operator <(num other);
  @pragma('vm:external-name', 'Integer_gt')
  external bool operator >(num other);
  @pragma('vm:external-name', 'Integer_le')
  external bool operator <=(num other);
  @pragma('vm:external-name', 'Integer_ge')
  external bool operator >=(num other);
  @pragma('vm:external-name', 'Integer_equals')
  external bool operator ==(Object other);
  @pragma('vm:external-name', 'Integer_bitAnd')
  external int operator &(int other);
  @pragma('vm:external-name', 'Integer_bitOr')
  external int operator |(int other);
  @pragma('vm:external-name', 'Integer_bitXor')
  external int operator ^(int other);
  @pragma('vm:external-name', 'Integer_bitNot')
  external int operator ~();
  @pragma('vm:external-name', 'Integer_shl')
  external int operator <<(int shiftAmount);
  @pragma('vm:external-name', 'Integer_shr')
  external int operator >>(int shiftAmount);
  @pragma('vm:external-name', 'Integer_ushr')
  external int operator >>>(int shiftAmount);
  @pragma('vm:external-name', 'Integer_hashCode')
  external int get hashCode;
  @pragma('vm:external-name', 'Integer_toString')
  external String toString();
  @pragma('vm:external-name', 'Integer_toDouble')
  external double toDouble();
  @pragma('vm:external-name', 'Integer_toRadixString')
  external String toRadixString(int radix);
  @pragma('vm:external-name', 'Integer_compareTo')
  external int compareTo(num other);

  bool get isEven => (this & 1) == 0;
  bool get isOdd => (this & 1) == 1;
  bool get isNaN => false;
  bool get isInfinite => false;
  bool get isFinite => true;
  bool get isNegative => this < 0;
  int abs() => this < 0 ? -this : this;
  int get sign => this > 0 ? 1 : (this < 0 ? -1 : 0);
  int round() => this;
  int floor() => this;
  int ceil() => this;
  int truncate() => this;
  int toInt() => this;
  double roundToDouble() => toDouble();
  double floorToDouble() => toDouble();
  double ceilToDouble() => toDouble();
  double truncateToDouble() => toDouble();
  String toStringAsFixed(int fractionDigits) => toDouble().toStringAsFixed(fractionDigits);
  String toStringAsPrecision(int precision) => toDouble().toStringAsPrecision(precision);
  String toStringAsExponential([int? fractionDigits]) => toDouble().toStringAsExponential(fractionDigits);

  int get bitLength {
    int v = this < 0 ? ~this : this;
    int n = 0;
    while (v != 0) {
      v = v >> 1;
      n++;
    }
    return n;
  }

  int toUnsigned(int width) => this & ((1 << width) - 1);

  int toSigned(int width) {
    final signMask = 1 << (width - 1);
    return (this & (signMask - 1)) - (this & signMask);
  }

  int gcd(int other) {
    int a = abs();
    int b = other.abs();
    while (b != 0) {
      final t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  int modPow(int exponent, int modulus) {
    if (exponent < 0) throw RangeError.range(exponent, 0, null, "exponent");
    if (modulus <= 0) throw RangeError.range(modulus, 1, null, "modulus");
    int result = 1 % modulus;
    int base = this % modulus;
    int e = exponent;
    while (e > 0) {
      if (e.isOdd) result = (result * base) % modulus;
      base = (base * base) % modulus;
      e = e >> 1;
    }
    return result;
  }

  int modInverse(int modulus) {
    if (modulus <= 0) throw RangeError.range(modulus, 1, null, "modulus");
    if (modulus == 1) return 0;
    int t = this;
    if (t < 0 || t >= modulus) t %= modulus;
    if (t == 1) return 1;
    if (t == 0 || (t.isEven && modulus.isEven)) throw Exception("Not coprime");
    // Extended Euclid on (modulus, t); every coefficient stays within +-modulus.
    int r0 = modulus, r1 = t, s0 = 0, s1 = 1;
    while (r1 != 0) {
      final q = r0 ~/ r1;
      final r2 = r0 - q * r1;
      r0 = r1;
      r1 = r2;
      final s2 = s0 - q * s1;
      s0 = s1;
      s1 = s2;
    }
    if (r0 != 1) throw Exception("Not coprime");
    return s0 % modulus;
  }

  static int parse(String source, {int? radix}) {
    final r = tryParse(source, radix: radix);
    if (r == null) {
      throw FormatException("Invalid radix-${radix ?? 10} number", source, 0);
    }
    return r;
  }

  @pragma('vm:external-name', 'Integer_tryParse')
  external static int? tryParse(String source, {int? radix});
}

abstract final class double extends num {
  static const double nan = 0.0 / 0.0;
  static const double infinity = 1.0 / 0.0;
  static const double negativeInfinity = -infinity;
  static const double minPositive = 5e-324;
  static const double maxFinite = 1.7976931348623157e+308;

  @pragma('vm:external-name', 'Double_add')
  external double operator +(num other);
  @pragma('vm:external-name', 'Double_sub')
  external double operator -(num other);
  @pragma('vm:external-name', 'Double_mul')
  external double operator *(num other);
  @pragma('vm:external-name', 'Double_div')
  external double operator /(num other);
  @pragma('vm:external-name', 'Double_truncDiv')
  external int operator ~/(num other);
  @pragma('vm:external-name', 'Double_mod')
  external double operator %(num other);
  @pragma('vm:external-name', 'Double_remainder')
  external double remainder(num other);
  @pragma('vm:external-name', 'Double_negate')
  external double operator -();
  @pragma('vm:external-name', 'Double_lt')
  external bool operator <(num other);
  @pragma('vm:external-name', 'Double_gt')
  external bool operator >(num other);
  @pragma('vm:external-name', 'Double_le')
  external bool operator <=(num other);
  @pragma('vm:external-name', 'Double_ge')
  external bool operator >=(num other);
  @pragma('vm:external-name', 'Double_equals')
  external bool operator ==(Object other);
  @pragma('vm:external-name', 'Double_hashCode')
  external int get hashCode;
  @pragma('vm:external-name', 'Double_toString')
  external String toString();
  @pragma('vm:external-name', 'Double_toStringAsFixed')
  external String toStringAsFixed(int fractionDigits);
  @pragma('vm:external-name', 'Double_toStringAsPrecision')
  external String toStringAsPrecision(int precision);
  @pragma('vm:external-name', 'Double_toStringAsExponential')
  external String toStringAsExponential([int? fractionDigits]);
  @pragma('vm:external-name', 'Double_compareTo')
  external int compareTo(num other);
  @pragma('vm:external-name', 'Double_isNaN')
  external bool get isNaN;
  @pragma('vm:external-name', 'Double_isInfinite')
  external bool get isInfinite;
  @pragma('vm:external-name', 'Double_isNegative')
  external bool get isNegative;
  @pragma('vm:external-name', 'Double_round')
  external int round();
  @pragma('vm:external-name', 'Double_floor')
  external int floor();
  @pragma('vm:external-name', 'Double_ceil')
  external int ceil();
  @pragma('vm:external-name', 'Double_truncate')
  external int truncate();
  @pragma('vm:external-name', 'Double_roundToDouble')
  external double roundToDouble();
  @pragma('vm:external-name', 'Double_floorToDouble')
  external double floorToDouble();
  @pragma('vm:external-name', 'Double_ceilToDouble')
  external double ceilToDouble();
  @pragma('vm:external-name', 'Double_truncateToDouble')
  external double truncateToDouble();

  bool get isFinite => !isNaN && !isInfinite;
  double abs() => isNegative ? -this : this;
  double get sign => this > 0.0 ? 1.0 : (this < 0.0 ? -1.0 : this);
  int toInt() => truncate();
  double toDouble() => this;

  static double parse(String source) {
    final r = tryParse(source);
    if (r == null) throw FormatException("Invalid double", source);
    return r;
  }

  @pragma('vm:external-name', 'Double_tryParse')
  external static double? tryParse(String source);
}

// ---------------------------------------------------------------------------------------
// String and StringBuffer
// ---------------------------------------------------------------------------------------

abstract final class String implements Comparable<String>, Pattern {
  @pragma('vm:external-name', 'String_fromCharCode')
  external static String _fromCharCode(int charCode);

  factory String.fromCharCode(int charCode) => _fromCharCode(charCode);

  factory String.fromCharCodes(Iterable<int> charCodes, [int start = 0, int? end]) {
    final parts = <String>[];
    int index = 0;
    for (final c in charCodes) {
      if (index >= start && (end == null || index < end)) parts.add(_fromCharCode(c));
      index++;
    }
    if (start < 0 || start > index) throw RangeError.range(start, 0, index, "start");
    if (end != null && (end < start || end > index)) {
      throw RangeError.range(end, start, index, "end");
    }
    return _joinStrings(parts, "");
  }

  // See bool.fromEnvironment: the environment is empty.
  factory String.fromEnvironment(String name, {String defaultValue = ""}) => defaultValue;

  @pragma('vm:external-name', 'String_length')
  external int get length;
  @pragma('vm:external-name', 'String_concat')
  external String operator +(String other);
  @pragma('vm:external-name', 'String_equals')
  external bool operator ==(Object other);
  @pragma('vm:external-name', 'String_hashCode')
  external int get hashCode;
  @pragma('vm:external-name', 'String_charAt')
  external String operator [](int index);
  @pragma('vm:external-name', 'String_codeUnitAt')
  external int codeUnitAt(int index);
  @pragma('vm:external-name', 'String_substring')
  external String substring(int start, [int? end]);
  @pragma('vm:external-name', 'String_indexOf')
  external int _indexOfString(String pattern, int start);
  @pragma('vm:external-name', 'String_lastIndexOf')
  external int _lastIndexOfString(String pattern, int? start);
  @pragma('vm:external-name', 'String_startsWith')
  external bool _startsWithString(String pattern, int index);
  @pragma('vm:external-name', 'String_endsWith')
  external bool endsWith(String other);
  @pragma('vm:external-name', 'String_toUpperCase')
  external String toUpperCase();
  @pragma('vm:external-name', 'String_toLowerCase')
  external String toLowerCase();
  @pragma('vm:external-name', 'String_trim')
  external String trim();
  @pragma('vm:external-name', 'String_trimLeft')
  external String trimLeft();
  @pragma('vm:external-name', 'String_trimRight')
  external String trimRight();
  @pragma('vm:external-name', 'String_split')
  external List<String> _splitString(String pattern);
  @pragma('vm:external-name', 'String_replaceAll')
  external String _replaceAllString(String from, String replace);
  @pragma('vm:external-name', 'String_replaceFirst')
  external String _replaceFirstString(String from, String to, int startIndex);
  @pragma('vm:external-name', 'String_compareTo')
  external int compareTo(String other);
  @pragma('vm:external-name', 'String_repeat')
  external String operator *(int times);

  String toString() => this;
  bool get isEmpty => length == 0;
  bool get isNotEmpty => length != 0;

  // The members taking a Pattern follow the Dart VM's String (string_patch.dart): a String
  // pattern goes to a native, anything else through allMatches/matchAsPrefix.

  bool startsWith(Pattern pattern, [int index = 0]) {
    if (index < 0 || index > length) throw RangeError.range(index, 0, length);
    if (pattern is String) return _startsWithString(pattern, index);
    return pattern.matchAsPrefix(this, index) != null;
  }

  int indexOf(Pattern pattern, [int start = 0]) {
    if (start < 0 || start > length) throw RangeError.range(start, 0, length, "start");
    if (pattern is String) return _indexOfString(pattern, start);
    if (pattern is _RegExp) {
      final match = pattern._exec(this, start, false);
      return match == null ? -1 : match[0];
    }
    for (int i = start; i <= length; i++) {
      if (pattern.matchAsPrefix(this, i) != null) return i;
    }
    return -1;
  }

  int lastIndexOf(Pattern pattern, [int? start]) {
    if (start == null) {
      start = length;
    } else if (start < 0 || start > length) {
      throw RangeError.range(start, 0, length);
    }
    if (pattern is String) return _lastIndexOfString(pattern, start);
    for (int i = start; i >= 0; i--) {
      if (pattern.matchAsPrefix(this, i) != null) return i;
    }
    return -1;
  }

  bool contains(Pattern other, [int startIndex = 0]) {
    if (other is String) {
      if (startIndex < 0 || startIndex > length) throw RangeError.range(startIndex, 0, length);
      return _indexOfString(other, startIndex) >= 0;
    }
    return other.allMatches(substring(startIndex)).isNotEmpty;
  }

  List<String> split(Pattern pattern) {
    if (pattern is String) return _splitString(pattern);
    final int length = this.length;
    final Iterator<Match> iterator = pattern.allMatches(this).iterator;
    if (length == 0 && iterator.moveNext()) return <String>[];
    final result = <String>[];
    int startIndex = 0;
    int previousIndex = 0;
    while (true) {
      if (startIndex == length || !iterator.moveNext()) {
        result.add(substring(previousIndex, length));
        break;
      }
      final match = iterator.current;
      if (match.start == length) {
        result.add(substring(previousIndex, length));
        break;
      }
      final endIndex = match.end;
      if (startIndex == endIndex && endIndex == previousIndex) {
        ++startIndex; // An empty match where the last one ended: look further.
        continue;
      }
      result.add(substring(previousIndex, match.start));
      startIndex = previousIndex = endIndex;
    }
    return result;
  }

  String replaceAll(Pattern from, String replace) {
    if (from is String) return _replaceAllString(from, replace);
    final parts = <String>[];
    int startIndex = 0;
    for (final match in from.allMatches(this)) {
      parts.add(substring(startIndex, match.start));
      parts.add(replace);
      startIndex = match.end;
    }
    if (parts.isEmpty) return this;
    parts.add(substring(startIndex));
    return _joinStrings(parts, "");
  }

  String replaceFirst(Pattern from, String to, [int startIndex = 0]) {
    RangeError.checkValueInInterval(startIndex, 0, length, "startIndex");
    if (from is String) return _replaceFirstString(from, to, startIndex);
    final iterator = from.allMatches(this, startIndex).iterator;
    if (!iterator.moveNext()) return this;
    final match = iterator.current;
    return replaceRange(match.start, match.end, to);
  }

  String replaceAllMapped(Pattern from, String Function(Match match) replace) {
    final parts = <String>[];
    int startIndex = 0;
    for (final match in from.allMatches(this)) {
      parts.add(substring(startIndex, match.start));
      parts.add("${replace(match)}");
      startIndex = match.end;
    }
    if (parts.isEmpty) return this;
    parts.add(substring(startIndex));
    return _joinStrings(parts, "");
  }

  String replaceFirstMapped(Pattern from, String Function(Match match) replace,
      [int startIndex = 0]) {
    RangeError.checkValueInInterval(startIndex, 0, length, "startIndex");
    final iterator = from.allMatches(this, startIndex).iterator;
    if (!iterator.moveNext()) return this;
    final match = iterator.current;
    return replaceRange(match.start, match.end, "${replace(match)}");
  }

  String splitMapJoin(Pattern pattern,
      {String Function(Match match)? onMatch, String Function(String nonMatch)? onNonMatch}) {
    final String Function(Match) matched = onMatch ?? _matchText;
    final String Function(String) unmatched = onNonMatch ?? _sameText;
    if (pattern is String && pattern.isEmpty) {
      return _splitMapJoinEmpty(matched, unmatched);
    }
    final buffer = StringBuffer();
    int startIndex = 0;
    for (final match in pattern.allMatches(this)) {
      buffer.write(unmatched(substring(startIndex, match.start)));
      buffer.write(matched(match).toString());
      startIndex = match.end;
    }
    buffer.write(unmatched(substring(startIndex)));
    return buffer.toString();
  }

  static String _matchText(Match match) => match[0]!;
  static String _sameText(String text) => text;

  /// `splitMapJoin` with an empty pattern: a match before every code point (a surrogate
  /// pair stays whole) and at the end.
  String _splitMapJoinEmpty(String Function(Match) onMatch, String Function(String) onNonMatch) {
    final buffer = StringBuffer();
    int i = 0;
    buffer.write(onNonMatch(""));
    while (i < length) {
      buffer.write(onMatch(_StringMatch(i, this, "")));
      final code = codeUnitAt(i);
      if ((code & 0xFC00) == 0xD800 && i + 1 < length &&
          (codeUnitAt(i + 1) & 0xFC00) == 0xDC00) {
        buffer.write(onNonMatch(substring(i, i + 2)));
        i += 2;
        continue;
      }
      buffer.write(onNonMatch(this[i]));
      i++;
    }
    buffer.write(onMatch(_StringMatch(i, this, "")));
    buffer.write(onNonMatch(""));
    return buffer.toString();
  }

  Iterable<Match> allMatches(String string, [int start = 0]) {
    if (start < 0 || start > string.length) {
      throw RangeError.range(start, 0, string.length, "start");
    }
    return _StringAllMatchesIterable(string, this, start);
  }

  Match? matchAsPrefix(String string, [int start = 0]) {
    if (start < 0 || start > string.length) throw RangeError.range(start, 0, string.length);
    if (start + length > string.length) return null;
    if (!string._startsWithString(this, start)) return null;
    return _StringMatch(start, string, this);
  }

  String padLeft(int width, [String padding = ' ']) {
    final delta = width - length;
    if (delta <= 0) return this;
    return (padding * delta) + this;
  }

  String padRight(int width, [String padding = ' ']) {
    final delta = width - length;
    if (delta <= 0) return this;
    return this + (padding * delta);
  }

  String replaceRange(int start, int? end, String replacement) {
    final stop = RangeError.checkValidRange(start, end, length);
    return substring(0, start) + replacement + substring(stop);
  }

  List<int> get codeUnits {
    final result = <int>[];
    for (int i = 0; i < length; i++) {
      result.add(codeUnitAt(i));
    }
    return result;
  }

    Runes get runes => Runes(this);
}

/// The Unicode code points of a string (surrogate pairs combined).
final class Runes extends Iterable<int> {
  final String string;
  Runes(this.string);
  RuneIterator get iterator => RuneIterator(string);
}

class RuneIterator implements Iterator<int> {
  final String string;
  int _position = 0;
  int _nextPosition = 0;
  int _currentCodePoint = -1;
  RuneIterator(this.string);

  RuneIterator.at(this.string, int index)
      : _position = index,
        _nextPosition = index {
    RangeError.checkValueInInterval(index, 0, string.length);
    _checkSplitSurrogate(index);
  }

  void _checkSplitSurrogate(int index) {
    if (index > 0 &&
        index < string.length &&
        (string.codeUnitAt(index - 1) & 0xFC00) == 0xD800 &&
        (string.codeUnitAt(index) & 0xFC00) == 0xDC00) {
      throw ArgumentError("Index inside surrogate pair: $index");
    }
  }

  int get current => _currentCodePoint;

  /// The current code point as a string ("" before the first and after the last).
  String get currentAsString {
    if (_position == _nextPosition) return "";
    if (_position + 1 == _nextPosition) return string[_position];
    return string.substring(_position, _nextPosition);
  }

  /// Index of the current code point's first code unit, or -1 when there is none.
  int get rawIndex => (_position != _nextPosition) ? _position : -1;

  /// Moves to the code point starting at [rawIndex], which must not split a pair.
  set rawIndex(int rawIndex) {
    IndexError.check(rawIndex, string.length, indexable: string, name: "rawIndex");
    reset(rawIndex);
    moveNext();
  }

  /// Code units of the current code point (0, 1 or 2).
  int get currentSize => _nextPosition - _position;

  /// Positions the iterator before the code point at [rawIndex], with no current one.
  void reset([int rawIndex = 0]) {
    RangeError.checkValueInInterval(rawIndex, 0, string.length, "rawIndex");
    _checkSplitSurrogate(rawIndex);
    _position = _nextPosition = rawIndex;
    _currentCodePoint = -1;
  }

  bool movePrevious() {
    _nextPosition = _position;
    if (_position == 0) {
      _currentCodePoint = -1;
      return false;
    }
    final previous = _position - 1;
    final unit = string.codeUnitAt(previous);
    if ((unit & 0xFC00) == 0xDC00 && previous > 0) {
      final lead = string.codeUnitAt(previous - 1);
      if ((lead & 0xFC00) == 0xD800) {
        _position = previous - 1;
        _currentCodePoint = 0x10000 + ((lead & 0x3FF) << 10) + (unit & 0x3FF);
        return true;
      }
    }
    _position = previous;
    _currentCodePoint = unit;
    return true;
  }

  bool moveNext() {
    _position = _nextPosition;
    if (_position == string.length) {
      _currentCodePoint = -1;
      return false;
    }
    final unit = string.codeUnitAt(_position);
    final next = _position + 1;
    if ((unit & 0xFC00) == 0xD800 && next < string.length) {
      final trail = string.codeUnitAt(next);
      if ((trail & 0xFC00) == 0xDC00) {
        _nextPosition = next + 1;
        _currentCodePoint = 0x10000 + ((unit & 0x3FF) << 10) + (trail & 0x3FF);
        return true;
      }
    }
    _nextPosition = next;
    _currentCodePoint = unit;
    return true;
  }
}

@pragma('vm:external-name', 'String_join')
external String _joinStrings(List<String> strings, String separator);

/// What `Map.unmodifiable` returns (the Dart VM's is dart:collection's
/// `UnmodifiableMapView` over a copy): reads go to the copy, every change throws.
final class _UnmodifiableMap<K, V> implements Map<K, V> {
  final Map<K, V> _map;
  _UnmodifiableMap(this._map);

  static Never _unmodifiable() => throw UnsupportedError("Cannot modify unmodifiable map");

  V? operator [](Object? key) => _map[key];
  void operator []=(K key, V value) => _unmodifiable();
  bool containsKey(Object? key) => _map.containsKey(key);
  bool containsValue(Object? value) => _map.containsValue(value);
  V? remove(Object? key) => _unmodifiable();
  int get length => _map.length;
  bool get isEmpty => _map.isEmpty;
  bool get isNotEmpty => _map.isNotEmpty;
  void clear() => _unmodifiable();
  void _checkModifiable() => _unmodifiable();
  List<K> _keyList() => _map._keyList();
  List<V> _valueList() => _map._valueList();
  Iterable<K> get keys => _map.keys;
  Iterable<V> get values => _map.values;
  Iterable<MapEntry<K, V>> get entries => _map.entries;
  void forEach(void Function(K key, V value) action) => _map.forEach(action);
  void addAll(Map<K, V> other) => _unmodifiable();
  void addEntries(Iterable<MapEntry<K, V>> newEntries) => _unmodifiable();
  V putIfAbsent(K key, V Function() ifAbsent) => _unmodifiable();
  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) => _unmodifiable();
  void updateAll(V Function(K key, V value) update) => _unmodifiable();
  void removeWhere(bool Function(K key, V value) test) => _unmodifiable();
  Map<RK, RV> cast<RK, RV>() => _UnmodifiableMap<RK, RV>(_map.cast<RK, RV>());
  Map<K2, V2> map<K2, V2>(MapEntry<K2, V2> Function(K key, V value) convert) =>
      _map.map<K2, V2>(convert);
  String toString() => _map.toString();
}

// ---------------------------------------------------------------------------------------
// Expando, WeakReference
// ---------------------------------------------------------------------------------------

/// Throws the Dart VM's error for a value that cannot be a weak key or target.
void _checkValidWeakTarget(Object? object, String name) {
  if (object == null || object is bool || object is num || object is String || object is Record) {
    throw ArgumentError.value(object, name,
        "Cannot be a string, number, boolean, record, null, Pointer, Struct or Union");
  }
}

/// Properties added to objects by identity. dartrs keeps the keys alive (its collector has
/// no weak references yet, see docs/ARCHITECTURE.md); lookups and updates are exact.
final class Expando<T extends Object> {
  final String? name;
  /// Entries by identity hash: each bucket alternates key and value.
  final Map<int, List<Object>> _buckets = <int, List<Object>>{};

  Expando([this.name]);

  T? operator [](Object object) {
    _checkValidWeakTarget(object, 'object');
    final bucket = _buckets[identityHashCode(object)];
    if (bucket == null) return null;
    for (int i = 0; i < bucket.length; i += 2) {
      if (identical(bucket[i], object)) return bucket[i + 1] as T;
    }
    return null;
  }

  void operator []=(Object object, T? value) {
    _checkValidWeakTarget(object, 'object');
    final hash = identityHashCode(object);
    final bucket = _buckets[hash];
    if (bucket != null) {
      for (int i = 0; i < bucket.length; i += 2) {
        if (identical(bucket[i], object)) {
          if (value == null) {
            bucket.removeRange(i, i + 2);
            if (bucket.isEmpty) _buckets.remove(hash);
          } else {
            bucket[i + 1] = value;
          }
          return;
        }
      }
    }
    if (value == null) return;
    (_buckets[hash] ??= <Object>[])
      ..add(object)
      ..add(value);
  }

  String toString() => "Expando:$name";
}

/// A reference to an object. dartrs never clears it (its collector has no weak references
/// yet, see docs/ARCHITECTURE.md), which Dart allows: a target is only cleared once it is
/// unreachable and the collector chooses to.
final class WeakReference<T extends Object> {
  final T _target;

  WeakReference(T target) : _target = target {
    _checkValidWeakTarget(target, 'target');
  }

  T? get target => _target;
}

// ---------------------------------------------------------------------------------------
// Matches of String patterns, RegExp
// ---------------------------------------------------------------------------------------

/// A match of a String pattern (it has no groups beyond the whole match).
final class _StringMatch implements Match {
  final int start;
  final String input;
  final String pattern;
  const _StringMatch(this.start, this.input, this.pattern);

  int get end => start + pattern.length;
  String operator [](int g) => group(g);
  int get groupCount => 0;

  String group(int group) {
    if (group != 0) throw RangeError.value(group);
    return pattern;
  }

  List<String> groups(List<int> groups) {
    final result = <String>[];
    for (final g in groups) {
      result.add(group(g));
    }
    return result;
  }
}

final class _StringAllMatchesIterable extends Iterable<Match> {
  final String _input;
  final String _pattern;
  final int _index;
  _StringAllMatchesIterable(this._input, this._pattern, this._index);

  Iterator<Match> get iterator => _StringAllMatchesIterator(_input, _pattern, _index);

  Match get first {
    final index = _input.indexOf(_pattern, _index);
    if (index >= 0) return _StringMatch(index, _input, _pattern);
    throw IterableElementError.noElement();
  }
}

final class _StringAllMatchesIterator implements Iterator<Match> {
  final String _input;
  final String _pattern;
  int _index;
  Match? _current;
  _StringAllMatchesIterator(this._input, this._pattern, this._index);

  Match get current => _current as Match;

  bool moveNext() {
    if (_index + _pattern.length > _input.length) {
      _current = null;
      return false;
    }
    final index = _input.indexOf(_pattern, _index);
    if (index < 0) {
      _index = _input.length + 1;
      _current = null;
      return false;
    }
    int end = index + _pattern.length;
    _current = _StringMatch(index, _input, _pattern);
    if (end == _index) end++; // An empty match: do not match at the same place again.
    _index = end;
    return true;
  }
}

/// A regular expression with ECMAScript syntax and semantics (the VM compiles it with
/// the `regress` engine, once per distinct pattern and flags).
abstract interface class RegExp implements Pattern {
  factory RegExp(String source,
          {bool multiLine = false,
          bool caseSensitive = true,
          bool unicode = false,
          bool dotAll = false}) =>
      _RegExp(source, multiLine, caseSensitive, unicode, dotAll);

  /// [text] with every character that is special in a pattern escaped by a backslash.
  static String escape(String text) {
    final buffer = StringBuffer();
    for (int i = 0; i < text.length; i++) {
      final c = text.codeUnitAt(i);
      if (_isSpecialInPattern(c)) buffer.writeCharCode(0x5C);
      buffer.writeCharCode(c);
    }
    return buffer.toString();
  }

  // $ ( ) * + . ? [ \ ] ^ { | }
  static bool _isSpecialInPattern(int c) =>
      c == 0x24 || c == 0x28 || c == 0x29 || c == 0x2A || c == 0x2B || c == 0x2E ||
      c == 0x3F || c == 0x5B || c == 0x5C || c == 0x5D || c == 0x5E || c == 0x7B ||
      c == 0x7C || c == 0x7D;

  RegExpMatch? firstMatch(String input);
  Iterable<RegExpMatch> allMatches(String input, [int start = 0]);
  bool hasMatch(String input);
  String? stringMatch(String input);
  String get pattern;
  bool get isMultiLine;
  bool get isCaseSensitive;
  bool get isUnicode;
  bool get isDotAll;
}

abstract interface class RegExpMatch implements Match {
  String? namedGroup(String name);
  Iterable<String> get groupNames;
  RegExp get pattern;
}

final class _RegExp implements RegExp {
  final String pattern;
  final bool isMultiLine;
  final bool isCaseSensitive;
  final bool isUnicode;
  final bool isDotAll;
  /// Index of the compiled expression in the isolate's table.
  final int _id;

  _RegExp(String source, bool multiLine, bool caseSensitive, bool unicode, bool dotAll)
      : pattern = source,
        isMultiLine = multiLine,
        isCaseSensitive = caseSensitive,
        isUnicode = unicode,
        isDotAll = dotAll,
        _id = _compile(source, multiLine, caseSensitive, unicode, dotAll);

  @pragma('vm:external-name', 'RegExp_compile')
  external static int _compile(
      String source, bool multiLine, bool caseSensitive, bool unicode, bool dotAll);
  @pragma('vm:external-name', 'RegExp_exec')
  external static List<int>? _execNative(int id, String input, int start, bool sticky);
  @pragma('vm:external-name', 'RegExp_groupCount')
  external static int _groupCountOf(int id);
  @pragma('vm:external-name', 'RegExp_groupNames')
  external static List<Object> _groupNamesOf(int id);

  /// `[start, end]` of the whole match and of each group (-1 when a group took no part).
  List<int>? _exec(String input, int start, bool sticky) =>
      _execNative(_id, input, start, sticky);

  int get _groupCount => _groupCountOf(_id);

  Iterable<String> get _groupNames {
    final list = _groupNamesOf(_id);
    final names = <String>[];
    for (int i = 0; i < list.length; i += 2) {
      names.add(list[i] as String);
    }
    return _ListBackedIterable<String>(names);
  }

  int _groupNameIndex(String name) {
    final list = _groupNamesOf(_id);
    for (int i = 0; i < list.length; i += 2) {
      if (list[i] == name) return list[i + 1] as int;
    }
    return -1;
  }

  RegExpMatch? firstMatch(String input) {
    final match = _exec(input, 0, false);
    return match == null ? null : _RegExpMatch(this, input, match);
  }

  Iterable<RegExpMatch> allMatches(String string, [int start = 0]) {
    if (start < 0 || start > string.length) throw RangeError.range(start, 0, string.length);
    return _AllMatchesIterable(this, string, start);
  }

  RegExpMatch? matchAsPrefix(String string, [int start = 0]) {
    if (start < 0 || start > string.length) throw RangeError.range(start, 0, string.length);
    final match = _exec(string, start, true);
    return match == null ? null : _RegExpMatch(this, string, match);
  }

  bool hasMatch(String input) => _exec(input, 0, false) != null;

  String? stringMatch(String input) {
    final match = _exec(input, 0, false);
    return match == null ? null : input.substring(match[0], match[1]);
  }

  /// The Dart VM's text: the flags are `i` (case-insensitive), `m`, `s` (dotAll), `u`.
  String toString() {
    final flags = (isCaseSensitive ? "" : "i") +
        (isMultiLine ? "m" : "") +
        (isDotAll ? "s" : "") +
        (isUnicode ? "u" : "");
    return "RegExp: pattern=$pattern flags=$flags";
  }
}

final class _RegExpMatch implements RegExpMatch {
  final _RegExp _regexp;
  final String input;
  final List<int> _match;
  _RegExpMatch(this._regexp, this.input, this._match);

  int get start => _match[0];
  int get end => _match[1];

  String? group(int groupIdx) {
    if (groupIdx < 0 || groupIdx > _regexp._groupCount) throw RangeError.value(groupIdx);
    final startIndex = _match[2 * groupIdx];
    if (startIndex == -1) return null;
    return input.substring(startIndex, _match[2 * groupIdx + 1]);
  }

  String? operator [](int groupIdx) => group(groupIdx);

  List<String?> groups(List<int> groupsSpec) {
    final result = List<String?>.filled(groupsSpec.length, null);
    for (int i = 0; i < groupsSpec.length; i++) {
      result[i] = group(groupsSpec[i]);
    }
    return result;
  }

  int get groupCount => _regexp._groupCount;
  RegExp get pattern => _regexp;

  String? namedGroup(String name) {
    final idx = _regexp._groupNameIndex(name);
    if (idx < 0) throw ArgumentError("Not a capture group name: $name");
    return group(idx);
  }

  Iterable<String> get groupNames => _regexp._groupNames;
}

final class _AllMatchesIterable extends Iterable<RegExpMatch> {
  final _RegExp _re;
  final String _str;
  final int _start;
  _AllMatchesIterable(this._re, this._str, this._start);

  Iterator<RegExpMatch> get iterator => _AllMatchesIterator(_re, _str, _start);
}

final class _AllMatchesIterator implements Iterator<RegExpMatch> {
  final String _str;
  int _nextIndex;
  _RegExp? _re;
  RegExpMatch? _current;
  _AllMatchesIterator(this._re, this._str, this._nextIndex);

  RegExpMatch get current => _current as RegExpMatch;

  bool moveNext() {
    final re = _re;
    if (re == null) return false; // Cleared after the last match.
    if (_nextIndex <= _str.length) {
      final match = re._exec(_str, _nextIndex, false);
      if (match != null) {
        final current = _RegExpMatch(re, _str, match);
        _current = current;
        _nextIndex = current.end;
        if (_nextIndex == current.start) {
          // An empty match: step past it, and past a whole surrogate pair in unicode mode.
          if (re.isUnicode &&
              _nextIndex + 1 < _str.length &&
              (_str.codeUnitAt(_nextIndex) & 0xFC00) == 0xD800 &&
              (_str.codeUnitAt(_nextIndex + 1) & 0xFC00) == 0xDC00) {
            _nextIndex++;
          }
          _nextIndex++;
        }
        return true;
      }
    }
    _current = null;
    _re = null;
    return false;
  }
}

abstract class StringSink {
  void write(Object? object);
  void writeln([Object? object = ""]);
  void writeAll(Iterable<Object?> objects, [String separator = ""]);
  void writeCharCode(int charCode);
}

class StringBuffer implements StringSink {
  final List<String> _parts = <String>[];
  int _length = 0;

  StringBuffer([Object content = ""]) {
    write(content);
  }

  int get length => _length;
  bool get isEmpty => _length == 0;
  bool get isNotEmpty => _length != 0;

  void write(Object? object) {
    final s = "$object";
    if (s.isEmpty) return;
    _parts.add(s);
    _length += s.length;
  }

  void writeln([Object? object = ""]) {
    write(object);
    write("\n");
  }

  void writeAll(Iterable<Object?> objects, [String separator = ""]) {
    bool first = true;
    for (final o in objects) {
      if (!first) write(separator);
      first = false;
      write(o);
    }
  }

  void writeCharCode(int charCode) {
    write(String.fromCharCode(charCode));
  }

  void clear() {
    _parts.clear();
    _length = 0;
  }

  String toString() {
    if (_parts.length == 1) return _parts[0];
    final s = _joinStrings(_parts, "");
    _parts.clear();
    _parts.add(s);
    return s;
  }
}

// ---------------------------------------------------------------------------------------
// Iteration
// ---------------------------------------------------------------------------------------

abstract interface class Sink<T> {
  void add(T data);
  void close();
}

abstract class Iterator<E> {
  bool moveNext();
  E get current;
}

/// Objects currently being converted by `toString` (cycle detection: `[...]`).
final List<Object> _toStringVisiting = <Object>[];

bool _isToStringVisiting(Object o) {
  for (final e in _toStringVisiting) {
    if (identical(e, o)) return true;
  }
  return false;
}

String _iterableToString(Iterable<Object?> iterable, String left, String right) {
  if (_isToStringVisiting(iterable)) return "$left...$right";
  _toStringVisiting.add(iterable);
  final buffer = StringBuffer(left);
  try {
    buffer.writeAll(iterable, ", ");
  } finally {
    _toStringVisiting.removeLast();
  }
  buffer.write(right);
  return buffer.toString();
}

abstract class Iterable<E> {
  const Iterable();

  factory Iterable.generate(int count, [E Function(int index)? generator]) =>
      _GeneratorIterable<E>(count, generator);

  factory Iterable.empty() => <E>[];

  /// `(a, b, ..., y, z)` as `Iterable.toString` abbreviates it, with a collection that
  /// is already being converted shown as `(...)`.
  static String iterableToShortString(Iterable iterable,
      [String leftDelimiter = "(", String rightDelimiter = ")"]) {
    if (_isToStringVisiting(iterable)) return "$leftDelimiter...$rightDelimiter";
    _toStringVisiting.add(iterable);
    final parts = <String>[];
    try {
      _abbreviatedParts(iterable, parts);
    } finally {
      _toStringVisiting.removeLast();
    }
    return "$leftDelimiter${parts.join(", ")}$rightDelimiter";
  }

  /// Every element, with a collection that is already being converted shown as `(...)`.
  static String iterableToFullString(Iterable iterable,
          [String leftDelimiter = "(", String rightDelimiter = ")"]) =>
      _iterableToString(iterable, leftDelimiter, rightDelimiter);

  Iterator<E> get iterator;

  Iterable<T> map<T>(T Function(E e) toElement) => _MappedIterable<E, T>(this, toElement);

  Iterable<E> where(bool Function(E element) test) => _WhereIterable<E>(this, test);

  Iterable<T> whereType<T>() => _WhereTypeIterable<T>(this);

  Iterable<T> expand<T>(Iterable<T> Function(E element) toElements) =>
      _ExpandIterable<E, T>(this, toElements);

  Iterable<E> followedBy(Iterable<E> other) {
    final result = toList();
    result.addAll(other);
    return _ListBackedIterable<E>(result);
  }

  Iterable<E> take(int count) => _TakeIterable<E>(this, count);

  Iterable<E> skip(int count) => _SkipIterable<E>(this, count);

  Iterable<E> takeWhile(bool Function(E value) test) => _TakeWhileIterable<E>(this, test);

  Iterable<E> skipWhile(bool Function(E value) test) => _SkipWhileIterable<E>(this, test);


  bool contains(Object? element) {
    for (final e in this) {
      if (e == element) return true;
    }
    return false;
  }

  void forEach(void Function(E element) action) {
    for (final e in this) {
      action(e);
    }
  }

  E reduce(E Function(E value, E element) combine) {
    final it = iterator;
    if (!it.moveNext()) throw IterableElementError.noElement();
    E value = it.current;
    while (it.moveNext()) {
      value = combine(value, it.current);
    }
    return value;
  }

  T fold<T>(T initialValue, T Function(T previousValue, E element) combine) {
    var value = initialValue;
    for (final e in this) {
      value = combine(value, e);
    }
    return value;
  }

  bool every(bool Function(E element) test) {
    for (final e in this) {
      if (!test(e)) return false;
    }
    return true;
  }

  bool any(bool Function(E element) test) {
    for (final e in this) {
      if (test(e)) return true;
    }
    return false;
  }

  String join([String separator = ""]) {
    final parts = <String>[];
    for (final e in this) {
      parts.add("$e");
    }
    return _joinStrings(parts, separator);
  }

  List<E> toList({bool growable = true}) {
    final result = <E>[];
    for (final e in this) {
      result.add(e);
    }
    if (growable) return result;
    return List<E>.of(result, growable: false);
  }

  Set<E> toSet() {
    final result = Set<E>();
    for (final e in this) {
      result.add(e);
    }
    return result;
  }

  int get length {
    int count = 0;
    final it = iterator;
    while (it.moveNext()) {
      count++;
    }
    return count;
  }

  bool get isEmpty => !iterator.moveNext();

  bool get isNotEmpty => !isEmpty;

  E get first {
    final it = iterator;
    if (!it.moveNext()) throw IterableElementError.noElement();
    return it.current;
  }

  E get last {
    final it = iterator;
    if (!it.moveNext()) throw IterableElementError.noElement();
    E result = it.current;
    while (it.moveNext()) {
      result = it.current;
    }
    return result;
  }

  E get single {
    final it = iterator;
    if (!it.moveNext()) throw IterableElementError.noElement();
    final result = it.current;
    if (it.moveNext()) throw IterableElementError.tooMany();
    return result;
  }

  E firstWhere(bool Function(E element) test, {E Function()? orElse}) {
    for (final e in this) {
      if (test(e)) return e;
    }
    if (orElse != null) return orElse();
    throw IterableElementError.noElement();
  }

  E lastWhere(bool Function(E element) test, {E Function()? orElse}) {
    bool found = false;
    E? result;
    for (final e in this) {
      if (test(e)) {
        result = e;
        found = true;
      }
    }
    if (found) return result as E;
    if (orElse != null) return orElse();
    throw IterableElementError.noElement();
  }

  E singleWhere(bool Function(E element) test, {E Function()? orElse}) {
    bool found = false;
    E? result;
    for (final e in this) {
      if (test(e)) {
        if (found) throw IterableElementError.tooMany();
        result = e;
        found = true;
      }
    }
    if (found) return result as E;
    if (orElse != null) return orElse();
    throw IterableElementError.noElement();
  }

  E elementAt(int index) {
    RangeError.checkNotNegative(index, "index");
    int i = 0;
    for (final e in this) {
      if (i == index) return e;
      i++;
    }
    throw IndexError.withLength(index, i, indexable: this, name: "index");
  }

  Iterable<R> cast<R>() => map<R>((E e) => e as R);

  /// Each element with its position, lazily: `(0, a), (1, b), ...`.
  Iterable<(int, E)> get indexed => _IndexedIterable<E>(this);

  E? get firstOrNull {
    final it = iterator;
    return it.moveNext() ? it.current : null;
  }

  E? get lastOrNull => isEmpty ? null : last;

  E? get singleOrNull {
    final it = iterator;
    if (!it.moveNext()) return null;
    final result = it.current;
    if (it.moveNext()) return null;
    return result;
  }

  E? elementAtOrNull(int index) {
    if (index < 0) return null;
    int i = 0;
    for (final e in this) {
      if (i == index) return e;
      i++;
    }
    return null;
  }

  String toString() {
    if (_isToStringVisiting(this)) return "(...)";
    _toStringVisiting.add(this);
    final parts = <String>[];
    try {
      _abbreviatedParts(this, parts);
    } finally {
      _toStringVisiting.removeLast();
    }
    return "(${parts.join(", ")})";
  }
}

/// The element strings `Iterable.toString` shows, as the Dart SDK abbreviates them:
/// about 80 characters, at least the first three and the last two elements, at most
/// 100 elements visited, and "..." for what is left out.
void _abbreviatedParts(Iterable<Object?> iterable, List<String> parts) {
  const int limit = 80;
  const int head = 3;
  const int tail = 2;
  const int maxCount = 100;
  const int overhead = 2;
  const int ellipsis = 3;
  int length = 0;
  int count = 0;
  final it = iterable.iterator;
  while (length < limit || count < head) {
    if (!it.moveNext()) return;
    final next = "${it.current}";
    parts.add(next);
    length += next.length + overhead;
    count++;
  }
  String beforeLast;
  String last;
  if (!it.moveNext()) {
    if (count <= head + tail) return;
    last = parts.removeLast();
    beforeLast = parts.removeLast();
  } else {
    Object? penultimate = it.current;
    count++;
    if (!it.moveNext()) {
      if (count <= head + 1) {
        parts.add("$penultimate");
        return;
      }
      last = "$penultimate";
      beforeLast = parts.removeLast();
      length += last.length + overhead;
    } else {
      Object? ultimate = it.current;
      count++;
      while (it.moveNext()) {
        penultimate = ultimate;
        ultimate = it.current;
        count++;
        if (count > maxCount) {
          while (length > limit - ellipsis - overhead && count > head) {
            length -= parts.removeLast().length + overhead;
            count--;
          }
          parts.add("...");
          return;
        }
      }
      beforeLast = "$penultimate";
      last = "$ultimate";
      length += last.length + beforeLast.length + 2 * overhead;
    }
  }
  String? elision;
  if (count > parts.length + tail) {
    elision = "...";
    length += ellipsis + overhead;
  }
  while (length > limit && parts.length > head) {
    length -= parts.removeLast().length + overhead;
    if (elision == null) {
      elision = "...";
      length += ellipsis + overhead;
    }
  }
  if (elision != null) parts.add(elision);
  parts.add(beforeLast);
  parts.add(last);
}

/// A computed sequence shown as a lazy iterable (`(a, b)`), not as a list.
class _ListBackedIterable<E> extends Iterable<E> {
  final List<E> _list;
  _ListBackedIterable(this._list);
  Iterator<E> get iterator => _list.iterator;
  int get length => _list.length;
}

class _GeneratorIterable<E> extends Iterable<E> {
  final int _count;
  final E Function(int)? _generator;
  _GeneratorIterable(this._count, this._generator);
  Iterator<E> get iterator => _GeneratorIterator<E>(_count, _generator);
  int get length => _count;
  E elementAt(int index) {
    RangeError.checkValidIndex(index, this, "index", _count);
    final g = _generator;
    return g == null ? index as dynamic : g(index);
  }
}

class _GeneratorIterator<E> implements Iterator<E> {
  final int _count;
  final E Function(int)? _generator;
  int _index = -1;
  dynamic _current;
  _GeneratorIterator(this._count, this._generator);
  bool moveNext() {
    _index++;
    if (_index >= _count) {
      _index = _count;
      _current = null;
      return false;
    }
    final g = _generator;
    _current = g == null ? _index : g(_index);
    return true;
  }

  E get current => _current;
}

/// `values.byName('red')` on enum value lists.
extension EnumByName<T extends Enum> on Iterable<T> {
  T byName(String name) {
    for (final value in this) {
      if (value._name == name) return value;
    }
    throw ArgumentError.value(name, "name", "No enum value with that name");
  }

  Map<String, T> asNameMap() {
    final result = <String, T>{};
    for (final value in this) {
      result[value._name] = value;
    }
    return result;
  }
}

/// `nonNulls` on iterables of nullable elements.
extension NullableIterableExtensions<T extends Object> on Iterable<T?> {
  /// The non-null elements, lazily.
  Iterable<T> get nonNulls => whereType<T>();
}

class _IndexedIterable<E> extends Iterable<(int, E)> {
  final Iterable<E> _source;
  _IndexedIterable(this._source);
  Iterator<(int, E)> get iterator => _IndexedIterator<E>(_source.iterator);
}

class _IndexedIterator<E> implements Iterator<(int, E)> {
  final Iterator<E> _source;
  int _index = -1;
  _IndexedIterator(this._source);

  bool moveNext() {
    if (!_source.moveNext()) return false;
    _index++;
    return true;
  }

  (int, E) get current => (_index, _source.current);
}

class IterableElementError {
  static StateError noElement() => StateError("No element");
  static StateError tooMany() => StateError("Too many elements");
  static StateError tooFew() => StateError("Too few elements");
}

class _MappedIterable<S, T> extends Iterable<T> {
  final Iterable<S> _source;
  final T Function(S) _f;
  _MappedIterable(this._source, this._f);
  Iterator<T> get iterator => _MappedIterator<S, T>(_source.iterator, _f);
  int get length => _source.length;
  bool get isEmpty => _source.isEmpty;
  // As the SDK's: the function runs only for the element asked for.
  T get first => _f(_source.first);
  T get last => _f(_source.last);
  T get single => _f(_source.single);
  T elementAt(int index) => _f(_source.elementAt(index));
}

class _MappedIterator<S, T> implements Iterator<T> {
  final Iterator<S> _source;
  final T Function(S) _f;
  T? _current;
  _MappedIterator(this._source, this._f);
  bool moveNext() {
    if (_source.moveNext()) {
      _current = _f(_source.current);
      return true;
    }
    _current = null;
    return false;
  }

  T get current => _current as T;
}

class _WhereIterable<E> extends Iterable<E> {
  final Iterable<E> _source;
  final bool Function(E) _test;
  _WhereIterable(this._source, this._test);
  Iterator<E> get iterator => _WhereIterator<E>(_source.iterator, _test);
}

class _WhereIterator<E> implements Iterator<E> {
  final Iterator<E> _source;
  final bool Function(E) _test;
  _WhereIterator(this._source, this._test);
  bool moveNext() {
    while (_source.moveNext()) {
      if (_test(_source.current)) return true;
    }
    return false;
  }

  E get current => _source.current;
}

class _WhereTypeIterable<T> extends Iterable<T> {
  final Iterable<Object?> _source;
  _WhereTypeIterable(this._source);
  Iterator<T> get iterator {
    final result = <T>[];
    for (final e in _source) {
      if (e is T) result.add(e);
    }
    return result.iterator;
  }
}

class _ExpandIterable<S, T> extends Iterable<T> {
  final Iterable<S> _source;
  final Iterable<T> Function(S) _f;
  _ExpandIterable(this._source, this._f);
  Iterator<T> get iterator => _ExpandIterator<S, T>(_source.iterator, _f);
}

/// Expands one source element at a time, when iteration reaches it.
class _ExpandIterator<S, T> implements Iterator<T> {
  final Iterator<S> _source;
  final Iterable<T> Function(S) _f;
  Iterator<T>? _expansion;
  T? _current;
  bool _done = false;

  _ExpandIterator(this._source, this._f);

  T get current => _current as T;

  bool moveNext() {
    if (_done) return false;
    while (_expansion == null || !_expansion!.moveNext()) {
      _current = null;
      if (!_source.moveNext()) {
        _done = true;
        _expansion = null;
        return false;
      }
      _expansion = _f(_source.current).iterator;
    }
    _current = _expansion!.current;
    return true;
  }
}

class _TakeIterable<E> extends Iterable<E> {
  final Iterable<E> _source;
  final int _count;
  _TakeIterable(this._source, this._count) {
    RangeError.checkNotNegative(_count, "takeCount");
  }
  Iterator<E> get iterator => _TakeIterator<E>(_source.iterator, _count);
}

class _TakeIterator<E> implements Iterator<E> {
  final Iterator<E> _source;
  int _remaining;
  _TakeIterator(this._source, this._remaining);
  bool moveNext() {
    _remaining--;
    if (_remaining >= 0) return _source.moveNext();
    _remaining = -1;
    return false;
  }

  E get current => _source.current;
}

class _TakeWhileIterable<E> extends Iterable<E> {
  final Iterable<E> _source;
  final bool Function(E) _test;
  _TakeWhileIterable(this._source, this._test);
  Iterator<E> get iterator => _TakeWhileIterator<E>(_source.iterator, _test);
}

class _TakeWhileIterator<E> implements Iterator<E> {
  final Iterator<E> _source;
  final bool Function(E) _test;
  bool _done = false;
  _TakeWhileIterator(this._source, this._test);
  bool moveNext() {
    if (_done) return false;
    if (!_source.moveNext() || !_test(_source.current)) {
      _done = true;
      return false;
    }
    return true;
  }

  E get current => _done ? null as E : _source.current;
}

class _SkipWhileIterable<E> extends Iterable<E> {
  final Iterable<E> _source;
  final bool Function(E) _test;
  _SkipWhileIterable(this._source, this._test);
  Iterator<E> get iterator => _SkipWhileIterator<E>(_source.iterator, _test);
}

class _SkipWhileIterator<E> implements Iterator<E> {
  final Iterator<E> _source;
  final bool Function(E) _test;
  bool _skipping = true;
  _SkipWhileIterator(this._source, this._test);
  bool moveNext() {
    if (_skipping) {
      _skipping = false;
      while (_source.moveNext()) {
        if (!_test(_source.current)) return true;
      }
      return false;
    }
    return _source.moveNext();
  }

  E get current => _source.current;
}

class _SkipIterable<E> extends Iterable<E> {
  final Iterable<E> _source;
  final int _count;
  _SkipIterable(this._source, this._count) {
    RangeError.checkNotNegative(_count, "count");
  }
  Iterator<E> get iterator {
    final it = _source.iterator;
    for (int i = 0; i < _count; i++) {
      if (!it.moveNext()) break;
    }
    return it;
  }
}

// ---------------------------------------------------------------------------------------
// List
// ---------------------------------------------------------------------------------------

abstract interface class List<E> extends Iterable<E> {
  @pragma('vm:external-name', 'List_filled')
  external factory List.filled(int length, E fill, {bool growable = false});

  factory List.empty({bool growable = false}) => List<E>.filled(0, null as dynamic, growable: growable);

  factory List.generate(int length, E Function(int index) generator, {bool growable = true}) {
    final result = List<E>.filled(length, null as dynamic, growable: growable);
    for (int i = 0; i < length; i++) {
      result[i] = generator(i);
    }
    return result;
  }

  factory List.of(Iterable<E> elements, {bool growable = true}) {
    final result = <E>[];
    for (final e in elements) {
      result.add(e);
    }
    if (growable) return result;
    final fixed = List<E>.filled(result.length, null as dynamic);
    for (int i = 0; i < result.length; i++) {
      fixed[i] = result[i];
    }
    return fixed;
  }

  factory List.from(Iterable elements, {bool growable = true}) {
    final result = <E>[];
    for (final e in elements) {
      result.add(e as E);
    }
    return List<E>.of(result, growable: growable);
  }

  factory List.unmodifiable(Iterable elements) =>
      _unmodifiableCopy(List<E>.from(elements, growable: false)) as List<E>;

  /// A copy of the class of constant lists (`_ImmutableList`), as the Dart VM does.
  @pragma('vm:external-name', 'List_unmodifiableCopy')
  external static Object _unmodifiableCopy(List list);

  @pragma('vm:external-name', 'List_getIndexed')
  external E operator [](int index);
  @pragma('vm:external-name', 'List_setIndexed')
  external void operator []=(int index, E value);
  @pragma('vm:external-name', 'List_getLength')
  external int get length;
  /// Growing fills with nulls, so the element type must be nullable (the VM's check).
  set length(int newLength) {
    if (newLength > length) {
      // A fixed-length list's UnsupportedError comes first (setting the same length
      // checks only that).
      _setLength(length);
      null as E;
    }
    _setLength(newLength);
  }

  @pragma('vm:external-name', 'List_setLength')
  external void _setLength(int newLength);
  @pragma('vm:external-name', 'List_add')
  external void add(E value);
  @pragma('vm:external-name', 'List_removeLast')
  external E removeLast();
  @pragma('vm:external-name', 'List_insert')
  external void insert(int index, E element);
  @pragma('vm:external-name', 'List_removeAt')
  external E removeAt(int index);
  @pragma('vm:external-name', 'List_clear')
  external void clear();
  @pragma('vm:external-name', 'List_checkRemovable')
  external void _checkRemovable();

  Iterator<E> get iterator => _ListIterator<E>(this);

  bool get isEmpty => length == 0;
  bool get isNotEmpty => length != 0;

  E get first {
    if (length == 0) throw IterableElementError.noElement();
    return this[0];
  }

  set first(E value) {
    this[0] = value;
  }

  E get last {
    if (length == 0) throw IterableElementError.noElement();
    return this[length - 1];
  }

  set last(E value) {
    this[length - 1] = value;
  }

  E get single {
    if (length == 0) throw IterableElementError.noElement();
    if (length > 1) throw IterableElementError.tooMany();
    return this[0];
  }

  E elementAt(int index) => this[index];

  /// From the end, as the Dart VM's lists do.
  E lastWhere(bool Function(E element) test, {E Function()? orElse}) {
    final length = this.length;
    for (var i = length - 1; i >= 0; i--) {
      final element = this[i];
      if (test(element)) return element;
      if (length != this.length) throw ConcurrentModificationError(this);
    }
    if (orElse != null) return orElse();
    throw IterableElementError.noElement();
  }

  void addAll(Iterable<E> iterable) {
    if (identical(iterable, this)) {
      final n = length;
      for (int i = 0; i < n; i++) {
        add(this[i]);
      }
      return;
    }
    for (final e in iterable) {
      add(e);
    }
  }

  void insertAll(int index, Iterable<E> iterable) {
    int i = index;
    for (final e in iterable.toList()) {
      insert(i, e);
      i++;
    }
  }

  bool remove(Object? value) {
    _checkRemovable();
    for (int i = 0; i < length; i++) {
      if (this[i] == value) {
        removeAt(i);
        return true;
      }
    }
    return false;
  }

  void removeWhere(bool Function(E element) test) {
    _checkRemovable();
    final kept = <E>[];
    for (int i = 0; i < length; i++) {
      final e = this[i];
      if (!test(e)) kept.add(e);
    }
    _replaceContents(kept);
  }

  void retainWhere(bool Function(E element) test) {
    _checkRemovable();
    removeWhere((E e) => !test(e));
  }

  void _replaceContents(List<E> kept) {
    if (kept.length == length) return;
    length = 0;
    addAll(kept);
  }

  void removeRange(int start, int end) {
    _checkRemovable();
    RangeError.checkValidRange(start, end, length);
    final kept = <E>[];
    for (int i = 0; i < length; i++) {
      if (i < start || i >= end) kept.add(this[i]);
    }
    _replaceContents(kept);
  }

  int indexOf(Object? element, [int start = 0]) {
    for (int i = start < 0 ? 0 : start; i < length; i++) {
      if (this[i] == element) return i;
    }
    return -1;
  }

  int lastIndexOf(Object? element, [int? start]) {
    int i = start == null || start >= length ? length - 1 : start;
    for (; i >= 0; i--) {
      if (this[i] == element) return i;
    }
    return -1;
  }

  int indexWhere(bool Function(E element) test, [int start = 0]) {
    for (int i = start < 0 ? 0 : start; i < length; i++) {
      if (test(this[i])) return i;
    }
    return -1;
  }

  int lastIndexWhere(bool Function(E element) test, [int? start]) {
    int i = start == null || start >= length ? length - 1 : start;
    for (; i >= 0; i--) {
      if (test(this[i])) return i;
    }
    return -1;
  }

  bool contains(Object? element) => indexOf(element) >= 0;

  void forEach(void Function(E element) action) {
    final n = length;
    for (int i = 0; i < n; i++) {
      action(this[i]);
      if (length != n) throw ConcurrentModificationError(this);
    }
  }

  List<E> sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final result = <E>[];
    for (int i = start; i < stop; i++) {
      result.add(this[i]);
    }
    return result;
  }

  Iterable<E> getRange(int start, int end) => _ListBackedIterable<E>(sublist(start, end));

  void setRange(int start, int end, Iterable<E> iterable, [int skipCount = 0]) {
    RangeError.checkValidRange(start, end, length);
    final source = iterable.skip(skipCount).toList();
    if (source.length < end - start) throw IterableElementError.tooFew();
    for (int i = start; i < end; i++) {
      this[i] = source[i - start];
    }
  }

  void setAll(int index, Iterable<E> iterable) {
    int i = index;
    for (final e in iterable) {
      this[i] = e;
      i++;
    }
  }

  void fillRange(int start, int end, [E? fillValue]) {
    RangeError.checkValidRange(start, end, length);
    for (int i = start; i < end; i++) {
      this[i] = fillValue as E;
    }
  }

  Iterable<E> get reversed {
    final result = <E>[];
    for (int i = length - 1; i >= 0; i--) {
      result.add(this[i]);
    }
    return _ListBackedIterable<E>(result);
  }

  void replaceRange(int start, int end, Iterable<E> replacements) {
    _checkRemovable();
    RangeError.checkValidRange(start, end, length);
    final result = sublist(0, start);
    result.addAll(replacements);
    result.addAll(sublist(end));
    length = 0;
    addAll(result);
  }

  List<R> cast<R>() {
    final result = <R>[];
    for (int i = 0; i < length; i++) {
      result.add(this[i] as R);
    }
    return result;
  }

  List<E> operator +(List<E> other) {
    final result = <E>[];
    result.addAll(this);
    result.addAll(other);
    return result;
  }

  Map<int, E> asMap() => _ListMapView<E>(this);

  Iterable<E> skip(int count) {
    RangeError.checkNotNegative(count, "start");
    return _SkipIterable<E>(this, count);
  }

  Iterable<E> take(int count) {
    RangeError.checkNotNegative(count, "end");
    return _TakeIterable<E>(this, count);
  }

  void sort([int Function(E a, E b)? compare]) {
    final cmp = compare ?? (E a, E b) => Comparable.compare(a as Comparable, b as Comparable);
    _vmSort(this, 0, length - 1, cmp);
  }

  /// The SDK's `ListMixin.shuffle`, so a seeded [random] gives the Dart VM's order.
  void shuffle([Random? random]) {
    final source = random ?? Random();
    var remaining = length;
    while (remaining > 1) {
      final pick = source.nextInt(remaining);
      remaining -= 1;
      final tmp = this[remaining];
      this[remaining] = this[pick];
      this[pick] = tmp;
    }
  }

  String toString() => _iterableToString(this, "[", "]");
}


/// Sorts `list[left..right]` (both inclusive) as the Dart VM's `List.sort` does:
/// insertion sort for up to 33 elements, otherwise Yaroslavskiy's dual-pivot quicksort
/// with pivots chosen from five samples. The element moves are the VM's, so elements
/// that compare equal end up in the same order as on the VM (the sort is not stable).
void _vmSort<E>(List<E> list, int left, int right, int Function(E a, E b) compare) {
  if (right - left <= 32) {
    _insertionSort(list, left, right, compare);
  } else {
    _dualPivotQuicksort(list, left, right, compare);
  }
}

void _insertionSort<E>(List<E> list, int left, int right, int Function(E a, E b) compare) {
  for (var i = left + 1; i <= right; i++) {
    final element = list[i];
    var hole = i;
    while (hole > left && compare(list[hole - 1], element) > 0) {
      list[hole] = list[hole - 1];
      hole--;
    }
    list[hole] = element;
  }
}

void _dualPivotQuicksort<E>(List<E> a, int left, int right, int Function(E a, E b) compare) {
  final sixth = (right - left + 1) ~/ 6;
  final i1 = left + sixth;
  final i5 = right - sixth;
  final i3 = (left + right) ~/ 2;
  final i2 = i3 - sixth;
  final i4 = i3 + sixth;
  // Order the five samples with a fixed network of nine compare-exchanges.
  final s = <E>[a[i1], a[i2], a[i3], a[i4], a[i5]];
  void exchange(int x, int y) {
    if (compare(s[x], s[y]) > 0) {
      final t = s[x];
      s[x] = s[y];
      s[y] = t;
    }
  }

  exchange(0, 1);
  exchange(3, 4);
  exchange(0, 2);
  exchange(1, 2);
  exchange(0, 3);
  exchange(2, 3);
  exchange(1, 4);
  exchange(1, 2);
  exchange(3, 4);
  final pivot1 = s[1];
  final pivot2 = s[3];
  a[i1] = s[0];
  a[i3] = s[2];
  a[i5] = s[4];
  a[i2] = a[left];
  a[i4] = a[right];

  var less = left + 1;
  var great = right - 1;
  final equalPivots = compare(pivot1, pivot2) == 0;
  if (equalPivots) {
    // Three-way partition around the single pivot value.
    for (var k = less; k <= great; k++) {
      final ak = a[k];
      var c = compare(ak, pivot1);
      if (c == 0) continue;
      if (c < 0) {
        if (k != less) {
          a[k] = a[less];
          a[less] = ak;
        }
        less++;
        continue;
      }
      while (true) {
        c = compare(a[great], pivot1);
        if (c > 0) {
          great--;
          continue;
        }
        if (c < 0) {
          a[k] = a[less];
          a[less++] = a[great];
        } else {
          a[k] = a[great];
        }
        a[great--] = ak;
        break;
      }
    }
  } else {
    // Partition into < pivot1, between the pivots, > pivot2.
    for (var k = less; k <= great; k++) {
      final ak = a[k];
      if (compare(ak, pivot1) < 0) {
        if (k != less) {
          a[k] = a[less];
          a[less] = ak;
        }
        less++;
      } else if (compare(ak, pivot2) > 0) {
        while (true) {
          if (compare(a[great], pivot2) > 0) {
            great--;
            if (great < k) break;
            continue;
          }
          if (compare(a[great], pivot1) < 0) {
            a[k] = a[less];
            a[less++] = a[great];
          } else {
            a[k] = a[great];
          }
          a[great--] = ak;
          break;
        }
      }
    }
  }

  a[left] = a[less - 1];
  a[less - 1] = pivot1;
  a[right] = a[great + 1];
  a[great + 1] = pivot2;
  _vmSort(a, left, less - 2, compare);
  _vmSort(a, great + 2, right, compare);
  if (equalPivots) return;

  if (less < i1 && great > i5) {
    // A large middle part: move the pivot values out of it before sorting it.
    while (compare(a[less], pivot1) == 0) {
      less++;
    }
    while (compare(a[great], pivot2) == 0) {
      great--;
    }
    for (var k = less; k <= great; k++) {
      final ak = a[k];
      if (compare(ak, pivot1) == 0) {
        if (k != less) {
          a[k] = a[less];
          a[less] = ak;
        }
        less++;
      } else if (compare(ak, pivot2) == 0) {
        while (true) {
          if (compare(a[great], pivot2) == 0) {
            great--;
            if (great < k) break;
            continue;
          }
          if (compare(a[great], pivot1) < 0) {
            a[k] = a[less];
            a[less++] = a[great];
          } else {
            a[k] = a[great];
          }
          a[great--] = ak;
          break;
        }
      }
    }
  }
  _vmSort(a, less, great, compare);
}

/// `asMap()` of a list: a live, unmodifiable `Map<int, E>` over its indices.
final class _ListMapView<E> extends _UnmodifiableMapBase<int, E> {
  final List<E> _values;
  _ListMapView(this._values);

  E? operator [](Object? key) => containsKey(key) ? _values[key as int] : null;
  int get length => _values.length;
  Iterable<E> get values => _values.getRange(0, _values.length);
  Iterable<int> get keys => Iterable<int>.generate(_values.length);
  bool containsValue(Object? value) => _values.contains(value);
  bool containsKey(Object? key) => key is int && key >= 0 && key < length;
  List<int> _keyList() => List<int>.generate(_values.length, (int i) => i);
  List<E> _valueList() => _values.toList();

  void forEach(void Function(int key, E value) action) {
    final length = _values.length;
    for (int i = 0; i < length; i++) {
      action(i, _values[i]);
      if (length != _values.length) throw ConcurrentModificationError(_values);
    }
  }
}

/// A read-only Map on top of `[]`, `keys`, `length`, `_keyList` and `_valueList`: every
/// change throws (dart:collection's `UnmodifiableMapBase`, for dart:core's own use).
abstract class _UnmodifiableMapBase<K, V> implements Map<K, V> {
  static Never _unmodifiable() => throw UnsupportedError("Cannot modify unmodifiable map");

  void operator []=(K key, V value) => _unmodifiable();
  V? remove(Object? key) => _unmodifiable();
  void clear() => _unmodifiable();
  void _checkModifiable() => _unmodifiable();
  void addAll(Map<K, V> other) => _unmodifiable();
  void addEntries(Iterable<MapEntry<K, V>> newEntries) => _unmodifiable();
  V putIfAbsent(K key, V Function() ifAbsent) => _unmodifiable();
  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) => _unmodifiable();
  void updateAll(V Function(K key, V value) update) => _unmodifiable();
  void removeWhere(bool Function(K key, V value) test) => _unmodifiable();

  bool get isEmpty => length == 0;
  bool get isNotEmpty => length != 0;
  Iterable<MapEntry<K, V>> get entries => keys.map((K k) => MapEntry<K, V>(k, this[k] as V));
  Map<RK, RV> cast<RK, RV>() => Map<RK, RV>.from(this);
  Map<K2, V2> map<K2, V2>(MapEntry<K2, V2> Function(K key, V value) convert) {
    final result = <K2, V2>{};
    forEach((K k, V v) {
      final e = convert(k, v);
      result[e.key] = e.value;
    });
    return result;
  }

  String toString() => _mapToString(this);
}

/// `Map.identity()` (and `Set.identity()`'s map): keys compared with `identical`, in
/// insertion order, stored in a core map as `_IdentityKey` wrappers.
final class _CompactLinkedIdentityHashMap<K, V> implements Map<K, V> {
  final Map<_IdentityKey, V> _map = <_IdentityKey, V>{};

  V? operator [](Object? key) => _map[_IdentityKey(key)];
  void operator []=(K key, V value) {
    _map[_IdentityKey(key)] = value;
  }

  bool containsKey(Object? key) => _map.containsKey(_IdentityKey(key));
  bool containsValue(Object? value) => _map.containsValue(value);
  V? remove(Object? key) => _map.remove(_IdentityKey(key));
  int get length => _map.length;
  bool get isEmpty => _map.isEmpty;
  bool get isNotEmpty => _map.isNotEmpty;
  void clear() => _map.clear();
  void _checkModifiable() {}

  List<K> _keyList() {
    final result = <K>[];
    for (final k in _map._keyList()) {
      result.add(k.object as K);
    }
    return result;
  }

  List<V> _valueList() => _map._valueList();
  Iterable<K> get keys => _MapPartView<K, V, K>(this, _MapPart.keys);
  Iterable<V> get values => _MapPartView<K, V, V>(this, _MapPart.values);
  Iterable<MapEntry<K, V>> get entries =>
      _MapPartView<K, V, MapEntry<K, V>>(this, _MapPart.entries);

  void forEach(void Function(K key, V value) action) {
    _map.forEach((_IdentityKey k, V v) => action(k.object as K, v));
  }

  void addAll(Map<K, V> other) {
    other.forEach((K k, V v) {
      this[k] = v;
    });
  }

  void addEntries(Iterable<MapEntry<K, V>> newEntries) {
    for (final e in newEntries) {
      this[e.key] = e.value;
    }
  }

  V putIfAbsent(K key, V Function() ifAbsent) => _map.putIfAbsent(_IdentityKey(key), ifAbsent);
  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) =>
      _map.update(_IdentityKey(key), update, ifAbsent: ifAbsent);
  void updateAll(V Function(K key, V value) update) =>
      _map.updateAll((_IdentityKey k, V v) => update(k.object as K, v));
  void removeWhere(bool Function(K key, V value) test) =>
      _map.removeWhere((_IdentityKey k, V v) => test(k.object as K, v));
  Map<RK, RV> cast<RK, RV>() => Map<RK, RV>.from(this);

  Map<K2, V2> map<K2, V2>(MapEntry<K2, V2> Function(K key, V value) convert) {
    final result = <K2, V2>{};
    forEach((K k, V v) {
      final e = convert(k, v);
      result[e.key] = e.value;
    });
    return result;
  }

  String toString() => _mapToString(this);
}

/// A key of an `_CompactLinkedIdentityHashMap`: equal only to a wrapper of the identical object.
final class _IdentityKey {
  final Object? object;
  _IdentityKey(this.object);
  bool operator ==(Object other) => other is _IdentityKey && identical(other.object, object);
  int get hashCode => identityHashCode(object);
}

class _ListIterator<E> implements Iterator<E> {
  final List<E> _list;
  final int _length;
  int _index = 0;
  E? _current;

  _ListIterator(List<E> list)
      : _list = list,
        _length = list.length;

  bool moveNext() {
    if (_list.length != _length) throw ConcurrentModificationError(_list);
    if (_index >= _length) {
      _current = null;
      return false;
    }
    _current = _list[_index];
    _index++;
    return true;
  }

  E get current => _current as E;
}

// ---------------------------------------------------------------------------------------
// Map, MapEntry, Set
// ---------------------------------------------------------------------------------------

class MapEntry<K, V> {
  final K key;
  final V value;
  const MapEntry(this.key, this.value);
  String toString() => "MapEntry($key: $value)";
}

abstract interface class Map<K, V> {
  @pragma('vm:external-name', 'Map_new')
  external factory Map();

  factory Map.identity() => _CompactLinkedIdentityHashMap<K, V>();

  factory Map.of(Map<K, V> other) {
    final result = <K, V>{};
    result.addAll(other);
    return result;
  }

  factory Map.from(Map other) {
    final result = <K, V>{};
    other.forEach((k, v) {
      result[k as K] = v as V;
    });
    return result;
  }

  factory Map.unmodifiable(Map other) => _UnmodifiableMap<K, V>(Map<K, V>.from(other));

  factory Map.fromEntries(Iterable<MapEntry<K, V>> entries) {
    final result = <K, V>{};
    result.addEntries(entries);
    return result;
  }

  factory Map.fromIterables(Iterable<K> keys, Iterable<V> values) {
    final result = <K, V>{};
    final ki = keys.iterator;
    final vi = values.iterator;
    bool hasNextKey = ki.moveNext();
    bool hasNextValue = vi.moveNext();
    while (hasNextKey && hasNextValue) {
      result[ki.current] = vi.current;
      hasNextKey = ki.moveNext();
      hasNextValue = vi.moveNext();
    }
    if (hasNextKey || hasNextValue) {
      throw ArgumentError("Iterables do not have same length.");
    }
    return result;
  }

  factory Map.fromIterable(Iterable iterable, {K Function(dynamic element)? key, V Function(dynamic element)? value}) {
    final result = <K, V>{};
    for (final e in iterable) {
      result[key == null ? e as K : key(e)] = value == null ? e as V : value(e);
    }
    return result;
  }

  @pragma('vm:external-name', 'Map_get')
  external V? operator [](Object? key);
  @pragma('vm:external-name', 'Map_set')
  external void operator []=(K key, V value);
  @pragma('vm:external-name', 'Map_containsKey')
  external bool containsKey(Object? key);
  @pragma('vm:external-name', 'Map_remove')
  external V? remove(Object? key);
  @pragma('vm:external-name', 'Map_length')
  external int get length;
  @pragma('vm:external-name', 'Map_clear')
  external void clear();
  @pragma('vm:external-name', 'Map_checkModifiable')
  external void _checkModifiable();
  @pragma('vm:external-name', 'Map_keys')
  external List<K> _keyList();
  @pragma('vm:external-name', 'Map_values')
  external List<V> _valueList();

    // Views, not lists: they print as `(a, b)` like every non-list Iterable.
  Iterable<K> get keys => _MapPartView<K, V, K>(this, _MapPart.keys);
  Iterable<V> get values => _MapPartView<K, V, V>(this, _MapPart.values);

  bool get isEmpty => length == 0;
  bool get isNotEmpty => length != 0;

  Iterable<MapEntry<K, V>> get entries =>
      _MapPartView<K, V, MapEntry<K, V>>(this, _MapPart.entries);

  bool containsValue(Object? value) {
    for (final v in _valueList()) {
      if (v == value) return true;
    }
    return false;
  }

  void forEach(void Function(K key, V value) action) {
    final n = length;
    for (final k in _keyList()) {
      action(k, this[k] as V);
      if (length != n) throw ConcurrentModificationError(this);
    }
  }

  void addAll(Map<K, V> other) {
    _checkModifiable();
    other.forEach((K k, V v) {
      this[k] = v;
    });
  }

  void addEntries(Iterable<MapEntry<K, V>> newEntries) {
    _checkModifiable();
    for (final e in newEntries) {
      this[e.key] = e.value;
    }
  }

  V putIfAbsent(K key, V Function() ifAbsent) {
    _checkModifiable();
    if (containsKey(key)) return this[key] as V;
    final value = ifAbsent();
    this[key] = value;
    return value;
  }

  V update(K key, V Function(V value) update, {V Function()? ifAbsent}) {
    _checkModifiable();
    if (containsKey(key)) {
      final value = update(this[key] as V);
      this[key] = value;
      return value;
    }
    if (ifAbsent != null) {
      final value = ifAbsent();
      this[key] = value;
      return value;
    }
    throw ArgumentError.value(key, "key", "Key not in map.");
  }

  void updateAll(V Function(K key, V value) update) {
    _checkModifiable();
    for (final k in _keyList()) {
      this[k] = update(k, this[k] as V);
    }
  }

  void removeWhere(bool Function(K key, V value) test) {
    _checkModifiable();
    for (final k in _keyList()) {
      if (test(k, this[k] as V)) remove(k);
    }
  }

  Map<RK, RV> cast<RK, RV>() {
    final result = <RK, RV>{};
    for (final k in _keyList()) {
      result[k as RK] = this[k] as RV;
    }
    return result;
  }

  Map<K2, V2> map<K2, V2>(MapEntry<K2, V2> Function(K key, V value) convert) {
    final result = <K2, V2>{};
    for (final k in _keyList()) {
      final e = convert(k, this[k] as V);
      result[e.key] = e.value;
    }
    return result;
  }

  String toString() => _mapToString(this);

}

enum _MapPart { keys, values, entries }

/// `keys`, `values` and `entries` of a core map: live views whose iterators walk a
/// snapshot of the map taken when iteration starts, and throw a
/// ConcurrentModificationError when the map's length changed since.
class _MapPartView<K, V, T> extends Iterable<T> {
  final Map<K, V> _map;
  final _MapPart _part;
  _MapPartView(this._map, this._part);

  Iterator<T> get iterator => _MapPartIterator<K, V, T>(_map, _part);
  int get length => _map.length;
  bool get isEmpty => _map.isEmpty;
  bool get isNotEmpty => _map.isNotEmpty;

  bool contains(Object? element) {
    if (_part == _MapPart.keys) return _map.containsKey(element);
    if (_part == _MapPart.values) return _map.containsValue(element);
    return super.contains(element);
  }
}

class _MapPartIterator<K, V, T> implements Iterator<T> {
  final Map<K, V> _map;
  final _MapPart _part;
  final List<K> _keys;
  final List<V>? _values;
  final int _length;
  int _index = 0;
  T? _current;

  _MapPartIterator(Map<K, V> map, this._part)
      : _map = map,
        _keys = map._keyList(),
        _values = _part == _MapPart.keys ? null : map._valueList(),
        _length = map.length;

  T get current => _current as T;

  bool moveNext() {
    if (_map.length != _length) throw ConcurrentModificationError(_map);
    final index = _index;
    if (index >= _keys.length) {
      _current = null;
      return false;
    }
    _index = index + 1;
    _current = (switch (_part) {
      _MapPart.keys => _keys[index],
      _MapPart.values => _values![index],
      _MapPart.entries => MapEntry<K, V>(_keys[index] as K, _values![index] as V),
    }) as T;
    return true;
  }
}

/// `{k: v, ...}`, with a map that is already being converted shown as `{...}`.
String _mapToString(Map<Object?, Object?> map) {
  if (_isToStringVisiting(map)) return "{...}";
  _toStringVisiting.add(map);
  final buffer = StringBuffer("{");
  try {
    bool first = true;
    for (final k in map._keyList()) {
      if (!first) buffer.write(", ");
      first = false;
      buffer.write(k);
      buffer.write(": ");
      buffer.write(map[k]);
    }
  } finally {
    _toStringVisiting.removeLast();
  }
  buffer.write("}");
  return buffer.toString();
}

/// An insertion-ordered hash set, stored as the keys of a map.
class Set<E> extends Iterable<E> {
  final Map<E, bool> _map;

  Set() : _map = <E, bool>{};

  /// A set over [map]'s keys (`Set.identity()` passes an `_CompactLinkedIdentityHashMap`).
  Set._withMap(this._map);

  factory Set.identity() => Set<E>._withMap(_CompactLinkedIdentityHashMap<E, bool>());

  factory Set.of(Iterable<E> elements) {
    final result = Set<E>();
    result.addAll(elements);
    return result;
  }

  factory Set.from(Iterable elements) {
    final result = Set<E>();
    for (final e in elements) {
      result.add(e as E);
    }
    return result;
  }

  // The key list the map native returns carries no element type: iterate it as E.
  Iterator<E> get iterator => _ListIterator<E>(_map._keyList());
  int get length => _map.length;
  bool get isEmpty => _map.length == 0;
  bool get isNotEmpty => _map.length != 0;

  bool add(E value) {
    if (_map.containsKey(value)) return false;
    _map[value] = true;
    return true;
  }

  void addAll(Iterable<E> elements) {
    for (final e in elements) {
      add(e);
    }
  }

  bool contains(Object? value) => _map.containsKey(value);

  bool remove(Object? value) {
    if (!_map.containsKey(value)) return false;
    _map.remove(value);
    return true;
  }

  void removeAll(Iterable<Object?> elements) {
    for (final e in elements) {
      remove(e);
    }
  }

  void removeWhere(bool Function(E element) test) {
    for (final e in _map._keyList()) {
      if (test(e)) _map.remove(e);
    }
  }

  void retainWhere(bool Function(E element) test) {
    removeWhere((E e) => !test(e));
  }

  void clear() => _map.clear();

  void retainAll(Iterable<Object?> elements) {
    final keep = elements.toSet();
    removeWhere((element) => !keep.contains(element));
  }

  bool containsAll(Iterable<Object?> other) {
    for (final e in other) {
      if (!contains(e)) return false;
    }
    return true;
  }

  E? lookup(Object? object) {
    if (!_map.containsKey(object)) return null;
    if (_map is _CompactLinkedIdentityHashMap) return object as E;
    for (final e in _map._keyList()) {
      if (e == object) return e;
    }
    return null;
  }

  Set<E> union(Set<E> other) {
    final result = Set<E>.of(this);
    result.addAll(other);
    return result;
  }

  Set<E> intersection(Set<Object?> other) {
    final result = Set<E>();
    for (final e in this) {
      if (other.contains(e)) result.add(e);
    }
    return result;
  }

  Set<E> difference(Set<Object?> other) {
    final result = Set<E>();
    for (final e in this) {
      if (!other.contains(e)) result.add(e);
    }
    return result;
  }

  Set<E> toSet() => (_map is _CompactLinkedIdentityHashMap ? Set<E>.identity() : Set<E>())..addAll(this);

  String toString() => _iterableToString(this, "{", "}");
}

/// The class of constant sets (`const {1, 2}`): the runtime builds instances whose `_map`
/// is a constant map; every modification throws as the Dart VM's `_ConstSet` does.
final class _ConstSet<E> extends Set<E> {
  static Never _unmodifiable() {
    throw UnsupportedError("Cannot change an unmodifiable set");
  }

  bool add(E value) => _unmodifiable();
  void addAll(Iterable<E> elements) => _unmodifiable();
  bool remove(Object? value) => _unmodifiable();
  void removeAll(Iterable<Object?> elements) => _unmodifiable();
  void removeWhere(bool Function(E element) test) => _unmodifiable();
  void retainWhere(bool Function(E element) test) => _unmodifiable();
  void clear() => _unmodifiable();
}

// ---------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------

class Duration implements Comparable<Duration> {
  static const int microsecondsPerMillisecond = 1000;
  static const int millisecondsPerSecond = 1000;
  static const int secondsPerMinute = 60;
  static const int minutesPerHour = 60;
  static const int hoursPerDay = 24;
  static const int microsecondsPerSecond = 1000000;
  static const int microsecondsPerMinute = 60000000;
  static const int microsecondsPerHour = 3600000000;
  static const int microsecondsPerDay = 86400000000;
  static const int millisecondsPerMinute = 60000;
  static const int millisecondsPerHour = 3600000;
  static const int millisecondsPerDay = 86400000;
  static const int secondsPerHour = 3600;
  static const int secondsPerDay = 86400;
  static const int minutesPerDay = 1440;
  static const Duration zero = Duration(seconds: 0);

  final int _duration;

  const Duration(
      {int days = 0,
      int hours = 0,
      int minutes = 0,
      int seconds = 0,
      int milliseconds = 0,
      int microseconds = 0})
      : _duration = microseconds +
            1000 * milliseconds +
            1000000 * seconds +
            60000000 * minutes +
            3600000000 * hours +
            86400000000 * days;

  const Duration._micros(this._duration);

  int get inDays => _duration ~/ microsecondsPerDay;
  int get inHours => _duration ~/ microsecondsPerHour;
  int get inMinutes => _duration ~/ microsecondsPerMinute;
  int get inSeconds => _duration ~/ microsecondsPerSecond;
  int get inMilliseconds => _duration ~/ 1000;
  int get inMicroseconds => _duration;
  bool get isNegative => _duration < 0;

  Duration operator +(Duration other) => Duration._micros(_duration + other._duration);
  Duration operator -(Duration other) => Duration._micros(_duration - other._duration);
  Duration operator *(num factor) => Duration._micros((_duration * factor).round());
  Duration operator ~/(int quotient) => Duration._micros(_duration ~/ quotient);
  Duration operator -() => Duration._micros(0 - _duration);
  bool operator <(Duration other) => _duration < other._duration;
  bool operator >(Duration other) => _duration > other._duration;
  bool operator <=(Duration other) => _duration <= other._duration;
  bool operator >=(Duration other) => _duration >= other._duration;
  bool operator ==(Object other) => other is Duration && _duration == other._duration;
  int get hashCode => _duration.hashCode;
  int compareTo(Duration other) => _duration.compareTo(other._duration);
  Duration abs() => Duration._micros(_duration.abs());

  String toString() {
    int micros = _duration;
    String sign = "";
    if (micros < 0) {
      sign = "-";
      micros = -micros;
    }
    final hours = micros ~/ microsecondsPerHour;
    micros = micros % microsecondsPerHour;
    final minutes = micros ~/ microsecondsPerMinute;
    micros = micros % microsecondsPerMinute;
    final seconds = micros ~/ microsecondsPerSecond;
    micros = micros % microsecondsPerSecond;
    return "$sign$hours:${minutes.toString().padLeft(2, "0")}:"
        "${seconds.toString().padLeft(2, "0")}.${micros.toString().padLeft(6, "0")}";
  }
}

class Stopwatch {
  int _start = 0;
  int _stop = 0;
  bool _running = false;

  Stopwatch();

  @pragma('vm:external-name', 'Stopwatch_now')
  external static int _now();

  int get frequency => 1000000;
  bool get isRunning => _running;

  void start() {
    if (_running) return;
    _start = _now() - (_stop - _start);
    _running = true;
  }

  void stop() {
    if (!_running) return;
    _stop = _now();
    _running = false;
  }

  void reset() {
    _start = _running ? _now() : 0;
    _stop = 0;
  }

  int get elapsedTicks => (_running ? _now() : _stop) - _start;
  int get elapsedMicroseconds => elapsedTicks;
  int get elapsedMilliseconds => elapsedTicks ~/ 1000;
  Duration get elapsed => Duration(microseconds: elapsedTicks);
}

interface class StackTrace {
  static StackTrace get current => _currentStackTrace();

  /// A stack trace with no frames.
  static final StackTrace empty = _emptyStackTrace();

  /// A stack trace that prints as [stackTraceString].
  factory StackTrace.fromString(String stackTraceString) =>
      _stackTraceFromString(stackTraceString);

  @pragma('vm:external-name', 'StackTrace_toString')
  external String toString();
}

@pragma('vm:external-name', 'StackTrace_current')
external StackTrace _currentStackTrace();

@pragma('vm:external-name', 'StackTrace_empty')
external StackTrace _emptyStackTrace();

@pragma('vm:external-name', 'StackTrace_fromString')
external StackTrace _stackTraceFromString(String text);

// ---------------------------------------------------------------------------------------
// Top-level functions
// ---------------------------------------------------------------------------------------

void print(Object? object) {
  _printString("$object");
}

@pragma('vm:external-name', 'Builtin_print')
external void _printString(String line);

@pragma('vm:external-name', 'Builtin_identical')
external bool identical(Object? a, Object? b);

@pragma('vm:external-name', 'Builtin_identityHashCode')
external int identityHashCode(Object? object);

@pragma('vm:external-name', 'Object_toString')
external String _objectToString(Object? object);

// ---------------------------------------------------------------------------------------
// Errors and exceptions
// ---------------------------------------------------------------------------------------

class Error {
  Error();

  /// Set by the runtime when the error is first thrown (`runtime::entries::throw_value`).
  @pragma('vm:entry-point')
  StackTrace? _stackTrace;

  StackTrace? get stackTrace => _stackTrace;

  /// Throws [error] with [stackTrace] as its stack trace.
  @pragma('vm:external-name', 'Error_throwWithStackTrace')
  external static Never throwWithStackTrace(Object error, StackTrace stackTrace);

  static String safeToString(Object? object) {
    if (object == null || object is num || object is bool) return "$object";
    if (object is String) return _quoteString(object);
    return _objectToString(object);
  }
}

String _quoteString(String s) {
  final b = StringBuffer('"');
  for (int i = 0; i < s.length; i++) {
    final c = s.codeUnitAt(i);
    if (c == 0x22) {
      b.write('\\"');
    } else if (c == 0x5c) {
      b.write('\\\\');
    } else if (c == 0x0a) {
      b.write('\\n');
    } else if (c == 0x0d) {
      b.write('\\r');
    } else if (c == 0x09) {
      b.write('\\t');
    } else if (c < 0x20) {
      b.write('\\u${c.toRadixString(16).padLeft(4, "0")}');
    } else {
      b.writeCharCode(c);
    }
  }
  b.write('"');
  return b.toString();
}

class AssertionError extends Error {
  final Object? message;
  AssertionError([this.message]);
  String toString() {
    if (message != null) return "Assertion failed: ${Error.safeToString(message)}";
    return "Assertion failed";
  }
}

class TypeError extends Error {
  final String _message;
  TypeError() : _message = "";
  TypeError._(this._message);
  String toString() => _message;
}

class ArgumentError extends Error {
  final bool _hasValue;
  final dynamic invalidValue;
  final String? name;
  final dynamic message;

  ArgumentError([this.message, this.name])
      : invalidValue = null,
        _hasValue = false;

  ArgumentError.value(value, [this.name, this.message])
      : invalidValue = value,
        _hasValue = true;

  ArgumentError.notNull([this.name])
      : _hasValue = false,
        message = "Must not be null",
        invalidValue = null;

  static T checkNotNull<T>(T? argument, [String? name]) {
    if (argument == null) throw ArgumentError.notNull(name);
    return argument;
  }

  String get _errorName => "Invalid argument${!_hasValue ? "(s)" : ""}";
  String get _errorExplanation => "";

  String toString() {
    final n = name;
    final nameString = n == null ? "" : " ($n)";
    final m = message;
    final messageString = m == null ? "" : ": $m";
    final prefix = "$_errorName$nameString$messageString";
    if (!_hasValue) return prefix;
    final explanation = _errorExplanation;
    final errorValue = Error.safeToString(invalidValue);
    return "$prefix$explanation: $errorValue";
  }
}

class RangeError extends ArgumentError {
  final num? start;
  final num? end;

  RangeError(var message)
      : start = null,
        end = null,
        super(message);

  RangeError.value(num value, [String? name, String? message])
      : start = null,
        end = null,
        super.value(value, name, message ?? "Value not in range");

  RangeError.range(num invalidValue, int? minValue, int? maxValue, [String? name, String? message])
      : start = minValue,
        end = maxValue,
        super.value(invalidValue, name, message ?? "Invalid value");

  factory RangeError.index(int index, dynamic indexable, [String? name, String? message, int? length]) =>
      IndexError(index, indexable, name, message, length);

  static int checkValueInInterval(int value, int minValue, int maxValue, [String? name, String? message]) {
    if (value < minValue || value > maxValue) {
      throw RangeError.range(value, minValue, maxValue, name, message);
    }
    return value;
  }

  static int checkValidIndex(int index, dynamic indexable, [String? name, int? length, String? message]) {
    return IndexError.check(index, length ?? (indexable as dynamic).length as int,
        indexable: indexable, name: name, message: message);
  }

  static int checkValidRange(int start, int? end, int length, [String? startName, String? endName, String? message]) {
    if (start < 0 || start > length) {
      throw RangeError.range(start, 0, length, startName ?? "start", message);
    }
    if (end != null) {
      if (end < start || end > length) {
        throw RangeError.range(end, start, length, endName ?? "end", message);
      }
      return end;
    }
    return length;
  }

  static int checkNotNegative(int value, [String? name, String? message]) {
    if (value < 0) throw RangeError.range(value, 0, null, name ?? "index", message);
    return value;
  }

  String get _errorName => "RangeError";

  String get _errorExplanation {
    final s = start;
    final e = end;
    if (s == null) {
      if (e != null) return ": Not less than or equal to $e";
      return "";
    }
    if (e == null) return ": Not greater than or equal to $s";
    if (e > s) return ": Not in inclusive range $s..$e";
    if (e < s) return ": Valid value range is empty";
    return ": Only valid value is $s";
  }
}

class IndexError extends ArgumentError implements RangeError {
  final Object? indexable;
  final int length;

  @Deprecated("Use IndexError.withLength instead.")
  IndexError(int invalidValue, dynamic indexable, [String? name, String? message, int? length])
      : indexable = indexable,
        length = length ?? (indexable as dynamic).length as int,
        super.value(invalidValue, name, message ?? "Index out of range");

  IndexError.withLength(int invalidValue, this.length, {this.indexable, String? name, String? message})
      : super.value(invalidValue, name, message ?? "Index out of range");

  static int check(int index, int length, {Object? indexable, String? name, String? message}) {
    if (index < 0 || index >= length) {
      throw IndexError.withLength(index, length, indexable: indexable, name: name ?? "index", message: message);
    }
    return index;
  }

  num? get start => 0;
  num? get end => length - 1;

  String get _errorName => "RangeError";

  String get _errorExplanation {
    final int index = invalidValue as int;
    if (index < 0) return ": index must not be negative";
    if (length == 0) return ": no indices are valid";
    return ": index should be less than $length";
  }
}

class StateError extends Error {
  final String message;
  StateError(this.message);
  String toString() => "Bad state: $message";
}

class UnsupportedError extends Error {
  final String? message;
  UnsupportedError(String this.message);
  String toString() => "Unsupported operation: $message";
}

class UnimplementedError extends Error implements UnsupportedError {
  final String? message;
  UnimplementedError([this.message]);
  String toString() {
    final m = message;
    return m != null ? "UnimplementedError: $m" : "UnimplementedError";
  }
}

class ConcurrentModificationError extends Error {
  final Object? modifiedObject;
  ConcurrentModificationError([this.modifiedObject]);
  String toString() {
    if (modifiedObject == null) return "Concurrent modification during iteration.";
    return "Concurrent modification during iteration: ${Error.safeToString(modifiedObject)}.";
  }
}

class StackOverflowError extends Error {
  StackOverflowError();
  String toString() => "Stack Overflow";
}

class OutOfMemoryError extends Error {
  OutOfMemoryError();
  String toString() => "Out of Memory";
}

class LateInitializationError extends Error {
  final String? _message;
  LateInitializationError([this._message]);
  String toString() {
    final m = _message;
    return m != null ? "LateInitializationError: $m" : "LateInitializationError";
  }
}

class NoSuchMethodError extends Error {
  final Object? _receiver;
  final Invocation _invocation;

  NoSuchMethodError._(this._receiver, this._invocation);

  NoSuchMethodError.withInvocation(Object? receiver, Invocation invocation)
      : _receiver = receiver,
        _invocation = invocation;

  String toString() {
    final name = _invocation.memberName._name;
    final kind = _invocation.isGetter ? "getter" : (_invocation.isSetter ? "setter" : "method");
    final shownName = _invocation.isSetter && !name.endsWith("=") ? "$name=" : name;
    final receiverText = Error.safeToString(_receiver);
    final b = StringBuffer("NoSuchMethodError: ");
    if (_receiver == null) {
      b.write("The $kind '$shownName' was called on null.");
    } else {
      b.write("Class '${_receiver.runtimeType}' has no instance $kind '$shownName'.");
    }
    b.write("\nReceiver: $receiverText\nTried calling: $shownName");
    if (_invocation.isSetter) {
      b.write(" ${Error.safeToString(_invocation.positionalArguments[0])}");
    } else if (_invocation.isMethod) {
      final args = <String>[];
      for (final a in _invocation.positionalArguments) {
        args.add(Error.safeToString(a));
      }
      _invocation.namedArguments.forEach((Symbol k, Object? v) {
        args.add("${k._name}: ${Error.safeToString(v)}");
      });
      b.write("(${args.join(", ")})");
    }
    return b.toString();
  }
}

abstract class Exception {
  factory Exception([var message]) => _Exception(message);
}

class _Exception implements Exception {
  final dynamic message;
  _Exception([this.message]);
  String toString() {
    final m = message;
    if (m == null) return "Exception";
    return "Exception: $m";
  }
}

class FormatException implements Exception {
  final String message;
  final dynamic source;
  final int? offset;

  const FormatException([this.message = "", this.source, this.offset]);

  String toString() {
    String report = "FormatException";
    if (message != "") report = "$report: $message";
    int? at = offset;
    final src = source;
    if (src is! String) {
      if (at != null) report = "$report (at offset $at)";
      return report;
    }
    if (at != null && (at < 0 || at > src.length)) at = null;
    if (at == null) {
      final shown = src.length > 78 ? src.substring(0, 75) + "..." : src;
      return "$report\n$shown";
    }
    return _formatExceptionContext(report, src, at);
  }
}

/// The "(at line L, character C)" part, the source line and the caret of a
/// FormatException with a source string and a valid offset.
String _formatExceptionContext(String report, String source, int offset) {
  int lineNum = 1;
  int lineStart = 0;
  bool previousWasCR = false;
  for (int i = 0; i < offset; i++) {
    final c = source.codeUnitAt(i);
    if (c == 0x0a) {
      if (lineStart != i || !previousWasCR) lineNum++;
      lineStart = i + 1;
      previousWasCR = false;
    } else if (c == 0x0d) {
      lineNum++;
      lineStart = i + 1;
      previousWasCR = true;
    }
  }
  String result = lineNum > 1
      ? "$report (at line $lineNum, character ${offset - lineStart + 1})\n"
      : "$report (at character ${offset + 1})\n";
  int lineEnd = source.length;
  for (int i = offset; i < source.length; i++) {
    final c = source.codeUnitAt(i);
    if (c == 0x0a || c == 0x0d) {
      lineEnd = i;
      break;
    }
  }
  int start = lineStart;
  int end = lineEnd;
  String prefix = "";
  String postfix = "";
  if (lineEnd - lineStart > 78) {
    final index = offset - lineStart;
    if (index < 75) {
      end = start + 75;
      postfix = "...";
    } else if (end - offset < 75) {
      start = end - 75;
      prefix = "...";
    } else {
      start = offset - 36;
      end = offset + 36;
      prefix = "...";
      postfix = "...";
    }
  }
  final slice = source.substring(start, end);
  final mark = offset - start + prefix.length;
  return "$result$prefix$slice$postfix\n${" " * mark}^\n";
}

class IntegerDivisionByZeroException implements Exception, UnsupportedError {
  const IntegerDivisionByZeroException();
  String? get message => "Division resulted in non-finite value";
  String toString() => "IntegerDivisionByZeroException";
}

// ---------------------------------------------------------------------------------------
// Entry points the runtime calls to throw errors it detects.
// ---------------------------------------------------------------------------------------

@pragma('vm:entry-point')
Never _throwIndexError(int index, int length) {
  throw IndexError.withLength(index, length, name: "index");
}

@pragma('vm:entry-point')
Never _throwRangeError(int value, int minValue, int maxValue, String name) {
  throw RangeError.range(value, minValue, maxValue, name);
}

@pragma('vm:entry-point')
Never _throwNullCheckError() {
  throw TypeError._("Null check operator used on a null value");
}

@pragma('vm:entry-point')
Never _throwTypeError(String message) {
  throw TypeError._(message);
}

@pragma('vm:entry-point')
Never _throwNoSuchMethod(Object? receiver, String name, int kind, List<Object?> arguments, List<String> names,
    [List<Object?> typeArguments = const <Object?>[]]) {
  throw NoSuchMethodError._(receiver, _invocationOf(name, kind, arguments, names, typeArguments));
}

/// A failed dynamic call on an object whose class declares `noSuchMethod`: the runtime
/// calls this (`runtime::errors::forward_to_no_such_method`) and the call's value is what
/// `noSuchMethod` returns.
@pragma('vm:entry-point')
Object? _forwardNoSuchMethod(Object receiver, String name, int kind, List<Object?> arguments, List<String> names,
    [List<Object?> typeArguments = const <Object?>[]]) {
  return receiver.noSuchMethod(_invocationOf(name, kind, arguments, names, typeArguments));
}

/// The `Invocation` of a dynamic call: `arguments` are the positional ones followed by
/// the values of the named ones, whose names are `names`; a setter's name is `x=`;
/// `typeArguments` are the `Type`s a generic call passed.
Invocation _invocationOf(String name, int kind, List<Object?> arguments, List<String> names,
    [List<Object?> typeArguments = const <Object?>[]]) {
  final positionalCount = arguments.length - names.length;
  final named = <Symbol, Object?>{};
  for (int i = 0; i < names.length; i++) {
    named[Symbol(names[i])] = arguments[positionalCount + i];
  }
  final member = Symbol(kind == 2 ? "$name=" : name);
  final types = typeArguments.isEmpty
      ? const <Type>[]
      : List<Type>.unmodifiable(<Type>[for (final t in typeArguments) t as Type]);
  return _Invocation(member, kind, types,
      List<Object?>.unmodifiable(arguments.sublist(0, positionalCount)),
      Map<Symbol, Object?>.unmodifiable(named));
}

@pragma('vm:entry-point')
Never _throwIntegerDivisionByZero() {
  throw const IntegerDivisionByZeroException();
}

@pragma('vm:entry-point')
Never _throwStackOverflow() {
  throw StackOverflowError();
}

@pragma('vm:entry-point')
Never _throwArgumentError(Object? value, String? name, String? message) {
  throw ArgumentError.value(value, name, message);
}

@pragma('vm:entry-point')
Never _throwUnsupported(String message) {
  throw UnsupportedError(message);
}

@pragma('vm:entry-point')
Never _throwStateError(String message) {
  throw StateError(message);
}

@pragma('vm:entry-point')
Never _throwLateInitializationError(String message) {
  throw LateInitializationError(message);
}

@pragma('vm:entry-point')
Never _throwFormatException(String message, Object? source, int? offset) {
  throw FormatException(message, source, offset);
}

@pragma('vm:entry-point')
Never _throwConcurrentModification(Object? modified) {
  throw ConcurrentModificationError(modified);
}

@pragma('vm:entry-point')
Never _throwAssertionError(Object? message) {
  throw AssertionError(message);
}

@pragma('vm:entry-point')
Never _throwOutOfMemory() {
  throw OutOfMemoryError();
}

// ---------------------------------------------------------------------------------------
// Entry points for the runtime's natives (see vm/src/runtime/natives).
// ---------------------------------------------------------------------------------------

/// A failed `assert`, printed as the Dart VM does:
/// `'file:///a.dart': Failed assertion: line 3 pos 10: 'x > 0': is not true.`
class _AssertionFailure extends AssertionError {
  final String _where;
  _AssertionFailure(this._where, Object? message) : super(message);
  String toString() {
    final m = message;
    if (m == null) return "${_where}is not true.";
    if (m is String) return "$_where$m";
    return "$_where${Error.safeToString(m)}";
  }
}

@pragma('vm:entry-point')
Never _throwAssertionFailure(String where, Object? message) {
  throw _AssertionFailure(where, message);
}

@pragma('vm:entry-point')
Never _throwRangeErrorFull(int? value, int? start, int? end, String? name, String? message) {
  if (value == null) throw RangeError(message);
  if (start == null && end == null) throw RangeError.value(value, name, message);
  throw RangeError.range(value, start, end, name, message);
}

@pragma('vm:entry-point')
Never _throwTypeErrorFor(Object? value, String expected) {
  throw TypeError._("type '${value.runtimeType}' is not a subtype of type '$expected'");
}

@pragma('vm:entry-point')
Never _throwException(String message) {
  throw Exception(message);
}

