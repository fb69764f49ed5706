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
    if (_setFromList(_store, offsetInBytes + start * size, _kind, source, sourceStart, count)) {
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
