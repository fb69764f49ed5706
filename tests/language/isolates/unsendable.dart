// Unsendable objects (receive ports, futures, completers, stream subscriptions) throw
// ArgumentError in the sender with the Dart VM's text; the port still works after.
import 'dart:async';
import 'dart:isolate';

/// The first line of the error's text (the Dart VM adds the retaining path on the next
/// lines) without the VM's private-name suffixes (`_Future@4048458`).
String firstLine(Object e) {
  final line = e.toString().split('\n').first;
  final out = StringBuffer();
  var skipping = false;
  for (final c in line.split('')) {
    if (c == '@') {
      skipping = true;
      continue;
    }
    if (skipping && '0123456789'.contains(c)) continue;
    skipping = false;
    out.write(c);
  }
  return out.toString();
}

Future<void> main() async {
  final port = ReceivePort();
  final send = port.sendPort;
  final raw = RawReceivePort();
  final attempts = <String, Object?>{
    'ReceivePort': port,
    'RawReceivePort': raw,
    'Future': Future.value(1),
    'Completer': Completer<int>(),
    'nested in a list': [1, 2, Completer<void>()],
    'captured by a closure': () => port,
  };
  for (final entry in attempts.entries) {
    try {
      send.send(entry.value);
      print('${entry.key}: sent');
    } on ArgumentError catch (e) {
      print('${entry.key}: ${firstLine(e)}');
    }
  }
  try {
    await Isolate.spawn(print, Completer<int>());
  } on ArgumentError catch (e) {
    print('spawn: ${firstLine(e)}');
  }
  try {
    await Isolate.run(() => port);
  } catch (e) {
    print('run result: ${e.runtimeType}: ${firstLine(e)}');
  }
  send.send('still works');
  print(await port.first);
  raw.close();
}
