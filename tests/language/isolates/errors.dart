// Uncaught errors in a spawned isolate: reported to onError as [error, stack] strings,
// the isolate ends (errorsAreFatal) and onExit gets its message; the parent goes on.
// Without an error listener the error is printed and only that isolate dies.
import 'dart:async';
import 'dart:isolate';

void failing(String what) {
  print('child: about to fail with $what');
  throw StateError(what);
}

void failingOnRequest(SendPort ready) {
  final port = RawReceivePort();
  port.handler = (Object? message) {
    port.close();
    Future(() => throw 'async failure $message');
  };
  ready.send(port.sendPort);
}

void survivor(SendPort report) {
  // With errorsAreFatal: false the isolate keeps running after an uncaught error.
  Isolate.current.setErrorsFatal(false);
  Future(() => throw 'first');
  Timer(const Duration(milliseconds: 5), () => report.send('still alive'));
}

void unreported(int n) {
  throw ArgumentError.value(n, 'n', 'nobody listens');
}

Future<void> main() async {
  final errors = ReceivePort();
  final exits = ReceivePort();
  final errorList = <Object?>[];
  errors.listen(errorList.add);
  await Isolate.spawn(failing, 'boom',
      onError: errors.sendPort, onExit: exits.sendPort, debugName: 'failing');
  print('onExit: ${await exits.first}');
  final error = errorList.single as List;
  print('onError: ${error[0]}');
  print('stack is a String: ${error[1] is String}');
  errors.close();

  final control = ReceivePort();
  final exits2 = ReceivePort();
  final iso = await Isolate.spawn(failingOnRequest, control.sendPort,
      onExit: exits2.sendPort, debugName: 'on request');
  final errors2 = ReceivePort();
  iso.addErrorListener(errors2.sendPort);
  final go = await control.first as SendPort;
  go.send(7);
  final e2 = await errors2.first as List;
  print('onError (added later): ${e2[0]}');
  print('onExit: ${await exits2.first}');

  final reports = ReceivePort();
  final errors3 = ReceivePort();
  await Isolate.spawn(survivor, reports.sendPort, onError: errors3.sendPort);
  print('survivor error: ${(await errors3.first as List)[0]}');
  print('survivor says: ${await reports.first}');

  final exits4 = ReceivePort();
  await Isolate.spawn(unreported, 3, onExit: exits4.sendPort, debugName: 'unreported');
  print('unreported ended: ${await exits4.first}');
  print('main done');
}
