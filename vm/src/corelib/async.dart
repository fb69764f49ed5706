// dart:async for dartrs: futures, completers, microtasks and timers, plus the Dart half of
// suspendable functions (`sync*` and `async`), whose frames the VM copies into
// `_SuspendState` objects at each suspension (see docs/ARCHITECTURE.md, "Suspendable
// functions").
//
// The callback order follows the Dart VM's implementation (sdk/lib/async/future_impl.dart,
// schedule_microtask.dart, sdk/lib/_internal/vm/lib/async_patch.dart and timer_impl.dart):
// listeners run synchronously when a future completes, late listeners and `_asyncComplete`
// go through a microtask, timers fire in (wake-up time, creation) order with the microtask
// queue drained after each one. Futures, timers and microtasks run their callbacks in the
// zone they were created in (zone.dart); streams are in the other parts of this library.

library dart.async;

part 'zone.dart';
part 'stream.dart';
part 'stream_impl.dart';
part 'stream_pipe.dart';

// ---------------------------------------------------------------------------------------
// Suspendable functions
// ---------------------------------------------------------------------------------------

/// A suspended frame of a `sync*` or `async` function. The runtime allocates it at the
/// first suspension and reads and writes its fields by name (vm/src/runtime/suspend.rs):
/// the frame's words, their count, the function's entry index and the resume address.
class _SuspendState {
  int? _frameSize;
  int? _entry;
  int? _pc;
  List<Object?>? _frame;
  Object? _functionData;
  void Function(Object?)? _thenCallback;
  void Function(Object, StackTrace)? _errorCallback;

  /// Rebuilds the frame on the stack and continues it at its suspension point with
  /// [value] as the result of the `await`, or throws [exception] there. Returns what the
  /// function returns or yields next (a machine-code stub, not a native call).
  @pragma('vm:external-name', 'SuspendState_resume')
  external Object? _resume(Object? value, Object? exception, StackTrace? stackTrace);

  /// A copy with its own frame (a `sync*` iterable restarts from its initial state).
  @pragma('vm:external-name', 'SuspendState_clone')
  external _SuspendState _clone();

  void _createAsyncCallbacks() {
    final state = this;
    void thenCallback(Object? value) {
      state._resume(value, null, null);
    }

    void errorCallback(Object error, StackTrace stackTrace) {
      state._resume(null, error, stackTrace);
    }

    final zone = Zone._current;
    if (identical(zone, _rootZone)) {
      _thenCallback = thenCallback;
      _errorCallback = errorCallback;
    } else {
      _thenCallback = zone.registerUnaryCallback<void, Object?>(thenCallback);
      _errorCallback = zone.registerBinaryCallback<void, Object, StackTrace>(errorCallback);
    }
  }

  /// Registers the continuation of `await object` and returns the function's future.
  Object? _await(Object? object) {
    if (_thenCallback == null) _createAsyncCallbacks();
    if (object is _Future) {
      if (object._isComplete) {
        _awaitCompletedFuture(object);
      } else {
        object._thenAwait(_thenCallback!, _errorCallback!, this);
      }
    } else if (object is! Future) {
      final then = _thenCallback!;
      final zone = Zone._current;
      zone.scheduleMicrotask(() {
        zone.runUnary<void, Object?>(then, object);
      });
    } else {
      object.then(_thenCallback!, onError: _errorCallback!);
    }
    return _functionData;
  }

  void _awaitCompletedFuture(_Future future) {
    final zone = Zone._current;
    if (future._hasError) {
      final error = future._resultOrListeners as AsyncError;
      final onError = _errorCallback!;
      zone.scheduleMicrotask(() {
        zone.runBinary<void, Object, StackTrace>(onError, error.error, error.stackTrace);
      });
    } else {
      final then = _thenCallback!;
      final value = future._resultOrListeners;
      zone.scheduleMicrotask(() {
        zone.runUnary<void, Object?>(then, value);
      });
    }
  }
}

// Entry points the compiled code of suspendable functions calls (by name).

@pragma('vm:entry-point')
Object? _initAsync<T>() => _Future<T>();

@pragma('vm:entry-point')
Object? _awaitHelper(_SuspendState state, Object? object) => state._await(object);

/// `return value` in an async function. `suspendState` is the function's future while it
/// has not suspended yet, its `_SuspendState` afterwards.
@pragma('vm:entry-point')
Object? _returnAsync(Object suspendState, Object? value) {
  final _Future future = suspendState is _SuspendState
      ? suspendState._functionData as _Future
      : suspendState as _Future;
  if (value is Future) {
    future._asyncCompleteUnchecked(value);
  } else {
    future._completeWithValue(value);
  }
  return future;
}

/// An exception escaped the body of an async function: the future completes with it (a
/// microtask later when the function never suspended, so the caller can still listen).
@pragma('vm:entry-point')
Object? _handleAsyncException(Object suspendState, Object exception, StackTrace trace) {
  if (suspendState is _SuspendState) {
    final future = suspendState._functionData as _Future;
    future._completeError(exception, trace);
    return future;
  }
  final future = suspendState as _Future;
  future._asyncCompleteError(exception, trace);
  return future;
}

@pragma('vm:entry-point')
Object? _initAsyncStar<T>() => _AsyncStarStreamController<T>();

/// The start of an `async*` body: the function returns its stream; the body runs once
/// the stream is listened to.
@pragma('vm:entry-point')
Object? _suspendAsyncStarAtStart(_SuspendState state) {
  final controller = state._functionData as _AsyncStarStreamController;
  controller._state = state;
  return controller.controller.stream;
}

/// `yield value` in an `async*` function: true when the frame must return instead.
@pragma('vm:entry-point')
bool _yieldAsyncStar(_SuspendState state, Object? value) =>
    (state._functionData as _AsyncStarStreamController)._add(value);

/// `yield* stream` in an `async*` function: true when the frame must return instead.
@pragma('vm:entry-point')
bool _yieldStarAsyncStar(_SuspendState state, Object? stream) =>
    (state._functionData as _AsyncStarStreamController)._addStream(stream as Stream);

@pragma('vm:entry-point')
Object? _returnAsyncStar(_SuspendState state) {
  (state._functionData as _AsyncStarStreamController).close();
  return null;
}

/// An exception escaped an `async*` body: it goes to the stream, which then closes.
@pragma('vm:entry-point')
Object? _handleAsyncStarException(_SuspendState state, Object exception, StackTrace trace) {
  final controller = state._functionData as _AsyncStarStreamController;
  controller.addError(exception, trace);
  controller.close();
  return null;
}

/// Drives an `async*` body after the VM's `_AsyncStarStreamController`: the body runs
/// from a microtask once the stream is listened to; each `yield` delivers its event
/// through a synchronous controller and suspends, and the body is resumed from a
/// microtask while the stream is listened to and not paused (a listener that pauses
/// while it receives an event keeps the body at that `yield`). When the
/// stream is cancelled, a body suspended at a `yield` is resumed to return (running its
/// `finally` blocks); `cancel()` then completes when the body has finished.
class _AsyncStarStreamController<T> {
  final StreamController<T> controller = StreamController<T>(sync: true);
  _SuspendState? _state;
  bool isAdding = false;
  bool onListenReceived = false;
  bool isScheduled = false;
  bool isSuspendedAtYield = false;
  _Future<void>? cancellationFuture;

  _AsyncStarStreamController() {
    controller.onListen = _onListen;
    controller.onResume = _onResume;
    controller.onCancel = _onCancel;
  }

  /// Resumes the body; at a `yield` it sees whether the stream was cancelled meanwhile.
  void _runBody() {
    isScheduled = false;
    isSuspendedAtYield = false;
    _state!._resume(!controller.hasListener, null, null);
  }

  void _scheduleGenerator() {
    if (isScheduled || controller.isPaused || isAdding) return;
    isScheduled = true;
    scheduleMicrotask(_runBody);
  }

  bool _add(T event) {
    // Delivered at once (a synchronous controller): a listener that pauses or cancels
    // while it receives the event keeps the body suspended at this `yield`.
    controller.add(event);
    if (!controller.hasListener) return true;
    _scheduleGenerator();
    isSuspendedAtYield = true;
    return false;
  }

  bool _addStream(Stream<T> stream) {
    if (!controller.hasListener) return true;
    isAdding = true;
    final whenDoneAdding = controller.addStream(stream, cancelOnError: false);
    whenDoneAdding.then((_) {
      isAdding = false;
      _scheduleGenerator();
      if (!isScheduled) isSuspendedAtYield = true;
    });
    return false;
  }

  void addError(Object error, StackTrace stackTrace) {
    final future = cancellationFuture;
    if (future != null && future._mayComplete) {
      // Cancelled: the error completes the cancel future.
      future._completeError(error, stackTrace);
      return;
    }
    if (!controller.hasListener) return;
    controller.addError(error, stackTrace);
  }

  void close() {
    final future = cancellationFuture;
    if (future != null && future._mayComplete) future._completeWithValue(null);
    controller.close();
  }

  void _onListen() {
    onListenReceived = true;
    _scheduleGenerator();
  }

  void _onResume() {
    if (isSuspendedAtYield) _scheduleGenerator();
  }

  FutureOr<void> _onCancel() {
    if (controller.isClosed) return null;
    if (cancellationFuture == null) {
      cancellationFuture = _Future<void>();
      // A body suspended at an await is left alone; one at a yield returns.
      if (isSuspendedAtYield) _scheduleGenerator();
    }
    return cancellationFuture;
  }
}

@pragma('vm:entry-point')
Object? _initSyncStar<T>() => _SyncStarIterable<T>();

@pragma('vm:entry-point')
Object? _suspendSyncStarAtStart(_SuspendState state) {
  final iterable = state._functionData as _SyncStarIterable;
  iterable._stateAtStart = state;
  return iterable;
}

@pragma('vm:entry-point')
void _syncStarYield(_SuspendState state, Object? value) {
  (state._functionData as _SyncStarIterator)._current = value;
}

@pragma('vm:entry-point')
void _syncStarYieldStar(_SuspendState state, Object? iterable) {
  (state._functionData as _SyncStarIterator)._yieldStarIterable = iterable as Iterable;
}

/// The iterable a `sync*` function returns: each iterator runs a fresh copy of the
/// function's frame as it was when the function was called.
class _SyncStarIterable<T> extends Iterable<T> {
  _SuspendState? _stateAtStart;

  Iterator<T> get iterator => _SyncStarIterator<T>(_stateAtStart!._clone());
}

class _SyncStarIterator<T> implements Iterator<T> {
  _SuspendState? _state;
  Iterator<Object?>? _yieldStarIterator;

  /// Suspended `sync*` frames that delegated to the current one with `yield*`.
  List<_SuspendState>? _stack;

  Object? _current;
  Iterable<Object?>? _yieldStarIterable;

  _SyncStarIterator(_SuspendState state) : _state = state {
    state._functionData = this;
  }

  T get current => _current as T;

  bool _finishMethod() {
    _current = null;
    _state = null;
    final stack = _stack;
    if (stack != null && stack.isNotEmpty) {
      _state = stack.removeLast();
      return true;
    }
    return false;
  }

  bool moveNext() {
    if (_state == null) return false;
    Object? pendingException;
    StackTrace? pendingStackTrace;
    while (true) {
      final iterator = _yieldStarIterator;
      if (iterator != null) {
        try {
          if (iterator.moveNext()) {
            _current = iterator.current;
            return true;
          }
        } catch (exception, stackTrace) {
          pendingException = exception;
          pendingStackTrace = stackTrace;
        }
        _yieldStarIterator = null;
      }
      try {
        final hasMore = _state!._resume(null, pendingException, pendingStackTrace) as bool;
        pendingException = null;
        pendingStackTrace = null;
        if (!hasMore) {
          if (_finishMethod()) continue;
          return false;
        }
      } catch (exception, stackTrace) {
        pendingException = exception;
        pendingStackTrace = stackTrace;
        if (_finishMethod()) continue;
        rethrow;
      }
      final iterable = _yieldStarIterable;
      if (iterable != null) {
        _yieldStarIterable = null;
        _current = null;
        if (iterable is _SyncStarIterable) {
          // A nested sync* iterable runs on this iterator's stack of frames.
          (_stack ??= <_SuspendState>[]).add(_state!);
          final nested = iterable._stateAtStart!._clone();
          nested._functionData = this;
          _state = nested;
        } else {
          try {
            _yieldStarIterator = iterable.iterator;
          } catch (exception, stackTrace) {
            pendingException = exception;
            pendingStackTrace = stackTrace;
          }
        }
        continue;
      }
      return true;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Microtasks
// ---------------------------------------------------------------------------------------

class _MicrotaskEntry {
  final void Function() callback;
  _MicrotaskEntry? next;
  _MicrotaskEntry(this.callback);
}

_MicrotaskEntry? _nextCallback;
_MicrotaskEntry? _lastCallback;
_MicrotaskEntry? _lastPriorityCallback;

/// Runs [callback] as a microtask in the current zone (after the SDK's
/// schedule_microtask.dart: the root zone queues it directly).
void scheduleMicrotask(void Function() callback) {
  final currentZone = Zone._current;
  if (identical(_rootZone, currentZone)) {
    _rootScheduleMicrotask(_rootZone, callback);
    return;
  }
  final implementation = currentZone._scheduleMicrotask;
  if (identical(_rootZone, implementation.zone) && _rootZone.inSameErrorZone(currentZone)) {
    _rootScheduleMicrotask(currentZone, currentZone.registerCallback<void>(callback));
    return;
  }
  currentZone.scheduleMicrotask(currentZone.bindCallbackGuarded(callback));
}

void _scheduleAsyncCallback(void Function() callback) {
  final entry = _MicrotaskEntry(callback);
  final last = _lastCallback;
  if (last == null) {
    _nextCallback = entry;
    _lastCallback = entry;
  } else {
    last.next = entry;
    _lastCallback = entry;
  }
}

/// Runs before the other pending microtasks (after earlier priority ones): how the root
/// zone reports an uncaught asynchronous error.
void _schedulePriorityAsyncCallback(void Function() callback) {
  if (_nextCallback == null) {
    _scheduleAsyncCallback(callback);
    _lastPriorityCallback = _lastCallback;
    return;
  }
  final entry = _MicrotaskEntry(callback);
  final lastPriority = _lastPriorityCallback;
  if (lastPriority == null) {
    entry.next = _nextCallback;
    _nextCallback = entry;
    _lastPriorityCallback = entry;
  } else {
    final next = lastPriority.next;
    entry.next = next;
    lastPriority.next = entry;
    _lastPriorityCallback = entry;
    if (next == null) _lastCallback = entry;
  }
}

/// Runs microtasks until the queue is empty (the event loop calls it after `main` and
/// after every event). An exception escaping a microtask is uncaught: the program ends.
@pragma('vm:entry-point')
void _drainMicrotasks() {
  while (true) {
    final entry = _nextCallback;
    if (entry == null) return;
    _lastPriorityCallback = null;
    final next = entry.next;
    _nextCallback = next;
    if (next == null) _lastCallback = null;
    entry.callback();
  }
}

// ---------------------------------------------------------------------------------------
// Timers
// ---------------------------------------------------------------------------------------

@pragma('vm:external-name', 'Async_timerMillisecondClock')
external int _timerMillisecondClock();

abstract class Timer {
  factory Timer(Duration duration, void Function() callback) {
    if (identical(Zone._current, _rootZone)) {
      return Zone._current.createTimer(duration, callback);
    }
    return Zone._current.createTimer(duration, Zone._current.bindCallbackGuarded(callback));
  }

  factory Timer.periodic(Duration duration, void Function(Timer timer) callback) {
    final bound = Zone._current.bindUnaryCallbackGuarded<Timer>(callback);
    return Zone._current.createPeriodicTimer(duration, bound);
  }

  static void run(void Function() callback) {
    Timer(Duration.zero, callback);
  }

  void cancel();
  int get tick;
  bool get isActive;
}

/// Pending timers sorted by (wake-up time, creation id).
final List<_Timer> _timers = <_Timer>[];
int _timerIds = 0;

class _Timer implements Timer {
  void Function(Timer)? _callback;
  int _milliSeconds;
  final bool _repeating;
  int _wakeupTime;
  final int _id;
  int _tick = 0;

  _Timer._(this._callback, this._milliSeconds, this._repeating, this._wakeupTime, this._id);

  static _Timer _create(int milliSeconds, void Function(Timer) callback, bool repeating) {
    if (milliSeconds < 0) milliSeconds = 0;
    if (repeating && milliSeconds == 0) milliSeconds = 1;
    final now = _timerMillisecondClock();
    // As the Dart VM: a non-zero timeout is rounded up by one millisecond.
    final wakeup = milliSeconds == 0 ? now : now + 1 + milliSeconds;
    final timer = _Timer._(callback, milliSeconds, repeating, wakeup, _timerIds++);
    timer._enqueue();
    return timer;
  }

  bool _before(_Timer other) =>
      _wakeupTime < other._wakeupTime ||
      (_wakeupTime == other._wakeupTime && _id < other._id);

  void _enqueue() {
    var low = 0;
    var high = _timers.length;
    while (low < high) {
      final mid = (low + high) >> 1;
      if (_timers[mid]._before(this)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    _timers.insert(low, this);
  }

  void cancel() {
    _callback = null;
    _timers.remove(this);
  }

  int get tick => _tick;

  bool get isActive => _callback != null;
}

/// The wake-up time of the earliest pending timer (on the timer clock), or -1 when no
/// timer is pending: the event loop sleeps until then.
@pragma('vm:entry-point')
int _nextTimerWakeup() => _timers.isEmpty ? -1 : _timers[0]._wakeupTime;

/// Runs every timer whose wake-up time has come, in order, draining the microtask queue
/// after each (as the Dart VM's `_Timer._runTimers`).
@pragma('vm:entry-point')
void _runExpiredTimers() {
  final now = _timerMillisecondClock();
  final due = <_Timer>[];
  while (_timers.isNotEmpty && _timers[0]._wakeupTime <= now) {
    due.add(_timers.removeAt(0));
  }
  for (final timer in due) {
    final callback = timer._callback;
    // An earlier timer's callback may have cancelled this one.
    if (callback == null) continue;
    if (!timer._repeating) {
      timer._callback = null;
    } else {
      final ms = timer._milliSeconds;
      final overdue = _timerMillisecondClock() - timer._wakeupTime;
      if (overdue > ms) {
        final missed = overdue ~/ ms;
        timer._wakeupTime += missed * ms;
        timer._tick += missed;
      }
    }
    timer._tick += 1;
    callback(timer);
    if (timer._repeating && timer._callback != null) {
      timer._wakeupTime += timer._milliSeconds;
      timer._enqueue();
    }
    _drainMicrotasks();
  }
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

class AsyncError implements Error {
  final Object error;
  final StackTrace stackTrace;

  AsyncError(this.error, [StackTrace? stackTrace])
      : stackTrace = stackTrace ?? defaultStackTrace(error);

  static StackTrace defaultStackTrace(Object error) {
    if (error is Error) {
      final trace = error.stackTrace;
      if (trace != null) return trace;
    }
    return StackTrace.empty;
  }

  String toString() => "$error";
}

class TimeoutException implements Exception {
  final String? message;
  final Duration? duration;

  TimeoutException(this.message, [this.duration]);

  String toString() {
    String result = "TimeoutException";
    if (duration != null) result = "TimeoutException after $duration";
    if (message != null) result = "$result: $message";
    return result;
  }
}

/// Lets the current zone replace an error given to a future or stream by user code
/// (`ZoneSpecification.errorCallback`).
AsyncError _interceptUserError(Object error, StackTrace? stackTrace) {
  final zone = Zone._current;
  if (!identical(zone, _rootZone)) {
    final replacement = zone.errorCallback(error, stackTrace);
    if (replacement != null) return replacement;
  }
  return AsyncError(error, stackTrace ?? AsyncError.defaultStackTrace(error));
}

/// Registers a `then`/`catchError` error handler in [zone], keeping its arity.
Function _registerErrorHandler(Function errorHandler, Zone zone) {
  if (_acceptsPositional(errorHandler, 2)) {
    return zone.registerBinaryCallback<dynamic, Object, StackTrace>(errorHandler as dynamic);
  }
  if (_acceptsPositional(errorHandler, 1)) {
    return zone.registerUnaryCallback<dynamic, Object>(errorHandler as dynamic);
  }
  throw ArgumentError.value(errorHandler, "onError",
      "Error handler must accept one Object or one Object and a StackTrace as arguments, and return a value of the returned future's type");
}

@pragma('vm:external-name', 'Function_acceptsPositional')
external bool _acceptsPositional(Function f, int count);

// ---------------------------------------------------------------------------------------
// Future
// ---------------------------------------------------------------------------------------

abstract class FutureOr<T> {}

abstract class Future<T> {
  factory Future(FutureOr<T> Function() computation) {
    final result = _Future<T>();
    Timer.run(() {
      Object? value;
      try {
        value = computation();
      } catch (e, s) {
        result._completeError(e, s);
        return;
      }
      result._complete(value);
    });
    return result;
  }

  factory Future.microtask(FutureOr<T> Function() computation) {
    final result = _Future<T>();
    scheduleMicrotask(() {
      Object? value;
      try {
        value = computation();
      } catch (e, s) {
        result._completeError(e, s);
        return;
      }
      result._complete(value);
    });
    return result;
  }

  factory Future.sync(FutureOr<T> Function() computation) {
    Object? result;
    try {
      result = computation();
    } catch (error, stackTrace) {
      final future = _Future<T>();
      future._asyncCompleteError(error, stackTrace);
      return future;
    }
    if (result is Future) return result as Future<T>;
    return _Future<T>._value(result);
  }

  factory Future.value([FutureOr<T>? value]) => _Future<T>._immediate(value);

  factory Future.error(Object error, [StackTrace? stackTrace]) {
    final replacement = _interceptUserError(error, stackTrace);
    final future = _Future<T>();
    future._asyncCompleteError(replacement.error, replacement.stackTrace);
    return future;
  }

  factory Future.delayed(Duration duration, [FutureOr<T> Function()? computation]) {
    final result = _Future<T>();
    Timer(duration, () {
      if (computation == null) {
        result._complete(null);
      } else {
        Object? value;
        try {
          value = computation();
        } catch (e, s) {
          result._completeError(e, s);
          return;
        }
        result._complete(value);
      }
    });
    return result;
  }

  static Future<List<T>> wait<T>(Iterable<Future<T>> futures,
      {bool eagerError = false, void Function(T successValue)? cleanUp}) {
    final result = _Future<List<T>>();
    List<Object?>? values;
    int remaining = 0;
    Object? error;
    StackTrace? stackTrace;

    void handleError(Object theError, StackTrace theStackTrace) {
      remaining--;
      final valueList = values;
      if (valueList != null) {
        values = null;
        error = theError;
        stackTrace = theStackTrace;
        if (cleanUp != null) {
          for (final value in valueList) {
            if (value != null) {
              Future.sync(() {
                cleanUp(value as T);
              });
            }
          }
        }
        if (remaining == 0 || eagerError) {
          result._completeError(theError, theStackTrace);
        }
      } else if (remaining == 0 && !eagerError) {
        result._completeError(error!, stackTrace!);
      }
    }

    for (final future in futures) {
      final pos = remaining;
      future.then((T value) {
        remaining--;
        final valueList = values;
        if (valueList != null) {
          valueList[pos] = value;
          if (remaining == 0) {
            result._completeWithValue(<T>[for (final v in valueList) v as T]);
          }
        } else {
          if (cleanUp != null && value != null) {
            Future.sync(() {
              cleanUp(value);
            });
          }
          if (remaining == 0 && !eagerError) {
            result._completeError(error!, stackTrace!);
          }
        }
      }, onError: handleError);
      remaining++;
    }
    if (remaining == 0) {
      result._completeWithValue(<T>[]);
      return result;
    }
    values = List<Object?>.filled(remaining, null);
    return result;
  }

  static Future<T> any<T>(Iterable<Future<T>> futures) {
    final completer = Completer<T>.sync();
    void onValue(T value) {
      if (!completer.isCompleted) completer.complete(value);
    }

    void onError(Object error, StackTrace stack) {
      if (!completer.isCompleted) completer.completeError(error, stack);
    }

    for (final future in futures) {
      future.then(onValue, onError: onError);
    }
    return completer.future;
  }

  static Future<void> forEach<T>(Iterable<T> elements, FutureOr Function(T element) action) {
    final iterator = elements.iterator;
    return doWhile(() {
      if (!iterator.moveNext()) return false;
      final result = action(iterator.current);
      if (result is Future) return result.then((_) => true);
      return true;
    });
  }

  static Future<void> doWhile(FutureOr<bool> Function() action) {
    final doneSignal = _Future<void>();
    late void Function(Object?) nextIteration;
    nextIteration = (Object? keepGoing) {
      var go = keepGoing as bool;
      while (go) {
        Object? result;
        try {
          result = action();
        } catch (error, stackTrace) {
          doneSignal._asyncCompleteError(error, stackTrace);
          return;
        }
        if (result is Future) {
          result.then(nextIteration, onError: doneSignal._completeError);
          return;
        }
        go = result as bool;
      }
      doneSignal._complete(null);
    };
    nextIteration(true);
    return doneSignal;
  }

  Future<R> then<R>(FutureOr<R> Function(T value) onValue, {Function? onError});

  Future<T> catchError(Function onError, {bool Function(Object error)? test});

  Future<T> whenComplete(FutureOr<void> Function() action);

  Future<T> timeout(Duration timeLimit, {FutureOr<T> Function()? onTimeout});

  Stream<T> asStream() => Stream<T>.fromFuture(this);
}

void unawaited(Future<void>? future) {}

extension FutureExtensions<T> on Future<T> {
  void ignore() {
    then((_) {}, onError: (Object e, StackTrace s) {});
  }
}

class _FutureListener {
  static const int maskValue = 1;
  static const int maskError = 2;
  static const int maskTestError = 4;
  static const int maskWhenComplete = 8;
  static const int stateThen = maskValue;
  static const int stateThenOnerror = maskValue | maskError;
  static const int stateCatchError = maskError;
  static const int stateCatchErrorTest = maskError | maskTestError;
  static const int stateWhenComplete = maskWhenComplete;
  static const int maskType = maskValue | maskError | maskTestError | maskWhenComplete;
  static const int stateIsAwait = 16;

  _FutureListener? _nextListener;
  final _Future result;
  final int state;
  final Function? callback;
  final Function? errorCallback;

  /// For `await` listeners: the suspended function waiting (read by the runtime to print
  /// the awaiters of an asynchronous stack trace).
  final _SuspendState? awaiter;

  _FutureListener.then(this.result, Function onValue, Function? errorCallback)
      : callback = onValue,
        errorCallback = errorCallback,
        awaiter = null,
        state = errorCallback == null ? stateThen : stateThenOnerror;

  _FutureListener.thenAwait(this.result, Function onValue, Function errorCallback, this.awaiter)
      : callback = onValue,
        errorCallback = errorCallback,
        state = stateThenOnerror | stateIsAwait;

  _FutureListener.catchError(this.result, this.errorCallback, this.callback)
      : awaiter = null,
        state = callback == null ? stateCatchError : stateCatchErrorTest;

  _FutureListener.whenComplete(this.result, this.callback)
      : errorCallback = null,
        awaiter = null,
        state = stateWhenComplete;

  bool get handlesValue => state & maskValue != 0;
  bool get handlesError => state & maskError != 0;
  bool get hasErrorTest => state & maskType == stateCatchErrorTest;
  bool get handlesComplete => state & maskType == stateWhenComplete;
  bool get isAwait => state & stateIsAwait != 0;
  bool get hasErrorCallback => errorCallback != null;

  /// The zone the callbacks run in: that of the future `then` & co. returned.
  _Zone get _zone => result._zone;

  Object? handleValue(Object? sourceResult) =>
      _zone.runUnary<Object?, Object?>(callback as dynamic, sourceResult);

  bool matchesErrorTest(AsyncError asyncError) {
    if (!hasErrorTest) return true;
    return _zone.runUnary<Object?, Object>(callback as dynamic, asyncError.error) as bool;
  }

  Object? handleError(AsyncError asyncError) {
    final onError = errorCallback!;
    if (_acceptsPositional(onError, 2)) {
      return _zone.runBinary<Object?, Object, StackTrace>(
          onError as dynamic, asyncError.error, asyncError.stackTrace);
    }
    return _zone.runUnary<Object?, Object>(onError as dynamic, asyncError.error);
  }

  Object? handleWhenComplete() => _zone.run<Object?>(callback as dynamic);
}

class _Future<T> implements Future<T> {
  static const int _stateIncomplete = 0;
  static const int _statePendingComplete = 1;
  static const int _stateChained = 2;
  static const int _stateValue = 4;
  static const int _stateError = 8;

  int _state = _stateIncomplete;

  /// The zone the future was created in: where its errors are uncaught when nobody
  /// listens, and where its completion microtasks run.
  final _Zone _zone;

  /// The listeners (incomplete), the source future (chained), the value, or an
  /// [AsyncError].
  Object? _resultOrListeners;

  _Future() : _zone = Zone._current;

  _Future._immediate(Object? result) : _zone = Zone._current {
    _asyncComplete(result);
  }

  _Future._value(Object? value) : _zone = Zone._current {
    _setValue(value);
  }

  /// A future completed with [value] that belongs to [zone].
  _Future._zoneValue(Object? value, this._zone) {
    _setValue(value);
  }

  bool get _mayComplete => _state == _stateIncomplete;
  bool get _isPendingComplete => _state == _statePendingComplete;
  bool get _mayAddListener => _state <= _statePendingComplete;
  bool get _isChained => _state == _stateChained;
  bool get _isComplete => _state >= _stateValue;
  bool get _hasError => _state == _stateError;

  void _setChained(_Future source) {
    _state = _stateChained;
    _resultOrListeners = source;
  }

  Future<R> then<R>(FutureOr<R> Function(T value) onValue, {Function? onError}) {
    final currentZone = Zone._current;
    Function callback = onValue;
    if (identical(currentZone, _rootZone)) {
      if (onError != null &&
          !_acceptsPositional(onError, 1) &&
          !_acceptsPositional(onError, 2)) {
        throw ArgumentError.value(onError, "onError",
            "Error handler must accept one Object or one Object and a StackTrace as arguments, and return a value of the returned future's type");
      }
    } else {
      callback = currentZone.registerUnaryCallback<FutureOr<R>, T>(onValue);
      if (onError != null) onError = _registerErrorHandler(onError, currentZone);
    }
    final result = _Future<R>();
    _addListener(_FutureListener.then(result, callback, onError));
    return result;
  }

  Future<Object?> _thenAwait(Function onValue, Function onError, _SuspendState awaiter) {
    final result = _Future<Object?>();
    _addListener(_FutureListener.thenAwait(result, onValue, onError, awaiter));
    return result;
  }

  Future<T> catchError(Function onError, {bool Function(Object error)? test}) {
    final result = _Future<T>();
    if (!identical(result._zone, _rootZone)) {
      onError = _registerErrorHandler(onError, result._zone);
      if (test != null) test = result._zone.registerUnaryCallback<bool, Object>(test);
    }
    _addListener(_FutureListener.catchError(result, onError, test));
    return result;
  }

  Future<T> whenComplete(FutureOr<void> Function() action) {
    final result = _Future<T>();
    if (!identical(result._zone, _rootZone)) {
      action = result._zone.registerCallback<FutureOr<void>>(action);
    }
    _addListener(_FutureListener.whenComplete(result, action));
    return result;
  }

  Stream<T> asStream() => Stream<T>.fromFuture(this);

  AsyncError get _error => _resultOrListeners as AsyncError;

  _Future get _chainSource => _resultOrListeners as _Future;

  void _setValue(Object? value) {
    _state = _stateValue;
    _resultOrListeners = value;
  }

  void _setErrorObject(AsyncError error) {
    _state = _stateError;
    _resultOrListeners = error;
  }

  void _setError(Object error, StackTrace stackTrace) {
    _setErrorObject(AsyncError(error, stackTrace));
  }

  void _cloneResult(_Future source) {
    _state = source._state;
    _resultOrListeners = source._resultOrListeners;
  }

  void _addListener(_FutureListener listener) {
    if (_mayAddListener) {
      listener._nextListener = _resultOrListeners as _FutureListener?;
      _resultOrListeners = listener;
    } else {
      if (_isChained) {
        final source = _chainSource;
        if (!source._isComplete) {
          source._addListener(listener);
          return;
        }
        _cloneResult(source);
      }
      _zone.scheduleMicrotask(() {
        _propagateToListeners(this, listener);
      });
    }
  }

  void _prependListeners(_FutureListener? listeners) {
    if (listeners == null) return;
    if (_mayAddListener) {
      final existing = _resultOrListeners as _FutureListener?;
      _resultOrListeners = listeners;
      if (existing != null) {
        var cursor = listeners;
        var next = cursor._nextListener;
        while (next != null) {
          cursor = next;
          next = cursor._nextListener;
        }
        cursor._nextListener = existing;
      }
    } else {
      if (_isChained) {
        final source = _chainSource;
        if (!source._isComplete) {
          source._prependListeners(listeners);
          return;
        }
        _cloneResult(source);
      }
      final reversed = _reverseListeners(listeners);
      _zone.scheduleMicrotask(() {
        _propagateToListeners(this, reversed);
      });
    }
  }

  _FutureListener? _removeListeners() {
    final current = _resultOrListeners as _FutureListener?;
    _resultOrListeners = null;
    return _reverseListeners(current);
  }

  _FutureListener? _reverseListeners(_FutureListener? listeners) {
    _FutureListener? prev;
    var current = listeners;
    while (current != null) {
      final next = current._nextListener;
      current._nextListener = prev;
      prev = current;
      current = next;
    }
    return prev;
  }

  void _chainForeignFuture(Future source) {
    _state = _statePendingComplete;
    source.then((Object? value) {
      _state = _stateIncomplete;
      _completeWithValue(value);
    }, onError: (Object error, StackTrace stackTrace) {
      _completeError(error, stackTrace);
    });
  }

  static void _chainCoreFuture(_Future source, _Future target) {
    while (source._isChained) {
      source = source._chainSource;
    }
    if (source._isComplete) {
      final listeners = target._removeListeners();
      target._cloneResult(source);
      _propagateToListeners(target, listeners);
    } else {
      final listeners = target._resultOrListeners as _FutureListener?;
      target._setChained(source);
      source._prependListeners(listeners);
    }
  }

  void _complete(Object? value) {
    if (value is Future) {
      if (value is _Future) {
        _chainCoreFuture(value, this);
      } else {
        _chainForeignFuture(value);
      }
    } else {
      final listeners = _removeListeners();
      _setValue(value);
      _propagateToListeners(this, listeners);
    }
  }

  void _completeWithValue(Object? value) {
    final listeners = _removeListeners();
    _setValue(value);
    _propagateToListeners(this, listeners);
  }

  void _completeError(Object error, StackTrace stackTrace) {
    final listeners = _removeListeners();
    _setError(error, stackTrace);
    _propagateToListeners(this, listeners);
  }

  void _asyncComplete(Object? value) {
    if (value is Future) {
      _chainFuture(value);
      return;
    }
    _asyncCompleteWithValue(value);
  }

  /// Completes with a future's result (as `return future` in an async function).
  void _asyncCompleteUnchecked(Object? value) {
    if (value is Future) {
      _chainFuture(value);
    } else {
      _asyncCompleteWithValue(value);
    }
  }

  void _asyncCompleteWithValue(Object? value) {
    _state = _statePendingComplete;
    _zone.scheduleMicrotask(() {
      _completeWithValue(value);
    });
  }

  void _chainFuture(Future value) {
    if (value is _Future) {
      if (value._hasError) {
        // Delay completion to allow the user to register callbacks.
        _state = _statePendingComplete;
        _zone.scheduleMicrotask(() {
          _state = _stateIncomplete;
          _chainCoreFuture(value, this);
        });
      } else {
        _chainCoreFuture(value, this);
      }
      return;
    }
    _chainForeignFuture(value);
  }

  void _asyncCompleteError(Object error, StackTrace stackTrace) {
    _state = _statePendingComplete;
    _zone.scheduleMicrotask(() {
      _completeError(error, stackTrace);
    });
  }

  /// Delivers the result of [source] to [listeners], running their callbacks; a
  /// listener's result future is completed in turn (iteratively for single listeners).
  static void _propagateToListeners(_Future source, _FutureListener? listeners) {
    while (true) {
      final hasError = source._hasError;
      if (listeners == null) {
        if (hasError) {
          final asyncError = source._error;
          source._zone.handleUncaughtError(asyncError.error, asyncError.stackTrace);
        }
        return;
      }
      var listener = listeners;
      var nextListener = listener._nextListener;
      while (nextListener != null) {
        listener._nextListener = null;
        _propagateToListeners(source, listener);
        listener = nextListener;
        nextListener = listener._nextListener;
      }
      final sourceResult = source._resultOrListeners;
      var listenerHasError = hasError;
      Object? listenerValueOrError = sourceResult;
      if (hasError || listener.handlesValue || listener.handlesComplete) {
        final zone = listener._zone;
        if (hasError && !source._zone.inSameErrorZone(zone)) {
          // Errors never cross into another error zone.
          final asyncError = source._error;
          source._zone.handleUncaughtError(asyncError.error, asyncError.stackTrace);
          return;
        }
        _Zone? oldZone;
        if (!identical(Zone._current, zone)) oldZone = Zone._enter(zone);
        if (listener.handlesComplete) {
          Object? completeResult;
          var threw = false;
          try {
            completeResult = listener.handleWhenComplete();
          } catch (e, s) {
            threw = true;
            if (hasError && identical(source._error.error, e)) {
              listenerValueOrError = source._error;
            } else {
              listenerValueOrError = AsyncError(e, s);
            }
            listenerHasError = true;
          }
          if (!threw) {
            if (completeResult is _Future && completeResult._isComplete) {
              if (completeResult._hasError) {
                listenerValueOrError = completeResult._error;
                listenerHasError = true;
              }
            } else if (completeResult is Future) {
              final originalSource = source;
              listenerValueOrError = completeResult.then((_) => originalSource);
              listenerHasError = false;
            }
          }
        } else if (!hasError) {
          if (listener.handlesValue) {
            try {
              listenerValueOrError = listener.handleValue(sourceResult);
            } catch (e, s) {
              listenerValueOrError = AsyncError(e, s);
              listenerHasError = true;
            }
          }
        } else if (listener.handlesError) {
          try {
            final asyncError = source._error;
            if (listener.matchesErrorTest(asyncError) && listener.hasErrorCallback) {
              listenerValueOrError = listener.handleError(asyncError);
              listenerHasError = false;
            }
          } catch (e, s) {
            if (identical(source._error.error, e)) {
              listenerValueOrError = source._error;
            } else {
              listenerValueOrError = AsyncError(e, s);
            }
            listenerHasError = true;
          }
        }
        if (oldZone != null) Zone._leave(oldZone);
        if (!listenerHasError && listenerValueOrError is Future) {
          final chainSource = listenerValueOrError;
          final result = listener.result;
          if (chainSource is _Future) {
            if (chainSource._isComplete) {
              listeners = result._removeListeners();
              result._cloneResult(chainSource);
              source = chainSource;
              continue;
            } else {
              _chainCoreFuture(chainSource, result);
            }
          } else {
            result._chainForeignFuture(chainSource);
          }
          return;
        }
      }
      final result = listener.result;
      listeners = result._removeListeners();
      if (!listenerHasError) {
        result._setValue(listenerValueOrError);
      } else {
        result._setErrorObject(listenerValueOrError as AsyncError);
      }
      source = result;
    }
  }

  Future<T> timeout(Duration timeLimit, {FutureOr<T> Function()? onTimeout}) {
    if (_isComplete) return _Future<T>._immediate(this);
    final result = _Future<T>();
    Timer timer;
    if (onTimeout == null) {
      timer = Timer(timeLimit, () {
        result._completeError(
            TimeoutException("Future not completed", timeLimit), StackTrace.empty);
      });
    } else {
      timer = Timer(timeLimit, () {
        try {
          result._complete(onTimeout());
        } catch (e, s) {
          result._completeError(e, s);
        }
      });
    }
    then((T v) {
      if (timer.isActive) {
        timer.cancel();
        result._completeWithValue(v);
      }
    }, onError: (Object e, StackTrace s) {
      if (timer.isActive) {
        timer.cancel();
        result._completeError(e, s);
      }
    });
    return result;
  }
}

// ---------------------------------------------------------------------------------------
// Completer
// ---------------------------------------------------------------------------------------

abstract class Completer<T> {
  factory Completer() => _AsyncCompleter<T>();
  factory Completer.sync() => _SyncCompleter<T>();

  Future<T> get future;
  void complete([FutureOr<T>? value]);
  void completeError(Object error, [StackTrace? stackTrace]);
  bool get isCompleted;
}

abstract class _Completer<T> implements Completer<T> {
  final _Future<T> future = _Future<T>();

  void completeError(Object error, [StackTrace? stackTrace]) {
    if (!future._mayComplete) throw StateError("Future already completed");
    final replacement = _interceptUserError(error, stackTrace);
    _completeError(replacement.error, replacement.stackTrace);
  }

  void _completeError(Object error, StackTrace stackTrace);

  bool get isCompleted => !future._mayComplete;
}

class _AsyncCompleter<T> extends _Completer<T> {
  void complete([FutureOr<T>? value]) {
    if (!future._mayComplete) throw StateError("Future already completed");
    future._asyncComplete(value);
  }

  void _completeError(Object error, StackTrace stackTrace) {
    future._asyncCompleteError(error, stackTrace);
  }
}

class _SyncCompleter<T> extends _Completer<T> {
  void complete([FutureOr<T>? value]) {
    if (!future._mayComplete) throw StateError("Future already completed");
    future._complete(value);
  }

  void _completeError(Object error, StackTrace stackTrace) {
    future._completeError(error, stackTrace);
  }
}


