// gc-stress
// The Stream API: consumers, transformations, transformers, subscriptions (pause,
// resume, cancel, onData/onError/onDone), errors, Stream.periodic, broadcast streams.
//
// SDK code relied on (dart-lang/sdk, sdk/lib/async): stream.dart — consumers listen with
// cancelOnError and complete from the deciding event (`first` cancels after one element,
// `elementAt` past the end fails with an IndexError, `single` with "Too many elements");
// `reduce`/`first` on an empty stream fail with "No element". stream_pipe.dart —
// transformations forward synchronously, `take(n)` closes after n elements (cancelling
// the source), an error thrown by a callback becomes an error event. stream_impl.dart —
// a paused subscription buffers events and delivers them after `resume`; after `cancel`
// nothing more arrives. stream_transformers.dart — `fromHandlers` defaults forward
// events. stream_controller.dart — `onListen`/`onPause`/`onResume`/`onCancel` run when
// the single listener subscribes, pauses, resumes and cancels.
import 'dart:async';

Stream<int> numbers(int n) => Stream.fromIterable([for (var i = 1; i <= n; i++) i]);

Future<void> main() async {
  print(await numbers(5).toList());
  print(await numbers(5).map((x) => x * x).where((x) => x.isOdd).toList());
  print(await numbers(3).expand((x) => [x, x]).toList());
  print(await numbers(10).skip(2).take(3).toList());
  print(await numbers(10).skipWhile((x) => x < 4).takeWhile((x) => x < 7).toList());
  print(await Stream.fromIterable([1, 1, 2, 2, 2, 3, 1]).distinct().toList());
  print(await numbers(4).fold<int>(100, (a, b) => a + b));
  print(await numbers(4).reduce((a, b) => a * b));
  print(await numbers(4).join(', '));
  print(await numbers(4).length);
  print(await numbers(0).isEmpty);
  print(await numbers(3).isEmpty);
  print(await numbers(4).contains(3));
  print(await numbers(4).any((x) => x > 3));
  print(await numbers(4).every((x) => x > 3));
  print(await numbers(4).first);
  print(await numbers(4).last);
  print(await Stream.value(9).single);
  print(await numbers(4).elementAt(2));
  print(await numbers(4).firstWhere((x) => x > 2));
  print(await numbers(4).lastWhere((x) => x < 3));
  print(await numbers(4).firstWhere((x) => x > 20, orElse: () => -1));
  print(await numbers(3).asyncMap((x) => Future.delayed(Duration.zero, () => x * 3)).toList());
  print(await numbers(3).toSet());
  print(await Stream.fromFuture(Future.delayed(Duration.zero, () => 'later')).toList());
  print(await Stream<int>.empty().toList());
  var seen = <int>[];
  await numbers(3).forEach(seen.add);
  print(seen);
  print(await numbers(4).drain<String>('drained'));

  for (final failing in <Future<Object?> Function()>[
    () => numbers(0).first,
    () => numbers(0).reduce((a, b) => a),
    () => numbers(2).single,
    () => numbers(2).elementAt(5),
    () => numbers(3).map((x) => x == 2 ? throw 'bad $x' : x).toList(),
    () => Stream<int>.error(StateError('err')).toList(),
  ]) {
    try {
      print('value ${await failing()}');
    } catch (e) {
      print('error: $e');
    }
  }

  // handleError and errors that are not cancelOnError.
  final withErrors = StreamController<int>();
  withErrors
    ..add(1)
    ..addError('oops')
    ..add(2)
    ..addError(ArgumentError('arg'))
    ..close();
  await withErrors.stream
      .handleError((Object e) => print('handled $e'), test: (e) => e is String)
      .listen((v) => print('data $v'),
          onError: (Object e, StackTrace s) => print('onError $e'),
          onDone: () => print('done'))
      .asFuture<void>()
      .catchError((Object e) => print('asFuture error $e'));

  // A transformer from handlers: doubles data, turns errors into data, adds a marker.
  final doubler = StreamTransformer<int, String>.fromHandlers(
      handleData: (x, sink) => sink..add('$x')..add('$x'),
      handleError: (e, s, sink) => sink.add('error($e)'),
      handleDone: (sink) {
        sink.add('end');
        sink.close();
      });
  final source = StreamController<int>();
  source
    ..add(1)
    ..addError('x')
    ..add(2)
    ..close();
  print(await source.stream.transform(doubler).toList());

  // Controller callbacks, pause buffering, resume, cancel.
  final events = <String>[];
  late StreamController<int> ctrl;
  ctrl = StreamController<int>(
      onListen: () => events.add('onListen'),
      onPause: () => events.add('onPause'),
      onResume: () => events.add('onResume'),
      onCancel: () {
        events.add('onCancel');
        return Future.delayed(Duration.zero, () => events.add('cancel finished'));
      });
  final sub = ctrl.stream.listen((v) => events.add('data $v'));
  ctrl.add(1);
  await Future.delayed(Duration.zero);
  sub.pause();
  ctrl.add(2);
  ctrl.add(3);
  print('paused: ${sub.isPaused} ${ctrl.isPaused}');
  await Future.delayed(Duration.zero);
  events.add('resuming');
  sub.resume();
  await Future.delayed(Duration.zero);
  await sub.cancel();
  events.add('after cancel');
  ctrl.add(4);
  print(events.join(' | '));
  print('hasListener: ${ctrl.hasListener}');

  // Single-subscription streams refuse a second listener.
  final once = StreamController<int>();
  once.stream.listen(null);
  try {
    once.stream.listen(null);
  } catch (e) {
    print(e);
  }
  try {
    once.close();
    once.add(1);
  } catch (e) {
    print(e);
  }

  // Stream.periodic with take, and a broadcast stream made from a single one.
  print(await Stream.periodic(const Duration(milliseconds: 2), (i) => i * i).take(4).toList());
  final shared = numbers(3).asBroadcastStream();
  final both = await Future.wait([shared.toList(), shared.toList()]);
  print('${both[0]} ${both[1]} ${shared.isBroadcast}');
  print(await numbers(4).cast<num>().map((n) => n / 2).toList());
  final timedOut = StreamController<int>();
  try {
    await timedOut.stream.timeout(const Duration(milliseconds: 5)).first;
  } catch (e) {
    print(e.runtimeType);
  }
}
