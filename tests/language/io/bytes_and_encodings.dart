// Files, processes and sinks with dart:typed_data and dart:convert: reads give Uint8List,
// other encodings than UTF-8 (latin1), decode failures, process output as bytes or text,
// stream chunks through utf8.decoder and LineSplitter.
import 'dart:convert';
import 'dart:io';
import 'dart:typed_data';

Future<void> main() async {
  final tmp = Directory.systemTemp.createTempSync('dartrs_conv_');
  final f = File('${tmp.path}/a.txt');
  f.writeAsStringSync('héllo\nwörld\n');
  final bytes = f.readAsBytesSync();
  print(bytes is Uint8List);
  print(bytes.runtimeType);
  print(await f.readAsBytes() is Uint8List);
  print(f.readAsStringSync(encoding: latin1).length);
  f.writeAsStringSync('ab\u00e9', encoding: latin1);
  print(f.readAsBytesSync());
  try {
    f.readAsStringSync();
  } on FileSystemException catch (e) {
    print(e.message);
  }
  print(f.readAsStringSync(encoding: latin1));
  f.writeAsBytesSync(Uint8List.fromList([1, 2, 3]));
  print(f.readAsBytesSync());
  final p = await Process.start('printf', ['a\\nb\\nc']);
  final lines = await p.stdout.transform(utf8.decoder).transform(const LineSplitter()).toList();
  print(lines);
  final r = await Process.run('printf', ['x\\xffy'], stdoutEncoding: null);
  print(r.stdout);
  final r2 = await Process.run('printf', ['\\xc3\\xa9'], stdoutEncoding: utf8);
  print(r2.stdout);
  final chunks = await f.openRead().toList();
  print(chunks.first is Uint8List);
  stdout.add(utf8.encode('é\n'));
  final s = f.openWrite(encoding: latin1);
  s.write('é');
  await s.close();
  print(f.readAsBytesSync());
  f.writeAsBytesSync(Uint16List.fromList([1, 258, 65535]));
  print(f.readAsBytesSync());
  f.writeAsBytesSync(Uint8List.fromList([7, 8, 300]).asUnmodifiableView());
  print(f.readAsBytesSync());
  final raf = f.openSync(mode: FileMode.append);
  raf.writeFromSync(Int16List.fromList([-1, 65]));
  raf.closeSync();
  print(f.readAsBytesSync());
  stdout.add(Int8List.fromList([104, 105, 10]));
  tmp.deleteSync(recursive: true);
}
