// Errors in asynchronous code: await of a failed future inside try/catch/finally,
// exceptions escaping async functions, then/catchError/whenComplete chains, onError
// callbacks with one or two parameters, Future.wait/any/forEach/timeout.
//
// SDK code relied on (dart-lang/sdk): sdk/lib/_internal/vm/lib/async_patch.dart —
// `_SuspendState._handleException` completes the future of an async function that threw
// before its first suspension with `_asyncCompleteError` (a microtask later), after a
// suspension with `_completeError`; the error callback resumes the frame by throwing at
// the await. future_impl.dart — `_propagateToListeners` (catchError `test`, whenComplete
// keeps the source result, a throwing callback completes the result with the error),
// `_FutureListener.handleError` passes the stack trace only to two-parameter callbacks,
// `timeout` completes with a TimeoutException from a timer. future.dart — `Future.wait`
// completes with the first error once all futures are done, `Future.any` with the first
// result, `Future.forEach` runs the actions one after another.
import 'dart:async';

Future<int> failLater(String message) async {
  await Future.delayed(Duration(milliseconds: 1));
  throw FormatException(message);
}

Future<int> failNow() async {
  throw StateError('failed before any await');
}

Future<void> cleanup(List<String> log) async {
  try {
    log.add('try');
    await failLater('inner');
    log.add('not reached');
  } on FormatException catch (e) {
    log.add('caught ${e.message}');
    await Future.delayed(Duration.zero);
    log.add('after await in catch');
  } finally {
    await null;
    log.add('finally');
  }
}

Future<String> rethrower() async {
  try {
    await failLater('rethrown');
    return 'no';
  } catch (e) {
    rethrow;
  }
}

Future<void> main() async {
  try {
    await failLater('first');
  } catch (e) {
    print('caught: $e');
  }

  var f = failNow();
  print('failNow returned a future');
  try {
    await f;
  } on StateError catch (e) {
    print('caught: ${e.message}');
  }

  var log = <String>[];
  await cleanup(log);
  print(log);

  try {
    await rethrower();
  } catch (e) {
    print('rethrown: $e');
  }

  var value = await Future<int>.error(ArgumentError('nope'))
      .catchError((e) => -1, test: (e) => e is ArgumentError);
  print('catchError gave $value');

  var notMatched = await Future<int>.error(ArgumentError('nope'))
      .catchError((e) => -2, test: (e) => e is StateError)
      .catchError((e) => -3);
  print('second catchError gave $notMatched');

  await Future.value(5).then((v) {
    throw 'thrown in then $v';
  }).then((_) {
    print('not reached');
  }, onError: (Object e) {
    print('onError(1): $e');
  });

  await Future<void>.error('two-arg').then((_) {}, onError: (Object e, StackTrace s) {
    print('onError(2): $e ${s is StackTrace}');
  });

  var completed = await Future.value('kept').whenComplete(() => print('whenComplete ran'));
  print(completed);

  try {
    await Future<int>.error(UnsupportedError('from source')).whenComplete(() {
      print('whenComplete on error');
    });
  } on UnsupportedError catch (e) {
    print('still failed: ${e.message}');
  }

  var all = await Future.wait([
    Future.delayed(Duration(milliseconds: 20), () => 'slow'),
    Future.value('fast'),
    Future.delayed(Duration(milliseconds: 5), () => 'medium'),
  ]);
  print(all);

  try {
    await Future.wait([
      Future.delayed(Duration(milliseconds: 5), () => 1),
      failLater('wait failure'),
    ]);
  } catch (e) {
    print('wait failed: $e');
  }

  var first = await Future.any([
    Future.delayed(Duration(milliseconds: 30), () => 'tortoise'),
    Future.delayed(Duration(milliseconds: 5), () => 'hare'),
  ]);
  print('any: $first');

  var visited = <int>[];
  await Future.forEach([1, 2, 3], (int x) async {
    await Future.delayed(Duration.zero);
    visited.add(x * x);
  });
  print('forEach: $visited');

  try {
    await Future.delayed(Duration(milliseconds: 200), () => 'late')
        .timeout(Duration(milliseconds: 10));
  } on TimeoutException catch (e) {
    print('timeout: ${e.message}');
  }
  var fallback = await Completer<String>()
      .future
      .timeout(Duration(milliseconds: 5), onTimeout: () => 'fallback');
  print(fallback);
  print('done');
}
