// gc-stress
// Byte lists are read and written inline by generated code: the results (and errors)
// must be those of the full operators, for views, unmodifiable views, values outside a
// byte, non-Smi values, bad indexes and receivers only known dynamically.
import 'dart:typed_data';

int checksum(List<int> data) {
  var sum = 0;
  for (var i = 0; i < data.length; i++) {
    sum = (sum * 31 + data[i]) & 0xFFFFFF;
  }
  return sum;
}

void main() {
  final bytes = Uint8List(256);
  for (var i = 0; i < bytes.length; i++) {
    bytes[i] = i * 7;
  }
  print(checksum(bytes));
  final view = Uint8List.view(bytes.buffer, 100, 50);
  print([view[0], view[49], view.length]);
  view[0] = 300;
  view[1] = -1;
  view[2] = 1 << 40;
  view[3] = (1 << 40) + 5;
  print(bytes.sublist(100, 104));
  final frozen = bytes.asUnmodifiableView();
  print(frozen[100]);
  try {
    frozen[0] = 1;
  } on UnsupportedError catch (e) {
    print(e);
  }
  for (final index in [-1, 256, 1 << 40]) {
    try {
      bytes[index] = 0;
    } on RangeError catch (e) {
      print(e);
    }
  }
  try {
    view[50] = 0;
  } on RangeError catch (e) {
    print(e);
  }
  dynamic d = bytes;
  d[5] = 9;
  print(d[5]);
  try {
    d[1] = 'x';
  } on TypeError catch (e) {
    print(e is TypeError);
  }
  try {
    d[1.5];
  } on TypeError catch (e) {
    print(e is TypeError);
  }
  final lists = <List<num>>[
    Int8List(1), Uint8ClampedList(2), Int16List(3), Uint16List(4), Int32List(5),
    Uint32List(6), Int64List(7), Uint64List(8), Float32List(9), Float64List(10),
    Uint8List.view(bytes.buffer, 3, 11), bytes.asUnmodifiableView(),
  ];
  print(lists.map((l) => l.length).toList());
  final clamped = Uint8ClampedList(2);
  clamped[0] = 999;
  clamped[1] = -5;
  print(clamped);
  final copy = Uint8List.fromList(bytes);
  var same = 0;
  for (var i = 0; i < copy.length; i++) {
    if (copy[i] == bytes[i]) same++;
  }
  print(same);

  // Every integer width, signed and unsigned, through lists and offset views.
  final buffer = Uint8List(64).buffer;
  final i8 = buffer.asInt8List(1, 4);
  final i16 = buffer.asInt16List(8, 4);
  final u16 = buffer.asUint16List(16, 4);
  final i32 = buffer.asInt32List(24, 4);
  final u32 = buffer.asUint32List(40, 4);
  final values = [0, 1, -1, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
      2147483647, 2147483648, 4294967295, 4294967296, -2147483649, 1 << 40];
  for (final v in values) {
    i8[1] = v;
    i16[1] = v;
    u16[2] = v;
    i32[3] = v;
    u32[0] = v;
    print('$v: ${i8[1]} ${i16[1]} ${u16[2]} ${i32[3]} ${u32[0]}');
  }
  print(buffer.asUint8List(24, 8));
  final c = Uint8ClampedList(1);
  c[0] = 300;
  print(c[0]);
  try {
    i32[4] = 1;
  } on RangeError catch (e) {
    print(e);
  }
  try {
    print(u32[-1]);
  } on RangeError catch (e) {
    print(e);
  }
  final frozen32 = i32.asUnmodifiableView();
  print(frozen32[3]);
  try {
    frozen32[0] = 1;
  } on UnsupportedError catch (e) {
    print(e);
  }
}
