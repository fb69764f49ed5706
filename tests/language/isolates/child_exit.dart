// `exit` in a spawned isolate ends the whole process with its code, after the output
// written so far (by every isolate) is flushed.
import 'dart:io';
import 'dart:isolate';

void quitter(int code) {
  print('child exits with $code');
  exit(code);
}

Future<void> main() async {
  print('main starts');
  final port = ReceivePort();
  await Isolate.spawn(quitter, 3);
  await port.first;
  print('never printed');
}
