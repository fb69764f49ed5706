// gc-stress
// Isolate.kill: a busy isolate (an endless loop) dies at once with priority immediate,
// an idle one at its next event; onExit reports both. Isolate.exit sends its last
// message and ends the isolate at once (no finally block runs). Isolate.ping answers.
import 'dart:isolate';

void spin(SendPort started) {
  started.send('spinning');
  var i = 0;
  while (true) {
    i++;
  }
}

void idle(SendPort reply) {
  final port = ReceivePort();
  reply.send(port.sendPort);
  port.listen((m) => reply.send('idle got $m'));
}

void exiting(SendPort reply) {
  try {
    Isolate.exit(reply, ['last', 'words']);
  } finally {
    print('finally must not run');
  }
}

Future<void> main() async {
  final started = ReceivePort();
  final exits = ReceivePort();
  final spinner = await Isolate.spawn(spin, started.sendPort,
      onExit: exits.sendPort, debugName: 'spinner');
  print(await started.first);
  print('spinner is ${spinner.debugName}');
  spinner.kill(priority: Isolate.immediate);
  print('spinner exit: ${await exits.first}');

  final replies = ReceivePort();
  final messages = <Object?>[];
  final events = replies.listen(messages.add);
  final idler = await Isolate.spawn(idle, replies.sendPort);
  final idleExit = ReceivePort();
  idler.addOnExitListener(idleExit.sendPort, response: 'idle gone');
  while (messages.isEmpty) {
    await Future.delayed(const Duration(milliseconds: 1));
  }
  (messages.removeAt(0) as SendPort).send('hello');
  final pong = ReceivePort();
  idler.ping(pong.sendPort, response: 'pong');
  print(await pong.first);
  while (messages.isEmpty) {
    await Future.delayed(const Duration(milliseconds: 1));
  }
  print(messages.removeAt(0));
  idler.kill();
  print(await idleExit.first);
  await events.cancel();

  final last = ReceivePort();
  final exitPort = ReceivePort();
  await Isolate.spawn(exiting, last.sendPort, onExit: exitPort.sendPort);
  print(await last.first);
  print('exited: ${await exitPort.first}');

  final unsendable = RawReceivePort();
  try {
    Isolate.exit(last.sendPort, unsendable);
  } on ArgumentError catch (e) {
    print('exit with an unsendable message throws: ${e.message}');
  }
  unsendable.close();
  print('main ends');
}
