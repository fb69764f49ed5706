// gc-stress
// Ping-pong between the main isolate and a spawned one over ReceivePorts.
import 'dart:isolate';

void echo(SendPort replyTo) {
  final port = ReceivePort();
  replyTo.send(port.sendPort);
  port.listen((message) {
    if (message == 'stop') {
      port.close();
      return;
    }
    replyTo.send('pong $message');
  });
}

void main() {
  final port = ReceivePort();
  SendPort? child;
  var n = 0;
  port.listen((message) {
    if (message is SendPort) {
      child = message;
      child!.send(n);
      return;
    }
    print(message);
    n++;
    if (n < 3) {
      child!.send(n);
    } else {
      child!.send('stop');
      port.close();
      print('done');
    }
  });
  Isolate.spawn(echo, port.sendPort).then((iso) => print('spawned'));
}
