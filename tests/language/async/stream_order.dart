// gc-stress
// Event order of stream controllers and stream constructors against microtasks.
//
// SDK code relied on (dart-lang/sdk, sdk/lib/async): stream_controller.dart — an
// asynchronous controller queues each event on the subscription (`_addPending`), a
// synchronous one delivers it inside `add`; events added before `listen` wait in the
// controller and are scheduled when the listener arrives. stream_impl.dart —
// `_PendingEvents.schedule` uses one microtask per event, rescheduled after each
// delivery. stream.dart — `Stream.fromIterable` is `Stream.multi` delivering one element
// per microtask (`addSync`), `Stream.value`/`Stream.error` use an asynchronous controller,
// `Stream.fromFuture` a synchronous one fed by `then`. broadcast_stream_controller.dart —
// an asynchronous broadcast controller queues the event on each listener in listening
// order; a listener added while an event is being fired does not receive it.
import 'dart:async';

void main() {
  final log = <String>[];
  void p(String s) => print(s);

  final c = StreamController<int>();
  c.stream.listen((v) => p('async data $v'), onDone: () => p('async done'));
  c.add(1);
  c.add(2);
  c.close();
  p('after async adds');

  final s = StreamController<int>(sync: true);
  s.stream.listen((v) => p('sync data $v'), onDone: () => p('sync done'));
  s.add(1);
  p('after sync add');
  s.close();

  final early = StreamController<String>();
  early.add('buffered');
  early.close();
  scheduleMicrotask(() => p('microtask 1'));
  early.stream.listen((v) => p('early $v'), onDone: () => p('early done'));

  Stream.fromIterable([1, 2, 3])
      .map((x) => x * 10)
      .where((x) => x > 10)
      .listen((v) => p('iterable $v'), onDone: () => p('iterable done'));
  Stream.value('v').listen((v) => p('value $v'), onDone: () => p('value done'));
  Stream<int>.error('e').listen((v) => p('never'),
      onError: (Object e) => p('error event $e'), onDone: () => p('error done'));
  Stream.fromFuture(Future.value(7)).listen((v) => p('fromFuture $v'));
  scheduleMicrotask(() => p('microtask 2'));

  final b = StreamController<String>.broadcast();
  b.stream.listen((v) {
    p('b1 $v');
    if (v == 'x') b.stream.listen((v) => p('b3 $v'));
  });
  b.stream.listen((v) => p('b2 $v'));
  b.add('x');
  b.add('y');

  final sb = StreamController<String>.broadcast(sync: true);
  sb.stream.listen((v) {
    p('sb1 $v');
    if (v == 'x') sb.stream.listen((v) => p('sb3 $v'));
  });
  sb.stream.listen((v) => p('sb2 $v'));
  sb.add('x');
  sb.add('y');
  p('end of main ${log.length}');
}
