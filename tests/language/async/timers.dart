// gc-stress
// Timers: one-shot and periodic timers, cancel, isActive, tick, and the program staying
// alive until the last timer has run.
//
// SDK code relied on (dart-lang/sdk): sdk/lib/_internal/vm/lib/timer_impl.dart — timers
// fire in wake-up order; a one-shot timer is inactive once its callback started, a
// periodic one stays active until cancelled and counts its ticks; a cancelled timer never
// fires; the isolate ends when no timer is pending.
import 'dart:async';

void main() {
  var count = 0;
  Timer.periodic(Duration(milliseconds: 10), (timer) {
    count++;
    print('periodic $count active ${timer.isActive} ticked ${timer.tick >= count}');
    if (count == 3) {
      timer.cancel();
      print('cancelled, active ${timer.isActive}');
    }
  });
  var once = Timer(Duration(milliseconds: 5), () => print('once'));
  print('once active ${once.isActive}');
  var cancelled = Timer(Duration(milliseconds: 1), () => print('never printed'));
  cancelled.cancel();
  print('cancelled active ${cancelled.isActive}, tick ${cancelled.tick}');
  Timer(Duration(milliseconds: 300), () {
    print('last; once active ${once.isActive}');
    Timer.run(() => print('a zero timer from a timer'));
    scheduleMicrotask(() => print('microtask before it'));
  });
  print('main done');
}
