// gc-stress
// A small binary protocol: messages encoded into a ByteData with mixed widths and byte
// orders, framed into one buffer, then decoded again through views.
import 'dart:typed_data';

class Message {
  final int id;
  final int flags;
  final double temperature;
  final List<int> payload;
  Message(this.id, this.flags, this.temperature, this.payload);

  int get encodedLength => 2 + 4 + 1 + 8 + 2 + payload.length;

  void writeTo(ByteData out, int at) {
    out.setUint16(at, encodedLength); // big-endian frame length
    out.setUint32(at + 2, id, Endian.little);
    out.setInt8(at + 6, flags);
    out.setFloat64(at + 7, temperature);
    out.setUint16(at + 15, payload.length, Endian.little);
    for (var i = 0; i < payload.length; i++) {
      out.setUint8(at + 17 + i, payload[i]);
    }
  }

  static Message readFrom(ByteData data, int at) {
    final count = data.getUint16(at + 15, Endian.little);
    final payload = Uint8List.sublistView(data, at + 17, at + 17 + count);
    return Message(data.getUint32(at + 2, Endian.little), data.getInt8(at + 6),
        data.getFloat64(at + 7), payload);
  }

  String toString() => 'Message($id, $flags, $temperature, $payload)';
}

String hex(List<int> bytes) =>
    bytes.map((b) => b.toRadixString(16).padLeft(2, '0')).join(' ');

void main() {
  final messages = [
    Message(1, -1, 21.5, [1, 2, 3]),
    Message(0xDEADBEEF, 7, -0.25, []),
    Message(42, 127, 1e100, List.generate(5, (i) => i * 51)),
  ];
  final total = messages.fold<int>(0, (sum, m) => sum + m.encodedLength);
  final buffer = ByteData(total);
  var at = 0;
  for (final m in messages) {
    m.writeTo(buffer, at);
    at += m.encodedLength;
  }
  final bytes = buffer.buffer.asUint8List();
  print('length ${bytes.length}');
  print(hex(bytes.sublist(0, 20)));

  at = 0;
  while (at < total) {
    final frame = buffer.getUint16(at);
    print(Message.readFrom(buffer, at));
    at += frame;
  }

  // The same bytes seen through other widths and byte orders.
  final data = ByteData.view(bytes.buffer, 2, 4);
  print(data.getUint32(0, Endian.little).toRadixString(16));
  print(data.getUint32(0).toRadixString(16));
  print(data.getInt16(0));
  print(data.getInt16(0, Endian.little));
  final wide = ByteData(16);
  wide.setInt64(0, -2);
  wide.setUint64(8, 0x0102030405060708, Endian.little);
  print(hex(wide.buffer.asUint8List()));
  print(wide.getInt64(0));
  print(wide.getUint64(0));
  print(wide.getInt64(8, Endian.little).toRadixString(16));
  wide.setFloat32(0, 3.14159);
  print(wide.getFloat32(0));
  print(hex(wide.buffer.asUint8List(0, 4)));
  wide.setInt32(4, -123456, Endian.little);
  print(wide.getInt32(4, Endian.little));
  print(wide.getUint32(4, Endian.little));
  wide.setUint16(0, 0x12345);
  print(wide.getUint16(0).toRadixString(16));
  print('sizes ${wide.lengthInBytes} ${data.offsetInBytes} ${data.elementSizeInBytes}');

  // The Dart VM's errors.
  for (final action in <void Function()>[
    () => buffer.getUint32(total - 3),
    () => buffer.setInt8(-1, 0),
    () => buffer.getFloat64(total),
    () => ByteData(2).getInt16(1),
    () => data.asUnmodifiableView().setUint8(0, 1),
  ]) {
    try {
      action();
    } catch (e) {
      print(e);
    }
  }
  final frozen = data.asUnmodifiableView();
  print(frozen.getUint8(0) == data.getUint8(0));
}
