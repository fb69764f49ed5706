// dart:async streams for dartrs, part 3: transformations (`where`, `map`, `expand`,
// `handleError`, `take`, `skip`, `takeWhile`, `skipWhile`, `distinct`) and
// `StreamTransformer`s, after the SDK's stream_pipe.dart and stream_transformers.dart.
//
// A forwarding stream listens to its source when it is listened to, one source
// subscription per listener, and passes pause/resume/cancel through; each event goes
// through `_handleData`/`_handleError`/`_handleDone` into the listener's subscription,
// synchronously, so a transformation adds no microtask of its own.

part of dart.async;

abstract class _ForwardingStream<S, T> extends Stream<T> {
  final Stream<S> _source;

  _ForwardingStream(this._source);

  bool get isBroadcast => _source.isBroadcast;

  StreamSubscription<T> listen(void Function(T value)? onData,
          {Function? onError, void Function()? onDone, bool? cancelOnError}) =>
      _createSubscription(onData, onError, onDone, cancelOnError ?? false);

  StreamSubscription<T> _createSubscription(void Function(T data)? onData,
          Function? onError, void Function()? onDone, bool cancelOnError) =>
      _ForwardingStreamSubscription<S, T>(this, onData, onError, onDone, cancelOnError);

  void _handleData(S data, _EventSink<T> sink);

  void _handleError(Object error, StackTrace stackTrace, _EventSink<T> sink) {
    sink._addError(error, stackTrace);
  }

  void _handleDone(_EventSink<T> sink) {
    sink._close();
  }
}

class _ForwardingStreamSubscription<S, T> extends _BufferingStreamSubscription<T> {
  final _ForwardingStream<S, T> _stream;
  StreamSubscription<S>? _subscription;

  _ForwardingStreamSubscription(this._stream, void Function(T data)? onData,
      Function? onError, void Function()? onDone, bool cancelOnError)
      : super(onData, onError, onDone, cancelOnError) {
    _subscription = _stream._source
        .listen(_handleSourceData, onError: _handleSourceError, onDone: _handleSourceDone);
  }

  // A transformation sending several events cannot know the stream closed after the
  // first: later ones are ignored.
  void _add(T data) {
    if (_isClosed) return;
    super._add(data);
  }

  void _addError(Object error, StackTrace stackTrace) {
    if (_isClosed) return;
    super._addError(error, stackTrace);
  }

  void _onPause() {
    _subscription?.pause();
  }

  void _onResume() {
    _subscription?.resume();
  }

  Future<void>? _onCancel() {
    final subscription = _subscription;
    if (subscription != null) {
      _subscription = null;
      return subscription.cancel();
    }
    return null;
  }

  void _handleSourceData(S data) {
    _stream._handleData(data, this);
  }

  void _handleSourceError(Object error, StackTrace stackTrace) {
    _stream._handleError(error, stackTrace, this);
  }

  void _handleSourceDone() {
    _stream._handleDone(this);
  }
}

/// A forwarding subscription with one value of per-listener state (`take`'s count, ...).
class _StateStreamSubscription<S, T> extends _ForwardingStreamSubscription<T, T> {
  S _subState;

  _StateStreamSubscription(_ForwardingStream<T, T> stream, void Function(T data)? onData,
      Function? onError, void Function()? onDone, bool cancelOnError, this._subState)
      : super(stream, onData, onError, onDone, cancelOnError);
}

void _addErrorWithReplacement(_EventSink sink, Object error, StackTrace stackTrace) {
  final replacement = Zone.current.errorCallback(error, stackTrace);
  if (replacement != null) {
    error = replacement.error;
    stackTrace = replacement.stackTrace;
  }
  sink._addError(error, stackTrace);
}

class _WhereStream<T> extends _ForwardingStream<T, T> {
  final bool Function(T) _test;

  _WhereStream(Stream<T> source, bool Function(T value) test)
      : _test = test,
        super(source);

  void _handleData(T inputEvent, _EventSink<T> sink) {
    bool satisfies;
    try {
      satisfies = _test(inputEvent);
    } catch (e, s) {
      _addErrorWithReplacement(sink, e, s);
      return;
    }
    if (satisfies) sink._add(inputEvent);
  }
}

class _MapStream<S, T> extends _ForwardingStream<S, T> {
  final T Function(S) _transform;

  _MapStream(Stream<S> source, T Function(S event) transform)
      : _transform = transform,
        super(source);

  void _handleData(S inputEvent, _EventSink<T> sink) {
    T outputEvent;
    try {
      outputEvent = _transform(inputEvent);
    } catch (e, s) {
      _addErrorWithReplacement(sink, e, s);
      return;
    }
    sink._add(outputEvent);
  }
}

class _ExpandStream<S, T> extends _ForwardingStream<S, T> {
  final Iterable<T> Function(S) _expand;

  _ExpandStream(Stream<S> source, Iterable<T> Function(S event) expand)
      : _expand = expand,
        super(source);

  void _handleData(S inputEvent, _EventSink<T> sink) {
    try {
      for (final value in _expand(inputEvent)) {
        sink._add(value);
      }
    } catch (e, s) {
      // An error in the convert function or in the iteration.
      _addErrorWithReplacement(sink, e, s);
    }
  }
}

class _HandleErrorStream<T> extends _ForwardingStream<T, T> {
  final Function _onError;
  final bool Function(Object)? _test;

  _HandleErrorStream(Stream<T> source, Function onError, bool Function(Object error)? test)
      : _onError = onError,
        _test = test,
        super(source);

  void _handleData(T data, _EventSink<T> sink) {
    sink._add(data);
  }

  void _handleError(Object inputError, StackTrace s, _EventSink<T> sink) {
    var matches = true;
    final test = _test;
    if (test != null) {
      try {
        matches = test(inputError);
      } catch (e, s) {
        _addErrorWithReplacement(sink, e, s);
        return;
      }
    }
    if (matches) {
      try {
        if (_acceptsPositional(_onError, 2)) {
          (_onError as dynamic)(inputError, s);
        } else {
          (_onError as dynamic)(inputError);
        }
      } catch (e, s2) {
        if (identical(e, inputError)) {
          sink._addError(inputError, s);
        } else {
          _addErrorWithReplacement(sink, e, s2);
        }
        return;
      }
    } else {
      sink._addError(inputError, s);
    }
  }
}

class _TakeStream<T> extends _ForwardingStream<T, T> {
  final int _count;

  _TakeStream(Stream<T> source, int count)
      : _count = count,
        super(source);

  StreamSubscription<T> _createSubscription(void Function(T data)? onData,
      Function? onError, void Function()? onDone, bool cancelOnError) {
    if (_count == 0) {
      _source.listen(null).cancel();
      return _DoneStreamSubscription<T>(onDone);
    }
    return _StateStreamSubscription<int, T>(
        this, onData, onError, onDone, cancelOnError, _count);
  }

  void _handleData(T inputEvent, _EventSink<T> sink) {
    final subscription = sink as _StateStreamSubscription<int, T>;
    var count = subscription._subState;
    if (count > 0) {
      sink._add(inputEvent);
      count -= 1;
      subscription._subState = count;
      // Closing also cancels the source subscription.
      if (count == 0) sink._close();
    }
  }
}

class _TakeWhileStream<T> extends _ForwardingStream<T, T> {
  final bool Function(T) _test;

  _TakeWhileStream(Stream<T> source, bool Function(T value) test)
      : _test = test,
        super(source);

  void _handleData(T inputEvent, _EventSink<T> sink) {
    bool satisfies;
    try {
      satisfies = _test(inputEvent);
    } catch (e, s) {
      _addErrorWithReplacement(sink, e, s);
      sink._close();
      return;
    }
    if (satisfies) {
      sink._add(inputEvent);
    } else {
      sink._close();
    }
  }
}

class _SkipStream<T> extends _ForwardingStream<T, T> {
  final int _count;

  _SkipStream(Stream<T> source, int count)
      : _count = count,
        super(source) {
    RangeError.checkNotNegative(count, "count");
  }

  StreamSubscription<T> _createSubscription(void Function(T data)? onData,
          Function? onError, void Function()? onDone, bool cancelOnError) =>
      _StateStreamSubscription<int, T>(this, onData, onError, onDone, cancelOnError, _count);

  void _handleData(T inputEvent, _EventSink<T> sink) {
    final subscription = sink as _StateStreamSubscription<int, T>;
    final count = subscription._subState;
    if (count > 0) {
      subscription._subState = count - 1;
      return;
    }
    sink._add(inputEvent);
  }
}

class _SkipWhileStream<T> extends _ForwardingStream<T, T> {
  final bool Function(T) _test;

  _SkipWhileStream(Stream<T> source, bool Function(T value) test)
      : _test = test,
        super(source);

  StreamSubscription<T> _createSubscription(void Function(T data)? onData,
          Function? onError, void Function()? onDone, bool cancelOnError) =>
      _StateStreamSubscription<bool, T>(this, onData, onError, onDone, cancelOnError, false);

  void _handleData(T inputEvent, _EventSink<T> sink) {
    final subscription = sink as _StateStreamSubscription<bool, T>;
    final hasFailed = subscription._subState;
    if (hasFailed) {
      sink._add(inputEvent);
      return;
    }
    bool satisfies;
    try {
      satisfies = _test(inputEvent);
    } catch (e, s) {
      _addErrorWithReplacement(sink, e, s);
      // A failing test counts as not satisfying it.
      subscription._subState = true;
      return;
    }
    if (!satisfies) {
      subscription._subState = true;
      sink._add(inputEvent);
    }
  }
}

class _DistinctStream<T> extends _ForwardingStream<T, T> {
  static final Object _sentinel = Object();

  final bool Function(T, T)? _equals;

  _DistinctStream(Stream<T> source, bool Function(T a, T b)? equals)
      : _equals = equals,
        super(source);

  StreamSubscription<T> _createSubscription(void Function(T data)? onData,
          Function? onError, void Function()? onDone, bool cancelOnError) =>
      _StateStreamSubscription<Object?, T>(
          this, onData, onError, onDone, cancelOnError, _sentinel);

  void _handleData(T inputEvent, _EventSink<T> sink) {
    final subscription = sink as _StateStreamSubscription<Object?, T>;
    final previous = subscription._subState;
    if (identical(previous, _sentinel)) {
      // First event: never a duplicate.
      subscription._subState = inputEvent;
      sink._add(inputEvent);
    } else {
      final previousEvent = previous as T;
      final equals = _equals;
      bool isEqual;
      try {
        isEqual = equals == null ? previousEvent == inputEvent : equals(previousEvent, inputEvent);
      } catch (e, s) {
        _addErrorWithReplacement(sink, e, s);
        return;
      }
      if (!isEqual) {
        sink._add(inputEvent);
        subscription._subState = inputEvent;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Stream transformers
// ---------------------------------------------------------------------------------------

/// The `EventSink` a sink-mapping transformer writes into: the listener's subscription.
class _EventSinkWrapper<T> implements EventSink<T> {
  final _EventSink<T> _sink;

  _EventSinkWrapper(this._sink);

  void add(T data) {
    _sink._add(data);
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    _sink._addError(error, stackTrace ?? AsyncError.defaultStackTrace(error));
  }

  void close() {
    _sink._close();
  }
}

/// A subscription whose events come from a source stream through a mapped sink.
class _SinkTransformerStreamSubscription<S, T> extends _BufferingStreamSubscription<T> {
  late EventSink<S> _transformerSink;
  StreamSubscription<S>? _subscription;

  _SinkTransformerStreamSubscription(
      Stream<S> source,
      EventSink<S> Function(EventSink<T>) mapper,
      void Function(T data)? onData,
      Function? onError,
      void Function()? onDone,
      bool cancelOnError)
      : super(onData, onError, onDone, cancelOnError) {
    _transformerSink = mapper(_EventSinkWrapper<T>(this));
    _subscription =
        source.listen(_handleData, onError: _handleError, onDone: _handleDone);
  }

  bool get _isSubscribed => _subscription != null;

  void _add(T data) {
    if (_isClosed) throw StateError("Stream is already closed");
    super._add(data);
  }

  void _addError(Object error, StackTrace stackTrace) {
    if (_isClosed) throw StateError("Stream is already closed");
    super._addError(error, stackTrace);
  }

  void _close() {
    if (_isClosed) throw StateError("Stream is already closed");
    super._close();
  }

  void _onPause() {
    _subscription?.pause();
  }

  void _onResume() {
    _subscription?.resume();
  }

  Future<void>? _onCancel() {
    if (_isSubscribed) {
      final subscription = _subscription!;
      _subscription = null;
      return subscription.cancel();
    }
    return null;
  }

  void _handleData(S data) {
    try {
      _transformerSink.add(data);
    } catch (e, s) {
      _addError(e, s);
    }
  }

  void _handleError(Object error, StackTrace stackTrace) {
    try {
      _transformerSink.addError(error, stackTrace);
    } catch (e, s) {
      if (identical(e, error)) {
        _addError(error, stackTrace);
      } else {
        _addError(e, s);
      }
    }
  }

  void _handleDone() {
    try {
      _subscription = null;
      _transformerSink.close();
    } catch (e, s) {
      _addError(e, s);
    }
  }
}

class _BoundSinkStream<S, T> extends Stream<T> {
  final EventSink<S> Function(EventSink<T>) _sinkMapper;
  final Stream<S> _stream;

  bool get isBroadcast => _stream.isBroadcast;

  _BoundSinkStream(this._stream, this._sinkMapper);

  StreamSubscription<T> listen(void Function(T event)? onData,
          {Function? onError, void Function()? onDone, bool? cancelOnError}) =>
      _SinkTransformerStreamSubscription<S, T>(
          _stream, _sinkMapper, onData, onError, onDone, cancelOnError ?? false);
}

/// `StreamTransformer.fromHandlers`: a sink that calls the handlers (the defaults pass
/// events through).
class _HandlerEventSink<S, T> implements EventSink<S> {
  final void Function(S, EventSink<T>)? _handleData;
  final void Function(Object, StackTrace, EventSink<T>)? _handleError;
  final void Function(EventSink<T>)? _handleDone;
  EventSink<T>? _sink;

  _HandlerEventSink(this._handleData, this._handleError, this._handleDone, EventSink<T> sink)
      : _sink = sink;

  void add(S data) {
    final sink = _sink;
    if (sink == null) throw StateError("Sink is closed");
    final handleData = _handleData;
    if (handleData != null) {
      handleData(data, sink);
    } else {
      sink.add(data as T);
    }
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    final sink = _sink;
    if (sink == null) throw StateError("Sink is closed");
    final trace = stackTrace ?? AsyncError.defaultStackTrace(error);
    final handleError = _handleError;
    if (handleError != null) {
      handleError(error, trace, sink);
    } else {
      sink.addError(error, trace);
    }
  }

  void close() {
    final sink = _sink;
    if (sink == null) return;
    _sink = null;
    final handleDone = _handleDone;
    if (handleDone != null) {
      handleDone(sink);
    } else {
      sink.close();
    }
  }
}

class _StreamSinkTransformer<S, T> extends StreamTransformerBase<S, T> {
  final EventSink<S> Function(EventSink<T>) _sinkMapper;

  const _StreamSinkTransformer(this._sinkMapper);

  Stream<T> bind(Stream<S> stream) => _BoundSinkStream<S, T>(stream, _sinkMapper);
}

class _StreamHandlerTransformer<S, T> extends _StreamSinkTransformer<S, T> {
  _StreamHandlerTransformer(
      {void Function(S data, EventSink<T> sink)? handleData,
      void Function(Object error, StackTrace stackTrace, EventSink<T> sink)? handleError,
      void Function(EventSink<T> sink)? handleDone})
      : super((EventSink<T> outputSink) =>
            _HandlerEventSink<S, T>(handleData, handleError, handleDone, outputSink));

  Stream<T> bind(Stream<S> stream) => super.bind(stream);
}

class _StreamBindTransformer<S, T> extends StreamTransformerBase<S, T> {
  final Stream<T> Function(Stream<S>) _bind;

  _StreamBindTransformer(this._bind);

  Stream<T> bind(Stream<S> stream) => _bind(stream);
}

/// `StreamTransformer(onListen)`: the transformer makes the subscription itself.
class _StreamSubscriptionTransformer<S, T> extends StreamTransformerBase<S, T> {
  final StreamSubscription<T> Function(Stream<S>, bool) _onListen;

  const _StreamSubscriptionTransformer(this._onListen);

  Stream<T> bind(Stream<S> stream) => _BoundSubscriptionStream<S, T>(stream, _onListen);
}

class _BoundSubscriptionStream<S, T> extends Stream<T> {
  final StreamSubscription<T> Function(Stream<S>, bool) _onListen;
  final Stream<S> _stream;

  _BoundSubscriptionStream(this._stream, this._onListen);

  bool get isBroadcast => _stream.isBroadcast;

  StreamSubscription<T> listen(void Function(T event)? onData,
      {Function? onError, void Function()? onDone, bool? cancelOnError}) {
    final result = _onListen(_stream, cancelOnError ?? false);
    result.onData(onData);
    result.onError(onError);
    result.onDone(onDone);
    return result;
  }
}
