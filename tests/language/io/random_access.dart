// gc-stress
// RandomAccessFile, synchronous and asynchronous: open modes, reads and writes at
// positions, truncation, length, closed files and one pending operation at a time.
import 'dart:io';

Future<void> main() async {
  final tmp = Directory.systemTemp.createTempSync('dartrs_raf_');
  String rel(Object o) => o.toString().replaceAll(tmp.path, 'TMP');
  final file = File('${tmp.path}/data.bin');

  final w = file.openSync(mode: FileMode.write);
  print(rel(w));
  w.writeStringSync('hello world');
  w.writeByteSync(33);
  w.writeFromSync([0, 1, 2, 3, 4, 5], 2, 4);
  print(w.positionSync());
  print(w.lengthSync());
  w.setPositionSync(0);
  print(String.fromCharCodes(w.readSync(5)));
  print(w.readByteSync());
  final buffer = List<int>.filled(8, 0);
  print(w.readIntoSync(buffer, 2));
  print(buffer);
  print(w.readByteSync());
  w.truncateSync(5);
  print(w.lengthSync());
  w.closeSync();
  try {
    w.lengthSync();
  } on FileSystemException catch (e) {
    print(rel(e));
  }

  final a = file.openSync(mode: FileMode.append);
  print(a.positionSync());
  a.writeStringSync('!');
  a.closeSync();
  print(file.readAsStringSync());

  final r = await file.open();
  print(await r.length());
  print(String.fromCharCodes(await r.read(3)));
  print(await r.position());
  final pending = r.read(1);
  try {
    r.positionSync();
  } on FileSystemException catch (e) {
    print(e.message);
  }
  print(await pending);
  await r.setPosition(1);
  print(await r.readByte());
  try {
    r.writeByteSync(1);
  } on FileSystemException catch (e) {
    print(rel(e));
  }
  await r.close();

  try {
    File('${tmp.path}/missing').openSync();
  } on FileSystemException catch (e) {
    print(rel(e));
  }
  final rw = await File('${tmp.path}/new.bin').open(mode: FileMode.write);
  await rw.writeFrom([1, 2, 3]);
  await rw.writeString('ab');
  await rw.flush();
  await rw.truncate(4);
  await rw.close();
  print(File('${tmp.path}/new.bin').readAsBytesSync());
  tmp.deleteSync(recursive: true);
}
