// A listener that pauses while it receives an async* event keeps the generator
// suspended at that `yield` until it resumes; one that cancels there ends the body at
// the `yield` (finally blocks run). dartrs used an asynchronous controller, so the body
// had already run past the `yield` when the listener paused.
import 'dart:async';

final sent = <int>[];

Stream<int> numbers(int n) async* {
  try {
    for (var i = 1; i <= n; i++) {
      yield i;
      sent.add(i);
    }
  } finally {
    print('finally, sent $sent');
  }
}

Future<void> main() async {
  final done = Completer<void>();
  late StreamSubscription<int> sub;
  sub = numbers(3).listen((i) async {
    print('got $i, sent $sent');
    if (i == 1) {
      sub.pause();
      await Future.delayed(Duration(milliseconds: 5));
      print('still paused, sent $sent');
      sub.resume();
    }
  }, onDone: () => done.complete());
  await done.future;

  sent.clear();
  final cancelled = Completer<void>();
  late StreamSubscription<int> sub2;
  sub2 = numbers(5).listen((i) {
    print('second got $i, sent $sent');
    if (i == 2) sub2.cancel().then((_) => cancelled.complete());
  });
  await cancelled.future;
  print('cancelled, sent $sent');
}
