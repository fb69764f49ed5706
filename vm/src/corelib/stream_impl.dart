// dart:async streams for dartrs, part 2: subscriptions, pending-event queues and stream
// controllers, after the SDK's stream_impl.dart, stream_controller.dart and
// broadcast_stream_controller.dart.
//
// A `_BufferingStreamSubscription` delivers an event at once when it can fire (not
// paused, not inside one of its own callbacks, nothing queued) and queues it otherwise;
// a queue delivers one event per microtask. Asynchronous controllers always queue, so
// their listeners see events one microtask after `add`; synchronous ones deliver inside
// `add`. Subscription state is a bit set whose top bits count pauses, as in the SDK, so
// the pause/resume/cancel callbacks fire exactly where the SDK fires them.

part of dart.async;

/// The completed `Future<void>` cancel functions return when cancelling is synchronous
/// (the SDK's `Future._nullFuture`); callers compare against it to skip waiting.
final _Future<void> _nullFuture = _Future<void>._zoneValue(null, _rootZone);

final _Future<bool> _falseFuture = _Future<bool>._zoneValue(false, _rootZone);

void _nullDataHandler(Object? value) {}

void _nullErrorHandler(Object error, StackTrace stackTrace) {
  Zone.current.handleUncaughtError(error, stackTrace);
}

void _nullDoneHandler() {}

/// Where a subscription or controller receives events (`_add`, `_addError`, `_close`).
abstract class _EventSink<T> {
  void _add(T data);
  void _addError(Object error, StackTrace stackTrace);
  void _close();
}

/// Where queued events are delivered.
abstract class _EventDispatch<T> {
  void _sendData(T data);
  void _sendError(Object error, StackTrace stackTrace);
  void _sendDone();
}

class _BufferingStreamSubscription<T>
    implements StreamSubscription<T>, _EventSink<T>, _EventDispatch<T> {
  static const int _stateCancelOnError = 1;
  static const int _stateClosed = 2;
  static const int _stateInputPaused = 4;
  static const int _stateCanceled = 8;
  static const int _stateWaitForCancel = 16;
  static const int _stateInCallback = 32;
  static const int _stateHasPending = 64;
  static const int _statePauseCount = 128;

  void Function(T) _onData;
  Function _onError;
  void Function() _onDone;
  final Zone _zone;
  int _state;
  Future<void>? _cancelFuture;
  _PendingEvents<T>? _pending;

  _BufferingStreamSubscription(
      void Function(T data)? onData, Function? onError, void Function()? onDone,
      bool cancelOnError)
      : this.zoned(Zone.current, onData, onError, onDone, cancelOnError);

  _BufferingStreamSubscription.zoned(this._zone, void Function(T data)? onData,
      Function? onError, void Function()? onDone, bool cancelOnError)
      : _state = cancelOnError ? _stateCancelOnError : 0,
        _onData = _registerDataHandler<T>(_zone, onData),
        _onError = _registerStreamErrorHandler(_zone, onError),
        _onDone = _registerDoneHandler(_zone, onDone);

  void _setPendingEvents(_PendingEvents<T>? pendingEvents) {
    if (pendingEvents == null) return;
    _pending = pendingEvents;
    if (!pendingEvents.isEmpty) {
      _state |= _stateHasPending;
      pendingEvents.schedule(this);
    }
  }

  void onData(void Function(T data)? handleData) {
    _onData = _registerDataHandler<T>(_zone, handleData);
  }

  static void Function(T) _registerDataHandler<T>(
          Zone zone, void Function(T data)? handleData) =>
      zone.registerUnaryCallback<void, T>(handleData ?? _nullDataHandler);

  void onError(Function? handleError) {
    _onError = _registerStreamErrorHandler(_zone, handleError);
  }

  static Function _registerStreamErrorHandler(Zone zone, Function? handleError) {
    handleError ??= _nullErrorHandler;
    if (_acceptsPositional(handleError, 2)) {
      return zone.registerBinaryCallback<dynamic, Object, StackTrace>(handleError as dynamic);
    }
    if (_acceptsPositional(handleError, 1)) {
      return zone.registerUnaryCallback<dynamic, Object>(handleError as dynamic);
    }
    throw ArgumentError(
        "handleError callback must take either an Object (the error), or both an Object (the error) and a StackTrace.");
  }

  void onDone(void Function()? handleDone) {
    _onDone = _registerDoneHandler(_zone, handleDone);
  }

  static void Function() _registerDoneHandler(Zone zone, void Function()? handleDone) =>
      zone.registerCallback<void>(handleDone ?? _nullDoneHandler);

  void pause([Future<void>? resumeSignal]) {
    if (_isCanceled) return;
    final wasPaused = _isPaused;
    final wasInputPaused = _isInputPaused;
    _state = (_state + _statePauseCount) | _stateInputPaused;
    resumeSignal?.whenComplete(resume);
    if (!wasPaused) _pending?.cancelSchedule();
    if (!wasInputPaused && !_inCallback) _guardCallback(_onPause);
  }

  void resume() {
    if (_isCanceled) return;
    if (_isPaused) {
      _decrementPauseCount();
      if (!_isPaused) {
        if (_hasPending && !_pending!.isEmpty) {
          _pending!.schedule(this);
        } else {
          _state &= ~_stateInputPaused;
          if (!_inCallback) _guardCallback(_onResume);
        }
      }
    }
  }

  Future<void> cancel() {
    // A pending error or done event waiting for the cancel is dropped.
    _state &= ~_stateWaitForCancel;
    if (!_isCanceled) _cancel();
    return _cancelFuture ?? _nullFuture;
  }

  Future<E> asFuture<E>([E? futureValue]) {
    final E resultValue = futureValue as E;
    final result = _Future<E>();
    _onDone = () {
      result._complete(resultValue);
    };
    _onError = (Object error, StackTrace stackTrace) {
      final cancelFuture = cancel();
      if (!identical(cancelFuture, _nullFuture)) {
        cancelFuture.whenComplete(() {
          result._completeError(error, stackTrace);
        });
      } else {
        result._completeError(error, stackTrace);
      }
    };
    return result;
  }

  bool get _isInputPaused => (_state & _stateInputPaused) != 0;
  bool get _isClosed => (_state & _stateClosed) != 0;
  bool get _isCanceled => (_state & _stateCanceled) != 0;
  bool get _waitsForCancel => (_state & _stateWaitForCancel) != 0;
  bool get _inCallback => (_state & _stateInCallback) != 0;
  bool get _hasPending => (_state & _stateHasPending) != 0;
  bool get _isPaused => _state >= _statePauseCount;
  bool get _canFire => _state < _stateInCallback;
  bool get _mayResumeInput => !_isPaused && (_pending?.isEmpty ?? true);
  bool get _cancelOnError => (_state & _stateCancelOnError) != 0;

  bool get isPaused => _isPaused;

  void _cancel() {
    _state |= _stateCanceled;
    if (_hasPending) _pending!.cancelSchedule();
    if (!_inCallback) _pending = null;
    _cancelFuture = _onCancel();
  }

  void _decrementPauseCount() {
    _state -= _statePauseCount;
  }

  void _add(T data) {
    if (_isCanceled) return;
    if (_canFire) {
      _sendData(data);
    } else {
      _addPending(_DelayedData<T>(data));
    }
  }

  void _addError(Object error, StackTrace stackTrace) {
    if (_isCanceled) return;
    if (_canFire) {
      _sendError(error, stackTrace);
    } else {
      _addPending(_DelayedError(error, stackTrace));
    }
  }

  void _close() {
    if (_isCanceled) return;
    _state |= _stateClosed;
    if (_canFire) {
      _sendDone();
    } else {
      _addPending(const _DelayedDone());
    }
  }

  // Hooks for subclasses: the input was paused, resumed or cancelled.
  void _onPause() {}
  void _onResume() {}
  Future<void>? _onCancel() => null;

  void _addPending(_DelayedEvent event) {
    final pending = _pending ??= _PendingEvents<T>();
    pending.add(event);
    if (!_hasPending) {
      _state |= _stateHasPending;
      if (!_isPaused) pending.schedule(this);
    }
  }

  void _sendData(T data) {
    final wasInputPaused = _isInputPaused;
    _state |= _stateInCallback;
    _zone.runUnaryGuarded<T>(_onData, data);
    _state &= ~_stateInCallback;
    _checkState(wasInputPaused);
  }

  void _sendError(Object error, StackTrace stackTrace) {
    final wasInputPaused = _isInputPaused;

    void sendError() {
      // Cancelled while waiting for the cancel future: the error is not reported.
      if (_isCanceled && !_waitsForCancel) return;
      _state |= _stateInCallback;
      final onError = _onError;
      if (_acceptsPositional(onError, 2)) {
        _zone.runBinaryGuarded<Object, StackTrace>(onError as dynamic, error, stackTrace);
      } else {
        _zone.runUnaryGuarded<Object>(onError as dynamic, error);
      }
      _state &= ~_stateInCallback;
    }

    if (_cancelOnError) {
      _state |= _stateWaitForCancel;
      _cancel();
      final cancelFuture = _cancelFuture;
      if (cancelFuture != null && !identical(cancelFuture, _nullFuture)) {
        cancelFuture.whenComplete(sendError);
      } else {
        sendError();
      }
    } else {
      sendError();
      _checkState(wasInputPaused);
    }
  }

  void _sendDone() {
    void sendDone() {
      if (!_waitsForCancel) return;
      _state |= (_stateCanceled | _stateClosed | _stateInCallback);
      _zone.runGuarded(_onDone);
      _state &= ~_stateInCallback;
    }

    _cancel();
    _state |= _stateWaitForCancel;
    final cancelFuture = _cancelFuture;
    if (cancelFuture != null && !identical(cancelFuture, _nullFuture)) {
      cancelFuture.whenComplete(sendDone);
    } else {
      sendDone();
    }
  }

  /// Runs a pause/resume/listen hook as a callback, then reacts to state changes.
  void _guardCallback(void Function() callback) {
    final wasInputPaused = _isInputPaused;
    _state |= _stateInCallback;
    callback();
    _state &= ~_stateInCallback;
    _checkState(wasInputPaused);
  }

  /// After a callback: report input pause changes (looping while they keep changing)
  /// and schedule queued events.
  void _checkState(bool wasInputPaused) {
    if (_hasPending && _pending!.isEmpty) {
      _state &= ~_stateHasPending;
      if (_isInputPaused && _mayResumeInput) _state &= ~_stateInputPaused;
    }
    while (true) {
      if (_isCanceled) {
        _pending = null;
        return;
      }
      final isInputPaused = _isInputPaused;
      if (wasInputPaused == isInputPaused) break;
      _state ^= _stateInCallback;
      if (isInputPaused) {
        _onPause();
      } else {
        _onResume();
      }
      _state &= ~_stateInCallback;
      wasInputPaused = isInputPaused;
    }
    if (_hasPending && !_isPaused) _pending!.schedule(this);
  }
}

/// A stream whose `listen` makes a `_BufferingStreamSubscription` (or what
/// `_createSubscription` returns) and then calls `_onListen`.
abstract class _StreamImpl<T> extends Stream<T> {
  StreamSubscription<T> listen(void Function(T data)? onData,
      {Function? onError, void Function()? onDone, bool? cancelOnError}) {
    final subscription =
        _createSubscription(onData, onError, onDone, cancelOnError ?? false);
    _onListen(subscription);
    return subscription;
  }

  StreamSubscription<T> _createSubscription(void Function(T data)? onData,
          Function? onError, void Function()? onDone, bool cancelOnError) =>
      _BufferingStreamSubscription<T>(onData, onError, onDone, cancelOnError);

  void _onListen(StreamSubscription subscription) {}
}

abstract class _DelayedEvent<T> {
  _DelayedEvent? next;

  void perform(_EventDispatch<T> dispatch);
}

class _DelayedData<T> extends _DelayedEvent<T> {
  final T value;

  _DelayedData(this.value);

  void perform(_EventDispatch<T> dispatch) {
    dispatch._sendData(value);
  }
}

class _DelayedError extends _DelayedEvent {
  final Object error;
  final StackTrace stackTrace;

  _DelayedError(this.error, this.stackTrace);

  void perform(_EventDispatch dispatch) {
    dispatch._sendError(error, stackTrace);
  }
}

class _DelayedDone implements _DelayedEvent {
  const _DelayedDone();

  void perform(_EventDispatch dispatch) {
    dispatch._sendDone();
  }

  _DelayedEvent? get next => null;

  set next(_DelayedEvent? _) {
    throw StateError("No events after a done.");
  }
}

/// Queued events of one subscription, delivered one per microtask.
class _PendingEvents<T> {
  static const int _unscheduled = 0;
  static const int _scheduled = 1;
  static const int _canceled = 3;

  int _state = _unscheduled;
  _DelayedEvent? firstPendingEvent;
  _DelayedEvent? lastPendingEvent;

  bool get isScheduled => _state == _scheduled;
  bool get _eventScheduled => _state >= _scheduled;

  void schedule(_EventDispatch<T> dispatch) {
    if (isScheduled) return;
    if (_eventScheduled) {
      // A cancelled microtask is still queued: reuse it.
      _state = _scheduled;
      return;
    }
    scheduleMicrotask(() {
      final oldState = _state;
      _state = _unscheduled;
      if (oldState == _canceled) return;
      handleNext(dispatch);
    });
    _state = _scheduled;
  }

  void cancelSchedule() {
    if (isScheduled) _state = _canceled;
  }

  bool get isEmpty => lastPendingEvent == null;

  void add(_DelayedEvent event) {
    final last = lastPendingEvent;
    if (last == null) {
      firstPendingEvent = lastPendingEvent = event;
    } else {
      lastPendingEvent = last.next = event;
    }
  }

  void handleNext(_EventDispatch<T> dispatch) {
    final event = firstPendingEvent!;
    final nextEvent = event.next;
    firstPendingEvent = nextEvent;
    if (nextEvent == null) lastPendingEvent = null;
    event.perform(dispatch);
  }

  void clear() {
    if (isScheduled) cancelSchedule();
    firstPendingEvent = lastPendingEvent = null;
  }
}

/// A subscription that only ever sends done, a microtask after it is made (or after
/// it is resumed, when paused then).
class _DoneStreamSubscription<T> implements StreamSubscription<T> {
  final Zone _zone;
  void Function()? _onDone;
  int _pauseCount = 0;
  bool _scheduled = false;
  bool _done = false;

  _DoneStreamSubscription(void Function()? onDone) : _zone = Zone.current {
    if (onDone != null) _onDone = _zone.registerCallback<void>(onDone);
    _schedule();
  }

  void _schedule() {
    if (_scheduled || _done) return;
    _scheduled = true;
    _zone.scheduleMicrotask(_sendDone);
  }

  void _sendDone() {
    _scheduled = false;
    if (_done || _pauseCount > 0) return;
    _done = true;
    final onDone = _onDone;
    _onDone = null;
    if (onDone != null) _zone.runGuarded(onDone);
  }

  void onData(void Function(T data)? handleData) {}

  void onError(Function? handleError) {}

  void onDone(void Function()? handleDone) {
    if (!_done) _onDone = handleDone == null ? null : _zone.registerCallback<void>(handleDone);
  }

  bool get isPaused => _pauseCount > 0;

  void pause([Future<void>? resumeSignal]) {
    if (_done) return;
    _pauseCount++;
    resumeSignal?.whenComplete(resume);
  }

  void resume() {
    if (_pauseCount == 0) return;
    _pauseCount--;
    if (_pauseCount == 0) _schedule();
  }

  Future<void> cancel() {
    _done = true;
    _onDone = null;
    return _nullFuture;
  }

  Future<E> asFuture<E>([E? futureValue]) {
    final E resultValue = futureValue as E;
    final result = _Future<E>();
    if (!_done) {
      _onDone = _zone.registerCallback<void>(() {
        result._completeWithValue(resultValue);
      });
    }
    return result;
  }
}

class _EmptyStream<T> extends Stream<T> {
  final bool isBroadcast;

  const _EmptyStream({bool broadcast = true})
      : isBroadcast = broadcast,
        super._internal();

  StreamSubscription<T> listen(void Function(T data)? onData,
          {Function? onError, void Function()? onDone, bool? cancelOnError}) =>
      _DoneStreamSubscription<T>(onDone);
}

// ---------------------------------------------------------------------------------------
// Stream controllers
// ---------------------------------------------------------------------------------------

abstract interface class StreamController<T> implements StreamSink<T> {
  Stream<T> get stream;

  factory StreamController(
      {void Function()? onListen,
      void Function()? onPause,
      void Function()? onResume,
      FutureOr<void> Function()? onCancel,
      bool sync = false}) {
    return sync
        ? _SyncStreamController<T>(onListen, onPause, onResume, onCancel)
        : _AsyncStreamController<T>(onListen, onPause, onResume, onCancel);
  }

  factory StreamController.broadcast(
      {void Function()? onListen, void Function()? onCancel, bool sync = false}) {
    return sync
        ? _SyncBroadcastStreamController<T>(onListen, onCancel)
        : _AsyncBroadcastStreamController<T>(onListen, onCancel);
  }

  void Function()? get onListen;
  set onListen(void Function()? onListenHandler);
  void Function()? get onPause;
  set onPause(void Function()? onPauseHandler);
  void Function()? get onResume;
  set onResume(void Function()? onResumeHandler);
  FutureOr<void> Function()? get onCancel;
  set onCancel(FutureOr<void> Function()? onCancelHandler);

  StreamSink<T> get sink;
  bool get isClosed;
  bool get isPaused;
  bool get hasListener;

  void add(T event);
  void addError(Object error, [StackTrace? stackTrace]);
  Future close();
  Future addStream(Stream<T> source, {bool? cancelOnError});
}

abstract interface class SynchronousStreamController<T> implements StreamController<T> {}

/// What a controller's stream and subscriptions call back into.
abstract class _StreamControllerLifecycle<T> {
  StreamSubscription<T> _subscribe(void Function(T data)? onData, Function? onError,
      void Function()? onDone, bool cancelOnError);
  void _recordPause(StreamSubscription<T> subscription) {}
  void _recordResume(StreamSubscription<T> subscription) {}
  Future<void>? _recordCancel(StreamSubscription<T> subscription) => null;
}

abstract class _StreamControllerBase<T>
    implements
        StreamController<T>,
        _StreamControllerLifecycle<T>,
        _EventSink<T>,
        _EventDispatch<T> {}

/// A single-subscription controller. Before the listener arrives, events queue up in
/// `_varData`; afterwards it holds the subscription; during `addStream` it holds the
/// add-stream state, which holds either of those.
abstract class _StreamController<T> implements _StreamControllerBase<T> {
  static const int _stateInitial = 0;
  static const int _stateSubscribed = 1;
  static const int _stateCanceled = 2;
  static const int _stateSubscriptionMask = 3;
  static const int _stateClosed = 4;
  static const int _stateAddStream = 8;

  Object? _varData;
  int _state = _stateInitial;
  _Future<void>? _doneFuture;

  void Function()? onListen;
  void Function()? onPause;
  void Function()? onResume;
  FutureOr<void> Function()? onCancel;

  _StreamController(this.onListen, this.onPause, this.onResume, this.onCancel);

  Stream<T> get stream => _ControllerStream<T>(this);

  StreamSink<T> get sink => _StreamSinkWrapper<T>(this);

  bool get _isCanceled => (_state & _stateCanceled) != 0;
  bool get hasListener => (_state & _stateSubscribed) != 0;
  bool get _isInitialState => (_state & _stateSubscriptionMask) == _stateInitial;
  bool get isClosed => (_state & _stateClosed) != 0;
  bool get isPaused => hasListener ? _subscription._isInputPaused : !_isCanceled;
  bool get _isAddingStream => (_state & _stateAddStream) != 0;
  bool get _mayAddEvent => _state < _stateClosed;

  _PendingEvents<T>? get _pendingEvents {
    if (!_isAddingStream) return _varData as _PendingEvents<T>?;
    final state = _varData as _StreamControllerAddStreamState<T>;
    return state._varData as _PendingEvents<T>?;
  }

  _PendingEvents<T> _ensurePendingEvents() {
    if (!_isAddingStream) {
      return (_varData ??= _PendingEvents<T>()) as _PendingEvents<T>;
    }
    final state = _varData as _StreamControllerAddStreamState<T>;
    return (state._varData ??= _PendingEvents<T>()) as _PendingEvents<T>;
  }

  _ControllerSubscription<T> get _subscription {
    var varData = _varData;
    if (_isAddingStream) {
      varData = (varData as _StreamControllerAddStreamState<T>)._varData;
    }
    return varData as _ControllerSubscription<T>;
  }

  Error _badEventState() {
    if (isClosed) return StateError("Cannot add event after closing");
    return StateError("Cannot add event while adding a stream");
  }

  Future addStream(Stream<T> source, {bool? cancelOnError}) {
    if (!_mayAddEvent) throw _badEventState();
    if (_isCanceled) return _Future<void>._immediate(null);
    final addState =
        _StreamControllerAddStreamState<T>(this, _varData, source, cancelOnError ?? false);
    _varData = addState;
    _state |= _stateAddStream;
    return addState.addStreamFuture;
  }

  Future<void> get done => _ensureDoneFuture();

  Future<void> _ensureDoneFuture() =>
      _doneFuture ??= _isCanceled ? _nullFuture : _Future<void>();

  void add(T value) {
    if (!_mayAddEvent) throw _badEventState();
    _add(value);
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    if (!_mayAddEvent) throw _badEventState();
    final replacement = _interceptUserError(error, stackTrace);
    _addError(replacement.error, replacement.stackTrace);
  }

  Future close() {
    if (isClosed) return _ensureDoneFuture();
    if (!_mayAddEvent) throw _badEventState();
    _closeUnchecked();
    return _ensureDoneFuture();
  }

  void _closeUnchecked() {
    _state |= _stateClosed;
    if (hasListener) {
      _sendDone();
    } else if (_isInitialState) {
      _ensurePendingEvents().add(const _DelayedDone());
    }
  }

  void _add(T value) {
    if (hasListener) {
      _sendData(value);
    } else if (_isInitialState) {
      _ensurePendingEvents().add(_DelayedData<T>(value));
    }
  }

  void _addError(Object error, StackTrace stackTrace) {
    if (hasListener) {
      _sendError(error, stackTrace);
    } else if (_isInitialState) {
      _ensurePendingEvents().add(_DelayedError(error, stackTrace));
    }
  }

  /// The end of an `addStream` source.
  void _close() {
    final addState = _varData as _StreamControllerAddStreamState<T>;
    _varData = addState._varData;
    _state &= ~_stateAddStream;
    addState.complete();
  }

  StreamSubscription<T> _subscribe(void Function(T data)? onData, Function? onError,
      void Function()? onDone, bool cancelOnError) {
    if (!_isInitialState) throw StateError("Stream has already been listened to.");
    final subscription =
        _ControllerSubscription<T>(this, onData, onError, onDone, cancelOnError);
    final pendingEvents = _pendingEvents;
    _state |= _stateSubscribed;
    if (_isAddingStream) {
      final addState = _varData as _StreamControllerAddStreamState<T>;
      addState._varData = subscription;
      addState.resume();
    } else {
      _varData = subscription;
    }
    subscription._setPendingEvents(pendingEvents);
    subscription._guardCallback(() {
      _runGuarded(onListen);
    });
    return subscription;
  }

  Future<void>? _recordCancel(StreamSubscription<T> subscription) {
    Future<void>? result;
    if (_isAddingStream) {
      final addState = _varData as _StreamControllerAddStreamState<T>;
      result = addState.cancel();
    }
    _varData = null;
    _state = (_state & ~(_stateSubscribed | _stateAddStream)) | _stateCanceled;

    final onCancel = this.onCancel;
    if (onCancel != null) {
      if (result == null) {
        try {
          final cancelResult = onCancel();
          if (cancelResult is Future<void>) result = cancelResult;
        } catch (e, s) {
          // Completed asynchronously so a listener has time to handle the error.
          result = _Future<void>().._asyncCompleteError(e, s);
        }
      } else {
        result = result.whenComplete(onCancel);
      }
    }

    void complete() {
      final doneFuture = _doneFuture;
      if (doneFuture != null && doneFuture._mayComplete) doneFuture._asyncComplete(null);
    }

    if (result != null) {
      result = result.whenComplete(complete);
    } else {
      complete();
    }
    return result;
  }

  void _recordPause(StreamSubscription<T> subscription) {
    if (_isAddingStream) {
      (_varData as _StreamControllerAddStreamState<T>).pause();
    }
    _runGuarded(onPause);
  }

  void _recordResume(StreamSubscription<T> subscription) {
    if (_isAddingStream) {
      (_varData as _StreamControllerAddStreamState<T>).resume();
    }
    _runGuarded(onResume);
  }
}

mixin _SyncStreamControllerDispatch<T> implements _StreamController<T> {
  void _sendData(T data) {
    _subscription._add(data);
  }

  void _sendError(Object error, StackTrace stackTrace) {
    _subscription._addError(error, stackTrace);
  }

  void _sendDone() {
    _subscription._close();
  }
}

mixin _AsyncStreamControllerDispatch<T> implements _StreamController<T> {
  void _sendData(T data) {
    _subscription._addPending(_DelayedData<T>(data));
  }

  void _sendError(Object error, StackTrace stackTrace) {
    _subscription._addPending(_DelayedError(error, stackTrace));
  }

  void _sendDone() {
    _subscription._addPending(const _DelayedDone());
  }
}

class _AsyncStreamController<T> = _StreamController<T> with _AsyncStreamControllerDispatch<T>;

class _SyncStreamController<T> = _StreamController<T>
    with _SyncStreamControllerDispatch<T>
    implements SynchronousStreamController<T>;

/// Runs a controller callback; an error in it is uncaught in the current zone.
void _runGuarded(void Function()? notificationHandler) {
  if (notificationHandler == null) return;
  try {
    notificationHandler();
  } catch (e, s) {
    Zone.current.handleUncaughtError(e, s);
  }
}

class _ControllerStream<T> extends _StreamImpl<T> {
  final _StreamControllerLifecycle<T> _controller;

  _ControllerStream(this._controller);

  StreamSubscription<T> _createSubscription(void Function(T data)? onData,
          Function? onError, void Function()? onDone, bool cancelOnError) =>
      _controller._subscribe(onData, onError, onDone, cancelOnError);

  int get hashCode => _controller.hashCode ^ 0x35323532;

  bool operator ==(Object other) {
    if (identical(this, other)) return true;
    return other is _ControllerStream && identical(other._controller, _controller);
  }
}

class _ControllerSubscription<T> extends _BufferingStreamSubscription<T> {
  final _StreamControllerLifecycle<T> _controller;

  _ControllerSubscription(this._controller, void Function(T data)? onData, Function? onError,
      void Function()? onDone, bool cancelOnError)
      : super(onData, onError, onDone, cancelOnError);

  Future<void>? _onCancel() => _controller._recordCancel(this);

  void _onPause() {
    _controller._recordPause(this);
  }

  void _onResume() {
    _controller._recordResume(this);
  }
}

class _StreamSinkWrapper<T> implements StreamSink<T> {
  final StreamController<T> _target;

  _StreamSinkWrapper(this._target);

  void add(T data) {
    _target.add(data);
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    _target.addError(error, stackTrace);
  }

  Future close() => _target.close();

  Future addStream(Stream<T> source) => _target.addStream(source);

  Future get done => _target.done;
}

/// An `addStream` in progress: the source's subscription feeding the controller.
class _AddStreamState<T> {
  final _Future<void> addStreamFuture;
  final StreamSubscription addSubscription;

  _AddStreamState(_EventSink<T> controller, Stream<T> source, bool cancelOnError)
      : addStreamFuture = _Future<void>(),
        addSubscription = source.listen(controller._add,
            onError: cancelOnError ? makeErrorHandler(controller) : controller._addError,
            onDone: controller._close,
            cancelOnError: cancelOnError);

  static void Function(Object, StackTrace) makeErrorHandler(_EventSink controller) =>
      (Object e, StackTrace s) {
        controller._addError(e, s);
        controller._close();
      };

  void pause() {
    addSubscription.pause();
  }

  void resume() {
    addSubscription.resume();
  }

  Future<void> cancel() {
    final cancel = addSubscription.cancel();
    return cancel.whenComplete(() {
      addStreamFuture._asyncComplete(null);
    });
  }

  void complete() {
    addStreamFuture._asyncComplete(null);
  }
}

class _StreamControllerAddStreamState<T> extends _AddStreamState<T> {
  /// The controller's own `_varData` (pending events or subscription) meanwhile.
  Object? _varData;

  _StreamControllerAddStreamState(
      _StreamController<T> controller, this._varData, Stream<T> source, bool cancelOnError)
      : super(controller, source, cancelOnError) {
    if (controller.isPaused) addSubscription.pause();
  }
}

class _MultiStream<T> extends Stream<T> {
  final bool isBroadcast;
  final void Function(MultiStreamController<T>) _onListen;

  _MultiStream(this._onListen, this.isBroadcast);

  StreamSubscription<T> listen(void Function(T event)? onData,
      {Function? onError, void Function()? onDone, bool? cancelOnError}) {
    final controller = _MultiStreamController<T>();
    controller.onListen = () {
      _onListen(controller);
    };
    return controller._subscribe(onData, onError, onDone, cancelOnError ?? false);
  }
}

class _MultiStreamController<T> extends _AsyncStreamController<T>
    implements MultiStreamController<T> {
  _MultiStreamController() : super(null, null, null, null);

  void addSync(T data) {
    if (!_mayAddEvent) throw _badEventState();
    if (hasListener) _subscription._add(data);
  }

  void addErrorSync(Object error, [StackTrace? stackTrace]) {
    if (!_mayAddEvent) throw _badEventState();
    if (hasListener) {
      _subscription._addError(error, stackTrace ?? StackTrace.empty);
    }
  }

  void closeSync() {
    if (isClosed) return;
    if (!_mayAddEvent) throw _badEventState();
    _state |= _StreamController._stateClosed;
    if (hasListener) _subscription._close();
  }

  Stream<T> get stream {
    throw UnsupportedError("Not available");
  }
}

// ---------------------------------------------------------------------------------------
// Broadcast controllers
// ---------------------------------------------------------------------------------------

class _BroadcastStream<T> extends _ControllerStream<T> {
  _BroadcastStream(_StreamControllerLifecycle<T> controller) : super(controller);

  bool get isBroadcast => true;
}

class _BroadcastSubscription<T> extends _ControllerSubscription<T> {
  static const int _stateEventId = 1;
  static const int _stateFiring = 2;
  static const int _stateRemoveAfterFiring = 4;

  int _eventState = 0;
  _BroadcastSubscription<T>? _next;
  _BroadcastSubscription<T>? _previous;

  _BroadcastSubscription(_StreamControllerLifecycle<T> controller,
      void Function(T data)? onData, Function? onError, void Function()? onDone,
      bool cancelOnError)
      : super(controller, onData, onError, onDone, cancelOnError) {
    _next = _previous = this;
  }

  bool _expectsEvent(int eventId) => (_eventState & _stateEventId) == eventId;

  void _toggleEventId() {
    _eventState ^= _stateEventId;
  }

  bool get _isFiring => (_eventState & _stateFiring) != 0;

  void _setRemoveAfterFiring() {
    _eventState |= _stateRemoveAfterFiring;
  }

  bool get _removeAfterFiring => (_eventState & _stateRemoveAfterFiring) != 0;

  // A broadcast controller ignores pauses of its listeners.
  void _onPause() {}

  void _onResume() {}
}

/// The listeners form a doubly-linked list; an event goes to the listeners present when
/// it started (an event id bit tells the ones added while firing to wait).
abstract class _BroadcastStreamController<T> implements _StreamControllerBase<T> {
  static const int _stateInitial = 0;
  static const int _stateEventId = 1;
  static const int _stateFiring = 2;
  static const int _stateClosed = 4;
  static const int _stateAddStream = 8;

  void Function()? onListen;
  FutureOr<void> Function()? onCancel;

  int _state = _stateInitial;
  _BroadcastSubscription<T>? _firstSubscription;
  _BroadcastSubscription<T>? _lastSubscription;
  _AddStreamState<T>? _addStreamState;
  _Future<void>? _doneFuture;

  _BroadcastStreamController(this.onListen, this.onCancel);

  void Function() get onPause {
    throw UnsupportedError("Broadcast stream controllers do not support pause callbacks");
  }

  set onPause(void Function()? onPauseHandler) {
    throw UnsupportedError("Broadcast stream controllers do not support pause callbacks");
  }

  void Function() get onResume {
    throw UnsupportedError("Broadcast stream controllers do not support pause callbacks");
  }

  set onResume(void Function()? onResumeHandler) {
    throw UnsupportedError("Broadcast stream controllers do not support pause callbacks");
  }

  Stream<T> get stream => _BroadcastStream<T>(this);

  StreamSink<T> get sink => _StreamSinkWrapper<T>(this);

  bool get isClosed => (_state & _stateClosed) != 0;
  bool get isPaused => false;
  bool get hasListener => !_isEmpty;
  bool get _hasOneListener => identical(_firstSubscription, _lastSubscription);
  bool get _isFiring => (_state & _stateFiring) != 0;
  bool get _isAddingStream => (_state & _stateAddStream) != 0;
  bool get _mayAddEvent => _state < _stateClosed;

  _Future<void> _ensureDoneFuture() => _doneFuture ??= _Future<void>();

  bool get _isEmpty => _firstSubscription == null;

  void _addListener(_BroadcastSubscription<T> subscription) {
    subscription._eventState = _state & _stateEventId;
    final oldLast = _lastSubscription;
    _lastSubscription = subscription;
    subscription._next = null;
    subscription._previous = oldLast;
    if (oldLast == null) {
      _firstSubscription = subscription;
    } else {
      oldLast._next = subscription;
    }
  }

  void _removeListener(_BroadcastSubscription<T> subscription) {
    final previous = subscription._previous;
    final next = subscription._next;
    if (previous == null) {
      _firstSubscription = next;
    } else {
      previous._next = next;
    }
    if (next == null) {
      _lastSubscription = previous;
    } else {
      next._previous = previous;
    }
    subscription._next = subscription._previous = subscription;
  }

  StreamSubscription<T> _subscribe(void Function(T data)? onData, Function? onError,
      void Function()? onDone, bool cancelOnError) {
    if (isClosed) return _DoneStreamSubscription<T>(onDone);
    final subscription =
        _BroadcastSubscription<T>(this, onData, onError, onDone, cancelOnError);
    _addListener(subscription);
    if (identical(_firstSubscription, _lastSubscription)) {
      // The first listener.
      _runGuarded(onListen);
    }
    return subscription;
  }

  Future<void>? _recordCancel(StreamSubscription<T> sub) {
    final subscription = sub as _BroadcastSubscription<T>;
    // Already removed by the controller.
    if (identical(subscription._next, subscription)) return null;
    if (subscription._isFiring) {
      subscription._setRemoveAfterFiring();
    } else {
      _removeListener(subscription);
      // While firing, the emptiness check happens after the listener loop.
      if (!_isFiring && _isEmpty) _callOnCancel();
    }
    return null;
  }

  void _recordPause(StreamSubscription<T> subscription) {}

  void _recordResume(StreamSubscription<T> subscription) {}

  Error _addEventError() {
    if (isClosed) return StateError("Cannot add new events after calling close");
    return StateError("Cannot add new events while doing an addStream");
  }

  void add(T data) {
    if (!_mayAddEvent) throw _addEventError();
    _sendData(data);
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    if (!_mayAddEvent) throw _addEventError();
    final replacement = _interceptUserError(error, stackTrace);
    _sendError(replacement.error, replacement.stackTrace);
  }

  Future close() {
    if (isClosed) return _doneFuture!;
    if (!_mayAddEvent) throw _addEventError();
    _state |= _stateClosed;
    final doneFuture = _ensureDoneFuture();
    _sendDone();
    return doneFuture;
  }

  Future<void> get done => _ensureDoneFuture();

  Future addStream(Stream<T> stream, {bool? cancelOnError}) {
    if (!_mayAddEvent) throw _addEventError();
    _state |= _stateAddStream;
    final addStreamState = _AddStreamState<T>(this, stream, cancelOnError ?? false);
    _addStreamState = addStreamState;
    return addStreamState.addStreamFuture;
  }

  void _add(T data) {
    _sendData(data);
  }

  void _addError(Object error, StackTrace stackTrace) {
    _sendError(error, stackTrace);
  }

  void _close() {
    final addState = _addStreamState!;
    _addStreamState = null;
    _state &= ~_stateAddStream;
    addState.complete();
  }

  void _forEachListener(void Function(_BufferingStreamSubscription<T> subscription) action) {
    if (_isFiring) {
      throw StateError("Cannot fire new event. Controller is already firing an event");
    }
    if (_isEmpty) return;
    final id = _state & _stateEventId;
    // Listeners added while firing expect the next event id.
    _state ^= _stateEventId | _stateFiring;
    var subscription = _firstSubscription;
    while (subscription != null) {
      if (subscription._expectsEvent(id)) {
        subscription._eventState |= _BroadcastSubscription._stateFiring;
        action(subscription);
        subscription._toggleEventId();
        final next = subscription._next;
        if (subscription._removeAfterFiring) _removeListener(subscription);
        subscription._eventState &= ~_BroadcastSubscription._stateFiring;
        subscription = next;
      } else {
        subscription = subscription._next;
      }
    }
    _state &= ~_stateFiring;
    if (_isEmpty) _callOnCancel();
  }

  void _callOnCancel() {
    if (isClosed) {
      final doneFuture = _doneFuture!;
      if (doneFuture._mayComplete) doneFuture._asyncComplete(null);
    }
    _runGuarded(onCancel as void Function()?);
  }
}

class _SyncBroadcastStreamController<T> extends _BroadcastStreamController<T>
    implements SynchronousStreamController<T> {
  _SyncBroadcastStreamController(void Function()? onListen, void Function()? onCancel)
      : super(onListen, onCancel);

  bool get _mayAddEvent => super._mayAddEvent && !_isFiring;

  Error _addEventError() {
    if (_isFiring) {
      return StateError("Cannot fire new event. Controller is already firing an event");
    }
    return super._addEventError();
  }

  void _sendData(T data) {
    if (_isEmpty) return;
    if (_hasOneListener) {
      _state |= _BroadcastStreamController._stateFiring;
      final firstSubscription = _firstSubscription!;
      firstSubscription._add(data);
      _state &= ~_BroadcastStreamController._stateFiring;
      if (_isEmpty) _callOnCancel();
      return;
    }
    _forEachListener((_BufferingStreamSubscription<T> subscription) {
      subscription._add(data);
    });
  }

  void _sendError(Object error, StackTrace stackTrace) {
    if (_isEmpty) return;
    _forEachListener((_BufferingStreamSubscription<T> subscription) {
      subscription._addError(error, stackTrace);
    });
  }

  void _sendDone() {
    if (!_isEmpty) {
      _forEachListener((_BufferingStreamSubscription<T> subscription) {
        subscription._close();
      });
    } else {
      _doneFuture!._asyncComplete(null);
    }
  }
}

class _AsyncBroadcastStreamController<T> extends _BroadcastStreamController<T> {
  _AsyncBroadcastStreamController(void Function()? onListen, void Function()? onCancel)
      : super(onListen, onCancel);

  void _sendData(T data) {
    for (var subscription = _firstSubscription;
        subscription != null;
        subscription = subscription._next) {
      subscription._addPending(_DelayedData<T>(data));
    }
  }

  void _sendError(Object error, StackTrace stackTrace) {
    for (var subscription = _firstSubscription;
        subscription != null;
        subscription = subscription._next) {
      subscription._addPending(_DelayedError(error, stackTrace));
    }
  }

  void _sendDone() {
    if (!_isEmpty) {
      for (var subscription = _firstSubscription;
          subscription != null;
          subscription = subscription._next) {
        subscription._addPending(const _DelayedDone());
      }
    } else {
      _doneFuture!._asyncComplete(null);
    }
  }
}

/// The controller behind `asBroadcastStream`: synchronous, but events added while it is
/// firing wait in a queue flushed after the current event.
class _AsBroadcastStreamController<T> extends _SyncBroadcastStreamController<T>
    implements _EventDispatch<T> {
  _PendingEvents<T>? _pending;

  _AsBroadcastStreamController(void Function()? onListen, void Function()? onCancel)
      : super(onListen, onCancel);

  bool get _hasPending {
    final pending = _pending;
    return pending != null && !pending.isEmpty;
  }

  void _addPendingEvent(_DelayedEvent event) {
    (_pending ??= _PendingEvents<T>()).add(event);
  }

  void add(T data) {
    if (!isClosed && _isFiring) {
      _addPendingEvent(_DelayedData<T>(data));
      return;
    }
    super.add(data);
    _flushPending();
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    final trace = stackTrace ?? AsyncError.defaultStackTrace(error);
    if (!isClosed && _isFiring) {
      _addPendingEvent(_DelayedError(error, trace));
      return;
    }
    if (!_mayAddEvent) throw _addEventError();
    _sendError(error, trace);
    _flushPending();
  }

  void _flushPending() {
    var pending = _pending;
    while (pending != null && !pending.isEmpty) {
      pending.handleNext(this);
      pending = _pending;
    }
  }

  Future close() {
    if (!isClosed && _isFiring) {
      _addPendingEvent(const _DelayedDone());
      _state |= _BroadcastStreamController._stateClosed;
      return super.done;
    }
    final result = super.close();
    _flushPending();
    return result;
  }

  void _callOnCancel() {
    final pending = _pending;
    if (pending != null) {
      pending.clear();
      _pending = null;
    }
    super._callOnCancel();
  }
}

class _AsBroadcastStream<T> extends Stream<T> {
  final Stream<T> _source;
  final void Function(StreamSubscription<T>)? _onListenHandler;
  final void Function(StreamSubscription<T>)? _onCancelHandler;
  final Zone _zone;

  _AsBroadcastStreamController<T>? _controller;
  StreamSubscription<T>? _subscription;

  _AsBroadcastStream(this._source, void Function(StreamSubscription<T>)? onListenHandler,
      void Function(StreamSubscription<T>)? onCancelHandler)
      : _onListenHandler = onListenHandler == null
            ? null
            : Zone.current.registerUnaryCallback<void, StreamSubscription<T>>(onListenHandler),
        _onCancelHandler = onCancelHandler == null
            ? null
            : Zone.current.registerUnaryCallback<void, StreamSubscription<T>>(onCancelHandler),
        _zone = Zone.current {
    _controller = _AsBroadcastStreamController<T>(_onListen, _onCancel);
  }

  bool get isBroadcast => true;

  StreamSubscription<T> listen(void Function(T data)? onData,
      {Function? onError, void Function()? onDone, bool? cancelOnError}) {
    final controller = _controller;
    if (controller == null || controller.isClosed) {
      // Only a done event can ever come.
      return _DoneStreamSubscription<T>(onDone);
    }
    _subscription ??=
        _source.listen(controller.add, onError: controller.addError, onDone: controller.close);
    return controller._subscribe(onData, onError, onDone, cancelOnError ?? false);
  }

  void _onCancel() {
    final controller = _controller;
    final shutdown = controller == null || controller.isClosed;
    final cancelHandler = _onCancelHandler;
    if (cancelHandler != null) {
      _zone.runUnary<void, StreamSubscription<T>>(
          cancelHandler, _BroadcastSubscriptionWrapper<T>(this));
    }
    if (shutdown) {
      final subscription = _subscription;
      if (subscription != null) {
        subscription.cancel();
        _subscription = null;
      }
    }
  }

  void _onListen() {
    final listenHandler = _onListenHandler;
    if (listenHandler != null) {
      _zone.runUnary<void, StreamSubscription<T>>(
          listenHandler, _BroadcastSubscriptionWrapper<T>(this));
    }
  }

  void _cancelSubscription() {
    final subscription = _subscription;
    if (subscription != null) {
      _subscription = null;
      _controller = null;
      subscription.cancel();
    }
  }

  void _pauseSubscription(Future<void>? resumeSignal) {
    _subscription?.pause(resumeSignal);
  }

  void _resumeSubscription() {
    _subscription?.resume();
  }

  bool get _isSubscriptionPaused => _subscription?.isPaused ?? false;
}

/// The source subscription of `asBroadcastStream` as its callbacks see it: it can be
/// paused, resumed or cancelled, but its handlers belong to the broadcast stream.
class _BroadcastSubscriptionWrapper<T> implements StreamSubscription<T> {
  final _AsBroadcastStream<T> _stream;

  _BroadcastSubscriptionWrapper(this._stream);

  void onData(void Function(T data)? handleData) {
    throw UnsupportedError("Cannot change handlers of asBroadcastStream source subscription.");
  }

  void onError(Function? handleError) {
    throw UnsupportedError("Cannot change handlers of asBroadcastStream source subscription.");
  }

  void onDone(void Function()? handleDone) {
    throw UnsupportedError("Cannot change handlers of asBroadcastStream source subscription.");
  }

  void pause([Future<void>? resumeSignal]) {
    _stream._pauseSubscription(resumeSignal);
  }

  void resume() {
    _stream._resumeSubscription();
  }

  Future<void> cancel() {
    _stream._cancelSubscription();
    return _nullFuture;
  }

  bool get isPaused => _stream._isSubscriptionPaused;

  Future<E> asFuture<E>([E? futureValue]) {
    throw UnsupportedError("Cannot change handlers of asBroadcastStream source subscription.");
  }
}

// ---------------------------------------------------------------------------------------
// StreamIterator (and `await for`)
// ---------------------------------------------------------------------------------------

/// Pulls one event per `moveNext`, pausing the subscription in between. `_stateData` is
/// the stream before listening, the `moveNext` future while waiting, and the current
/// value after a data event.
class _StreamIterator<T> implements StreamIterator<T> {
  StreamSubscription<T>? _subscription;
  Object? _stateData;
  bool _hasValue = false;

  _StreamIterator(Stream<T> stream) : _stateData = stream;

  T get current {
    if (_hasValue) return _stateData as T;
    return null as T;
  }

  Future<bool> moveNext() {
    final subscription = _subscription;
    if (subscription != null) {
      if (_hasValue) {
        final future = _Future<bool>();
        _stateData = future;
        _hasValue = false;
        subscription.resume();
        return future;
      }
      throw StateError("Already waiting for next.");
    }
    return _initializeOrDone();
  }

  Future<bool> _initializeOrDone() {
    final stateData = _stateData;
    if (stateData != null) {
      final stream = stateData as Stream<T>;
      final future = _Future<bool>();
      _stateData = future;
      // `listen` may run user code that emits events; they are ignored until the
      // subscription is recorded.
      final subscription =
          stream.listen(_onData, onError: _onError, onDone: _onDone, cancelOnError: true);
      if (_stateData != null) _subscription = subscription;
      return future;
    }
    return _falseFuture;
  }

  Future cancel() {
    final subscription = _subscription;
    final stateData = _stateData;
    _stateData = null;
    if (subscription != null) {
      _subscription = null;
      if (!_hasValue) {
        (stateData as _Future<bool>)._asyncComplete(false);
      } else {
        _hasValue = false;
      }
      return subscription.cancel();
    }
    return _nullFuture;
  }

  void _onData(T data) {
    if (_subscription == null) return;
    final moveNextFuture = _stateData as _Future<bool>;
    _stateData = data;
    _hasValue = true;
    moveNextFuture._complete(true);
    if (_hasValue) _subscription?.pause();
  }

  void _onError(Object error, StackTrace stackTrace) {
    final subscription = _subscription;
    final moveNextFuture = _stateData as _Future<bool>;
    _subscription = null;
    _stateData = null;
    if (subscription != null) {
      moveNextFuture._completeError(error, stackTrace);
    } else {
      moveNextFuture._asyncCompleteError(error, stackTrace);
    }
  }

  void _onDone() {
    final subscription = _subscription;
    final moveNextFuture = _stateData as _Future<bool>;
    _subscription = null;
    _stateData = null;
    if (subscription != null) {
      moveNextFuture._completeWithValue(false);
    } else {
      moveNextFuture._asyncCompleteWithValue(false);
    }
  }
}

/// `await for`'s iterator (the resolver calls these by name).
@pragma('vm:entry-point')
_StreamIterator<T> _awaitForIterator<T>(Stream<T> stream) => _StreamIterator<T>(stream);

/// The future to await when leaving an `await for` loop: the cancel of a subscription
/// that is still active, or null when there is nothing to cancel.
@pragma('vm:entry-point')
Future? _awaitForCancel(_StreamIterator iterator) =>
    iterator._subscription == null ? null : iterator.cancel();
