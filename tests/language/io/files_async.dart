// gc-stress
// Asynchronous files and directories: futures completed from I/O threads, openRead as a
// stream of chunks, openWrite as an IOSink, list as a stream, errors as futures' errors.
import 'dart:io';

Future<void> main() async {
  final tmp = await Directory.systemTemp.createTemp('dartrs_files_async_');
  String rel(String p) => p.replaceAll(tmp.path, 'TMP');
  final f = File('${tmp.path}/a.txt');
  print(await f.exists());
  final written = await f.writeAsString('one\ntwo\n');
  print(identical(written, f));
  print(await f.exists());
  print(await f.readAsString());
  print(await f.readAsLines());
  print(await f.length());
  print(await f.readAsBytes());

  final sink = f.openWrite(mode: FileMode.append);
  sink.write('three');
  sink.writeln(3);
  sink.add([52, 10]);
  await sink.flush();
  sink.writeAll(['a', 'b', 'c'], ',');
  await sink.close();
  print(await f.readAsString());

  print(await f.openRead(4, 7).toList());
  var total = 0;
  await for (final chunk in f.openRead()) {
    total += chunk.length;
  }
  print(total);

  final big = File('${tmp.path}/big.bin');
  await big.writeAsBytes(List<int>.filled(150000, 7));
  final sizes = await big.openRead().map((c) => c.length).toList();
  print(sizes);
  print((await big.openRead().first).length);
  print(await big.openRead(149990).map((c) => c.length).toList());
  print(await big.openRead(200000).toList());
  print(await big.openRead(10, 20).expand((c) => c).toList());

  final fresh = File('${tmp.path}/fresh.txt').openWrite();
  await fresh.close();
  print(await File('${tmp.path}/fresh.txt').length());

  await Directory('${tmp.path}/d/e').create(recursive: true);
  final entries = await tmp.list(recursive: true).map((e) => rel(e.path)).toList();
  entries.sort();
  print(entries);

  try {
    await File('${tmp.path}/missing').readAsString();
  } on FileSystemException catch (e) {
    print(rel(e.toString()));
  }
  await File('${tmp.path}/missing').length().then((n) => print(n), onError: (Object e) {
    print(rel(e.toString()));
  });
  final events = <String>[];
  await for (final _ in File('${tmp.path}/missing')
      .openRead()
      .handleError((Object e) => events.add(rel(e.toString())))) {
    events.add('data');
  }
  print(events);

  final copy = await f.copy('${tmp.path}/b.txt');
  final renamed = await copy.rename('${tmp.path}/c.txt');
  print(rel(renamed.path));
  print(await FileSystemEntity.isFile(renamed.path));
  await f.delete();
  print(await f.exists());
  print((await FileStat.stat(tmp.path)).type);
  await tmp.delete(recursive: true);
  print(await tmp.exists());
}
