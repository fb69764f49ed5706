// gc-stress
// A parallel map over 4 isolates: each worker squares (and sums digits of) its slice
// and sends the result back; the combined result equals the sequential one.
import 'dart:isolate';

int work(int x) {
  var v = x * x;
  var digits = 0;
  while (v > 0) {
    digits += v % 10;
    v ~/= 10;
  }
  return x * x + digits;
}

void worker((int, List<int>, SendPort) job) {
  final (index, slice, reply) = job;
  reply.send((index, <int>[for (final x in slice) work(x)]));
}

Future<List<int>> parallelMap(List<int> input, int workers) async {
  final port = ReceivePort();
  final chunk = (input.length + workers - 1) ~/ workers;
  for (var w = 0; w < workers; w++) {
    final start = w * chunk;
    final end = start + chunk < input.length ? start + chunk : input.length;
    await Isolate.spawn(worker, (w, input.sublist(start, end), port.sendPort));
  }
  final parts = List<List<int>?>.filled(workers, null);
  var received = 0;
  await for (final message in port) {
    final (index, part) = message as (int, List<int>);
    parts[index] = part;
    received++;
    if (received == workers) break;
  }
  return [for (final p in parts) ...p!];
}

Future<void> main() async {
  final input = List<int>.generate(1000, (i) => i * 7 - 300);
  final sequential = input.map(work).toList();
  final parallel = await parallelMap(input, 4);
  print(parallel.length);
  print(parallel.take(5).toList());
  print(parallel.skip(995).toList());
  var same = parallel.length == sequential.length;
  for (var i = 0; i < sequential.length && same; i++) {
    same = parallel[i] == sequential[i];
  }
  print('equal to sequential: $same');
}
