// Isolates: counting primes in parallel. The range is split over four isolates with
// `Isolate.run` (each computes its segment on its own thread and heap and returns the
// result), then a long-lived worker isolate answers questions over ports until told to
// stop. The parallel count equals the sequential one.
import 'dart:isolate';

/// Primes in [from, to) by trial division (deliberately CPU-bound).
List<int> primesIn(int from, int to) {
  final found = <int>[];
  for (var n = from < 2 ? 2 : from; n < to; n++) {
    var prime = true;
    for (var d = 2; d * d <= n; d++) {
      if (n % d == 0) {
        prime = false;
        break;
      }
    }
    if (prime) found.add(n);
  }
  return found;
}

/// A worker that answers `(question, replyPort)` messages until it receives `null`.
void primeOracle(SendPort ready) {
  final requests = ReceivePort();
  ready.send(requests.sendPort);
  requests.listen((message) {
    if (message == null) {
      requests.close();
      return;
    }
    final (int n, SendPort reply) = message as (int, SendPort);
    reply.send((n, primesIn(n, n + 1).isNotEmpty));
  });
}

Future<void> main() async {
  const limit = 200000;
  const workers = 4;
  const step = limit ~/ workers;

  final segments = await Future.wait([
    for (var w = 0; w < workers; w++)
      Isolate.run(() => primesIn(w * step, (w + 1) * step), debugName: 'segment $w'),
  ]);
  final parallel = [for (final s in segments) ...s];
  print('primes below $limit: ${parallel.length}');
  for (var w = 0; w < workers; w++) {
    final s = segments[w];
    print('  segment $w: ${s.length} primes, last ${s.last}');
  }
  final sequential = primesIn(0, limit);
  var same = sequential.length == parallel.length;
  for (var i = 0; same && i < sequential.length; i++) {
    same = sequential[i] == parallel[i];
  }
  print('same as sequential: $same');

  final ready = ReceivePort();
  final exited = ReceivePort();
  await Isolate.spawn(primeOracle, ready.sendPort,
      onExit: exited.sendPort, debugName: 'oracle');
  final oracle = await ready.first as SendPort;
  final answers = ReceivePort();
  final questions = [97, 1001, 7919, 65537, 65535];
  for (final q in questions) {
    oracle.send((q, answers.sendPort));
  }
  var pending = questions.length;
  await for (final answer in answers) {
    final (int n, bool isPrime) = answer as (int, bool);
    print('$n is ${isPrime ? 'prime' : 'not prime'}');
    if (--pending == 0) break;
  }
  oracle.send(null);
  await exited.first;
  print('oracle stopped');
}
