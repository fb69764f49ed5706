// Isolate benchmarks: spawn latency, message round-trip latency and message throughput.
//
//   dartrs run --release benches/isolates/isolates.dart [rounds]
//
// Prints one line per measurement (microseconds per operation, or messages per second)
// and a checksum line that depends on all the work. Plain Dart: the Dart VM runs it
// unchanged, so the figures compare directly with `dart run`.
import 'dart:async';
import 'dart:isolate';

/// A child that says it is ready and ends.
void ready(SendPort reply) => reply.send(0);

/// Answers every message with the same message until it gets null.
void echo(SendPort reply) {
  final port = RawReceivePort();
  port.handler = (Object? m) {
    if (m == null) {
      port.close();
      return;
    }
    reply.send(m);
  };
  reply.send(port.sendPort);
}

/// Counts what it receives; acknowledges every `batch` messages with the count.
void sink((SendPort, int) args) {
  final (reply, batch) = args;
  final port = RawReceivePort();
  var count = 0;
  port.handler = (Object? m) {
    if (m == null) {
      port.close();
      return;
    }
    count++;
    if (count % batch == 0) reply.send(count);
  };
  reply.send(port.sendPort);
}

/// A queue over a ReceivePort's messages, awaited one at a time.
class Inbox {
  final RawReceivePort port = RawReceivePort();
  final List<Object?> _queue = [];
  void Function()? _waiter;

  Inbox() {
    port.handler = (Object? m) {
      _queue.add(m);
      final w = _waiter;
      _waiter = null;
      if (w != null) w();
    };
  }

  Future<Object?> next() {
    if (_queue.isNotEmpty) return Future.value(_queue.removeAt(0));
    final done = Completer<Object?>();
    _waiter = () => done.complete(_queue.removeAt(0));
    return done.future;
  }
}

Future<void> main(List<String> args) async {
  final rounds = args.isEmpty ? 1 : int.parse(args[0]);
  final inbox = Inbox();
  var checksum = 0;

  // Spawn latency: from Isolate.spawn to the child's first message arriving.
  const spawns = 50;
  final spawnWatch = Stopwatch()..start();
  for (var r = 0; r < rounds; r++) {
    for (var i = 0; i < spawns; i++) {
      await Isolate.spawn(ready, inbox.port.sendPort);
      checksum += await inbox.next() as int;
      checksum += 1;
    }
  }
  final spawnUs = spawnWatch.elapsedMicroseconds / (spawns * rounds);
  print('spawn latency: ${spawnUs.toStringAsFixed(1)} us');

  // Round trip: a small message to an echo isolate and back.
  await Isolate.spawn(echo, inbox.port.sendPort);
  final echoPort = await inbox.next() as SendPort;
  const trips = 2000;
  final message = [1, 'two', 3.0];
  final tripWatch = Stopwatch()..start();
  for (var i = 0; i < trips * rounds; i++) {
    echoPort.send(message);
    final back = await inbox.next() as List;
    checksum += back.length;
  }
  final tripUs = tripWatch.elapsedMicroseconds / (trips * rounds);
  print('round trip: ${tripUs.toStringAsFixed(2)} us');
  echoPort.send(null);

  // Throughput: one-way messages (a 10-element int list) with an ack every 1000.
  const batch = 1000;
  const batches = 20;
  await Isolate.spawn(sink, (inbox.port.sendPort, batch));
  final sinkPort = await inbox.next() as SendPort;
  final payload = List<int>.generate(10, (i) => i * i);
  final sendWatch = Stopwatch()..start();
  for (var b = 0; b < batches * rounds; b++) {
    for (var i = 0; i < batch; i++) {
      sinkPort.send(payload);
    }
    checksum += await inbox.next() as int;
  }
  final seconds = sendWatch.elapsedMicroseconds / 1e6;
  final perSecond = batch * batches * rounds / seconds;
  print('throughput: ${perSecond.toStringAsFixed(0)} messages/s');
  sinkPort.send(null);
  inbox.port.close();
  print('checksum: $checksum');
}
