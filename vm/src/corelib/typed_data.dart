// dart:typed_data for dartrs.
//
// Every typed list, view and ByteData is a Dart object over a byte store: a raw heap
// object (`_ByteStore`, class id CID_BYTES) that the collector copies without scanning.
// `Uint8List(n)` makes a store of its own; `buffer.asInt32List()`, `Int32List.view` and
// `sublistView` make views sharing their buffer's store. Element reads and writes are
// natives that check the index (with the Dart VM's IndexError), wrap or clamp integers
// and convert doubles exactly as the VM's typed data does. The class names follow the
// Dart VM's (`_Uint8List`, `_Uint8ArrayView`, `_ByteDataView`, ...), since they show in
// `runtimeType` and error messages.

import 'dart:collection' show ListBase;
import 'dart:math' show Random;
import 'dart:math' as math;

/// The raw bytes behind typed data. Made only by the runtime (`_newStore`).
final class _ByteStore {
  _ByteStore._();
}

@pragma('vm:external-name', 'Bytes_new')
external _ByteStore _newStore(int lengthInBytes);

@pragma('vm:external-name', 'Bytes_length')
external int _storeLength(_ByteStore store);

/// A Uint8List over a whole store the runtime filled (dart:io's reads call this by name).
@pragma('vm:entry-point')
Uint8List _uint8ListOfStore(_ByteStore store) => _Uint8List._(store, 0, _storeLength(store));

@pragma('vm:external-name', 'Bytes_copy')
external void _copyBytes(_ByteStore from, int fromOffset, _ByteStore to, int toOffset, int count);

@pragma('vm:external-name', 'Bytes_getInt')
external int _storeGetInt(_ByteStore store, int byteOffset, int kind, bool littleEndian);

@pragma('vm:external-name', 'Bytes_setInt')
external void _storeSetInt(_ByteStore store, int byteOffset, int kind, int value, bool littleEndian);

@pragma('vm:external-name', 'Bytes_getFloat')
external double _storeGetFloat(_ByteStore store, int byteOffset, int kind, bool littleEndian);

@pragma('vm:external-name', 'Bytes_setFloat')
external void _storeSetFloat(_ByteStore store, int byteOffset, int kind, double value, bool littleEndian);

@pragma('vm:external-name', 'TypedData_getInt')
external int _getIndexedInt(_ByteStore store, int offsetInBytes, int length, int index, int kind);

@pragma('vm:external-name', 'TypedData_setInt')
external void _setIndexedInt(_ByteStore store, int offsetInBytes, int length, int index, int kind, int value);

@pragma('vm:external-name', 'TypedData_getFloat')
external double _getIndexedFloat(_ByteStore store, int offsetInBytes, int length, int index, int kind);

@pragma('vm:external-name', 'TypedData_setFloat')
external void _setIndexedFloat(_ByteStore store, int offsetInBytes, int length, int index, int kind, double value);

/// Stores `count` ints of `source[skip..]` (a plain `List<int>`) as elements of `kind`
/// from `byteOffset`; false when `source` is not a built-in list of ints (the caller
/// then copies element by element).
@pragma('vm:external-name', 'TypedData_setFromList')
external bool _setFromList(_ByteStore store, int byteOffset, int kind, List source, int skip, int count);

// Element kinds, as the natives number them.
const int _kInt8 = 0;
const int _kUint8 = 1;
const int _kUint8Clamped = 2;
const int _kInt16 = 3;
const int _kUint16 = 4;
const int _kInt32 = 5;
const int _kUint32 = 6;
const int _kInt64 = 7;
const int _kUint64 = 8;
const int _kFloat32 = 9;
const int _kFloat64 = 10;

/// The Dart VM's largest typed-data length in bytes (its Smi maximum).
const int _maxLengthInBytes = 4611686018427387903;

/// The Dart VM's checks on a new list's length: negative is a RangeError, more than
/// the VM could ever allocate an OutOfMemoryError.
int _checkLength(int length, int elementSize) {
  final max = _maxLengthInBytes ~/ elementSize;
  if (length < 0) throw RangeError.range(length, 0, max, "length");
  if (length > max) throw OutOfMemoryError();
  return length;
}

void _rangeCheck(int listLength, int start, int length) {
  if (length < 0) {
    throw RangeError.value(length);
  }
  if (start < 0) {
    throw RangeError.value(start);
  }
  if (start + length > listLength) {
    throw RangeError.value(start + length);
  }
}

void _offsetAlignmentCheck(int offset, int alignment) {
  if ((offset % alignment) != 0) {
    throw RangeError('Offset ($offset) must be a multiple of BYTES_PER_ELEMENT ($alignment)');
  }
}

// ---------------------------------------------------------------------------------------
// Endian, TypedData, ByteBuffer
// ---------------------------------------------------------------------------------------

final class Endian {
  final bool _littleEndian;
  const Endian._(this._littleEndian);

  static const Endian big = Endian._(false);
  static const Endian little = Endian._(true);
  static const Endian host = little;
}

abstract final class TypedData {
  int get elementSizeInBytes;
  int get offsetInBytes;
  int get lengthInBytes;
  ByteBuffer get buffer;
}

abstract final class ByteBuffer {
  int get lengthInBytes;
  Uint8List asUint8List([int offsetInBytes = 0, int? length]);
  Int8List asInt8List([int offsetInBytes = 0, int? length]);
  Uint8ClampedList asUint8ClampedList([int offsetInBytes = 0, int? length]);
  Uint16List asUint16List([int offsetInBytes = 0, int? length]);
  Int16List asInt16List([int offsetInBytes = 0, int? length]);
  Uint32List asUint32List([int offsetInBytes = 0, int? length]);
  Int32List asInt32List([int offsetInBytes = 0, int? length]);
  Uint64List asUint64List([int offsetInBytes = 0, int? length]);
  Int64List asInt64List([int offsetInBytes = 0, int? length]);
  Float32List asFloat32List([int offsetInBytes = 0, int? length]);
  Float64List asFloat64List([int offsetInBytes = 0, int? length]);
  Float32x4List asFloat32x4List([int offsetInBytes = 0, int? length]);
  Int32x4List asInt32x4List([int offsetInBytes = 0, int? length]);
  Float64x2List asFloat64x2List([int offsetInBytes = 0, int? length]);
  ByteData asByteData([int offsetInBytes = 0, int? length]);
}

abstract final class UnmodifiableByteBufferView implements ByteBuffer {
  factory UnmodifiableByteBufferView(ByteBuffer data) =>
      _UnmodifiableByteBufferView((data as _ByteBuffer)._store);
}

final class _ByteBuffer implements ByteBuffer {
  final _ByteStore _store;
  final bool _readOnly;

  _ByteBuffer(_ByteStore store) : this._(store, false);
  _ByteBuffer._(this._store, this._readOnly);

  int get lengthInBytes => _storeLength(_store);
  int get hashCode => identityHashCode(_store);
  bool operator ==(Object other) => other is _ByteBuffer && identical(_store, other._store);

  ByteData asByteData([int offsetInBytes = 0, int? length]) {
    length ??= lengthInBytes - offsetInBytes;
    _rangeCheck(lengthInBytes, offsetInBytes, length);
    if (_readOnly) return _UnmodifiableByteDataView._(_store, offsetInBytes, length);
    return _ByteDataView._(_store, offsetInBytes, length);
  }

  Int8List asInt8List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 1;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 1);
    if (_readOnly) return _UnmodifiableInt8ArrayView._(_store, offsetInBytes, length);
    return _Int8ArrayView._(_store, offsetInBytes, length);
  }

  Uint8List asUint8List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 1;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 1);
    if (_readOnly) return _UnmodifiableUint8ArrayView._(_store, offsetInBytes, length);
    return _Uint8ArrayView._(_store, offsetInBytes, length);
  }

  Uint8ClampedList asUint8ClampedList([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 1;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 1);
    if (_readOnly) return _UnmodifiableUint8ClampedArrayView._(_store, offsetInBytes, length);
    return _Uint8ClampedArrayView._(_store, offsetInBytes, length);
  }

  Int16List asInt16List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 2;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 2);
    _offsetAlignmentCheck(offsetInBytes, 2);
    if (_readOnly) return _UnmodifiableInt16ArrayView._(_store, offsetInBytes, length);
    return _Int16ArrayView._(_store, offsetInBytes, length);
  }

  Uint16List asUint16List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 2;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 2);
    _offsetAlignmentCheck(offsetInBytes, 2);
    if (_readOnly) return _UnmodifiableUint16ArrayView._(_store, offsetInBytes, length);
    return _Uint16ArrayView._(_store, offsetInBytes, length);
  }

  Int32List asInt32List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 4;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 4);
    _offsetAlignmentCheck(offsetInBytes, 4);
    if (_readOnly) return _UnmodifiableInt32ArrayView._(_store, offsetInBytes, length);
    return _Int32ArrayView._(_store, offsetInBytes, length);
  }

  Uint32List asUint32List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 4;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 4);
    _offsetAlignmentCheck(offsetInBytes, 4);
    if (_readOnly) return _UnmodifiableUint32ArrayView._(_store, offsetInBytes, length);
    return _Uint32ArrayView._(_store, offsetInBytes, length);
  }

  Int64List asInt64List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 8;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 8);
    _offsetAlignmentCheck(offsetInBytes, 8);
    if (_readOnly) return _UnmodifiableInt64ArrayView._(_store, offsetInBytes, length);
    return _Int64ArrayView._(_store, offsetInBytes, length);
  }

  Uint64List asUint64List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 8;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 8);
    _offsetAlignmentCheck(offsetInBytes, 8);
    if (_readOnly) return _UnmodifiableUint64ArrayView._(_store, offsetInBytes, length);
    return _Uint64ArrayView._(_store, offsetInBytes, length);
  }

  Float32List asFloat32List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 4;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 4);
    _offsetAlignmentCheck(offsetInBytes, 4);
    if (_readOnly) return _UnmodifiableFloat32ArrayView._(_store, offsetInBytes, length);
    return _Float32ArrayView._(_store, offsetInBytes, length);
  }

  Float64List asFloat64List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 8;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 8);
    _offsetAlignmentCheck(offsetInBytes, 8);
    if (_readOnly) return _UnmodifiableFloat64ArrayView._(_store, offsetInBytes, length);
    return _Float64ArrayView._(_store, offsetInBytes, length);
  }
  Float32x4List asFloat32x4List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 16;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 16);
    _offsetAlignmentCheck(offsetInBytes, 16);
    if (_readOnly) return _UnmodifiableFloat32x4ListView._(_store, offsetInBytes, length);
    return _Float32x4ListView._(_store, offsetInBytes, length);
  }

  Int32x4List asInt32x4List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 16;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 16);
    _offsetAlignmentCheck(offsetInBytes, 16);
    if (_readOnly) return _UnmodifiableInt32x4ListView._(_store, offsetInBytes, length);
    return _Int32x4ListView._(_store, offsetInBytes, length);
  }

  Float64x2List asFloat64x2List([int offsetInBytes = 0, int? length]) {
    length ??= (lengthInBytes - offsetInBytes) ~/ 16;
    _rangeCheck(lengthInBytes, offsetInBytes, length * 16);
    _offsetAlignmentCheck(offsetInBytes, 16);
    if (_readOnly) return _UnmodifiableFloat64x2ListView._(_store, offsetInBytes, length);
    return _Float64x2ListView._(_store, offsetInBytes, length);
  }
}

final class _UnmodifiableByteBufferView extends _ByteBuffer {
  _UnmodifiableByteBufferView(_ByteStore store) : super._(store, true);
}

// ---------------------------------------------------------------------------------------
// Int8List
// ---------------------------------------------------------------------------------------

abstract final class Int8List implements List<int>, TypedData {
  static const int bytesPerElement = 1;

  factory Int8List(int length) => _Int8List._(_newStore(_checkLength(length, 1) * 1), 0, length);

  factory Int8List.fromList(List<int> elements) =>
      Int8List(elements.length)..setRange(0, elements.length, elements);

  factory Int8List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asInt8List(offsetInBytes, length);

  factory Int8List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    return data.buffer.asInt8List(data.offsetInBytes + start * elementSize, (end - start) * elementSize);
  }

  Int8List sublist(int start, [int? end]);

  Int8List asUnmodifiableView();
}

final class _Int8List extends _IntList implements Int8List {
  _Int8List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 0);

  int get elementSizeInBytes => 1;

  Int8List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Int8List._(_newStore(count * 1), 0, count);
    _copyBytes(_store, offsetInBytes + start * 1, result._store, 0, count * 1);
    return result;
  }

  Int8List asUnmodifiableView() => _UnmodifiableInt8ArrayView._(_store, offsetInBytes, length);
}

final class _Int8ArrayView extends _Int8List {
  _Int8ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableInt8ArrayView extends _Int8ArrayView {
  _UnmodifiableInt8ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Int8List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Uint8List
// ---------------------------------------------------------------------------------------

abstract final class Uint8List implements List<int>, TypedData {
  static const int bytesPerElement = 1;

  factory Uint8List(int length) => _Uint8List._(_newStore(_checkLength(length, 1) * 1), 0, length);

  factory Uint8List.fromList(List<int> elements) =>
      Uint8List(elements.length)..setRange(0, elements.length, elements);

  factory Uint8List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asUint8List(offsetInBytes, length);

  factory Uint8List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    return data.buffer.asUint8List(data.offsetInBytes + start * elementSize, (end - start) * elementSize);
  }

  Uint8List sublist(int start, [int? end]);

  Uint8List asUnmodifiableView();
}

final class _Uint8List extends _IntList implements Uint8List {
  _Uint8List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 1);

  int get elementSizeInBytes => 1;

  Uint8List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Uint8List._(_newStore(count * 1), 0, count);
    _copyBytes(_store, offsetInBytes + start * 1, result._store, 0, count * 1);
    return result;
  }

  Uint8List asUnmodifiableView() => _UnmodifiableUint8ArrayView._(_store, offsetInBytes, length);
}

final class _Uint8ArrayView extends _Uint8List {
  _Uint8ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableUint8ArrayView extends _Uint8ArrayView {
  _UnmodifiableUint8ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Uint8List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Uint8ClampedList
// ---------------------------------------------------------------------------------------

abstract final class Uint8ClampedList implements List<int>, TypedData {
  static const int bytesPerElement = 1;

  factory Uint8ClampedList(int length) => _Uint8ClampedList._(_newStore(_checkLength(length, 1) * 1), 0, length);

  factory Uint8ClampedList.fromList(List<int> elements) =>
      Uint8ClampedList(elements.length)..setRange(0, elements.length, elements);

  factory Uint8ClampedList.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asUint8ClampedList(offsetInBytes, length);

  factory Uint8ClampedList.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    return data.buffer.asUint8ClampedList(data.offsetInBytes + start * elementSize, (end - start) * elementSize);
  }

  Uint8ClampedList sublist(int start, [int? end]);

  Uint8ClampedList asUnmodifiableView();
}

final class _Uint8ClampedList extends _IntList implements Uint8ClampedList {
  _Uint8ClampedList._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 2);

  int get elementSizeInBytes => 1;

  Uint8ClampedList sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Uint8ClampedList._(_newStore(count * 1), 0, count);
    _copyBytes(_store, offsetInBytes + start * 1, result._store, 0, count * 1);
    return result;
  }

  Uint8ClampedList asUnmodifiableView() => _UnmodifiableUint8ClampedArrayView._(_store, offsetInBytes, length);
}

final class _Uint8ClampedArrayView extends _Uint8ClampedList {
  _Uint8ClampedArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableUint8ClampedArrayView extends _Uint8ClampedArrayView {
  _UnmodifiableUint8ClampedArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Uint8ClampedList asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Int16List
// ---------------------------------------------------------------------------------------

abstract final class Int16List implements List<int>, TypedData {
  static const int bytesPerElement = 2;

  factory Int16List(int length) => _Int16List._(_newStore(_checkLength(length, 2) * 2), 0, length);

  factory Int16List.fromList(List<int> elements) =>
      Int16List(elements.length)..setRange(0, elements.length, elements);

  factory Int16List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asInt16List(offsetInBytes, length);

  factory Int16List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    final byteLength = (end - start) * elementSize;
    if (byteLength % bytesPerElement != 0) {
      throw ArgumentError("The number of bytes to view must be a multiple of $bytesPerElement");
    }
    return data.buffer.asInt16List(data.offsetInBytes + start * elementSize, byteLength ~/ bytesPerElement);
  }

  Int16List sublist(int start, [int? end]);

  Int16List asUnmodifiableView();
}

final class _Int16List extends _IntList implements Int16List {
  _Int16List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 3);

  int get elementSizeInBytes => 2;

  Int16List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Int16List._(_newStore(count * 2), 0, count);
    _copyBytes(_store, offsetInBytes + start * 2, result._store, 0, count * 2);
    return result;
  }

  Int16List asUnmodifiableView() => _UnmodifiableInt16ArrayView._(_store, offsetInBytes, length);
}

final class _Int16ArrayView extends _Int16List {
  _Int16ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableInt16ArrayView extends _Int16ArrayView {
  _UnmodifiableInt16ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Int16List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Uint16List
// ---------------------------------------------------------------------------------------

abstract final class Uint16List implements List<int>, TypedData {
  static const int bytesPerElement = 2;

  factory Uint16List(int length) => _Uint16List._(_newStore(_checkLength(length, 2) * 2), 0, length);

  factory Uint16List.fromList(List<int> elements) =>
      Uint16List(elements.length)..setRange(0, elements.length, elements);

  factory Uint16List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asUint16List(offsetInBytes, length);

  factory Uint16List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    final byteLength = (end - start) * elementSize;
    if (byteLength % bytesPerElement != 0) {
      throw ArgumentError("The number of bytes to view must be a multiple of $bytesPerElement");
    }
    return data.buffer.asUint16List(data.offsetInBytes + start * elementSize, byteLength ~/ bytesPerElement);
  }

  Uint16List sublist(int start, [int? end]);

  Uint16List asUnmodifiableView();
}

final class _Uint16List extends _IntList implements Uint16List {
  _Uint16List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 4);

  int get elementSizeInBytes => 2;

  Uint16List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Uint16List._(_newStore(count * 2), 0, count);
    _copyBytes(_store, offsetInBytes + start * 2, result._store, 0, count * 2);
    return result;
  }

  Uint16List asUnmodifiableView() => _UnmodifiableUint16ArrayView._(_store, offsetInBytes, length);
}

final class _Uint16ArrayView extends _Uint16List {
  _Uint16ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableUint16ArrayView extends _Uint16ArrayView {
  _UnmodifiableUint16ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Uint16List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Int32List
// ---------------------------------------------------------------------------------------

abstract final class Int32List implements List<int>, TypedData {
  static const int bytesPerElement = 4;

  factory Int32List(int length) => _Int32List._(_newStore(_checkLength(length, 4) * 4), 0, length);

  factory Int32List.fromList(List<int> elements) =>
      Int32List(elements.length)..setRange(0, elements.length, elements);

  factory Int32List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asInt32List(offsetInBytes, length);

  factory Int32List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    final byteLength = (end - start) * elementSize;
    if (byteLength % bytesPerElement != 0) {
      throw ArgumentError("The number of bytes to view must be a multiple of $bytesPerElement");
    }
    return data.buffer.asInt32List(data.offsetInBytes + start * elementSize, byteLength ~/ bytesPerElement);
  }

  Int32List sublist(int start, [int? end]);

  Int32List asUnmodifiableView();
}

final class _Int32List extends _IntList implements Int32List {
  _Int32List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 5);

  int get elementSizeInBytes => 4;

  Int32List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Int32List._(_newStore(count * 4), 0, count);
    _copyBytes(_store, offsetInBytes + start * 4, result._store, 0, count * 4);
    return result;
  }

  Int32List asUnmodifiableView() => _UnmodifiableInt32ArrayView._(_store, offsetInBytes, length);
}

final class _Int32ArrayView extends _Int32List {
  _Int32ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableInt32ArrayView extends _Int32ArrayView {
  _UnmodifiableInt32ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Int32List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Uint32List
// ---------------------------------------------------------------------------------------

abstract final class Uint32List implements List<int>, TypedData {
  static const int bytesPerElement = 4;

  factory Uint32List(int length) => _Uint32List._(_newStore(_checkLength(length, 4) * 4), 0, length);

  factory Uint32List.fromList(List<int> elements) =>
      Uint32List(elements.length)..setRange(0, elements.length, elements);

  factory Uint32List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asUint32List(offsetInBytes, length);

  factory Uint32List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    final byteLength = (end - start) * elementSize;
    if (byteLength % bytesPerElement != 0) {
      throw ArgumentError("The number of bytes to view must be a multiple of $bytesPerElement");
    }
    return data.buffer.asUint32List(data.offsetInBytes + start * elementSize, byteLength ~/ bytesPerElement);
  }

  Uint32List sublist(int start, [int? end]);

  Uint32List asUnmodifiableView();
}

final class _Uint32List extends _IntList implements Uint32List {
  _Uint32List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 6);

  int get elementSizeInBytes => 4;

  Uint32List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Uint32List._(_newStore(count * 4), 0, count);
    _copyBytes(_store, offsetInBytes + start * 4, result._store, 0, count * 4);
    return result;
  }

  Uint32List asUnmodifiableView() => _UnmodifiableUint32ArrayView._(_store, offsetInBytes, length);
}

final class _Uint32ArrayView extends _Uint32List {
  _Uint32ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableUint32ArrayView extends _Uint32ArrayView {
  _UnmodifiableUint32ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Uint32List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Int64List
// ---------------------------------------------------------------------------------------

abstract final class Int64List implements List<int>, TypedData {
  static const int bytesPerElement = 8;

  factory Int64List(int length) => _Int64List._(_newStore(_checkLength(length, 8) * 8), 0, length);

  factory Int64List.fromList(List<int> elements) =>
      Int64List(elements.length)..setRange(0, elements.length, elements);

  factory Int64List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asInt64List(offsetInBytes, length);

  factory Int64List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    final byteLength = (end - start) * elementSize;
    if (byteLength % bytesPerElement != 0) {
      throw ArgumentError("The number of bytes to view must be a multiple of $bytesPerElement");
    }
    return data.buffer.asInt64List(data.offsetInBytes + start * elementSize, byteLength ~/ bytesPerElement);
  }

  Int64List sublist(int start, [int? end]);

  Int64List asUnmodifiableView();
}

final class _Int64List extends _IntList implements Int64List {
  _Int64List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 7);

  int get elementSizeInBytes => 8;

  Int64List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Int64List._(_newStore(count * 8), 0, count);
    _copyBytes(_store, offsetInBytes + start * 8, result._store, 0, count * 8);
    return result;
  }

  Int64List asUnmodifiableView() => _UnmodifiableInt64ArrayView._(_store, offsetInBytes, length);
}

final class _Int64ArrayView extends _Int64List {
  _Int64ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableInt64ArrayView extends _Int64ArrayView {
  _UnmodifiableInt64ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Int64List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Uint64List
// ---------------------------------------------------------------------------------------

abstract final class Uint64List implements List<int>, TypedData {
  static const int bytesPerElement = 8;

  factory Uint64List(int length) => _Uint64List._(_newStore(_checkLength(length, 8) * 8), 0, length);

  factory Uint64List.fromList(List<int> elements) =>
      Uint64List(elements.length)..setRange(0, elements.length, elements);

  factory Uint64List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asUint64List(offsetInBytes, length);

  factory Uint64List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    final byteLength = (end - start) * elementSize;
    if (byteLength % bytesPerElement != 0) {
      throw ArgumentError("The number of bytes to view must be a multiple of $bytesPerElement");
    }
    return data.buffer.asUint64List(data.offsetInBytes + start * elementSize, byteLength ~/ bytesPerElement);
  }

  Uint64List sublist(int start, [int? end]);

  Uint64List asUnmodifiableView();
}

final class _Uint64List extends _IntList implements Uint64List {
  _Uint64List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 8);

  int get elementSizeInBytes => 8;

  Uint64List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Uint64List._(_newStore(count * 8), 0, count);
    _copyBytes(_store, offsetInBytes + start * 8, result._store, 0, count * 8);
    return result;
  }

  Uint64List asUnmodifiableView() => _UnmodifiableUint64ArrayView._(_store, offsetInBytes, length);
}

final class _Uint64ArrayView extends _Uint64List {
  _Uint64ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableUint64ArrayView extends _Uint64ArrayView {
  _UnmodifiableUint64ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, int value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Uint64List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Float32List
// ---------------------------------------------------------------------------------------

abstract final class Float32List implements List<double>, TypedData {
  static const int bytesPerElement = 4;

  factory Float32List(int length) => _Float32List._(_newStore(_checkLength(length, 4) * 4), 0, length);

  factory Float32List.fromList(List<double> elements) =>
      Float32List(elements.length)..setRange(0, elements.length, elements);

  factory Float32List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asFloat32List(offsetInBytes, length);

  factory Float32List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    final byteLength = (end - start) * elementSize;
    if (byteLength % bytesPerElement != 0) {
      throw ArgumentError("The number of bytes to view must be a multiple of $bytesPerElement");
    }
    return data.buffer.asFloat32List(data.offsetInBytes + start * elementSize, byteLength ~/ bytesPerElement);
  }

  Float32List sublist(int start, [int? end]);

  Float32List asUnmodifiableView();
}

final class _Float32List extends _DoubleList implements Float32List {
  _Float32List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 9);

  int get elementSizeInBytes => 4;

  Float32List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Float32List._(_newStore(count * 4), 0, count);
    _copyBytes(_store, offsetInBytes + start * 4, result._store, 0, count * 4);
    return result;
  }

  Float32List asUnmodifiableView() => _UnmodifiableFloat32ArrayView._(_store, offsetInBytes, length);
}

final class _Float32ArrayView extends _Float32List {
  _Float32ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableFloat32ArrayView extends _Float32ArrayView {
  _UnmodifiableFloat32ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, double value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Float32List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// Float64List
// ---------------------------------------------------------------------------------------

abstract final class Float64List implements List<double>, TypedData {
  static const int bytesPerElement = 8;

  factory Float64List(int length) => _Float64List._(_newStore(_checkLength(length, 8) * 8), 0, length);

  factory Float64List.fromList(List<double> elements) =>
      Float64List(elements.length)..setRange(0, elements.length, elements);

  factory Float64List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asFloat64List(offsetInBytes, length);

  factory Float64List.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    final byteLength = (end - start) * elementSize;
    if (byteLength % bytesPerElement != 0) {
      throw ArgumentError("The number of bytes to view must be a multiple of $bytesPerElement");
    }
    return data.buffer.asFloat64List(data.offsetInBytes + start * elementSize, byteLength ~/ bytesPerElement);
  }

  Float64List sublist(int start, [int? end]);

  Float64List asUnmodifiableView();
}

final class _Float64List extends _DoubleList implements Float64List {
  _Float64List._(_ByteStore store, int offsetInBytes, int length) : super(store, offsetInBytes, length, 10);

  int get elementSizeInBytes => 8;

  Float64List sublist(int start, [int? end]) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final result = _Float64List._(_newStore(count * 8), 0, count);
    _copyBytes(_store, offsetInBytes + start * 8, result._store, 0, count * 8);
    return result;
  }

  Float64List asUnmodifiableView() => _UnmodifiableFloat64ArrayView._(_store, offsetInBytes, length);
}

final class _Float64ArrayView extends _Float64List {
  _Float64ArrayView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableFloat64ArrayView extends _Float64ArrayView {
  _UnmodifiableFloat64ArrayView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  void operator []=(int index, double value) {
    throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  Float64List asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// The shared implementation of the typed lists
// ---------------------------------------------------------------------------------------

abstract final class _TypedListBase<E> extends ListBase<E> implements TypedData {
  final _ByteStore _store;
  final int offsetInBytes;
  final int _length;
  final int _kind;

  _TypedListBase(this._store, this.offsetInBytes, this._length, this._kind);

  int get elementSizeInBytes;
  bool get _readOnly => false;

  int get length => _length;
  int get lengthInBytes => _length * elementSizeInBytes;
  ByteBuffer get buffer => _readOnly ? _UnmodifiableByteBufferView(_store) : _ByteBuffer(_store);

  set length(int newLength) {
    throw UnsupportedError("Cannot resize a fixed-length list");
  }

  void _checkWritable() {
    if (_readOnly) throw UnsupportedError("Cannot modify an unmodifiable list");
  }

  void add(E value) {
    throw UnsupportedError("Cannot add to a fixed-length list");
  }

  void addAll(Iterable<E> value) {
    throw UnsupportedError("Cannot add to a fixed-length list");
  }

  void insert(int index, E value) {
    throw UnsupportedError("Cannot insert into a fixed-length list");
  }

  void insertAll(int index, Iterable<E> values) {
    throw UnsupportedError("Cannot insert into a fixed-length list");
  }

  void clear() {
    throw UnsupportedError("Cannot remove from a fixed-length list");
  }

  bool remove(Object? element) {
    throw UnsupportedError("Cannot remove from a fixed-length list");
  }

  E removeLast() {
    throw UnsupportedError("Cannot remove from a fixed-length list");
  }

  E removeAt(int index) {
    throw UnsupportedError("Cannot remove from a fixed-length list");
  }

  void removeRange(int start, int end) {
    throw UnsupportedError("Cannot remove from a fixed-length list");
  }

  void removeWhere(bool Function(E element) test) {
    throw UnsupportedError("Cannot remove from a fixed-length list");
  }

  void retainWhere(bool Function(E element) test) {
    throw UnsupportedError("Cannot remove from a fixed-length list");
  }

  void replaceRange(int start, int end, Iterable<E> iterable) {
    throw UnsupportedError("Cannot remove from a fixed-length list");
  }

  E get first {
    if (length > 0) return this[0];
    throw IterableElementError.noElement();
  }

  set first(E value) {
    if (length == 0) throw IterableElementError.tooFew();
    this[0] = value;
  }

  E get last {
    if (length > 0) return this[length - 1];
    throw IterableElementError.noElement();
  }

  set last(E value) {
    if (length == 0) throw IterableElementError.tooFew();
    this[length - 1] = value;
  }

  void fillRange(int start, int end, [E? fillValue]) {
    RangeError.checkValidRange(start, end, length);
    if (start == end) return;
    if (fillValue == null) {
      throw ArgumentError.notNull("fillValue");
    }
    for (int i = start; i < end; i++) {
      this[i] = fillValue;
    }
  }

  void setAll(int index, Iterable<E> iterable) {
    final end = iterable.length + index;
    setRange(index, end, iterable);
  }

  /// Whether `from`'s bytes can be copied as they are into this list: same element
  /// size and representation (a signed source into a clamped list needs clamping).
  bool _sameRepresentation(_TypedListBase from) {
    if (from.elementSizeInBytes != elementSizeInBytes) return false;
    if (_kind >= _kFloat32x4 || from._kind >= _kFloat32x4) return from._kind == _kind;
    if ((from._kind >= _kFloat32) != (_kind >= _kFloat32)) return false;
    return !(_kind == _kUint8Clamped && from._kind == _kInt8);
  }

  void setRange(int start, int end, Iterable<E> from, [int skipCount = 0]) {
    _checkWritable();
    if (0 > start || start > end || end > length) {
      RangeError.checkValidRange(start, end, length);
    }
    if (skipCount < 0) {
      throw RangeError.range(skipCount, 0, null, "skipCount");
    }
    final count = end - start;
    final size = elementSizeInBytes;
    if (from is _TypedListBase) {
      final typed = from as _TypedListBase;
      if (typed.length - skipCount < count) throw IterableElementError.tooFew();
      if (count == 0) return;
      if (_sameRepresentation(typed)) {
        _copyBytes(typed._store, typed.offsetInBytes + skipCount * size, _store,
            offsetInBytes + start * size, count * size);
        return;
      }
      if (identical(typed._store, _store)) {
        // Overlapping views of one buffer with different element types: go through a copy.
        final copy = List<E>.of(from.skip(skipCount).take(count), growable: false);
        for (int i = 0; i < count; i++) {
          this[start + i] = copy[i];
        }
        return;
      }
    }
    List<E> source;
    int sourceStart;
    if (from is List<E>) {
      source = from;
      sourceStart = skipCount;
    } else {
      source = from.skip(skipCount).toList(growable: false);
      sourceStart = 0;
    }
    if (sourceStart + count > source.length) throw IterableElementError.tooFew();
    if (count == 0) return;
    if (_kind < _kFloat32x4 &&
        _setFromList(_store, offsetInBytes + start * size, _kind, source, sourceStart, count)) {
      return;
    }
    if (identical(source, this) && sourceStart < start) {
      for (int i = count - 1; i >= 0; i--) {
        this[start + i] = source[sourceStart + i];
      }
    } else {
      for (int i = 0; i < count; i++) {
        this[start + i] = source[sourceStart + i];
      }
    }
  }

  void sort([int Function(E a, E b)? compare]) {
    _checkWritable();
    final copy = List<E>.of(this, growable: false);
    copy.sort(compare);
    setRange(0, length, copy);
  }

  void shuffle([Random? random]) {
    _checkWritable();
    final copy = List<E>.of(this, growable: false);
    copy.shuffle(random);
    setRange(0, length, copy);
  }

  String toString() => ListBase.listToString(this);
}

abstract final class _IntList extends _TypedListBase<int> {
  _IntList(_ByteStore store, int offsetInBytes, int length, int kind)
      : super(store, offsetInBytes, length, kind);

  int operator [](int index) => _getIndexedInt(_store, offsetInBytes, _length, index, _kind);

  void operator []=(int index, int value) {
    _setIndexedInt(_store, offsetInBytes, _length, index, _kind, value);
  }
}

abstract final class _DoubleList extends _TypedListBase<double> {
  _DoubleList(_ByteStore store, int offsetInBytes, int length, int kind)
      : super(store, offsetInBytes, length, kind);

  double operator [](int index) => _getIndexedFloat(_store, offsetInBytes, _length, index, _kind);

  void operator []=(int index, double value) {
    _setIndexedFloat(_store, offsetInBytes, _length, index, _kind, value);
  }
}

// ---------------------------------------------------------------------------------------
// ByteData
// ---------------------------------------------------------------------------------------

abstract final class ByteData implements TypedData {
  factory ByteData(int length) => _ByteDataView._(_newStore(_checkLength(length, 1)), 0, length);

  factory ByteData.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asByteData(offsetInBytes, length);

  factory ByteData.sublistView(TypedData data, [int start = 0, int? end]) {
    final elementSize = data.elementSizeInBytes;
    end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
    return data.buffer.asByteData(data.offsetInBytes + start * elementSize, (end - start) * elementSize);
  }

  ByteData asUnmodifiableView();
  int getInt8(int byteOffset);
  void setInt8(int byteOffset, int value);
  int getUint8(int byteOffset);
  void setUint8(int byteOffset, int value);
  int getInt16(int byteOffset, [Endian endian = Endian.big]);
  void setInt16(int byteOffset, int value, [Endian endian = Endian.big]);
  int getUint16(int byteOffset, [Endian endian = Endian.big]);
  void setUint16(int byteOffset, int value, [Endian endian = Endian.big]);
  int getInt32(int byteOffset, [Endian endian = Endian.big]);
  void setInt32(int byteOffset, int value, [Endian endian = Endian.big]);
  int getUint32(int byteOffset, [Endian endian = Endian.big]);
  void setUint32(int byteOffset, int value, [Endian endian = Endian.big]);
  int getInt64(int byteOffset, [Endian endian = Endian.big]);
  void setInt64(int byteOffset, int value, [Endian endian = Endian.big]);
  int getUint64(int byteOffset, [Endian endian = Endian.big]);
  void setUint64(int byteOffset, int value, [Endian endian = Endian.big]);
  double getFloat32(int byteOffset, [Endian endian = Endian.big]);
  void setFloat32(int byteOffset, double value, [Endian endian = Endian.big]);
  double getFloat64(int byteOffset, [Endian endian = Endian.big]);
  void setFloat64(int byteOffset, double value, [Endian endian = Endian.big]);
}

abstract final class UnmodifiableByteDataView implements ByteData {
  factory UnmodifiableByteDataView(ByteData data) => data.asUnmodifiableView();
}

final class _ByteDataView implements ByteData {
  final _ByteStore _store;
  final int offsetInBytes;
  final int length;

  _ByteDataView._(this._store, this.offsetInBytes, this.length);

  bool get _readOnly => false;

  ByteBuffer get buffer => _readOnly ? _UnmodifiableByteBufferView(_store) : _ByteBuffer(_store);
  int get lengthInBytes => length;
  int get elementSizeInBytes => 1;

  ByteData asUnmodifiableView() => _UnmodifiableByteDataView._(_store, offsetInBytes, length);

  /// The Dart VM's check: `byteOffset` must be below `limit` (the length minus the
  /// width of the value, plus one).
  int _at(int byteOffset, int limit) {
    if (byteOffset < 0 || byteOffset >= limit) {
      throw IndexError.withLength(byteOffset, limit, indexable: this, name: "byteOffset");
    }
    return offsetInBytes + byteOffset;
  }

  int _getInt(int byteOffset, int width, int kind, Endian endian) =>
      _storeGetInt(_store, _at(byteOffset, length - (width - 1)), kind, endian._littleEndian);

  void _setInt(int byteOffset, int width, int kind, int value, Endian endian) {
    if (_readOnly) throw UnsupportedError("Cannot modify an unmodifiable list");
    final at = _at(byteOffset, length - (width - 1));
    _storeSetInt(_store, at, kind, value, endian._littleEndian);
  }

  int getInt8(int byteOffset) => _getInt(byteOffset, 1, _kInt8, Endian.big);
  void setInt8(int byteOffset, int value) => _setInt(byteOffset, 1, _kInt8, value, Endian.big);
  int getUint8(int byteOffset) => _getInt(byteOffset, 1, _kUint8, Endian.big);
  void setUint8(int byteOffset, int value) => _setInt(byteOffset, 1, _kUint8, value, Endian.big);

  int getInt16(int byteOffset, [Endian endian = Endian.big]) =>
      _getInt(byteOffset, 2, _kInt16, endian);
  void setInt16(int byteOffset, int value, [Endian endian = Endian.big]) =>
      _setInt(byteOffset, 2, _kInt16, value, endian);
  int getUint16(int byteOffset, [Endian endian = Endian.big]) =>
      _getInt(byteOffset, 2, _kUint16, endian);
  void setUint16(int byteOffset, int value, [Endian endian = Endian.big]) =>
      _setInt(byteOffset, 2, _kUint16, value, endian);

  int getInt32(int byteOffset, [Endian endian = Endian.big]) =>
      _getInt(byteOffset, 4, _kInt32, endian);
  void setInt32(int byteOffset, int value, [Endian endian = Endian.big]) =>
      _setInt(byteOffset, 4, _kInt32, value, endian);
  int getUint32(int byteOffset, [Endian endian = Endian.big]) =>
      _getInt(byteOffset, 4, _kUint32, endian);
  void setUint32(int byteOffset, int value, [Endian endian = Endian.big]) =>
      _setInt(byteOffset, 4, _kUint32, value, endian);

  int getInt64(int byteOffset, [Endian endian = Endian.big]) =>
      _getInt(byteOffset, 8, _kInt64, endian);
  void setInt64(int byteOffset, int value, [Endian endian = Endian.big]) =>
      _setInt(byteOffset, 8, _kInt64, value, endian);
  int getUint64(int byteOffset, [Endian endian = Endian.big]) =>
      _getInt(byteOffset, 8, _kUint64, endian);
  void setUint64(int byteOffset, int value, [Endian endian = Endian.big]) =>
      _setInt(byteOffset, 8, _kUint64, value, endian);

  double getFloat32(int byteOffset, [Endian endian = Endian.big]) =>
      _storeGetFloat(_store, _at(byteOffset, length - 3), _kFloat32, endian._littleEndian);
  void setFloat32(int byteOffset, double value, [Endian endian = Endian.big]) {
    if (_readOnly) throw UnsupportedError("Cannot modify an unmodifiable list");
    final at = _at(byteOffset, length - 3);
    _storeSetFloat(_store, at, _kFloat32, value, endian._littleEndian);
  }

  double getFloat64(int byteOffset, [Endian endian = Endian.big]) =>
      _storeGetFloat(_store, _at(byteOffset, length - 7), _kFloat64, endian._littleEndian);
  void setFloat64(int byteOffset, double value, [Endian endian = Endian.big]) {
    if (_readOnly) throw UnsupportedError("Cannot modify an unmodifiable list");
    final at = _at(byteOffset, length - 7);
    _storeSetFloat(_store, at, _kFloat64, value, endian._littleEndian);
  }
}

final class _UnmodifiableByteDataView extends _ByteDataView implements UnmodifiableByteDataView {
  _UnmodifiableByteDataView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  ByteData asUnmodifiableView() => this;
}

// ---------------------------------------------------------------------------------------
// BytesBuilder
// ---------------------------------------------------------------------------------------

/// Accumulates bytes into a `Uint8List`. With `copy: false`, added `Uint8List`s are
/// kept by reference until the bytes are taken, as the SDK's non-copying builder does.
abstract interface class BytesBuilder {
  factory BytesBuilder({bool copy = true}) =>
      copy ? _CopyingBytesBuilder() : _ChunkedBytesBuilder();

  void add(List<int> bytes);
  void addByte(int byte);
  Uint8List takeBytes();
  Uint8List toBytes();
  int get length;
  bool get isEmpty;
  bool get isNotEmpty;
  void clear();
}

final class _CopyingBytesBuilder implements BytesBuilder {
  Uint8List _buffer = Uint8List(0);
  int _length = 0;

  void _reserve(int extra) {
    final needed = _length + extra;
    if (needed <= _buffer.length) return;
    var capacity = _buffer.length < 1024 ? 1024 : _buffer.length * 2;
    while (capacity < needed) {
      capacity *= 2;
    }
    final grown = Uint8List(capacity);
    grown.setRange(0, _length, _buffer);
    _buffer = grown;
  }

  void add(List<int> bytes) {
    _reserve(bytes.length);
    _buffer.setRange(_length, _length + bytes.length, bytes);
    _length += bytes.length;
  }

  void addByte(int byte) {
    _reserve(1);
    _buffer[_length++] = byte;
  }

  Uint8List takeBytes() {
    final bytes = Uint8List.sublistView(_buffer, 0, _length);
    _buffer = Uint8List(0);
    _length = 0;
    return bytes;
  }

  Uint8List toBytes() => Uint8List.fromList(Uint8List.sublistView(_buffer, 0, _length));

  int get length => _length;
  bool get isEmpty => _length == 0;
  bool get isNotEmpty => _length != 0;

  void clear() {
    _buffer = Uint8List(0);
    _length = 0;
  }
}

final class _ChunkedBytesBuilder implements BytesBuilder {
  final List<Uint8List> _chunks = <Uint8List>[];
  int _length = 0;

  void add(List<int> bytes) {
    final chunk = bytes is Uint8List ? bytes : Uint8List.fromList(bytes);
    _chunks.add(chunk);
    _length += chunk.length;
  }

  void addByte(int byte) {
    _chunks.add(Uint8List(1)..[0] = byte);
    _length++;
  }

  Uint8List takeBytes() {
    if (_length == 0) return Uint8List(0);
    final bytes = _chunks.length == 1 ? _chunks[0] : toBytes();
    clear();
    return bytes;
  }

  Uint8List toBytes() {
    final result = Uint8List(_length);
    var offset = 0;
    for (final chunk in _chunks) {
      result.setRange(offset, offset + chunk.length, chunk);
      offset += chunk.length;
    }
    return result;
  }

  int get length => _length;
  bool get isEmpty => _length == 0;
  bool get isNotEmpty => _length != 0;

  void clear() {
    _chunks.clear();
    _length = 0;
  }
}

// ---------------------------------------------------------------------------------------
// SIMD values and their lists. The values are plain Dart objects whose lanes hold exactly
// what the Dart VM's registers would: Float32x4 lanes are rounded to float32, Int32x4
// lanes wrap to 32 bits. Bit reinterpretations and sign masks go through a scratch store.
// ---------------------------------------------------------------------------------------

const int _kFloat32x4 = 11;
const int _kInt32x4 = 12;
const int _kFloat64x2 = 13;

final _ByteStore _simdScratch = _newStore(16);

double _toFloat32(double value) {
  _storeSetFloat(_simdScratch, 0, _kFloat32, value, true);
  return _storeGetFloat(_simdScratch, 0, _kFloat32, true);
}

int _float32Bits(double value) {
  _storeSetFloat(_simdScratch, 0, _kFloat32, value, true);
  return _storeGetInt(_simdScratch, 0, _kInt32, true);
}

double _float32FromBits(int bits) {
  _storeSetInt(_simdScratch, 0, _kInt32, bits, true);
  return _storeGetFloat(_simdScratch, 0, _kFloat32, true);
}

int _float64SignBit(double value) {
  _storeSetFloat(_simdScratch, 0, _kFloat64, value, true);
  return _storeGetInt(_simdScratch, 0, _kInt64, true) < 0 ? 1 : 0;
}

/// A lane as C's `printf("%f")` prints it, which is how the Dart VM prints SIMD values.
String _printfFixed(double value) {
  if (value.isNaN) return "nan";
  if (value.isInfinite) return value > 0 ? "inf" : "-inf";
  if (value.abs() >= 1e21) {
    return "${BigInt.from(value)}.000000";
  }
  final text = value.toStringAsFixed(6);
  return (value == 0 && value.isNegative && !text.startsWith("-")) ? "-$text" : text;
}

void _checkShuffleMask(int mask) {
  if (mask < 0 || mask > 255) throw RangeError.range(mask, 0, 255, "mask");
}

double _lane4(int index, double x, double y, double z, double w) =>
    index == 0 ? x : (index == 1 ? y : (index == 2 ? z : w));

int _intLane4(int index, int x, int y, int z, int w) =>
    index == 0 ? x : (index == 1 ? y : (index == 2 ? z : w));

final class Float32x4 {
  final double x;
  final double y;
  final double z;
  final double w;

  /// Lanes that are already float32 values.
  Float32x4._raw(this.x, this.y, this.z, this.w);

  factory Float32x4(double x, double y, double z, double w) =>
      Float32x4._raw(_toFloat32(x), _toFloat32(y), _toFloat32(z), _toFloat32(w));

  factory Float32x4.splat(double value) {
    final v = _toFloat32(value);
    return Float32x4._raw(v, v, v, v);
  }

  factory Float32x4.zero() => Float32x4._raw(0.0, 0.0, 0.0, 0.0);

  factory Float32x4.fromInt32x4Bits(Int32x4 bits) => Float32x4._raw(_float32FromBits(bits.x),
      _float32FromBits(bits.y), _float32FromBits(bits.z), _float32FromBits(bits.w));

  factory Float32x4.fromFloat64x2(Float64x2 xy) => Float32x4(xy.x, xy.y, 0.0, 0.0);

  Float32x4 operator +(Float32x4 other) => Float32x4(x + other.x, y + other.y, z + other.z, w + other.w);
  Float32x4 operator -() => Float32x4._raw(-x, -y, -z, -w);
  Float32x4 operator -(Float32x4 other) => Float32x4(x - other.x, y - other.y, z - other.z, w - other.w);
  Float32x4 operator *(Float32x4 other) => Float32x4(x * other.x, y * other.y, z * other.z, w * other.w);
  Float32x4 operator /(Float32x4 other) => Float32x4(x / other.x, y / other.y, z / other.z, w / other.w);

  Int32x4 lessThan(Float32x4 other) => Int32x4.bool(x < other.x, y < other.y, z < other.z, w < other.w);
  Int32x4 lessThanOrEqual(Float32x4 other) =>
      Int32x4.bool(x <= other.x, y <= other.y, z <= other.z, w <= other.w);
  Int32x4 greaterThan(Float32x4 other) => Int32x4.bool(x > other.x, y > other.y, z > other.z, w > other.w);
  Int32x4 greaterThanOrEqual(Float32x4 other) =>
      Int32x4.bool(x >= other.x, y >= other.y, z >= other.z, w >= other.w);
  Int32x4 equal(Float32x4 other) => Int32x4.bool(x == other.x, y == other.y, z == other.z, w == other.w);
  Int32x4 notEqual(Float32x4 other) => Int32x4.bool(x != other.x, y != other.y, z != other.z, w != other.w);

  Float32x4 scale(double scale) {
    final s = _toFloat32(scale);
    return Float32x4(x * s, y * s, z * s, w * s);
  }

  Float32x4 abs() => Float32x4._raw(x.abs(), y.abs(), z.abs(), w.abs());

  Float32x4 clamp(Float32x4 lowerLimit, Float32x4 upperLimit) => min(upperLimit).max(lowerLimit);

  int get signMask =>
      ((_float32Bits(x) >> 31) & 1) |
      ((_float32Bits(y) >> 31) & 1) << 1 |
      ((_float32Bits(z) >> 31) & 1) << 2 |
      ((_float32Bits(w) >> 31) & 1) << 3;

  Float32x4 shuffle(int mask) {
    _checkShuffleMask(mask);
    return Float32x4._raw(_lane4(mask & 3, x, y, z, w), _lane4((mask >> 2) & 3, x, y, z, w),
        _lane4((mask >> 4) & 3, x, y, z, w), _lane4((mask >> 6) & 3, x, y, z, w));
  }

  Float32x4 shuffleMix(Float32x4 other, int mask) {
    _checkShuffleMask(mask);
    return Float32x4._raw(
        _lane4(mask & 3, x, y, z, w),
        _lane4((mask >> 2) & 3, x, y, z, w),
        _lane4((mask >> 4) & 3, other.x, other.y, other.z, other.w),
        _lane4((mask >> 6) & 3, other.x, other.y, other.z, other.w));
  }

  Float32x4 withX(double newX) => Float32x4._raw(_toFloat32(newX), y, z, w);
  Float32x4 withY(double newY) => Float32x4._raw(x, _toFloat32(newY), z, w);
  Float32x4 withZ(double newZ) => Float32x4._raw(x, y, _toFloat32(newZ), w);
  Float32x4 withW(double newW) => Float32x4._raw(x, y, z, _toFloat32(newW));

  Float32x4 min(Float32x4 other) => Float32x4._raw(
      math.min(x, other.x), math.min(y, other.y), math.min(z, other.z), math.min(w, other.w));
  Float32x4 max(Float32x4 other) => Float32x4._raw(
      math.max(x, other.x), math.max(y, other.y), math.max(z, other.z), math.max(w, other.w));
  Float32x4 sqrt() => Float32x4(math.sqrt(x), math.sqrt(y), math.sqrt(z), math.sqrt(w));
  Float32x4 reciprocal() => Float32x4(1.0 / x, 1.0 / y, 1.0 / z, 1.0 / w);
  Float32x4 reciprocalSqrt() =>
      Float32x4(1.0 / math.sqrt(x), 1.0 / math.sqrt(y), 1.0 / math.sqrt(z), 1.0 / math.sqrt(w));

  String toString() =>
      "[${_printfFixed(x)}, ${_printfFixed(y)}, ${_printfFixed(z)}, ${_printfFixed(w)}]";

  static const int xxxx = 0x00;
  static const int xxxy = 0x40;
  static const int xxxz = 0x80;
  static const int xxxw = 0xC0;
  static const int xxyx = 0x10;
  static const int xxyy = 0x50;
  static const int xxyz = 0x90;
  static const int xxyw = 0xD0;
  static const int xxzx = 0x20;
  static const int xxzy = 0x60;
  static const int xxzz = 0xA0;
  static const int xxzw = 0xE0;
  static const int xxwx = 0x30;
  static const int xxwy = 0x70;
  static const int xxwz = 0xB0;
  static const int xxww = 0xF0;
  static const int xyxx = 0x04;
  static const int xyxy = 0x44;
  static const int xyxz = 0x84;
  static const int xyxw = 0xC4;
  static const int xyyx = 0x14;
  static const int xyyy = 0x54;
  static const int xyyz = 0x94;
  static const int xyyw = 0xD4;
  static const int xyzx = 0x24;
  static const int xyzy = 0x64;
  static const int xyzz = 0xA4;
  static const int xyzw = 0xE4;
  static const int xywx = 0x34;
  static const int xywy = 0x74;
  static const int xywz = 0xB4;
  static const int xyww = 0xF4;
  static const int xzxx = 0x08;
  static const int xzxy = 0x48;
  static const int xzxz = 0x88;
  static const int xzxw = 0xC8;
  static const int xzyx = 0x18;
  static const int xzyy = 0x58;
  static const int xzyz = 0x98;
  static const int xzyw = 0xD8;
  static const int xzzx = 0x28;
  static const int xzzy = 0x68;
  static const int xzzz = 0xA8;
  static const int xzzw = 0xE8;
  static const int xzwx = 0x38;
  static const int xzwy = 0x78;
  static const int xzwz = 0xB8;
  static const int xzww = 0xF8;
  static const int xwxx = 0x0C;
  static const int xwxy = 0x4C;
  static const int xwxz = 0x8C;
  static const int xwxw = 0xCC;
  static const int xwyx = 0x1C;
  static const int xwyy = 0x5C;
  static const int xwyz = 0x9C;
  static const int xwyw = 0xDC;
  static const int xwzx = 0x2C;
  static const int xwzy = 0x6C;
  static const int xwzz = 0xAC;
  static const int xwzw = 0xEC;
  static const int xwwx = 0x3C;
  static const int xwwy = 0x7C;
  static const int xwwz = 0xBC;
  static const int xwww = 0xFC;
  static const int yxxx = 0x01;
  static const int yxxy = 0x41;
  static const int yxxz = 0x81;
  static const int yxxw = 0xC1;
  static const int yxyx = 0x11;
  static const int yxyy = 0x51;
  static const int yxyz = 0x91;
  static const int yxyw = 0xD1;
  static const int yxzx = 0x21;
  static const int yxzy = 0x61;
  static const int yxzz = 0xA1;
  static const int yxzw = 0xE1;
  static const int yxwx = 0x31;
  static const int yxwy = 0x71;
  static const int yxwz = 0xB1;
  static const int yxww = 0xF1;
  static const int yyxx = 0x05;
  static const int yyxy = 0x45;
  static const int yyxz = 0x85;
  static const int yyxw = 0xC5;
  static const int yyyx = 0x15;
  static const int yyyy = 0x55;
  static const int yyyz = 0x95;
  static const int yyyw = 0xD5;
  static const int yyzx = 0x25;
  static const int yyzy = 0x65;
  static const int yyzz = 0xA5;
  static const int yyzw = 0xE5;
  static const int yywx = 0x35;
  static const int yywy = 0x75;
  static const int yywz = 0xB5;
  static const int yyww = 0xF5;
  static const int yzxx = 0x09;
  static const int yzxy = 0x49;
  static const int yzxz = 0x89;
  static const int yzxw = 0xC9;
  static const int yzyx = 0x19;
  static const int yzyy = 0x59;
  static const int yzyz = 0x99;
  static const int yzyw = 0xD9;
  static const int yzzx = 0x29;
  static const int yzzy = 0x69;
  static const int yzzz = 0xA9;
  static const int yzzw = 0xE9;
  static const int yzwx = 0x39;
  static const int yzwy = 0x79;
  static const int yzwz = 0xB9;
  static const int yzww = 0xF9;
  static const int ywxx = 0x0D;
  static const int ywxy = 0x4D;
  static const int ywxz = 0x8D;
  static const int ywxw = 0xCD;
  static const int ywyx = 0x1D;
  static const int ywyy = 0x5D;
  static const int ywyz = 0x9D;
  static const int ywyw = 0xDD;
  static const int ywzx = 0x2D;
  static const int ywzy = 0x6D;
  static const int ywzz = 0xAD;
  static const int ywzw = 0xED;
  static const int ywwx = 0x3D;
  static const int ywwy = 0x7D;
  static const int ywwz = 0xBD;
  static const int ywww = 0xFD;
  static const int zxxx = 0x02;
  static const int zxxy = 0x42;
  static const int zxxz = 0x82;
  static const int zxxw = 0xC2;
  static const int zxyx = 0x12;
  static const int zxyy = 0x52;
  static const int zxyz = 0x92;
  static const int zxyw = 0xD2;
  static const int zxzx = 0x22;
  static const int zxzy = 0x62;
  static const int zxzz = 0xA2;
  static const int zxzw = 0xE2;
  static const int zxwx = 0x32;
  static const int zxwy = 0x72;
  static const int zxwz = 0xB2;
  static const int zxww = 0xF2;
  static const int zyxx = 0x06;
  static const int zyxy = 0x46;
  static const int zyxz = 0x86;
  static const int zyxw = 0xC6;
  static const int zyyx = 0x16;
  static const int zyyy = 0x56;
  static const int zyyz = 0x96;
  static const int zyyw = 0xD6;
  static const int zyzx = 0x26;
  static const int zyzy = 0x66;
  static const int zyzz = 0xA6;
  static const int zyzw = 0xE6;
  static const int zywx = 0x36;
  static const int zywy = 0x76;
  static const int zywz = 0xB6;
  static const int zyww = 0xF6;
  static const int zzxx = 0x0A;
  static const int zzxy = 0x4A;
  static const int zzxz = 0x8A;
  static const int zzxw = 0xCA;
  static const int zzyx = 0x1A;
  static const int zzyy = 0x5A;
  static const int zzyz = 0x9A;
  static const int zzyw = 0xDA;
  static const int zzzx = 0x2A;
  static const int zzzy = 0x6A;
  static const int zzzz = 0xAA;
  static const int zzzw = 0xEA;
  static const int zzwx = 0x3A;
  static const int zzwy = 0x7A;
  static const int zzwz = 0xBA;
  static const int zzww = 0xFA;
  static const int zwxx = 0x0E;
  static const int zwxy = 0x4E;
  static const int zwxz = 0x8E;
  static const int zwxw = 0xCE;
  static const int zwyx = 0x1E;
  static const int zwyy = 0x5E;
  static const int zwyz = 0x9E;
  static const int zwyw = 0xDE;
  static const int zwzx = 0x2E;
  static const int zwzy = 0x6E;
  static const int zwzz = 0xAE;
  static const int zwzw = 0xEE;
  static const int zwwx = 0x3E;
  static const int zwwy = 0x7E;
  static const int zwwz = 0xBE;
  static const int zwww = 0xFE;
  static const int wxxx = 0x03;
  static const int wxxy = 0x43;
  static const int wxxz = 0x83;
  static const int wxxw = 0xC3;
  static const int wxyx = 0x13;
  static const int wxyy = 0x53;
  static const int wxyz = 0x93;
  static const int wxyw = 0xD3;
  static const int wxzx = 0x23;
  static const int wxzy = 0x63;
  static const int wxzz = 0xA3;
  static const int wxzw = 0xE3;
  static const int wxwx = 0x33;
  static const int wxwy = 0x73;
  static const int wxwz = 0xB3;
  static const int wxww = 0xF3;
  static const int wyxx = 0x07;
  static const int wyxy = 0x47;
  static const int wyxz = 0x87;
  static const int wyxw = 0xC7;
  static const int wyyx = 0x17;
  static const int wyyy = 0x57;
  static const int wyyz = 0x97;
  static const int wyyw = 0xD7;
  static const int wyzx = 0x27;
  static const int wyzy = 0x67;
  static const int wyzz = 0xA7;
  static const int wyzw = 0xE7;
  static const int wywx = 0x37;
  static const int wywy = 0x77;
  static const int wywz = 0xB7;
  static const int wyww = 0xF7;
  static const int wzxx = 0x0B;
  static const int wzxy = 0x4B;
  static const int wzxz = 0x8B;
  static const int wzxw = 0xCB;
  static const int wzyx = 0x1B;
  static const int wzyy = 0x5B;
  static const int wzyz = 0x9B;
  static const int wzyw = 0xDB;
  static const int wzzx = 0x2B;
  static const int wzzy = 0x6B;
  static const int wzzz = 0xAB;
  static const int wzzw = 0xEB;
  static const int wzwx = 0x3B;
  static const int wzwy = 0x7B;
  static const int wzwz = 0xBB;
  static const int wzww = 0xFB;
  static const int wwxx = 0x0F;
  static const int wwxy = 0x4F;
  static const int wwxz = 0x8F;
  static const int wwxw = 0xCF;
  static const int wwyx = 0x1F;
  static const int wwyy = 0x5F;
  static const int wwyz = 0x9F;
  static const int wwyw = 0xDF;
  static const int wwzx = 0x2F;
  static const int wwzy = 0x6F;
  static const int wwzz = 0xAF;
  static const int wwzw = 0xEF;
  static const int wwwx = 0x3F;
  static const int wwwy = 0x7F;
  static const int wwwz = 0xBF;
  static const int wwww = 0xFF;
}

final class Int32x4 {
  final int x;
  final int y;
  final int z;
  final int w;

  /// Lanes that are already signed 32-bit values.
  Int32x4._raw(this.x, this.y, this.z, this.w);

  factory Int32x4(int x, int y, int z, int w) =>
      Int32x4._raw(x.toSigned(32), y.toSigned(32), z.toSigned(32), w.toSigned(32));

  factory Int32x4.bool(bool x, bool y, bool z, bool w) =>
      Int32x4._raw(x ? -1 : 0, y ? -1 : 0, z ? -1 : 0, w ? -1 : 0);

  factory Int32x4.fromFloat32x4Bits(Float32x4 x) =>
      Int32x4._raw(_float32Bits(x.x), _float32Bits(x.y), _float32Bits(x.z), _float32Bits(x.w));

  Int32x4 operator |(Int32x4 other) => Int32x4._raw(x | other.x, y | other.y, z | other.z, w | other.w);
  Int32x4 operator &(Int32x4 other) => Int32x4._raw(x & other.x, y & other.y, z & other.z, w & other.w);
  Int32x4 operator ^(Int32x4 other) => Int32x4._raw(x ^ other.x, y ^ other.y, z ^ other.z, w ^ other.w);
  Int32x4 operator +(Int32x4 other) => Int32x4(x + other.x, y + other.y, z + other.z, w + other.w);
  Int32x4 operator -(Int32x4 other) => Int32x4(x - other.x, y - other.y, z - other.z, w - other.w);

  int get signMask => (x < 0 ? 1 : 0) | (y < 0 ? 2 : 0) | (z < 0 ? 4 : 0) | (w < 0 ? 8 : 0);

  Int32x4 shuffle(int mask) {
    _checkShuffleMask(mask);
    return Int32x4._raw(_intLane4(mask & 3, x, y, z, w), _intLane4((mask >> 2) & 3, x, y, z, w),
        _intLane4((mask >> 4) & 3, x, y, z, w), _intLane4((mask >> 6) & 3, x, y, z, w));
  }

  Int32x4 shuffleMix(Int32x4 other, int mask) {
    _checkShuffleMask(mask);
    return Int32x4._raw(
        _intLane4(mask & 3, x, y, z, w),
        _intLane4((mask >> 2) & 3, x, y, z, w),
        _intLane4((mask >> 4) & 3, other.x, other.y, other.z, other.w),
        _intLane4((mask >> 6) & 3, other.x, other.y, other.z, other.w));
  }

  Int32x4 withX(int x) => Int32x4._raw(x.toSigned(32), y, z, w);
  Int32x4 withY(int y) => Int32x4._raw(x, y.toSigned(32), z, w);
  Int32x4 withZ(int z) => Int32x4._raw(x, y, z.toSigned(32), w);
  Int32x4 withW(int w) => Int32x4._raw(x, y, z, w.toSigned(32));

  bool get flagX => x != 0;
  bool get flagY => y != 0;
  bool get flagZ => z != 0;
  bool get flagW => w != 0;

  Int32x4 withFlagX(bool flagX) => Int32x4._raw(flagX ? -1 : 0, y, z, w);
  Int32x4 withFlagY(bool flagY) => Int32x4._raw(x, flagY ? -1 : 0, z, w);
  Int32x4 withFlagZ(bool flagZ) => Int32x4._raw(x, y, flagZ ? -1 : 0, w);
  Int32x4 withFlagW(bool flagW) => Int32x4._raw(x, y, z, flagW ? -1 : 0);

  /// Per bit: this mask's one bits take [trueValue]'s bits, its zero bits [falseValue]'s.
  Float32x4 select(Float32x4 trueValue, Float32x4 falseValue) {
    double pick(int mask, double t, double f) =>
        _float32FromBits((mask & _float32Bits(t)) | (~mask & _float32Bits(f)));
    return Float32x4._raw(pick(x, trueValue.x, falseValue.x), pick(y, trueValue.y, falseValue.y),
        pick(z, trueValue.z, falseValue.z), pick(w, trueValue.w, falseValue.w));
  }

  String toString() {
    String hex(int lane) => lane.toUnsigned(32).toRadixString(16).padLeft(8, "0");
    return "[${hex(x)}, ${hex(y)}, ${hex(z)}, ${hex(w)}]";
  }

  static const int xxxx = 0x00;
  static const int xxxy = 0x40;
  static const int xxxz = 0x80;
  static const int xxxw = 0xC0;
  static const int xxyx = 0x10;
  static const int xxyy = 0x50;
  static const int xxyz = 0x90;
  static const int xxyw = 0xD0;
  static const int xxzx = 0x20;
  static const int xxzy = 0x60;
  static const int xxzz = 0xA0;
  static const int xxzw = 0xE0;
  static const int xxwx = 0x30;
  static const int xxwy = 0x70;
  static const int xxwz = 0xB0;
  static const int xxww = 0xF0;
  static const int xyxx = 0x04;
  static const int xyxy = 0x44;
  static const int xyxz = 0x84;
  static const int xyxw = 0xC4;
  static const int xyyx = 0x14;
  static const int xyyy = 0x54;
  static const int xyyz = 0x94;
  static const int xyyw = 0xD4;
  static const int xyzx = 0x24;
  static const int xyzy = 0x64;
  static const int xyzz = 0xA4;
  static const int xyzw = 0xE4;
  static const int xywx = 0x34;
  static const int xywy = 0x74;
  static const int xywz = 0xB4;
  static const int xyww = 0xF4;
  static const int xzxx = 0x08;
  static const int xzxy = 0x48;
  static const int xzxz = 0x88;
  static const int xzxw = 0xC8;
  static const int xzyx = 0x18;
  static const int xzyy = 0x58;
  static const int xzyz = 0x98;
  static const int xzyw = 0xD8;
  static const int xzzx = 0x28;
  static const int xzzy = 0x68;
  static const int xzzz = 0xA8;
  static const int xzzw = 0xE8;
  static const int xzwx = 0x38;
  static const int xzwy = 0x78;
  static const int xzwz = 0xB8;
  static const int xzww = 0xF8;
  static const int xwxx = 0x0C;
  static const int xwxy = 0x4C;
  static const int xwxz = 0x8C;
  static const int xwxw = 0xCC;
  static const int xwyx = 0x1C;
  static const int xwyy = 0x5C;
  static const int xwyz = 0x9C;
  static const int xwyw = 0xDC;
  static const int xwzx = 0x2C;
  static const int xwzy = 0x6C;
  static const int xwzz = 0xAC;
  static const int xwzw = 0xEC;
  static const int xwwx = 0x3C;
  static const int xwwy = 0x7C;
  static const int xwwz = 0xBC;
  static const int xwww = 0xFC;
  static const int yxxx = 0x01;
  static const int yxxy = 0x41;
  static const int yxxz = 0x81;
  static const int yxxw = 0xC1;
  static const int yxyx = 0x11;
  static const int yxyy = 0x51;
  static const int yxyz = 0x91;
  static const int yxyw = 0xD1;
  static const int yxzx = 0x21;
  static const int yxzy = 0x61;
  static const int yxzz = 0xA1;
  static const int yxzw = 0xE1;
  static const int yxwx = 0x31;
  static const int yxwy = 0x71;
  static const int yxwz = 0xB1;
  static const int yxww = 0xF1;
  static const int yyxx = 0x05;
  static const int yyxy = 0x45;
  static const int yyxz = 0x85;
  static const int yyxw = 0xC5;
  static const int yyyx = 0x15;
  static const int yyyy = 0x55;
  static const int yyyz = 0x95;
  static const int yyyw = 0xD5;
  static const int yyzx = 0x25;
  static const int yyzy = 0x65;
  static const int yyzz = 0xA5;
  static const int yyzw = 0xE5;
  static const int yywx = 0x35;
  static const int yywy = 0x75;
  static const int yywz = 0xB5;
  static const int yyww = 0xF5;
  static const int yzxx = 0x09;
  static const int yzxy = 0x49;
  static const int yzxz = 0x89;
  static const int yzxw = 0xC9;
  static const int yzyx = 0x19;
  static const int yzyy = 0x59;
  static const int yzyz = 0x99;
  static const int yzyw = 0xD9;
  static const int yzzx = 0x29;
  static const int yzzy = 0x69;
  static const int yzzz = 0xA9;
  static const int yzzw = 0xE9;
  static const int yzwx = 0x39;
  static const int yzwy = 0x79;
  static const int yzwz = 0xB9;
  static const int yzww = 0xF9;
  static const int ywxx = 0x0D;
  static const int ywxy = 0x4D;
  static const int ywxz = 0x8D;
  static const int ywxw = 0xCD;
  static const int ywyx = 0x1D;
  static const int ywyy = 0x5D;
  static const int ywyz = 0x9D;
  static const int ywyw = 0xDD;
  static const int ywzx = 0x2D;
  static const int ywzy = 0x6D;
  static const int ywzz = 0xAD;
  static const int ywzw = 0xED;
  static const int ywwx = 0x3D;
  static const int ywwy = 0x7D;
  static const int ywwz = 0xBD;
  static const int ywww = 0xFD;
  static const int zxxx = 0x02;
  static const int zxxy = 0x42;
  static const int zxxz = 0x82;
  static const int zxxw = 0xC2;
  static const int zxyx = 0x12;
  static const int zxyy = 0x52;
  static const int zxyz = 0x92;
  static const int zxyw = 0xD2;
  static const int zxzx = 0x22;
  static const int zxzy = 0x62;
  static const int zxzz = 0xA2;
  static const int zxzw = 0xE2;
  static const int zxwx = 0x32;
  static const int zxwy = 0x72;
  static const int zxwz = 0xB2;
  static const int zxww = 0xF2;
  static const int zyxx = 0x06;
  static const int zyxy = 0x46;
  static const int zyxz = 0x86;
  static const int zyxw = 0xC6;
  static const int zyyx = 0x16;
  static const int zyyy = 0x56;
  static const int zyyz = 0x96;
  static const int zyyw = 0xD6;
  static const int zyzx = 0x26;
  static const int zyzy = 0x66;
  static const int zyzz = 0xA6;
  static const int zyzw = 0xE6;
  static const int zywx = 0x36;
  static const int zywy = 0x76;
  static const int zywz = 0xB6;
  static const int zyww = 0xF6;
  static const int zzxx = 0x0A;
  static const int zzxy = 0x4A;
  static const int zzxz = 0x8A;
  static const int zzxw = 0xCA;
  static const int zzyx = 0x1A;
  static const int zzyy = 0x5A;
  static const int zzyz = 0x9A;
  static const int zzyw = 0xDA;
  static const int zzzx = 0x2A;
  static const int zzzy = 0x6A;
  static const int zzzz = 0xAA;
  static const int zzzw = 0xEA;
  static const int zzwx = 0x3A;
  static const int zzwy = 0x7A;
  static const int zzwz = 0xBA;
  static const int zzww = 0xFA;
  static const int zwxx = 0x0E;
  static const int zwxy = 0x4E;
  static const int zwxz = 0x8E;
  static const int zwxw = 0xCE;
  static const int zwyx = 0x1E;
  static const int zwyy = 0x5E;
  static const int zwyz = 0x9E;
  static const int zwyw = 0xDE;
  static const int zwzx = 0x2E;
  static const int zwzy = 0x6E;
  static const int zwzz = 0xAE;
  static const int zwzw = 0xEE;
  static const int zwwx = 0x3E;
  static const int zwwy = 0x7E;
  static const int zwwz = 0xBE;
  static const int zwww = 0xFE;
  static const int wxxx = 0x03;
  static const int wxxy = 0x43;
  static const int wxxz = 0x83;
  static const int wxxw = 0xC3;
  static const int wxyx = 0x13;
  static const int wxyy = 0x53;
  static const int wxyz = 0x93;
  static const int wxyw = 0xD3;
  static const int wxzx = 0x23;
  static const int wxzy = 0x63;
  static const int wxzz = 0xA3;
  static const int wxzw = 0xE3;
  static const int wxwx = 0x33;
  static const int wxwy = 0x73;
  static const int wxwz = 0xB3;
  static const int wxww = 0xF3;
  static const int wyxx = 0x07;
  static const int wyxy = 0x47;
  static const int wyxz = 0x87;
  static const int wyxw = 0xC7;
  static const int wyyx = 0x17;
  static const int wyyy = 0x57;
  static const int wyyz = 0x97;
  static const int wyyw = 0xD7;
  static const int wyzx = 0x27;
  static const int wyzy = 0x67;
  static const int wyzz = 0xA7;
  static const int wyzw = 0xE7;
  static const int wywx = 0x37;
  static const int wywy = 0x77;
  static const int wywz = 0xB7;
  static const int wyww = 0xF7;
  static const int wzxx = 0x0B;
  static const int wzxy = 0x4B;
  static const int wzxz = 0x8B;
  static const int wzxw = 0xCB;
  static const int wzyx = 0x1B;
  static const int wzyy = 0x5B;
  static const int wzyz = 0x9B;
  static const int wzyw = 0xDB;
  static const int wzzx = 0x2B;
  static const int wzzy = 0x6B;
  static const int wzzz = 0xAB;
  static const int wzzw = 0xEB;
  static const int wzwx = 0x3B;
  static const int wzwy = 0x7B;
  static const int wzwz = 0xBB;
  static const int wzww = 0xFB;
  static const int wwxx = 0x0F;
  static const int wwxy = 0x4F;
  static const int wwxz = 0x8F;
  static const int wwxw = 0xCF;
  static const int wwyx = 0x1F;
  static const int wwyy = 0x5F;
  static const int wwyz = 0x9F;
  static const int wwyw = 0xDF;
  static const int wwzx = 0x2F;
  static const int wwzy = 0x6F;
  static const int wwzz = 0xAF;
  static const int wwzw = 0xEF;
  static const int wwwx = 0x3F;
  static const int wwwy = 0x7F;
  static const int wwwz = 0xBF;
  static const int wwww = 0xFF;
}

final class Float64x2 {
  final double x;
  final double y;

  Float64x2(this.x, this.y);

  Float64x2._raw(this.x, this.y);

  factory Float64x2.splat(double value) => Float64x2(value, value);

  factory Float64x2.zero() => Float64x2(0.0, 0.0);

  factory Float64x2.fromFloat32x4(Float32x4 v) => Float64x2(v.x, v.y);

  Float64x2 operator +(Float64x2 other) => Float64x2(x + other.x, y + other.y);
  Float64x2 operator -() => Float64x2(-x, -y);
  Float64x2 operator -(Float64x2 other) => Float64x2(x - other.x, y - other.y);
  Float64x2 operator *(Float64x2 other) => Float64x2(x * other.x, y * other.y);
  Float64x2 operator /(Float64x2 other) => Float64x2(x / other.x, y / other.y);

  Float64x2 scale(double scale) => Float64x2(x * scale, y * scale);
  Float64x2 abs() => Float64x2(x.abs(), y.abs());
  Float64x2 clamp(Float64x2 lowerLimit, Float64x2 upperLimit) => min(upperLimit).max(lowerLimit);

  int get signMask => _float64SignBit(x) | _float64SignBit(y) << 1;

  Float64x2 withX(double x) => Float64x2(x, y);
  Float64x2 withY(double y) => Float64x2(x, y);

  Float64x2 min(Float64x2 other) => Float64x2(math.min(x, other.x), math.min(y, other.y));
  Float64x2 max(Float64x2 other) => Float64x2(math.max(x, other.x), math.max(y, other.y));
  Float64x2 sqrt() => Float64x2(math.sqrt(x), math.sqrt(y));

  String toString() => "[${_printfFixed(x)}, ${_printfFixed(y)}]";
}


/// What the three SIMD lists share: 16-byte elements read and written lane by lane.
abstract final class _SimdList<E> extends _TypedListBase<E> {
  _SimdList(_ByteStore store, int offsetInBytes, int length, int kind)
      : super(store, offsetInBytes, length, kind);

  int get elementSizeInBytes => 16;

  E _read(int at);
  void _write(int at, E value);

  E operator [](int index) {
    IndexError.check(index, _length, indexable: this, name: "index");
    return _read(offsetInBytes + index * 16);
  }

  void operator []=(int index, E value) {
    _checkWritable();
    IndexError.check(index, _length, indexable: this, name: "index");
    _write(offsetInBytes + index * 16, value);
  }

  /// A new store holding a copy of elements `start..end`, and their count.
  (_ByteStore, int) _copyRange(int start, int? end) {
    final stop = RangeError.checkValidRange(start, end, length);
    final count = stop - start;
    final store = _newStore(count * 16);
    _copyBytes(_store, offsetInBytes + start * 16, store, 0, count * 16);
    return (store, count);
  }
}

/// The byte offset and element count of a SIMD list view over elements
/// `start..end` of [data].
(int, int) _simdViewRange(TypedData data, int start, int? end) {
  final elementSize = data.elementSizeInBytes;
  end = RangeError.checkValidRange(start, end, data.lengthInBytes ~/ elementSize);
  final byteLength = (end - start) * elementSize;
  if (byteLength % 16 != 0) {
    throw ArgumentError("The number of bytes to view must be a multiple of 16");
  }
  return (data.offsetInBytes + start * elementSize, byteLength ~/ 16);
}

abstract final class Float32x4List implements List<Float32x4>, TypedData {
  static const int bytesPerElement = 16;

  factory Float32x4List(int length) =>
      _Float32x4List._(_newStore(_checkLength(length, 16) * 16), 0, length);

  factory Float32x4List.fromList(List<Float32x4> elements) =>
      Float32x4List(elements.length)..setRange(0, elements.length, elements);

  factory Float32x4List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asFloat32x4List(offsetInBytes, length);

  factory Float32x4List.sublistView(TypedData data, [int start = 0, int? end]) {
    final (offset, count) = _simdViewRange(data, start, end);
    return data.buffer.asFloat32x4List(offset, count);
  }

  Float32x4List sublist(int start, [int? end]);

  Float32x4List asUnmodifiableView();
}

final class _Float32x4List extends _SimdList<Float32x4> implements Float32x4List {
  _Float32x4List._(_ByteStore store, int offsetInBytes, int length)
      : super(store, offsetInBytes, length, _kFloat32x4);

  Float32x4 _read(int at) => Float32x4._raw(_storeGetFloat(_store, at + 0, _kFloat32, true), _storeGetFloat(_store, at + 4, _kFloat32, true), _storeGetFloat(_store, at + 8, _kFloat32, true), _storeGetFloat(_store, at + 12, _kFloat32, true));

  void _write(int at, Float32x4 value) {
    _storeSetFloat(_store, at + 0, _kFloat32, value.x, true);
    _storeSetFloat(_store, at + 4, _kFloat32, value.y, true);
    _storeSetFloat(_store, at + 8, _kFloat32, value.z, true);
    _storeSetFloat(_store, at + 12, _kFloat32, value.w, true);
  }

  Float32x4List sublist(int start, [int? end]) {
    final (store, count) = _copyRange(start, end);
    return _Float32x4List._(store, 0, count);
  }

  Float32x4List asUnmodifiableView() => _UnmodifiableFloat32x4ListView._(_store, offsetInBytes, length);
}

final class _Float32x4ListView extends _Float32x4List {
  _Float32x4ListView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableFloat32x4ListView extends _Float32x4ListView {
  _UnmodifiableFloat32x4ListView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  Float32x4List asUnmodifiableView() => this;
}

abstract final class Int32x4List implements List<Int32x4>, TypedData {
  static const int bytesPerElement = 16;

  factory Int32x4List(int length) =>
      _Int32x4List._(_newStore(_checkLength(length, 16) * 16), 0, length);

  factory Int32x4List.fromList(List<Int32x4> elements) =>
      Int32x4List(elements.length)..setRange(0, elements.length, elements);

  factory Int32x4List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asInt32x4List(offsetInBytes, length);

  factory Int32x4List.sublistView(TypedData data, [int start = 0, int? end]) {
    final (offset, count) = _simdViewRange(data, start, end);
    return data.buffer.asInt32x4List(offset, count);
  }

  Int32x4List sublist(int start, [int? end]);

  Int32x4List asUnmodifiableView();
}

final class _Int32x4List extends _SimdList<Int32x4> implements Int32x4List {
  _Int32x4List._(_ByteStore store, int offsetInBytes, int length)
      : super(store, offsetInBytes, length, _kInt32x4);

  Int32x4 _read(int at) => Int32x4._raw(_storeGetInt(_store, at + 0, _kInt32, true), _storeGetInt(_store, at + 4, _kInt32, true), _storeGetInt(_store, at + 8, _kInt32, true), _storeGetInt(_store, at + 12, _kInt32, true));

  void _write(int at, Int32x4 value) {
    _storeSetInt(_store, at + 0, _kInt32, value.x, true);
    _storeSetInt(_store, at + 4, _kInt32, value.y, true);
    _storeSetInt(_store, at + 8, _kInt32, value.z, true);
    _storeSetInt(_store, at + 12, _kInt32, value.w, true);
  }

  Int32x4List sublist(int start, [int? end]) {
    final (store, count) = _copyRange(start, end);
    return _Int32x4List._(store, 0, count);
  }

  Int32x4List asUnmodifiableView() => _UnmodifiableInt32x4ListView._(_store, offsetInBytes, length);
}

final class _Int32x4ListView extends _Int32x4List {
  _Int32x4ListView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableInt32x4ListView extends _Int32x4ListView {
  _UnmodifiableInt32x4ListView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  Int32x4List asUnmodifiableView() => this;
}

abstract final class Float64x2List implements List<Float64x2>, TypedData {
  static const int bytesPerElement = 16;

  factory Float64x2List(int length) =>
      _Float64x2List._(_newStore(_checkLength(length, 16) * 16), 0, length);

  factory Float64x2List.fromList(List<Float64x2> elements) =>
      Float64x2List(elements.length)..setRange(0, elements.length, elements);

  factory Float64x2List.view(ByteBuffer buffer, [int offsetInBytes = 0, int? length]) =>
      buffer.asFloat64x2List(offsetInBytes, length);

  factory Float64x2List.sublistView(TypedData data, [int start = 0, int? end]) {
    final (offset, count) = _simdViewRange(data, start, end);
    return data.buffer.asFloat64x2List(offset, count);
  }

  Float64x2List sublist(int start, [int? end]);

  Float64x2List asUnmodifiableView();
}

final class _Float64x2List extends _SimdList<Float64x2> implements Float64x2List {
  _Float64x2List._(_ByteStore store, int offsetInBytes, int length)
      : super(store, offsetInBytes, length, _kFloat64x2);

  Float64x2 _read(int at) => Float64x2._raw(_storeGetFloat(_store, at + 0, _kFloat64, true), _storeGetFloat(_store, at + 8, _kFloat64, true));

  void _write(int at, Float64x2 value) {
    _storeSetFloat(_store, at + 0, _kFloat64, value.x, true);
    _storeSetFloat(_store, at + 8, _kFloat64, value.y, true);
  }

  Float64x2List sublist(int start, [int? end]) {
    final (store, count) = _copyRange(start, end);
    return _Float64x2List._(store, 0, count);
  }

  Float64x2List asUnmodifiableView() => _UnmodifiableFloat64x2ListView._(_store, offsetInBytes, length);
}

final class _Float64x2ListView extends _Float64x2List {
  _Float64x2ListView._(_ByteStore store, int offsetInBytes, int length) : super._(store, offsetInBytes, length);
}

final class _UnmodifiableFloat64x2ListView extends _Float64x2ListView {
  _UnmodifiableFloat64x2ListView._(_ByteStore store, int offsetInBytes, int length)
      : super._(store, offsetInBytes, length);

  bool get _readOnly => true;

  Float64x2List asUnmodifiableView() => this;
}
