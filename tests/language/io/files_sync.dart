// Synchronous files and directories in a temporary directory: create, write (modes),
// read (string, lines, bytes), copy, rename, list, stat, parents, errors.
import 'dart:io';

void main() {
  final tmp = Directory.systemTemp.createTempSync('dartrs_files_sync_');
  String rel(String p) => p.replaceAll(tmp.path, 'TMP');
  final f = File('${tmp.path}/a.txt');
  print(f.existsSync());
  f.writeAsStringSync('hello\nworld\r\nlast');
  print(f.existsSync());
  print(f.readAsStringSync());
  print(f.readAsLinesSync());
  print(f.lengthSync());
  print(f.readAsBytesSync().sublist(0, 5));
  f.writeAsStringSync('!', mode: FileMode.append);
  print(f.readAsStringSync().endsWith('last!'));
  f.writeAsBytesSync([104, 195, 169, 10]);
  print(f.readAsStringSync());
  print(f.lengthSync());

  final sub = Directory('${tmp.path}/x/y');
  print(sub.existsSync());
  sub.createSync(recursive: true);
  print(sub.existsSync());
  File('${sub.path}/b.txt').createSync();
  File('${tmp.path}/z/w/c.txt').createSync(recursive: true);
  f.copySync('${tmp.path}/copy.txt');
  print(File('${tmp.path}/copy.txt').readAsStringSync() == f.readAsStringSync());
  final all = tmp.listSync(recursive: true).map((e) {
    final kind = e is File ? 'file' : (e is Directory ? 'dir' : 'other');
    return '$kind ${rel(e.path)}';
  }).toList()
    ..sort();
  all.forEach(print);
  final top = tmp.listSync().map((e) => rel(e.path)).toList()..sort();
  print(top);

  print(f.parent.path == tmp.path);
  print(File('a/b/c.txt').parent.path);
  print(Directory('a/b/').parent.path);
  print(File('c.txt').parent.path);
  print(File('/c.txt').parent.path);
  print(File('/').parent.path);
  print(File('x.txt').isAbsolute);
  print(File('x.txt').absolute.path == '${Directory.current.path}/x.txt');
  print(rel(f.toString()));
  print(rel(sub.toString()));

  final stat = f.statSync();
  print(stat.type);
  print(stat.size);
  print(stat.modified.millisecondsSinceEpoch > 946684800000);
  print(FileStat.statSync('${tmp.path}/none').type);
  print(FileStat.statSync('${tmp.path}/none').size);
  print(FileSystemEntity.typeSync(tmp.path));
  print(FileSystemEntity.isFileSync(f.path));
  print(FileSystemEntity.isDirectorySync(f.path));

  final moved = f.renameSync('${tmp.path}/moved.txt');
  print(f.existsSync());
  print(rel(moved.path));
  print(moved.existsSync());
  moved.deleteSync();
  print(moved.existsSync());

  void attempt(String what, void Function() action) {
    try {
      action();
      print('$what: ok');
    } on FileSystemException catch (e) {
      print('$what: ${rel(e.toString())}');
      print('  ${e.runtimeType == PathNotFoundException} ${e.osError?.errorCode}');
    }
  }

  attempt('read missing', () => File('${tmp.path}/missing').readAsStringSync());
  attempt('delete missing', () => File('${tmp.path}/missing').deleteSync());
  attempt('length missing', () => File('${tmp.path}/missing').lengthSync());
  attempt('delete non-empty', () => Directory('${tmp.path}/x').deleteSync());
  attempt('create exclusive',
      () => File('${tmp.path}/copy.txt').createSync(exclusive: true));
  attempt('write into missing dir',
      () => File('${tmp.path}/no/such.txt').writeAsStringSync('x'));
  attempt('list missing', () => Directory('${tmp.path}/none').listSync());
  File('${tmp.path}/bad.txt').writeAsBytesSync([97, 255, 98]);
  attempt('decode', () => File('${tmp.path}/bad.txt').readAsStringSync());

  tmp.deleteSync(recursive: true);
  print(tmp.existsSync());

  print(File('/tmp/a b.txt').uri);
  print(Directory('/tmp/d').uri);
  print(File('rel.txt').uri);
  print(File.fromUri(Uri.parse('file:///x/y%20z')).path);
  print(Platform.script.scheme);
  print(Platform.script.pathSegments.last);
}
