// gc-stress
// The typed lists of dart:typed_data: wrap-around and clamping on store, the List
// interface, views sharing one buffer, copies, and the Dart VM's error texts.
import 'dart:typed_data';

void show(String label, Object? value) => print('$label: $value');

void main() {
  final u8 = Uint8List(4);
  u8[0] = 1;
  u8[1] = 256 + 44;
  u8[2] = -1;
  u8[3] = 0x1234;
  show('u8', u8);
  show('u8 type', u8.runtimeType);
  show('is List<int>', u8 is List<int>);
  show('is List<double>', u8 is List<double>);
  show('is TypedData', u8 is TypedData);
  show('sizes', [u8.length, u8.lengthInBytes, u8.elementSizeInBytes, u8.offsetInBytes]);

  final i8 = Int8List.fromList([127, 128, -129, 255]);
  show('i8', i8);
  final clamped = Uint8ClampedList.fromList([-5, 0, 128, 300]);
  show('clamped', clamped);
  clamped[0] = 1000;
  show('clamped[0]', clamped[0]);
  show('i16', Int16List.fromList([32767, 32768, -32769, 65535]));
  show('u16', Uint16List.fromList([-1, 65536, 65537]));
  show('i32', Int32List.fromList([2147483647, 2147483648, -1]));
  show('u32', Uint32List.fromList([-1, 4294967296, 7]));
  show('i64', Int64List.fromList([9223372036854775807, -9223372036854775808]));
  show('u64', Uint64List.fromList([-1, 42]));
  final f32 = Float32List.fromList([0.1, 1.5, -2.0, 1e40]);
  show('f32', f32);
  final f64 = Float64List.fromList([0.1, double.infinity, -0.0]);
  show('f64', f64);
  show('f64 nan', (Float64List(1)..[0] = double.nan)[0].isNaN);

  // Iteration and the List methods.
  final data = Uint16List.fromList([5, 3, 9, 1]);
  var sum = 0;
  for (final v in data) {
    sum += v;
  }
  show('sum', sum);
  show('map', data.map((v) => v * 2).toList());
  show('where', data.where((v) => v > 2).toList());
  show('indexOf', [data.indexOf(9), data.indexOf(7), data.contains(3)]);
  data.sort();
  show('sorted', data);
  show('reversed', data.reversed.toList());
  show('first/last', [data.first, data.last]);
  show('join', data.join('-'));
  show('sublist', data.sublist(1, 3));
  show('sublist type', data.sublist(1).runtimeType);
  data.setRange(1, 3, [70000, 8]);
  show('setRange', data);
  data.fillRange(0, 2, 7);
  show('fillRange', data);
  data.setAll(2, [11, 12]);
  show('setAll', data);
  show('toList', data.toList()..add(99));
  show('equal contents', data == Uint16List.fromList(data));

  // Views share their buffer.
  final bytes = Uint8List(8);
  final words = bytes.buffer.asUint32List();
  words[0] = 0x01020304;
  words[1] = 0xffffffff;
  show('bytes', bytes);
  final middle = Uint8List.view(bytes.buffer, 2, 4);
  middle[0] = 0xAA;
  show('middle', middle);
  show('middle type', middle.runtimeType);
  show('middle offset', middle.offsetInBytes);
  show('bytes after', bytes);
  show('same buffer', identical(middle.buffer, bytes.buffer) || middle.buffer == bytes.buffer);
  final sub = Uint16List.sublistView(bytes, 4, 8);
  show('sublistView', sub);
  show('sublistView offset', sub.offsetInBytes);
  // Overlapping copy within one buffer.
  final overlap = Uint8List.fromList([1, 2, 3, 4, 5, 6]);
  overlap.setRange(2, 6, overlap);
  show('overlap', overlap);
  final asWords = Int16List.view(overlap.buffer);
  show('as int16', asWords);

  // Unmodifiable views.
  final frozen = u8.asUnmodifiableView();
  show('frozen', frozen);
  try {
    frozen[0] = 9;
  } on UnsupportedError catch (e) {
    show('frozen store', e);
  }
  u8[0] = 77;
  show('frozen sees', frozen[0]);

  // Errors.
  try {
    u8[4] = 1;
  } on RangeError catch (e) {
    show('index', e);
  }
  try {
    u8[-1] = 0;
  } on RangeError catch (e) {
    show('negative', e);
  }
  try {
    u8.add(1);
  } on UnsupportedError catch (e) {
    show('add', e);
  }
  try {
    u8.length = 2;
  } on UnsupportedError catch (e) {
    show('length=', e);
  }
  try {
    u8.removeLast();
  } on UnsupportedError catch (e) {
    show('removeLast', e);
  }
  try {
    u8.sublist(3, 2);
  } on RangeError catch (e) {
    show('sublist', e);
  }
  try {
    u8.setRange(0, 3, [1]);
  } on StateError catch (e) {
    show('setRange', e);
  }
  show('empty', Float64List(0));
}
