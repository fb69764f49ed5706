// Event-loop benchmarks: microtask, future-chain and timer throughput.
//
//   dartrs run --release benches/event_loop/event_loop.dart [rounds]
//   node benches/event_loop/event_loop.js [rounds]          # the same work in JavaScript
//
// Prints one line per measurement (operations per second) and a checksum line that
// depends on all the work. Plain Dart: `dart run` runs it unchanged.
import 'dart:async';

int checksum = 0;

/// `n` microtasks, each scheduling the next (the queue never holds more than one).
Future<int> microtaskChain(int n) {
  final done = Completer<int>();
  var left = n;
  void step() {
    checksum += left & 7;
    if (--left == 0) {
      done.complete(n);
    } else {
      scheduleMicrotask(step);
    }
  }

  scheduleMicrotask(step);
  return done.future;
}

/// `n` futures chained with `then`, each completing the next.
Future<int> futureChain(int n) async {
  var f = Future<int>.value(0);
  for (var i = 0; i < n; i++) {
    f = f.then((v) => v + 1);
  }
  final v = await f;
  checksum += v & 0xff;
  return v;
}

/// `n` zero-duration timers, each scheduling the next (one event-loop turn apiece).
Future<int> timerChain(int n) {
  final done = Completer<int>();
  var left = n;
  void step() {
    checksum += left & 3;
    if (--left == 0) {
      done.complete(n);
    } else {
      Timer.run(step);
    }
  }

  Timer.run(step);
  return done.future;
}

Future<void> measure(String name, int ops, Future<int> Function(int) run) async {
  final sw = Stopwatch()..start();
  await run(ops);
  final us = sw.elapsedMicroseconds;
  final rate = ops * 1000000 ~/ (us == 0 ? 1 : us);
  print('$name: $rate ops/s ($ops in ${us ~/ 1000} ms)');
}

Future<void> main(List<String> args) async {
  final rounds = args.isEmpty ? 1 : int.parse(args.first);
  await measure('microtasks', 1000000 * rounds, microtaskChain);
  await measure('future then', 300000 * rounds, futureChain);
  await measure('timers', 100000 * rounds, timerChain);
  print('checksum $checksum');
}
