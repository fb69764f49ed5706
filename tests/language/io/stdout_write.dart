// stdout.write / writeln / writeAll / writeCharCode from dart:io, mixed
// with print, and a progress line built without newlines.
import 'dart:io';

void main() {
  stdout.write('no newline');
  stdout.write(' - still same line');
  stdout.writeln();
  stdout.writeln('with newline');
  stdout.write(42);
  stdout.write(' ');
  stdout.write(3.5);
  stdout.write(' ');
  stdout.write(null);
  stdout.writeln();
  stdout.writeAll(['a', 'b', 'c'], '/');
  stdout.writeln();
  stdout.writeCharCode(0x44);
  stdout.writeCharCode(0x61);
  stdout.writeln('rt');

  stdout.write('progress: ');
  for (var i = 0; i <= 100; i += 25) {
    stdout.write('$i% ');
  }
  stdout.writeln('done');

  print('print after write');
  stdout.write('write after print\n');
  print('last line');
  stdout.write('trailing text without newline');
}
