// gc-stress
// async* generators and await for: laziness, event order against microtasks, yield*,
// errors, early exit (break, cancel) running finally blocks, pause.
//
// SDK code relied on (dart-lang/sdk): sdk/lib/_internal/vm/lib/async_patch.dart,
// `_AsyncStarStreamController` — the body starts from a microtask when the stream is
// listened to (`onListen` -> `scheduleGenerator`); `yield` adds to a synchronous
// `StreamController` (the listener gets the event at once) and suspends, the body is
// resumed from a microtask unless the stream is paused; `yield*` is `controller.addStream` and resumes when it is done;
// cancelling a body suspended at a yield resumes it to return (finally blocks run) and
// `cancel()` completes when the body has finished; an exception escaping the body is an
// error event followed by done. The language spec: `await for` listens through a
// `StreamIterator`, and leaving the loop (break, return, exception) cancels the
// subscription and waits for the cancel (the CFE lowering in
// pkg/kernel/lib/transformations/continuation.dart).
import 'dart:async';

Stream<int> count(String name, int n) async* {
  print('$name starts');
  try {
    for (var i = 1; i <= n; i++) {
      print('$name yields $i');
      yield i;
    }
  } finally {
    print('$name finally');
  }
  print('$name ends');
}

Stream<String> outer() async* {
  yield 'a';
  yield* Stream.fromIterable(['b', 'c']);
  yield* count('inner', 2).map((i) => 'i$i');
  final value = await Future.delayed(Duration.zero, () => 'd');
  yield value;
}

Stream<int> failing() async* {
  yield 1;
  throw StateError('generator failed');
}

Stream<int> early(int n) async* {
  for (var i = 0; i < 10; i++) {
    if (i == n) return;
    yield i;
  }
}

Future<int> sum(Stream<int> s) async {
  var total = 0;
  await for (final x in s) {
    total += x;
  }
  return total;
}

Future<void> main() async {
  final lazy = count('lazy', 1);
  print('created, not started');
  scheduleMicrotask(() => print('microtask before listen'));
  lazy.listen((v) => print('lazy got $v'), onDone: () => print('lazy done'));
  scheduleMicrotask(() => print('microtask after listen'));
  await Future.delayed(Duration.zero);

  print('--- await for');
  await for (final x in count('loop', 2)) {
    print('loop body $x');
  }
  print('--- break');
  await for (final x in count('brk', 5)) {
    print('brk body $x');
    if (x == 2) break;
  }
  print('after break');
  print('--- outer ${await outer().toList()}');
  print('--- sum ${await sum(count('sum', 4))}');
  print('--- return ${await early(3).toList()}');

  print('--- error');
  try {
    await for (final x in failing()) {
      print('failing body $x');
    }
  } catch (e) {
    print('caught $e');
  }
  failing().listen((v) => print('listen $v'),
      onError: (Object e) => print('listen error $e'), onDone: () => print('listen done'));
  await Future.delayed(Duration.zero);

  print('--- cancel');
  late StreamSubscription<int> sub;
  sub = count('cancel', 5).listen((v) {
    print('cancel got $v');
    if (v == 2) {
      sub.cancel().then((_) => print('cancel completed'));
    }
  });
  await Future.delayed(Duration.zero);

  print('--- pause');
  final paused = count('pause', 3).listen((v) => print('pause got $v'));
  paused.pause();
  await Future.delayed(Duration.zero);
  print('resuming');
  paused.resume();
  await Future.delayed(Duration.zero);

  print('--- exception in await for body');
  try {
    await for (final x in count('throwing', 3)) {
      if (x == 2) throw 'body threw at $x';
    }
  } catch (e) {
    print('caught $e');
  }
  print('--- broadcast');
  final b = StreamController<int>.broadcast();
  final got = sum(b.stream);
  await Future.delayed(Duration.zero);
  b..add(5)..add(6);
  await b.close();
  print('broadcast sum ${await got}');
}
