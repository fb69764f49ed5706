// dart:async zones for dartrs: `Zone`, `ZoneSpecification`, `ZoneDelegate`, `runZoned`
// and `runZonedGuarded`, after the Dart SDK's sdk/lib/async/zone.dart.
//
// A zone is a chain of handler sets: each custom zone keeps, per operation, the nearest
// zone (itself or an ancestor) whose specification overrides it, so calling an operation
// is one lookup plus a call; the root zone's versions run the callback directly. Futures,
// timers, microtasks and stream subscriptions remember the zone they were created in and
// run their callbacks there (see `_Future._zone`, `Timer`, `scheduleMicrotask`). Uncaught
// errors go to the nearest error zone (one with a `handleUncaughtError` handler); the root
// zone rethrows them from a priority microtask, which ends the program.
//
// Not supported: `ZoneSpecification.print` (dart:core's `print` does not consult zones)
// and `fork` handlers; a specification naming them is a compile error (no such parameter).

part of dart.async;

typedef ZoneCallback<R> = R Function();
typedef ZoneUnaryCallback<R, T> = R Function(T);
typedef ZoneBinaryCallback<R, T1, T2> = R Function(T1, T2);

typedef HandleUncaughtErrorHandler = void Function(
    Zone self, ZoneDelegate parent, Zone zone, Object error, StackTrace stackTrace);
typedef RunHandler = R Function<R>(Zone self, ZoneDelegate parent, Zone zone, R Function() f);
typedef RunUnaryHandler = R Function<R, T>(
    Zone self, ZoneDelegate parent, Zone zone, R Function(T arg) f, T arg);
typedef RunBinaryHandler = R Function<R, T1, T2>(Zone self, ZoneDelegate parent, Zone zone,
    R Function(T1 arg1, T2 arg2) f, T1 arg1, T2 arg2);
typedef RegisterCallbackHandler = ZoneCallback<R> Function<R>(
    Zone self, ZoneDelegate parent, Zone zone, R Function() f);
typedef RegisterUnaryCallbackHandler = ZoneUnaryCallback<R, T> Function<R, T>(
    Zone self, ZoneDelegate parent, Zone zone, R Function(T arg) f);
typedef RegisterBinaryCallbackHandler = ZoneBinaryCallback<R, T1, T2> Function<R, T1, T2>(
    Zone self, ZoneDelegate parent, Zone zone, R Function(T1 arg1, T2 arg2) f);
typedef ErrorCallbackHandler = AsyncError? Function(
    Zone self, ZoneDelegate parent, Zone zone, Object error, StackTrace? stackTrace);
typedef ScheduleMicrotaskHandler = void Function(
    Zone self, ZoneDelegate parent, Zone zone, void Function() f);
typedef CreateTimerHandler = Timer Function(
    Zone self, ZoneDelegate parent, Zone zone, Duration duration, void Function() f);
typedef CreatePeriodicTimerHandler = Timer Function(Zone self, ZoneDelegate parent,
    Zone zone, Duration period, void Function(Timer timer) f);

/// The handlers a forked zone overrides; `null` inherits the parent's.
abstract final class ZoneSpecification {
  const factory ZoneSpecification(
      {HandleUncaughtErrorHandler? handleUncaughtError,
      RunHandler? run,
      RunUnaryHandler? runUnary,
      RunBinaryHandler? runBinary,
      RegisterCallbackHandler? registerCallback,
      RegisterUnaryCallbackHandler? registerUnaryCallback,
      RegisterBinaryCallbackHandler? registerBinaryCallback,
      ErrorCallbackHandler? errorCallback,
      ScheduleMicrotaskHandler? scheduleMicrotask,
      CreateTimerHandler? createTimer,
      CreatePeriodicTimerHandler? createPeriodicTimer}) = _ZoneSpecification;

  factory ZoneSpecification.from(ZoneSpecification other,
      {HandleUncaughtErrorHandler? handleUncaughtError,
      RunHandler? run,
      RunUnaryHandler? runUnary,
      RunBinaryHandler? runBinary,
      RegisterCallbackHandler? registerCallback,
      RegisterUnaryCallbackHandler? registerUnaryCallback,
      RegisterBinaryCallbackHandler? registerBinaryCallback,
      ErrorCallbackHandler? errorCallback,
      ScheduleMicrotaskHandler? scheduleMicrotask,
      CreateTimerHandler? createTimer,
      CreatePeriodicTimerHandler? createPeriodicTimer}) {
    return ZoneSpecification(
        handleUncaughtError: handleUncaughtError ?? other.handleUncaughtError,
        run: run ?? other.run,
        runUnary: runUnary ?? other.runUnary,
        runBinary: runBinary ?? other.runBinary,
        registerCallback: registerCallback ?? other.registerCallback,
        registerUnaryCallback: registerUnaryCallback ?? other.registerUnaryCallback,
        registerBinaryCallback: registerBinaryCallback ?? other.registerBinaryCallback,
        errorCallback: errorCallback ?? other.errorCallback,
        scheduleMicrotask: scheduleMicrotask ?? other.scheduleMicrotask,
        createTimer: createTimer ?? other.createTimer,
        createPeriodicTimer: createPeriodicTimer ?? other.createPeriodicTimer);
  }

  HandleUncaughtErrorHandler? get handleUncaughtError;
  RunHandler? get run;
  RunUnaryHandler? get runUnary;
  RunBinaryHandler? get runBinary;
  RegisterCallbackHandler? get registerCallback;
  RegisterUnaryCallbackHandler? get registerUnaryCallback;
  RegisterBinaryCallbackHandler? get registerBinaryCallback;
  ErrorCallbackHandler? get errorCallback;
  ScheduleMicrotaskHandler? get scheduleMicrotask;
  CreateTimerHandler? get createTimer;
  CreatePeriodicTimerHandler? get createPeriodicTimer;
}

final class _ZoneSpecification implements ZoneSpecification {
  final HandleUncaughtErrorHandler? handleUncaughtError;
  final RunHandler? run;
  final RunUnaryHandler? runUnary;
  final RunBinaryHandler? runBinary;
  final RegisterCallbackHandler? registerCallback;
  final RegisterUnaryCallbackHandler? registerUnaryCallback;
  final RegisterBinaryCallbackHandler? registerBinaryCallback;
  final ErrorCallbackHandler? errorCallback;
  final ScheduleMicrotaskHandler? scheduleMicrotask;
  final CreateTimerHandler? createTimer;
  final CreatePeriodicTimerHandler? createPeriodicTimer;

  const _ZoneSpecification(
      {this.handleUncaughtError,
      this.run,
      this.runUnary,
      this.runBinary,
      this.registerCallback,
      this.registerUnaryCallback,
      this.registerBinaryCallback,
      this.errorCallback,
      this.scheduleMicrotask,
      this.createTimer,
      this.createPeriodicTimer});
}

/// Calls the parent zone's implementation of an operation from inside a handler.
abstract final class ZoneDelegate {
  void handleUncaughtError(Zone zone, Object error, StackTrace stackTrace);
  R run<R>(Zone zone, R Function() f);
  R runUnary<R, T>(Zone zone, R Function(T arg) f, T arg);
  R runBinary<R, T1, T2>(Zone zone, R Function(T1 arg1, T2 arg2) f, T1 arg1, T2 arg2);
  ZoneCallback<R> registerCallback<R>(Zone zone, R Function() f);
  ZoneUnaryCallback<R, T> registerUnaryCallback<R, T>(Zone zone, R Function(T arg) f);
  ZoneBinaryCallback<R, T1, T2> registerBinaryCallback<R, T1, T2>(
      Zone zone, R Function(T1 arg1, T2 arg2) f);
  AsyncError? errorCallback(Zone zone, Object error, StackTrace? stackTrace);
  void scheduleMicrotask(Zone zone, void Function() f);
  Timer createTimer(Zone zone, Duration duration, void Function() f);
  Timer createPeriodicTimer(Zone zone, Duration period, void Function(Timer timer) f);
}

/// A handler and the zone that installed it.
final class _ZoneFunction {
  final _Zone zone;
  final Function function;
  const _ZoneFunction(this.zone, this.function);
}

abstract final class Zone {
  Zone._();

  static final Zone root = _rootZone;

  static _Zone _current = _rootZone;

  static Zone get current => _current;

  void handleUncaughtError(Object error, StackTrace stackTrace);
  Zone? get parent;
  Zone get errorZone;
  bool inSameErrorZone(Zone otherZone);
  Zone fork({ZoneSpecification? specification, Map<Object?, Object?>? zoneValues});
  R run<R>(R Function() action);
  R runUnary<R, T>(R Function(T argument) action, T argument);
  R runBinary<R, T1, T2>(R Function(T1 argument1, T2 argument2) action, T1 argument1,
      T2 argument2);
  void runGuarded(void Function() action);
  void runUnaryGuarded<T>(void Function(T argument) action, T argument);
  void runBinaryGuarded<T1, T2>(
      void Function(T1 argument1, T2 argument2) action, T1 argument1, T2 argument2);
  ZoneCallback<R> registerCallback<R>(R Function() callback);
  ZoneUnaryCallback<R, T> registerUnaryCallback<R, T>(R Function(T argument) callback);
  ZoneBinaryCallback<R, T1, T2> registerBinaryCallback<R, T1, T2>(
      R Function(T1 argument1, T2 argument2) callback);
  ZoneCallback<R> bindCallback<R>(R Function() callback);
  ZoneUnaryCallback<R, T> bindUnaryCallback<R, T>(R Function(T argument) callback);
  ZoneBinaryCallback<R, T1, T2> bindBinaryCallback<R, T1, T2>(
      R Function(T1 argument1, T2 argument2) callback);
  void Function() bindCallbackGuarded(void Function() callback);
  void Function(T) bindUnaryCallbackGuarded<T>(void Function(T argument) callback);
  void Function(T1, T2) bindBinaryCallbackGuarded<T1, T2>(
      void Function(T1 argument1, T2 argument2) callback);
  AsyncError? errorCallback(Object error, StackTrace? stackTrace);
  void scheduleMicrotask(void Function() callback);
  Timer createTimer(Duration duration, void Function() callback);
  Timer createPeriodicTimer(Duration period, void Function(Timer timer) callback);
  void print(String line);
  dynamic operator [](Object? key);

  /// Makes [zone] current and returns the zone that was.
  static _Zone _enter(_Zone zone) {
    final previous = _current;
    _current = zone;
    return previous;
  }

  static void _leave(_Zone previous) {
    _current = previous;
  }
}

final class _ZoneDelegate implements ZoneDelegate {
  final _Zone _delegationTarget;

  _ZoneDelegate(this._delegationTarget);

  void handleUncaughtError(Zone zone, Object error, StackTrace stackTrace) {
    _delegationTarget._processUncaughtError(zone, error, stackTrace);
  }

  R run<R>(Zone zone, R Function() f) {
    final implementation = _delegationTarget._run;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return _rootRun<R>(zone, f);
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, zone, f) as R;
  }

  R runUnary<R, T>(Zone zone, R Function(T arg) f, T arg) {
    final implementation = _delegationTarget._runUnary;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return _rootRunUnary<R, T>(zone, f, arg);
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, zone, f, arg) as R;
  }

  R runBinary<R, T1, T2>(Zone zone, R Function(T1 arg1, T2 arg2) f, T1 arg1, T2 arg2) {
    final implementation = _delegationTarget._runBinary;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) {
      return _rootRunBinary<R, T1, T2>(zone, f, arg1, arg2);
    }
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, zone, f, arg1, arg2) as R;
  }

  ZoneCallback<R> registerCallback<R>(Zone zone, R Function() f) {
    final implementation = _delegationTarget._registerCallback;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return f;
    return (implementation.function as dynamic)(implZone, implZone._parentDelegate, zone, f)
        as ZoneCallback<R>;
  }

  ZoneUnaryCallback<R, T> registerUnaryCallback<R, T>(Zone zone, R Function(T arg) f) {
    final implementation = _delegationTarget._registerUnaryCallback;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return f;
    return (implementation.function as dynamic)(implZone, implZone._parentDelegate, zone, f)
        as ZoneUnaryCallback<R, T>;
  }

  ZoneBinaryCallback<R, T1, T2> registerBinaryCallback<R, T1, T2>(
      Zone zone, R Function(T1 arg1, T2 arg2) f) {
    final implementation = _delegationTarget._registerBinaryCallback;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return f;
    return (implementation.function as dynamic)(implZone, implZone._parentDelegate, zone, f)
        as ZoneBinaryCallback<R, T1, T2>;
  }

  AsyncError? errorCallback(Zone zone, Object error, StackTrace? stackTrace) {
    final implementation = _delegationTarget._errorCallback;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return null;
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, zone, error, stackTrace) as AsyncError?;
  }

  void scheduleMicrotask(Zone zone, void Function() f) {
    final implementation = _delegationTarget._scheduleMicrotask;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) {
      _rootScheduleMicrotask(zone as _Zone, f);
      return;
    }
    (implementation.function as dynamic)(implZone, implZone._parentDelegate, zone, f);
  }

  Timer createTimer(Zone zone, Duration duration, void Function() f) {
    final implementation = _delegationTarget._createTimer;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return _rootCreateTimer(zone, duration, f);
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, zone, duration, f) as Timer;
  }

  Timer createPeriodicTimer(Zone zone, Duration period, void Function(Timer timer) f) {
    final implementation = _delegationTarget._createPeriodicTimer;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return _rootCreatePeriodicTimer(zone, period, f);
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, zone, period, f) as Timer;
  }
}

/// The members both zone kinds share; each operation is found as a [_ZoneFunction].
abstract base class _Zone implements Zone {
  _ZoneFunction get _run;
  _ZoneFunction get _runUnary;
  _ZoneFunction get _runBinary;
  _ZoneFunction get _registerCallback;
  _ZoneFunction get _registerUnaryCallback;
  _ZoneFunction get _registerBinaryCallback;
  _ZoneFunction get _errorCallback;
  _ZoneFunction get _scheduleMicrotask;
  _ZoneFunction get _createTimer;
  _ZoneFunction get _createPeriodicTimer;
  _ZoneFunction get _handleUncaughtError;
  _ZoneDelegate get _delegate;
  _ZoneDelegate get _parentDelegate;
  Map<Object?, Object?> get _map;
  _Zone? get parent;

  bool inSameErrorZone(Zone otherZone) =>
      identical(this, otherZone) || identical(errorZone, otherZone.errorZone);

  /// Handles an uncaught error with the handler of the nearest zone that has one.
  void _processUncaughtError(Zone zone, Object error, StackTrace stackTrace) {
    final implementation = _handleUncaughtError;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) {
      _rootHandleError(error, stackTrace);
      return;
    }
    final parentDelegate = implZone._parentDelegate;
    final parentZone = implZone.parent!;
    final currentZone = Zone._current;
    try {
      Zone._current = parentZone;
      (implementation.function as dynamic)(implZone, parentDelegate, zone, error, stackTrace);
      Zone._current = currentZone;
    } catch (e, s) {
      Zone._current = currentZone;
      parentZone._processUncaughtError(
          implZone, e, identical(error, e) ? stackTrace : s);
    }
  }

  void runGuarded(void Function() f) {
    try {
      run<void>(f);
    } catch (e, s) {
      handleUncaughtError(e, s);
    }
  }

  void runUnaryGuarded<T>(void Function(T arg) f, T arg) {
    try {
      runUnary<void, T>(f, arg);
    } catch (e, s) {
      handleUncaughtError(e, s);
    }
  }

  void runBinaryGuarded<T1, T2>(void Function(T1 arg1, T2 arg2) f, T1 arg1, T2 arg2) {
    try {
      runBinary<void, T1, T2>(f, arg1, arg2);
    } catch (e, s) {
      handleUncaughtError(e, s);
    }
  }

  ZoneCallback<R> bindCallback<R>(R Function() f) {
    final registered = registerCallback<R>(f);
    return () => run<R>(registered);
  }

  ZoneUnaryCallback<R, T> bindUnaryCallback<R, T>(R Function(T arg) f) {
    final registered = registerUnaryCallback<R, T>(f);
    return (T arg) => runUnary<R, T>(registered, arg);
  }

  ZoneBinaryCallback<R, T1, T2> bindBinaryCallback<R, T1, T2>(
      R Function(T1 arg1, T2 arg2) f) {
    final registered = registerBinaryCallback<R, T1, T2>(f);
    return (T1 arg1, T2 arg2) => runBinary<R, T1, T2>(registered, arg1, arg2);
  }

  void Function() bindCallbackGuarded(void Function() f) {
    final registered = registerCallback<void>(f);
    return () => runGuarded(registered);
  }

  void Function(T) bindUnaryCallbackGuarded<T>(void Function(T arg) f) {
    final registered = registerUnaryCallback<void, T>(f);
    return (T arg) => runUnaryGuarded<T>(registered, arg);
  }

  void Function(T1, T2) bindBinaryCallbackGuarded<T1, T2>(void Function(T1 arg1, T2 arg2) f) {
    final registered = registerBinaryCallback<void, T1, T2>(f);
    return (T1 arg1, T2 arg2) => runBinaryGuarded<T1, T2>(registered, arg1, arg2);
  }

  void print(String line) {
    _printToConsole(line);
  }
}

void _printToConsole(String line) {
  print(line);
}

final class _CustomZone extends _Zone {
  _ZoneFunction _run;
  _ZoneFunction _runUnary;
  _ZoneFunction _runBinary;
  _ZoneFunction _registerCallback;
  _ZoneFunction _registerUnaryCallback;
  _ZoneFunction _registerBinaryCallback;
  _ZoneFunction _errorCallback;
  _ZoneFunction _scheduleMicrotask;
  _ZoneFunction _createTimer;
  _ZoneFunction _createPeriodicTimer;
  _ZoneFunction _handleUncaughtError;

  final _Zone parent;
  final Map<Object?, Object?> _map;

  _ZoneDelegate? _delegateCache;

  _ZoneDelegate get _delegate => _delegateCache ??= _ZoneDelegate(this);
  _ZoneDelegate get _parentDelegate => parent._delegate;

  /// Inherits every operation from [parent], then installs the handlers [s] overrides
  /// as owned by this zone.
  _CustomZone(this.parent, ZoneSpecification s, this._map)
      : _run = parent._run,
        _runUnary = parent._runUnary,
        _runBinary = parent._runBinary,
        _registerCallback = parent._registerCallback,
        _registerUnaryCallback = parent._registerUnaryCallback,
        _registerBinaryCallback = parent._registerBinaryCallback,
        _errorCallback = parent._errorCallback,
        _scheduleMicrotask = parent._scheduleMicrotask,
        _createTimer = parent._createTimer,
        _createPeriodicTimer = parent._createPeriodicTimer,
        _handleUncaughtError = parent._handleUncaughtError {
    if (s.run != null) _run = _ZoneFunction(this, s.run!);
    if (s.runUnary != null) _runUnary = _ZoneFunction(this, s.runUnary!);
    if (s.runBinary != null) _runBinary = _ZoneFunction(this, s.runBinary!);
    if (s.registerCallback != null) {
      _registerCallback = _ZoneFunction(this, s.registerCallback!);
    }
    if (s.registerUnaryCallback != null) {
      _registerUnaryCallback = _ZoneFunction(this, s.registerUnaryCallback!);
    }
    if (s.registerBinaryCallback != null) {
      _registerBinaryCallback = _ZoneFunction(this, s.registerBinaryCallback!);
    }
    if (s.errorCallback != null) _errorCallback = _ZoneFunction(this, s.errorCallback!);
    if (s.scheduleMicrotask != null) {
      _scheduleMicrotask = _ZoneFunction(this, s.scheduleMicrotask!);
    }
    if (s.createTimer != null) _createTimer = _ZoneFunction(this, s.createTimer!);
    if (s.createPeriodicTimer != null) {
      _createPeriodicTimer = _ZoneFunction(this, s.createPeriodicTimer!);
    }
    if (s.handleUncaughtError != null) {
      _handleUncaughtError = _ZoneFunction(this, s.handleUncaughtError!);
    }
  }

  Zone get errorZone => _handleUncaughtError.zone;

  R run<R>(R Function() f) {
    final implementation = _run;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return _rootRun<R>(this, f);
    return (implementation.function as dynamic)(implZone, implZone._parentDelegate, this, f)
        as R;
  }

  R runUnary<R, T>(R Function(T arg) f, T arg) {
    final implementation = _runUnary;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return _rootRunUnary<R, T>(this, f, arg);
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, this, f, arg) as R;
  }

  R runBinary<R, T1, T2>(R Function(T1 arg1, T2 arg2) f, T1 arg1, T2 arg2) {
    final implementation = _runBinary;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) {
      return _rootRunBinary<R, T1, T2>(this, f, arg1, arg2);
    }
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, this, f, arg1, arg2) as R;
  }

  ZoneCallback<R> registerCallback<R>(R Function() callback) {
    final implementation = _registerCallback;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return callback;
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, this, callback) as ZoneCallback<R>;
  }

  ZoneUnaryCallback<R, T> registerUnaryCallback<R, T>(R Function(T arg) callback) {
    final implementation = _registerUnaryCallback;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return callback;
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, this, callback) as ZoneUnaryCallback<R, T>;
  }

  ZoneBinaryCallback<R, T1, T2> registerBinaryCallback<R, T1, T2>(
      R Function(T1 arg1, T2 arg2) callback) {
    final implementation = _registerBinaryCallback;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return callback;
    return (implementation.function as dynamic)(implZone, implZone._parentDelegate, this,
        callback) as ZoneBinaryCallback<R, T1, T2>;
  }

  AsyncError? errorCallback(Object error, StackTrace? stackTrace) {
    final implementation = _errorCallback;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return null;
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, this, error, stackTrace) as AsyncError?;
  }

  void scheduleMicrotask(void Function() f) {
    final implementation = _scheduleMicrotask;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) {
      _rootScheduleMicrotask(this, f);
      return;
    }
    (implementation.function as dynamic)(implZone, implZone._parentDelegate, this, f);
  }

  Timer createTimer(Duration duration, void Function() f) {
    final implementation = _createTimer;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) return _rootCreateTimer(this, duration, f);
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, this, duration, f) as Timer;
  }

  Timer createPeriodicTimer(Duration duration, void Function(Timer timer) f) {
    final implementation = _createPeriodicTimer;
    final implZone = implementation.zone;
    if (identical(implZone, _rootZone)) {
      return _rootCreatePeriodicTimer(this, duration, f);
    }
    return (implementation.function as dynamic)(
        implZone, implZone._parentDelegate, this, duration, f) as Timer;
  }

  void handleUncaughtError(Object error, StackTrace stackTrace) {
    _processUncaughtError(this, error, stackTrace);
  }

  Zone fork({ZoneSpecification? specification, Map<Object?, Object?>? zoneValues}) =>
      _forkZone(this, specification, zoneValues);

  dynamic operator [](Object? key) {
    final result = _map[key];
    if (result != null || _map.containsKey(key)) return result;
    return parent[key];
  }
}

Zone _forkZone(_Zone parent, ZoneSpecification? specification,
    Map<Object?, Object?>? zoneValues) {
  final values = <Object?, Object?>{};
  if (zoneValues != null) values.addAll(zoneValues);
  return _CustomZone(parent, specification ?? const ZoneSpecification(), values);
}

// ---------------------------------------------------------------------------------------
// The root zone
// ---------------------------------------------------------------------------------------

/// Runs [f] with [zone] current (directly when it already is).
R _rootRun<R>(Zone zone, R Function() f) {
  if (identical(Zone._current, zone)) return f();
  final previous = Zone._enter(zone as _Zone);
  try {
    return f();
  } finally {
    Zone._leave(previous);
  }
}

R _rootRunUnary<R, T>(Zone zone, R Function(T arg) f, T arg) {
  if (identical(Zone._current, zone)) return f(arg);
  final previous = Zone._enter(zone as _Zone);
  try {
    return f(arg);
  } finally {
    Zone._leave(previous);
  }
}

R _rootRunBinary<R, T1, T2>(Zone zone, R Function(T1 arg1, T2 arg2) f, T1 arg1, T2 arg2) {
  if (identical(Zone._current, zone)) return f(arg1, arg2);
  final previous = Zone._enter(zone as _Zone);
  try {
    return f(arg1, arg2);
  } finally {
    Zone._leave(previous);
  }
}

/// Queues [f] to run in [zone]: guarded when [zone] has its own error handling.
void _rootScheduleMicrotask(_Zone zone, void Function() f) {
  if (!identical(_rootZone, zone)) {
    final hasErrorHandler = !_rootZone.inSameErrorZone(zone);
    if (hasErrorHandler) {
      f = zone.bindCallbackGuarded(f);
    } else {
      f = zone.bindCallback(f);
    }
  }
  _scheduleAsyncCallback(f);
}

Timer _rootCreateTimer(Zone zone, Duration duration, void Function() callback) {
  if (!identical(_rootZone, zone)) {
    callback = zone.bindCallback(callback);
  }
  return _Timer._create(duration.inMilliseconds, (Timer _) => callback(), false);
}

Timer _rootCreatePeriodicTimer(Zone zone, Duration duration, void Function(Timer) callback) {
  if (!identical(_rootZone, zone)) {
    callback = zone.bindUnaryCallback<void, Timer>(callback);
  }
  return _Timer._create(duration.inMilliseconds, callback, true);
}

/// The root zone's handling of an error nobody handled: rethrown from a priority
/// microtask, where it ends the program as an uncaught exception.
void _rootHandleError(Object error, StackTrace stackTrace) {
  _schedulePriorityAsyncCallback(() {
    Error.throwWithStackTrace(error, stackTrace);
  });
}

final class _RootZone extends _Zone {
  _RootZone();

  static final _ZoneFunction _rootFunction = _ZoneFunction(_rootZone, _rootHandleError);

  _ZoneFunction get _run => _rootFunction;
  _ZoneFunction get _runUnary => _rootFunction;
  _ZoneFunction get _runBinary => _rootFunction;
  _ZoneFunction get _registerCallback => _rootFunction;
  _ZoneFunction get _registerUnaryCallback => _rootFunction;
  _ZoneFunction get _registerBinaryCallback => _rootFunction;
  _ZoneFunction get _errorCallback => _rootFunction;
  _ZoneFunction get _scheduleMicrotask => _rootFunction;
  _ZoneFunction get _createTimer => _rootFunction;
  _ZoneFunction get _createPeriodicTimer => _rootFunction;
  _ZoneFunction get _handleUncaughtError => _rootFunction;

  _Zone? get parent => null;

  static final Map<Object?, Object?> _rootMap = <Object?, Object?>{};
  Map<Object?, Object?> get _map => _rootMap;

  static _ZoneDelegate? _rootDelegate;
  _ZoneDelegate get _delegate => _rootDelegate ??= _ZoneDelegate(this);

  /// The root zone has no parent; handlers never ask it for one.
  _ZoneDelegate get _parentDelegate => _delegate;

  Zone get errorZone => this;

  void runGuarded(void Function() f) {
    try {
      if (identical(_rootZone, Zone._current)) {
        f();
        return;
      }
      _rootRun<void>(this, f);
    } catch (e, s) {
      handleUncaughtError(e, s);
    }
  }

  void runUnaryGuarded<T>(void Function(T arg) f, T arg) {
    try {
      if (identical(_rootZone, Zone._current)) {
        f(arg);
        return;
      }
      _rootRunUnary<void, T>(this, f, arg);
    } catch (e, s) {
      handleUncaughtError(e, s);
    }
  }

  void runBinaryGuarded<T1, T2>(void Function(T1 arg1, T2 arg2) f, T1 arg1, T2 arg2) {
    try {
      if (identical(_rootZone, Zone._current)) {
        f(arg1, arg2);
        return;
      }
      _rootRunBinary<void, T1, T2>(this, f, arg1, arg2);
    } catch (e, s) {
      handleUncaughtError(e, s);
    }
  }

  ZoneCallback<R> bindCallback<R>(R Function() f) => () => run<R>(f);

  ZoneUnaryCallback<R, T> bindUnaryCallback<R, T>(R Function(T arg) f) =>
      (T arg) => runUnary<R, T>(f, arg);

  ZoneBinaryCallback<R, T1, T2> bindBinaryCallback<R, T1, T2>(
          R Function(T1 arg1, T2 arg2) f) =>
      (T1 arg1, T2 arg2) => runBinary<R, T1, T2>(f, arg1, arg2);

  void Function() bindCallbackGuarded(void Function() f) => () => runGuarded(f);

  void Function(T) bindUnaryCallbackGuarded<T>(void Function(T arg) f) =>
      (T arg) => runUnaryGuarded<T>(f, arg);

  void Function(T1, T2) bindBinaryCallbackGuarded<T1, T2>(
          void Function(T1 arg1, T2 arg2) f) =>
      (T1 arg1, T2 arg2) => runBinaryGuarded<T1, T2>(f, arg1, arg2);

  dynamic operator [](Object? key) => null;

  void handleUncaughtError(Object error, StackTrace stackTrace) {
    _rootHandleError(error, stackTrace);
  }

  Zone fork({ZoneSpecification? specification, Map<Object?, Object?>? zoneValues}) =>
      _forkZone(this, specification, zoneValues);

  R run<R>(R Function() f) {
    if (identical(Zone._current, _rootZone)) return f();
    return _rootRun<R>(this, f);
  }

  R runUnary<R, T>(R Function(T arg) f, T arg) {
    if (identical(Zone._current, _rootZone)) return f(arg);
    return _rootRunUnary<R, T>(this, f, arg);
  }

  R runBinary<R, T1, T2>(R Function(T1 arg1, T2 arg2) f, T1 arg1, T2 arg2) {
    if (identical(Zone._current, _rootZone)) return f(arg1, arg2);
    return _rootRunBinary<R, T1, T2>(this, f, arg1, arg2);
  }

  ZoneCallback<R> registerCallback<R>(R Function() f) => f;

  ZoneUnaryCallback<R, T> registerUnaryCallback<R, T>(R Function(T arg) f) => f;

  ZoneBinaryCallback<R, T1, T2> registerBinaryCallback<R, T1, T2>(
          R Function(T1 arg1, T2 arg2) f) =>
      f;

  AsyncError? errorCallback(Object error, StackTrace? stackTrace) => null;

  void scheduleMicrotask(void Function() f) {
    _rootScheduleMicrotask(this, f);
  }

  Timer createTimer(Duration duration, void Function() f) =>
      _rootCreateTimer(this, duration, f);

  Timer createPeriodicTimer(Duration duration, void Function(Timer timer) f) =>
      _rootCreatePeriodicTimer(this, duration, f);
}

final _RootZone _rootZone = _RootZone();

// ---------------------------------------------------------------------------------------
// runZoned, runZonedGuarded
// ---------------------------------------------------------------------------------------

R runZoned<R>(R Function() body,
    {Map<Object?, Object?>? zoneValues,
    ZoneSpecification? zoneSpecification,
    @Deprecated("Use runZonedGuarded instead") Function? onError}) {
  if (onError != null) {
    void Function(Object, StackTrace) handler;
    if (onError is void Function(Object, StackTrace)) {
      handler = onError;
    } else if (onError is void Function(Object)) {
      handler = (Object error, StackTrace _) => onError(error);
    } else {
      throw ArgumentError.value(onError, "onError",
          "Must be void Function(Object) or void Function(Object, StackTrace)");
    }
    return runZonedGuarded<R>(body, handler,
        zoneSpecification: zoneSpecification, zoneValues: zoneValues) as R;
  }
  return _runZoned<R>(body, zoneValues, zoneSpecification);
}

R? runZonedGuarded<R>(R Function() body, void Function(Object error, StackTrace stack) onError,
    {Map<Object?, Object?>? zoneValues, ZoneSpecification? zoneSpecification}) {
  final parentZone = Zone._current;
  void errorHandler(
      Zone self, ZoneDelegate parent, Zone zone, Object error, StackTrace stackTrace) {
    try {
      parentZone.runBinary<void, Object, StackTrace>(onError, error, stackTrace);
    } catch (e, s) {
      if (identical(e, error)) {
        parent.handleUncaughtError(zone, error, stackTrace);
      } else {
        parent.handleUncaughtError(zone, e, s);
      }
    }
  }

  if (zoneSpecification == null) {
    zoneSpecification = ZoneSpecification(handleUncaughtError: errorHandler);
  } else {
    zoneSpecification =
        ZoneSpecification.from(zoneSpecification, handleUncaughtError: errorHandler);
  }
  try {
    return _runZoned<R>(body, zoneValues, zoneSpecification);
  } catch (error, stackTrace) {
    onError(error, stackTrace);
  }
  return null;
}

R _runZoned<R>(R Function() body, Map<Object?, Object?>? zoneValues,
        ZoneSpecification? specification) =>
    Zone.current.fork(specification: specification, zoneValues: zoneValues).run<R>(body);
