// dart:async streams for dartrs, part 1: the public API (`Stream`, `StreamSubscription`,
// `EventSink`, `StreamSink`, `StreamConsumer`, `StreamTransformer`, `StreamIterator`,
// `StreamView`) and the consumers (`listen`, `forEach`, `fold`, `toList`, `first`, ...).
//
// The event order is the Dart SDK's (sdk/lib/async/stream.dart): every consumer listens
// with `cancelOnError: true` and completes its `_Future` synchronously from the event
// that decides it, cancelling the subscription first (`_cancelAndValue`); data that
// decides nothing is dropped. Part 2 (stream_impl.dart) holds subscriptions and
// controllers, part 3 (stream_pipe.dart) the transformations.

part of dart.async;

abstract class Stream<T> {
  Stream();

  const Stream._internal();

  const factory Stream.empty({bool broadcast}) = _EmptyStream<T>;

  /// One data event, then done (delivered through microtasks, as the SDK's).
  factory Stream.value(T value) =>
      (_AsyncStreamController<T>(null, null, null, null)
            .._add(value)
            .._closeUnchecked())
          .stream;

  factory Stream.error(Object error, [StackTrace? stackTrace]) {
    final controller = _AsyncStreamController<T>(null, null, null, null);
    controller._addError(error, stackTrace ?? AsyncError.defaultStackTrace(error));
    controller._closeUnchecked();
    return controller.stream;
  }

  factory Stream.fromFuture(Future<T> future) {
    final controller = _SyncStreamController<T>(null, null, null, null);
    future.then((T value) {
      controller._add(value);
      controller._closeUnchecked();
    }, onError: (Object error, StackTrace stackTrace) {
      controller._addError(error, stackTrace);
      controller._closeUnchecked();
    });
    return controller.stream;
  }

  factory Stream.fromFutures(Iterable<Future<T>> futures) {
    final controller = _SyncStreamController<T>(null, null, null, null);
    var count = 0;
    void onValue(T value) {
      if (!controller.isClosed) {
        controller._add(value);
        if (--count == 0) controller._closeUnchecked();
      }
    }

    void onError(Object error, StackTrace stack) {
      if (!controller.isClosed) {
        controller._addError(error, stack);
        if (--count == 0) controller._closeUnchecked();
      }
    }

    for (final future in futures) {
      count++;
      future.then(onValue, onError: onError);
    }
    if (count == 0) scheduleMicrotask(controller.close);
    return controller.stream;
  }

  /// Delivers the elements one per microtask while listened to and not paused (the
  /// SDK builds it on `Stream.multi` the same way).
  factory Stream.fromIterable(Iterable<T> elements) => Stream<T>.multi((controller) {
        Iterator<T> iterator;
        try {
          iterator = elements.iterator;
        } catch (e, s) {
          controller.addError(e, s);
          controller.close();
          return;
        }
        final zone = Zone.current;
        var isScheduled = true;

        void next() {
          if (!controller.hasListener || controller.isPaused) {
            // Cancelled or paused since it was scheduled.
            isScheduled = false;
            return;
          }
          bool hasNext;
          try {
            hasNext = iterator.moveNext();
          } catch (e, s) {
            controller.addErrorSync(e, s);
            controller.closeSync();
            return;
          }
          if (hasNext) {
            try {
              controller.addSync(iterator.current);
            } catch (e, s) {
              controller.addErrorSync(e, s);
            }
            if (controller.hasListener && !controller.isPaused) {
              zone.scheduleMicrotask(next);
            } else {
              isScheduled = false;
            }
          } else {
            controller.closeSync();
          }
        }

        controller.onResume = () {
          if (!isScheduled) {
            isScheduled = true;
            zone.scheduleMicrotask(next);
          }
        };
        zone.scheduleMicrotask(next);
      });

  factory Stream.multi(void Function(MultiStreamController<T>) onListen,
          {bool isBroadcast = false}) =>
      _MultiStream<T>(onListen, isBroadcast);

  factory Stream.periodic(Duration period, [T Function(int computationCount)? computation]) {
    final controller = _SyncStreamController<T>(null, null, null, null);
    // Counts the time the stream was running (not paused).
    final watch = Stopwatch();
    controller.onListen = () {
      var computationCount = 0;
      void sendEvent(Object? _) {
        watch.reset();
        if (computation != null) {
          T event;
          try {
            event = computation(computationCount++);
          } catch (e, s) {
            controller.addError(e, s);
            return;
          }
          controller.add(event);
        } else {
          controller.add(null as T);
        }
      }

      var timer = Timer.periodic(period, sendEvent);
      watch.start();
      controller
        ..onCancel = () {
          timer.cancel();
          return _nullFuture;
        }
        ..onPause = () {
          watch.stop();
          timer.cancel();
        }
        ..onResume = () {
          final elapsed = watch.elapsed;
          watch.start();
          timer = Timer(period - elapsed, () {
            timer = Timer.periodic(period, sendEvent);
            sendEvent(null);
          });
        };
    };
    return controller.stream;
  }

  factory Stream.eventTransformed(
          Stream<dynamic> source, EventSink<dynamic> Function(EventSink<T> sink) mapSink) =>
      _BoundSinkStream<dynamic, T>(source, mapSink);

  static Stream<T> castFrom<S, T>(Stream<S> source) => source.map<T>((S e) => e as T);

  bool get isBroadcast => false;

  Stream<T> asBroadcastStream(
          {void Function(StreamSubscription<T> subscription)? onListen,
          void Function(StreamSubscription<T> subscription)? onCancel}) =>
      _AsBroadcastStream<T>(this, onListen, onCancel);

  StreamSubscription<T> listen(void Function(T event)? onData,
      {Function? onError, void Function()? onDone, bool? cancelOnError});

  Stream<T> where(bool Function(T event) test) => _WhereStream<T>(this, test);

  Stream<S> map<S>(S Function(T event) convert) => _MapStream<T, S>(this, convert);

  Stream<E> asyncMap<E>(FutureOr<E> Function(T event) convert) {
    final _StreamControllerBase<E> controller = isBroadcast
        ? _SyncBroadcastStreamController<E>(null, null)
        : _SyncStreamController<E>(null, null, null, null);
    controller.onListen = () {
      final subscription =
          listen(null, onError: controller._addError, onDone: controller.close);
      void add(E value) {
        controller.add(value);
      }

      final addError = controller._addError;
      final resume = subscription.resume;
      subscription.onData((T event) {
        FutureOr<E> newValue;
        try {
          newValue = convert(event);
        } catch (e, s) {
          controller.addError(e, s);
          return;
        }
        if (newValue is Future<E>) {
          subscription.pause();
          newValue.then(add, onError: addError).whenComplete(resume);
        } else {
          controller.add(newValue as E);
        }
      });
      controller.onCancel = subscription.cancel;
      if (!isBroadcast) {
        controller
          ..onPause = subscription.pause
          ..onResume = resume;
      }
    };
    return controller.stream;
  }

  Stream<E> asyncExpand<E>(Stream<E>? Function(T event) convert) {
    final _StreamControllerBase<E> controller = isBroadcast
        ? _SyncBroadcastStreamController<E>(null, null)
        : _SyncStreamController<E>(null, null, null, null);
    controller.onListen = () {
      final subscription =
          listen(null, onError: controller._addError, onDone: controller.close);
      subscription.onData((T event) {
        Stream<E>? newStream;
        try {
          newStream = convert(event);
        } catch (e, s) {
          controller.addError(e, s);
          return;
        }
        if (newStream != null) {
          subscription.pause();
          controller.addStream(newStream).whenComplete(subscription.resume);
        }
      });
      controller.onCancel = subscription.cancel;
      if (!isBroadcast) {
        controller
          ..onPause = subscription.pause
          ..onResume = subscription.resume;
      }
    };
    return controller.stream;
  }

  Stream<T> handleError(Function onError, {bool Function(Object error)? test}) {
    if (!_acceptsPositional(onError, 1) && !_acceptsPositional(onError, 2)) {
      throw ArgumentError.value(onError, "onError",
          "Error handler must accept one Object or one Object and a StackTrace as arguments.");
    }
    return _HandleErrorStream<T>(this, onError, test);
  }

  Stream<S> expand<S>(Iterable<S> Function(T element) convert) =>
      _ExpandStream<T, S>(this, convert);

  Future pipe(StreamConsumer<T> streamConsumer) =>
      streamConsumer.addStream(this).then((_) => streamConsumer.close());

  Stream<S> transform<S>(StreamTransformer<T, S> streamTransformer) =>
      streamTransformer.bind(this);

  Future<T> reduce(T Function(T previous, T element) combine) {
    final result = _Future<T>();
    var seenFirst = false;
    late T value;
    final subscription = listen(null, onError: result._completeError, onDone: () {
      if (!seenFirst) {
        try {
          throw IterableElementError.noElement();
        } catch (e, s) {
          _completeWithErrorCallback(result, e, s);
        }
      } else {
        result._complete(value);
      }
    }, cancelOnError: true);
    subscription.onData((T element) {
      if (seenFirst) {
        _runUserCode<T>(() => combine(value, element), (T newValue) {
          value = newValue;
        }, _cancelAndErrorClosure(subscription, result));
      } else {
        value = element;
        seenFirst = true;
      }
    });
    return result;
  }

  Future<S> fold<S>(S initialValue, S Function(S previous, T element) combine) {
    final result = _Future<S>();
    var value = initialValue;
    final subscription = listen(null, onError: result._completeError, onDone: () {
      result._complete(value);
    }, cancelOnError: true);
    subscription.onData((T element) {
      _runUserCode<S>(() => combine(value, element), (S newValue) {
        value = newValue;
      }, _cancelAndErrorClosure(subscription, result));
    });
    return result;
  }

  Future<String> join([String separator = ""]) {
    final result = _Future<String>();
    final buffer = StringBuffer();
    var first = true;
    final subscription = listen(null, onError: result._completeError, onDone: () {
      result._complete(buffer.toString());
    }, cancelOnError: true);
    subscription.onData((T element) {
      if (!first && separator.isNotEmpty) buffer.write(separator);
      first = false;
      try {
        buffer.write(element);
      } catch (e, s) {
        _cancelAndErrorWithReplacement(subscription, result, e, s);
      }
    });
    return result;
  }

  Future<bool> contains(Object? needle) {
    final future = _Future<bool>();
    final subscription = listen(null, onError: future._completeError, onDone: () {
      future._complete(false);
    }, cancelOnError: true);
    subscription.onData((T element) {
      _runUserCode<bool>(() => element == needle, (bool isMatch) {
        if (isMatch) _cancelAndValue(subscription, future, true);
      }, _cancelAndErrorClosure(subscription, future));
    });
    return future;
  }

  Future<void> forEach(void Function(T element) action) {
    final future = _Future<void>();
    final subscription = listen(null, onError: future._completeError, onDone: () {
      future._complete(null);
    }, cancelOnError: true);
    subscription.onData((T element) {
      _runUserCode<void>(() => action(element), (_) {},
          _cancelAndErrorClosure(subscription, future));
    });
    return future;
  }

  Future<bool> every(bool Function(T element) test) {
    final future = _Future<bool>();
    final subscription = listen(null, onError: future._completeError, onDone: () {
      future._complete(true);
    }, cancelOnError: true);
    subscription.onData((T element) {
      _runUserCode<bool>(() => test(element), (bool isMatch) {
        if (!isMatch) _cancelAndValue(subscription, future, false);
      }, _cancelAndErrorClosure(subscription, future));
    });
    return future;
  }

  Future<bool> any(bool Function(T element) test) {
    final future = _Future<bool>();
    final subscription = listen(null, onError: future._completeError, onDone: () {
      future._complete(false);
    }, cancelOnError: true);
    subscription.onData((T element) {
      _runUserCode<bool>(() => test(element), (bool isMatch) {
        if (isMatch) _cancelAndValue(subscription, future, true);
      }, _cancelAndErrorClosure(subscription, future));
    });
    return future;
  }

  Future<int> get length {
    final future = _Future<int>();
    var count = 0;
    listen((_) {
      count++;
    }, onError: future._completeError, onDone: () {
      future._complete(count);
    }, cancelOnError: true);
    return future;
  }

  Future<bool> get isEmpty {
    final future = _Future<bool>();
    final subscription = listen(null, onError: future._completeError, onDone: () {
      future._complete(true);
    }, cancelOnError: true);
    subscription.onData((_) {
      _cancelAndValue(subscription, future, false);
    });
    return future;
  }

  Stream<R> cast<R>() => Stream.castFrom<T, R>(this);

  Future<List<T>> toList() {
    final result = <T>[];
    final future = _Future<List<T>>();
    listen((T data) {
      result.add(data);
    }, onError: future._completeError, onDone: () {
      future._complete(result);
    }, cancelOnError: true);
    return future;
  }

  Future<Set<T>> toSet() {
    final result = Set<T>();
    final future = _Future<Set<T>>();
    listen((T data) {
      result.add(data);
    }, onError: future._completeError, onDone: () {
      future._complete(result);
    }, cancelOnError: true);
    return future;
  }

  Future<E> drain<E>([E? futureValue]) {
    return listen(null, cancelOnError: true).asFuture<E>(futureValue);
  }

  Stream<T> take(int count) => _TakeStream<T>(this, count);

  Stream<T> takeWhile(bool Function(T element) test) => _TakeWhileStream<T>(this, test);

  Stream<T> skip(int count) => _SkipStream<T>(this, count);

  Stream<T> skipWhile(bool Function(T element) test) => _SkipWhileStream<T>(this, test);

  Stream<T> distinct([bool Function(T previous, T next)? equals]) =>
      _DistinctStream<T>(this, equals);

  Future<T> get first {
    final future = _Future<T>();
    final subscription = listen(null, onError: future._completeError, onDone: () {
      try {
        throw IterableElementError.noElement();
      } catch (e, s) {
        _completeWithErrorCallback(future, e, s);
      }
    }, cancelOnError: true);
    subscription.onData((T value) {
      _cancelAndValue(subscription, future, value);
    });
    return future;
  }

  Future<T> get last {
    final future = _Future<T>();
    late T result;
    var foundResult = false;
    listen((T value) {
      foundResult = true;
      result = value;
    }, onError: future._completeError, onDone: () {
      if (foundResult) {
        future._complete(result);
        return;
      }
      try {
        throw IterableElementError.noElement();
      } catch (e, s) {
        _completeWithErrorCallback(future, e, s);
      }
    }, cancelOnError: true);
    return future;
  }

  Future<T> get single {
    final future = _Future<T>();
    late T result;
    var foundResult = false;
    final subscription = listen(null, onError: future._completeError, onDone: () {
      if (foundResult) {
        future._complete(result);
        return;
      }
      try {
        throw IterableElementError.noElement();
      } catch (e, s) {
        _completeWithErrorCallback(future, e, s);
      }
    }, cancelOnError: true);
    subscription.onData((T value) {
      if (foundResult) {
        try {
          throw IterableElementError.tooMany();
        } catch (e, s) {
          _cancelAndErrorWithReplacement(subscription, future, e, s);
        }
        return;
      }
      foundResult = true;
      result = value;
    });
    return future;
  }

  Future<T> firstWhere(bool Function(T element) test, {T Function()? orElse}) {
    final future = _Future<T>();
    final subscription = listen(null, onError: future._completeError, onDone: () {
      if (orElse != null) {
        _runUserCode<T>(orElse, future._complete, future._completeError);
        return;
      }
      try {
        throw IterableElementError.noElement();
      } catch (e, s) {
        _completeWithErrorCallback(future, e, s);
      }
    }, cancelOnError: true);
    subscription.onData((T value) {
      _runUserCode<bool>(() => test(value), (bool isMatch) {
        if (isMatch) _cancelAndValue(subscription, future, value);
      }, _cancelAndErrorClosure(subscription, future));
    });
    return future;
  }

  Future<T> lastWhere(bool Function(T element) test, {T Function()? orElse}) {
    final future = _Future<T>();
    late T result;
    var foundResult = false;
    final subscription = listen(null, onError: future._completeError, onDone: () {
      if (foundResult) {
        future._complete(result);
        return;
      }
      if (orElse != null) {
        _runUserCode<T>(orElse, future._complete, future._completeError);
        return;
      }
      try {
        throw IterableElementError.noElement();
      } catch (e, s) {
        _completeWithErrorCallback(future, e, s);
      }
    }, cancelOnError: true);
    subscription.onData((T value) {
      _runUserCode<bool>(() => test(value), (bool isMatch) {
        if (isMatch) {
          foundResult = true;
          result = value;
        }
      }, _cancelAndErrorClosure(subscription, future));
    });
    return future;
  }

  Future<T> singleWhere(bool Function(T element) test, {T Function()? orElse}) {
    final future = _Future<T>();
    late T result;
    var foundResult = false;
    final subscription = listen(null, onError: future._completeError, onDone: () {
      if (foundResult) {
        future._complete(result);
        return;
      }
      if (orElse != null) {
        _runUserCode<T>(orElse, future._complete, future._completeError);
        return;
      }
      try {
        throw IterableElementError.noElement();
      } catch (e, s) {
        _completeWithErrorCallback(future, e, s);
      }
    }, cancelOnError: true);
    subscription.onData((T value) {
      _runUserCode<bool>(() => test(value), (bool isMatch) {
        if (isMatch) {
          if (foundResult) {
            try {
              throw IterableElementError.tooMany();
            } catch (e, s) {
              _cancelAndErrorWithReplacement(subscription, future, e, s);
            }
            return;
          }
          foundResult = true;
          result = value;
        }
      }, _cancelAndErrorClosure(subscription, future));
    });
    return future;
  }

  Future<T> elementAt(int index) {
    RangeError.checkNotNegative(index, "index");
    final result = _Future<T>();
    var elementIndex = 0;
    final subscription = listen(null, onError: result._completeError, onDone: () {
      result._completeError(
          IndexError.withLength(index, elementIndex, indexable: this, name: "index"),
          StackTrace.empty);
    }, cancelOnError: true);
    subscription.onData((T value) {
      if (index == elementIndex) {
        _cancelAndValue(subscription, result, value);
        return;
      }
      elementIndex += 1;
    });
    return result;
  }

  Stream<T> timeout(Duration timeLimit, {void Function(EventSink<T> sink)? onTimeout}) {
    final _StreamControllerBase<T> controller = isBroadcast
        ? _SyncBroadcastStreamController<T>(null, null)
        : _SyncStreamController<T>(null, null, null, null);
    final zone = Zone.current;
    late void Function() timeoutCallback;
    if (onTimeout == null) {
      timeoutCallback = () {
        controller.addError(
            TimeoutException("No stream event", timeLimit), StackTrace.empty);
      };
    } else {
      final registeredOnTimeout =
          zone.registerUnaryCallback<void, EventSink<T>>(onTimeout);
      final wrapper = _ControllerEventSinkWrapper<T>(null);
      timeoutCallback = () {
        wrapper._sink = controller;
        zone.runUnaryGuarded<EventSink<T>>(registeredOnTimeout, wrapper);
        wrapper._sink = null;
      };
    }
    controller.onListen = () {
      var timer = zone.createTimer(timeLimit, timeoutCallback);
      final subscription = listen(null);
      subscription
        ..onData((T event) {
          timer.cancel();
          timer = zone.createTimer(timeLimit, timeoutCallback);
          controller.add(event);
        })
        ..onError((Object error, StackTrace stackTrace) {
          timer.cancel();
          timer = zone.createTimer(timeLimit, timeoutCallback);
          controller._addError(error, stackTrace);
        })
        ..onDone(() {
          timer.cancel();
          controller.close();
        });
      controller.onCancel = () {
        timer.cancel();
        return subscription.cancel();
      };
      if (!isBroadcast) {
        controller
          ..onPause = () {
            timer.cancel();
            subscription.pause();
          }
          ..onResume = () {
            subscription.resume();
            timer = zone.createTimer(timeLimit, timeoutCallback);
          };
      }
    };
    return controller.stream;
  }
}

/// Runs [userCode]; its result goes to [onSuccess], an error (possibly replaced by the
/// zone) to [onError].
void _runUserCode<T>(T Function() userCode, void Function(T value) onSuccess,
    void Function(Object error, StackTrace stackTrace) onError) {
  try {
    onSuccess(userCode());
  } catch (e, s) {
    final replacement = Zone.current.errorCallback(e, s);
    if (replacement == null) {
      onError(e, s);
    } else {
      onError(replacement.error, replacement.stackTrace);
    }
  }
}

/// Cancels [subscription], then completes [future] with the error (after the cancel
/// future when cancelling is asynchronous).
void _cancelAndError(
    StreamSubscription subscription, _Future future, Object error, StackTrace stackTrace) {
  final cancelFuture = subscription.cancel();
  if (!identical(cancelFuture, _nullFuture)) {
    cancelFuture.whenComplete(() => future._completeError(error, stackTrace));
  } else {
    future._completeError(error, stackTrace);
  }
}

void _cancelAndErrorWithReplacement(
    StreamSubscription subscription, _Future future, Object error, StackTrace stackTrace) {
  final replacement = Zone.current.errorCallback(error, stackTrace);
  if (replacement != null) {
    error = replacement.error;
    stackTrace = replacement.stackTrace;
  }
  _cancelAndError(subscription, future, error, stackTrace);
}

void Function(Object, StackTrace) _cancelAndErrorClosure(
        StreamSubscription subscription, _Future future) =>
    (Object error, StackTrace stackTrace) {
      _cancelAndError(subscription, future, error, stackTrace);
    };

void _cancelAndValue(StreamSubscription subscription, _Future future, Object? value) {
  final cancelFuture = subscription.cancel();
  if (!identical(cancelFuture, _nullFuture)) {
    cancelFuture.whenComplete(() => future._complete(value));
  } else {
    future._complete(value);
  }
}

void _completeWithErrorCallback(_Future result, Object error, StackTrace stackTrace) {
  final replacement = Zone.current.errorCallback(error, stackTrace);
  if (replacement != null) {
    error = replacement.error;
    stackTrace = replacement.stackTrace;
  }
  result._completeError(error, stackTrace);
}

abstract interface class StreamSubscription<T> {
  Future<void> cancel();
  void onData(void Function(T data)? handleData);
  void onError(Function? handleError);
  void onDone(void Function()? handleDone);
  void pause([Future<void>? resumeSignal]);
  void resume();
  bool get isPaused;
  Future<E> asFuture<E>([E? futureValue]);
}

abstract interface class EventSink<T> implements Sink<T> {
  void add(T event);
  void addError(Object error, [StackTrace? stackTrace]);
  void close();
}

abstract interface class StreamConsumer<S> {
  Future addStream(Stream<S> stream);
  Future close();
}

abstract interface class StreamSink<S> implements EventSink<S>, StreamConsumer<S> {
  Future close();
  Future get done;
}

class StreamView<T> extends Stream<T> {
  final Stream<T> _stream;

  const StreamView(Stream<T> stream)
      : _stream = stream,
        super._internal();

  bool get isBroadcast => _stream.isBroadcast;

  Stream<T> asBroadcastStream(
          {void Function(StreamSubscription<T> subscription)? onListen,
          void Function(StreamSubscription<T> subscription)? onCancel}) =>
      _stream.asBroadcastStream(onListen: onListen, onCancel: onCancel);

  StreamSubscription<T> listen(void Function(T value)? onData,
          {Function? onError, void Function()? onDone, bool? cancelOnError}) =>
      _stream.listen(onData, onError: onError, onDone: onDone, cancelOnError: cancelOnError);
}

abstract interface class StreamTransformer<S, T> {
  const factory StreamTransformer(
          StreamSubscription<T> Function(Stream<S> stream, bool cancelOnError) onListen) =
      _StreamSubscriptionTransformer<S, T>;

  factory StreamTransformer.fromHandlers(
      {void Function(S data, EventSink<T> sink)? handleData,
      void Function(Object error, StackTrace stackTrace, EventSink<T> sink)? handleError,
      void Function(EventSink<T> sink)? handleDone}) = _StreamHandlerTransformer<S, T>;

  factory StreamTransformer.fromBind(Stream<T> Function(Stream<S>) bind) =
      _StreamBindTransformer<S, T>;

  static StreamTransformer<TS, TT> castFrom<SS, ST, TS, TT>(
          StreamTransformer<SS, ST> source) =>
      _StreamBindTransformer<TS, TT>(
          (Stream<TS> stream) => source.bind(stream.cast<SS>()).cast<TT>());

  Stream<T> bind(Stream<S> stream);

  StreamTransformer<RS, RT> cast<RS, RT>();
}

abstract class StreamTransformerBase<S, T> implements StreamTransformer<S, T> {
  const StreamTransformerBase();

  StreamTransformer<RS, RT> cast<RS, RT>() =>
      StreamTransformer.castFrom<S, T, RS, RT>(this);
}

abstract interface class StreamIterator<T> {
  factory StreamIterator(Stream<T> stream) => _StreamIterator<T>(stream);

  Future<bool> moveNext();

  T get current;

  Future cancel();
}

abstract interface class MultiStreamController<T> implements StreamController<T> {
  void addSync(T value);
  void addErrorSync(Object error, [StackTrace? stackTrace]);
  void closeSync();
}

/// An `EventSink` handed to `Stream.timeout`'s `onTimeout`, valid during the call.
class _ControllerEventSinkWrapper<T> implements EventSink<T> {
  EventSink<T>? _sink;

  _ControllerEventSinkWrapper(this._sink);

  EventSink<T> _ensureSink() {
    final sink = _sink;
    if (sink == null) throw StateError("Sink not available");
    return sink;
  }

  void add(T data) {
    _ensureSink().add(data);
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    _ensureSink().addError(error, stackTrace);
  }

  void close() {
    _ensureSink().close();
  }
}
