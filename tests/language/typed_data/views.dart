// Views over one ByteBuffer: every element type sees the same bytes, offsets and
// lengths are checked as the Dart VM checks them, and unmodifiable buffers hand out
// unmodifiable views.
import 'dart:typed_data';

void attempt(String label, Object? Function() body) {
  try {
    print('$label: ${body()}');
  } catch (e) {
    print('$label: ${e.runtimeType}: $e');
  }
}

void main() {
  final buffer = Uint8List.fromList(List.generate(16, (i) => i * 17)).buffer;
  print(buffer.lengthInBytes);
  print(buffer.runtimeType);
  print(buffer.asUint8List());
  print(buffer.asInt8List(8));
  print(buffer.asUint16List(2, 3));
  print(buffer.asInt32List(4).map((v) => v.toRadixString(16)).toList());
  print(buffer.asUint64List().map((v) => v.toRadixString(16)).toList());
  print(buffer.asFloat32List(0, 1));
  print(buffer.asFloat64List(8));
  print(buffer.asUint8ClampedList(14));
  final view = buffer.asInt16List(6, 2);
  print([view.offsetInBytes, view.length, view.lengthInBytes, view.elementSizeInBytes]);
  print(view.buffer == buffer);
  print(identical(Endian.host, Endian.little));

  attempt('odd offset', () => buffer.asInt32List(2));
  attempt('odd offset 64', () => Float64List.view(buffer, 4));
  attempt('too long', () => buffer.asUint8List(10, 7));
  attempt('negative offset', () => buffer.asUint8List(-1));
  attempt('negative length', () => buffer.asUint16List(0, -1));
  attempt('past end', () => buffer.asByteData(17));
  attempt('sublistView', () => Int32List.sublistView(Uint8List(10), 1, 7));
  attempt('sublistView range', () => Uint8List.sublistView(Uint16List(4), 1, 5));
  attempt('fillRange null', () => Uint8List(3)..fillRange(0, 2));
  attempt('fillRange empty', () => Uint8List(3)..fillRange(1, 1));
  attempt('setRange skip', () => Uint8List(3)..setRange(0, 1, [1], -1));
  attempt('Uint32 to Float', () => Float32List(2)..setAll(0, [1.5, 2.5]));

  final frozen = UnmodifiableByteBufferView(buffer);
  final frozenBytes = frozen.asUint8List();
  print(frozenBytes.runtimeType);
  attempt('frozen write', () => frozenBytes[0] = 1);
  attempt('frozen setRange', () => frozenBytes.setRange(0, 1, [1]));
  attempt('frozen ByteData', () => frozen.asByteData().setInt16(0, 1));
  print(frozen.asByteData().getUint16(0));

  // Copies between element types convert values; same-size copies keep the bits.
  final signed = Int8List.fromList([-1, -128, 5]);
  print(Uint8List(3)..setRange(0, 3, signed));
  print(Uint8ClampedList(3)..setRange(0, 3, signed));
  print(Int16List(3)..setRange(0, 3, signed));
  print(Float64List.fromList([1.5, -2.25]).buffer.asUint8List());
  print(Int64List(1).buffer.asUint8List().length);
}
