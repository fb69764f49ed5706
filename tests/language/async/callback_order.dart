// The order of microtasks, future callbacks and timers, as the Dart VM runs them.
//
// SDK code relied on (dart-lang/sdk): sdk/lib/async/future_impl.dart — `Future.value`
// is `_Future.immediate`, which completes through a microtask (`_asyncCompleteWithValue`);
// `then` on an incomplete future only adds a listener, run synchronously when the future
// completes; `Completer.complete` is `_asyncComplete` (a microtask). future.dart —
// `Future.sync` runs its computation immediately, `Future()` and `Future.delayed` use
// timers, `Future.microtask` uses `scheduleMicrotask`. schedule_microtask.dart — microtasks
// run in FIFO order; timer_impl.dart — the microtask queue is drained before any timer
// and after each one; zero-duration timers fire in creation order.
import 'dart:async';

void main() {
  print('main start');
  Future.delayed(Duration.zero, () => print('delayed zero'));
  Timer.run(() {
    print('timer run');
    scheduleMicrotask(() => print('microtask from timer'));
  });
  scheduleMicrotask(() => print('microtask 1'));
  Future.value(1).then((v) => print('value then $v'));
  Future(() => print('future constructor'));
  Future.microtask(() => print('future microtask'));
  Future.sync(() => print('future sync'));
  var completer = Completer<int>();
  completer.future.then((v) => print('completer then $v'));
  completer.complete(7);
  var sync = Completer<String>.sync();
  sync.future.then((v) => print('sync completer then $v'));
  sync.complete('now');
  print('after sync complete');
  scheduleMicrotask(() => print('microtask 2'));
  Future.delayed(Duration(milliseconds: 30), () => print('delayed 30ms'));
  Future.delayed(Duration(milliseconds: 10), () => print('delayed 10ms'));
  print('main end');
}
