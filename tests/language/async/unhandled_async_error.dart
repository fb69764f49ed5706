// An error thrown after an await travels through the awaiting functions; its stack trace
// lists the synchronous frames, then each awaiter after an `<asynchronous suspension>`
// line; unhandled, it ends the program with exit code 255.
//
// SDK code relied on (dart-lang/sdk): runtime/vm/stack_trace.cc and
// sdk/lib/_internal/vm/lib/async_patch.dart (awaiters are found through the `await`
// listener of each suspended function's future); sdk/lib/async/zone.dart
// (`_rootHandleError` rethrows an unhandled error from a priority microtask).
Future<void> fail() async {
  await Future.delayed(Duration(milliseconds: 1));
  throw Exception('async boom');
}

Future<void> middle() async {
  print('middle start');
  await fail();
  print('not reached');
}

Future<void> main() async {
  try {
    await middle();
  } catch (e, s) {
    print('caught $e');
    for (var line in s.toString().split('\n')) {
      if (line.isNotEmpty) print(line.split(' (').first);
    }
  }
  await middle();
  print('not reached either');
}
