// Typed lists and byte data cross isolates as copies with their element type, and
// views keep their window of the buffer.
import 'dart:isolate';
import 'dart:typed_data';

void main() async {
  final bytes = Uint8List.fromList([1, 2, 3, 250]);
  final doubled = await Isolate.run(() {
    final out = Uint16List(bytes.length);
    for (var i = 0; i < bytes.length; i++) {
      out[i] = bytes[i] * 2;
    }
    return out;
  });
  print('${doubled.runtimeType} $doubled');
  final floats = await Isolate.run(() => Float64List.fromList([0.5, -1.25]));
  print('${floats.runtimeType} $floats');
  final view = Uint8List.view(bytes.buffer, 1, 2);
  final copy = await Isolate.run(() => view);
  print('${copy.length} $copy');
  final data = ByteData(4)..setUint32(0, 0xDEADBEEF);
  final back = await Isolate.run(() => data.getUint32(0, Endian.little));
  print(back.toRadixString(16));
  bytes[1] = 99;
  print('${copy[0]} ${view[0]}');
}
