// BytesBuilder (dart:typed_data, also exported by dart:io): copying and non-copying
// builders, byte truncation, takeBytes clearing the builder, toBytes copying.
import 'dart:io';
import 'dart:typed_data';

void main() {
  final builder = BytesBuilder();
  print([builder.isEmpty, builder.isNotEmpty, builder.length]);
  builder.addByte(-1);
  builder.addByte(256 + 7);
  builder.add([1, 2, 300]);
  builder.add(Uint8List.fromList([9, 8]));
  print([builder.isEmpty, builder.length]);
  final copy = builder.toBytes();
  print(copy);
  copy[0] = 0;
  print(builder.toBytes());
  final taken = builder.takeBytes();
  print("${taken is Uint8List} $taken ${builder.length}");
  print(builder.takeBytes());
  for (var i = 0; i < 3000; i++) {
    builder.addByte(i);
  }
  final big = builder.toBytes();
  print([big.length, big[0], big[255], big[256], big[2999]]);
  builder.clear();
  print(builder.isEmpty);

  final shared = BytesBuilder(copy: false);
  final data = Uint8List.fromList([1, 2, 3]);
  shared.add(data);
  data[0] = 42;
  print(shared.toBytes());
  final whole = shared.takeBytes();
  print(identical(whole, data));
  shared.add([5, 6]);
  shared.addByte(-2);
  shared.add(Uint8List(0));
  print([shared.length, shared.toBytes(), shared.takeBytes(), shared.isEmpty]);
}
