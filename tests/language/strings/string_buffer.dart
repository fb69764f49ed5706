// gc-stress
// StringBuffer: write, writeln, writeAll, writeCharCode, length, clear,
// and building larger text (a multiplication table and a long string).

String table(int n) {
  var sb = StringBuffer();
  for (var row = 1; row <= n; row++) {
    for (var col = 1; col <= n; col++) {
      sb.write((row * col).toString().padLeft(4));
    }
    sb.writeln();
  }
  return sb.toString();
}

void main() {
  var sb = StringBuffer('start');
  print(sb.length);
  sb.write(' ');
  sb.write(42);
  sb.write(' ');
  sb.write(true);
  sb.write(null);
  sb.write(1.5);
  print(sb);
  print(sb.length);
  print(sb.isEmpty);

  sb.clear();
  print(sb.isEmpty);
  print('[${sb.toString()}]');

  sb.writeAll([1, 2, 3]);
  sb.writeln();
  sb.writeAll(['a', 'b', 'c'], ', ');
  sb.writeln('!');
  sb.writeCharCode(68);
  sb.writeCharCode(0x61);
  sb.write('rt');
  print(sb.toString());

  stdoutTable();

  var big = StringBuffer();
  for (var i = 0; i < 1000; i++) {
    big.write(i % 10);
  }
  var text = big.toString();
  print(text.length);
  print(text.substring(0, 25));
  print(text.substring(990));

  var parts = <String>[];
  for (var i = 0; i < 200; i++) {
    parts.add('item$i');
  }
  var joined = StringBuffer();
  joined.writeAll(parts, ';');
  var result = joined.toString();
  print(result.length);
  print(result.split(';')[123]);
}

void stdoutTable() {
  var t = table(5);
  print(t.length);
  print(t);
}
