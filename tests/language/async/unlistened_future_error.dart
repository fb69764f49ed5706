// A future that completes with an error nobody listens to is an uncaught error: the
// root zone rethrows it from a priority microtask, ahead of the microtasks already queued
// and of the pending timer.
//
// SDK code relied on (dart-lang/sdk): sdk/lib/async/future_impl.dart
// (`_propagateToListeners` with no listeners calls `handleUncaughtError`),
// sdk/lib/async/zone.dart (`_rootHandleError` uses `_schedulePriorityAsyncCallback`),
// sdk/lib/async/schedule_microtask.dart (priority callbacks run before other pending
// microtasks).
import 'dart:async';

void main() {
  Future.error(StateError('nobody listens'));
  scheduleMicrotask(() => print('never printed: an ordinary microtask'));
  Timer(Duration(milliseconds: 20), () => print('never printed'));
  print('main done');
}
