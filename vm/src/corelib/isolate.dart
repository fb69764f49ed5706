// dart:isolate for dartrs: isolates on their own threads, ports and message copying.
//
// The structure follows the SDK's isolate.dart and the VM's isolate_patch.dart: a
// RawReceivePort is a port id with a handler, a ReceivePort a stream over one, a
// SendPort a port id. The runtime (runtime::ports, runtime::message, runtime::spawn)
// owns the port registry, copies messages between heaps and runs spawned isolates;
// it calls `_handlePortMessage` for each message and `_startIsolate` in a new isolate.

library dart.isolate;

import 'dart:async';

@pragma('vm:external-name', 'Isolate_openPort')
external int _openPort();

@pragma('vm:external-name', 'Isolate_closePort')
external void _closePort(int id);

@pragma('vm:external-name', 'Isolate_setKeepAlive')
external void _setKeepAlive(int id, bool keep);

/// Copies [message] to port [id]; returns the ArgumentError text when it cannot.
@pragma('vm:external-name', 'Isolate_send')
external String? _send(int id, Object? message);

@pragma('vm:external-name', 'Isolate_newCapability')
external int _newCapabilityId();

@pragma('vm:external-name', 'Isolate_spawn')
external String? _spawn(int readyPort, List<Object?> start, bool errorsAreFatal,
    int? onExit, Object? onExitResponse, int? onError, String? debugName);

/// 0: the control port, 1: the pause capability, 2: the terminate capability.
@pragma('vm:external-name', 'Isolate_current')
external int _currentId(int which);

@pragma('vm:external-name', 'Isolate_debugName')
external String? _debugName(int controlPort);

@pragma('vm:external-name', 'Isolate_kill')
external void _kill(int controlPort, int priority);

@pragma('vm:external-name', 'Isolate_addOnExitListener')
external String? _addOnExitListener(int controlPort, int port, Object? response);

@pragma('vm:external-name', 'Isolate_removeOnExitListener')
external void _removeOnExitListener(int controlPort, int port);

@pragma('vm:external-name', 'Isolate_addErrorListener')
external void _addErrorListener(int controlPort, int port);

@pragma('vm:external-name', 'Isolate_removeErrorListener')
external void _removeErrorListener(int controlPort, int port);

@pragma('vm:external-name', 'Isolate_setErrorsFatal')
external void _setErrorsFatal(int controlPort, bool fatal);

@pragma('vm:external-name', 'Isolate_ping')
external String? _ping(int controlPort, int port, Object? response, int priority);

@pragma('vm:external-name', 'Isolate_exit')
external String? _exit(int? port, Object? message);

void _check(String? error) {
  if (error != null) throw ArgumentError(error);
}

/// The open raw receive ports of this isolate, by id.
final Map<int, _RawReceivePort> _openPorts = <int, _RawReceivePort>{};

/// Called by the runtime for each message that arrives at an open port.
@pragma('vm:entry-point')
void _handlePortMessage(int id, Object? message) {
  final port = _openPorts[id];
  if (port == null) return;
  final handler = port._handler;
  if (handler == null) return;
  handler(message);
}

/// The first Dart code of a spawned isolate: `start` is
/// `[readyPort, entryPoint, message]`, copied from the parent.
@pragma('vm:entry-point')
void _startIsolate(Object? start) {
  final list = start as List<Object?>;
  final ready = list[0] as int;
  final current = Isolate.current;
  _send(ready, <Object?>[
    current.controlPort,
    <Object?>[current.pauseCapability, current.terminateCapability]
  ]);
  final entryPoint = list[1] as Function;
  entryPoint(list[2]);
}

/// Thrown when an isolate cannot be created.
class IsolateSpawnException implements Exception {
  final String message;
  IsolateSpawnException(this.message);
  String toString() => "IsolateSpawnException: $message";
}

/// An unforgeable object that can be sent to other isolates.
abstract interface class Capability {
  factory Capability() => _Capability(_newCapabilityId());
}

final class _Capability implements Capability {
  final int _id;
  _Capability(this._id);

  bool operator ==(Object other) => other is _Capability && other._id == _id;
  int get hashCode => _id.hashCode;
}

/// Sends messages to its [ReceivePort] or [RawReceivePort], in any isolate.
abstract interface class SendPort implements Capability {
  void send(Object? message);
  bool operator ==(Object other);
  int get hashCode;
}

final class _SendPort implements SendPort {
  final int _id;
  _SendPort(this._id);

  void send(Object? message) => _check(_send(_id, message));

  bool operator ==(Object other) => other is _SendPort && other._id == _id;
  int get hashCode => _id.hashCode;
}

/// A low-level receive port: a handler called with each message.
abstract interface class RawReceivePort {
  factory RawReceivePort([Function? handler, String debugName = '']) =>
      _RawReceivePort(handler, debugName);

  set handler(Function? newHandler);
  void close();
  SendPort get sendPort;
  bool get keepIsolateAlive;
  set keepIsolateAlive(bool value);
}

final class _RawReceivePort implements RawReceivePort {
  final int _id;
  final String _debugName;
  Function? _handler;
  bool _keepAlive = true;

  _RawReceivePort(this._handler, this._debugName) : _id = _openPort() {
    _openPorts[_id] = this;
  }

  set handler(Function? newHandler) {
    _handler = newHandler;
  }

  void close() {
    _openPorts.remove(_id);
    _closePort(_id);
  }

  SendPort get sendPort => _SendPort(_id);

  bool get keepIsolateAlive => _keepAlive;

  set keepIsolateAlive(bool value) {
    _keepAlive = value;
    _setKeepAlive(_id, value);
  }

  String toString() => "RawReceivePort($_debugName)";
}

/// A stream of the messages sent to its [sendPort].
abstract interface class ReceivePort implements Stream<dynamic> {
  factory ReceivePort([String debugName = '']) => _ReceivePortImpl(debugName);

  factory ReceivePort.fromRawReceivePort(RawReceivePort rawPort) =>
      _ReceivePortImpl.fromRawReceivePort(rawPort);

  StreamSubscription<dynamic> listen(void onData(var message)?,
      {Function? onError, void onDone()?, bool? cancelOnError});

  void close();

  SendPort get sendPort;
}

final class _ReceivePortImpl extends Stream<dynamic> implements ReceivePort {
  final RawReceivePort _rawPort;
  final StreamController<dynamic> _controller;

  _ReceivePortImpl([String debugName = ''])
      : this.fromRawReceivePort(RawReceivePort(null, debugName));

  _ReceivePortImpl.fromRawReceivePort(RawReceivePort rawPort)
      : _rawPort = rawPort,
        _controller = StreamController<dynamic>(sync: true) {
    _controller.onCancel = close;
    _rawPort.handler = _controller.add;
  }

  SendPort get sendPort => _rawPort.sendPort;

  StreamSubscription<dynamic> listen(void onData(var message)?,
      {Function? onError, void onDone()?, bool? cancelOnError}) {
    return _controller.stream.listen(onData,
        onError: onError, onDone: onDone, cancelOnError: cancelOnError);
  }

  void close() {
    _rawPort.close();
    _controller.close();
  }
}

/// An error that happened in another isolate: its text and stack trace as text.
class RemoteError implements Error {
  final String _description;
  final StackTrace stackTrace;

  RemoteError(String description, String stackDescription)
      : _description = description,
        stackTrace = StackTrace.fromString(stackDescription);

  String toString() => _description;
}

/// An isolate: its own heap and event loop, on its own thread.
final class Isolate {
  /// Kill or ping at once, even while the isolate runs code.
  static const int immediate = 0;

  /// Kill or ping before the isolate handles its next event.
  static const int beforeNextEvent = 1;

  final SendPort controlPort;
  final Capability? pauseCapability;
  final Capability? terminateCapability;

  Isolate(this.controlPort, {this.pauseCapability, this.terminateCapability});

  String? get debugName => _debugName((controlPort as _SendPort)._id);

  static Isolate? _current;

  static Isolate get current => _current ??= Isolate(_SendPort(_currentId(0)),
      pauseCapability: _Capability(_currentId(1)),
      terminateCapability: _Capability(_currentId(2)));

  static Future<Isolate> spawn<T>(void entryPoint(T message), T message,
      {bool paused = false,
      bool errorsAreFatal = true,
      SendPort? onExit,
      SendPort? onError,
      String? debugName}) {
    if (paused) {
      throw UnsupportedError("dartrs does not support spawning paused isolates yet");
    }
    final readyPort = _RawReceivePort(null, 'Isolate.spawn ready');
    try {
      _check(_spawn(
          readyPort._id,
          <Object?>[readyPort._id, entryPoint, message],
          errorsAreFatal,
          onExit == null ? null : (onExit as _SendPort)._id,
          null,
          onError == null ? null : (onError as _SendPort)._id,
          debugName));
    } catch (e, st) {
      readyPort.close();
      return Future<Isolate>.error(e, st);
    }
    final completer = Completer<Isolate>();
    readyPort.handler = (readyMessage) {
      readyPort.close();
      if (readyMessage is List && readyMessage.length == 2) {
        final controlPort = readyMessage[0] as SendPort;
        final capabilities = readyMessage[1] as List;
        completer.complete(Isolate(controlPort,
            pauseCapability: capabilities[0] as Capability?,
            terminateCapability: capabilities[1] as Capability?));
      } else {
        completer.completeError(IsolateSpawnException(
            "Unable to spawn isolate: ${readyMessage}"));
      }
    };
    return completer.future;
  }

  static Future<Isolate> spawnUri(Object uri, List<String> args, var message,
      {bool paused = false,
      SendPort? onExit,
      SendPort? onError,
      bool errorsAreFatal = true,
      bool? checked,
      Map<String, String>? environment,
      Object? packageRoot,
      Object? packageConfig,
      bool automaticPackageResolution = false,
      String? debugName}) {
    throw UnsupportedError("dartrs does not support Isolate.spawnUri yet");
  }

  /// Runs [computation] in a new isolate and returns its result (the SDK's
  /// implementation: the result or error comes back through `Isolate.exit`).
  static Future<R> run<R>(FutureOr<R> computation(), {String? debugName}) {
    var result = Completer<R>();
    var resultPort = RawReceivePort();
    resultPort.handler = (response) {
      resultPort.close();
      if (response == null) {
        // onExit handler message, isolate terminated without sending result.
        result.completeError(
            RemoteError("Computation ended without result", ""),
            StackTrace.empty);
        return;
      }
      var list = response as List<Object?>;
      if (list.length == 2) {
        var remoteError = list[0];
        var remoteStack = list[1];
        if (remoteStack is StackTrace) {
          // Typed error.
          result.completeError(remoteError!, remoteStack);
        } else {
          // onError handler message, uncaught async error.
          var error =
              RemoteError(remoteError.toString(), remoteStack.toString());
          result.completeError(error, error.stackTrace);
        }
      } else {
        result.complete(list[0] as R);
      }
    };
    try {
      Isolate.spawn(_RemoteRunner._remoteExecute,
              _RemoteRunner<R>(computation, resultPort.sendPort),
              onError: resultPort.sendPort,
              onExit: resultPort.sendPort,
              errorsAreFatal: true,
              debugName: debugName)
          .then<void>((_) {}, onError: (error, stack) {
        // Sending the computation failed asynchronously.
        resultPort.close();
        result.completeError(error, stack);
      });
    } on Object {
      resultPort.close();
      rethrow;
    }
    return result.future;
  }

  int get _controlId => (controlPort as _SendPort)._id;

  void kill({int priority = beforeNextEvent}) {
    _kill(_controlId, priority);
  }

  void addOnExitListener(SendPort responsePort, {Object? response}) {
    _check(_addOnExitListener(
        _controlId, (responsePort as _SendPort)._id, response));
  }

  void removeOnExitListener(SendPort responsePort) {
    _removeOnExitListener(_controlId, (responsePort as _SendPort)._id);
  }

  void setErrorsFatal(bool errorsAreFatal) {
    _setErrorsFatal(_controlId, errorsAreFatal);
  }

  void addErrorListener(SendPort port) {
    _addErrorListener(_controlId, (port as _SendPort)._id);
  }

  void removeErrorListener(SendPort port) {
    _removeErrorListener(_controlId, (port as _SendPort)._id);
  }

  void ping(SendPort responsePort,
      {Object? response, int priority = immediate}) {
    _check(_ping(
        _controlId, (responsePort as _SendPort)._id, response, priority));
  }

  Capability pause([Capability? resumeCapability]) {
    throw UnsupportedError("dartrs does not support pausing isolates yet");
  }

  void resume(Capability resumeCapability) {
    throw UnsupportedError("dartrs does not support pausing isolates yet");
  }

  /// The uncaught errors of this isolate, as [RemoteError]s (the SDK's implementation).
  Stream get errors {
    StreamController controller = StreamController.broadcast(sync: true);
    RawReceivePort? port;
    void handleError(Object? message) {
      var listMessage = message as List<Object?>;
      var errorDescription = listMessage[0] as String;
      var stackDescription = listMessage[1] as String;
      var error = RemoteError(errorDescription, stackDescription);
      controller.addError(error, error.stackTrace);
    }

    controller.onListen = () {
      RawReceivePort receivePort = RawReceivePort(handleError);
      port = receivePort;
      this.addErrorListener(receivePort.sendPort);
    };
    controller.onCancel = () {
      var listenPort = port!;
      port = null;
      this.removeErrorListener(listenPort.sendPort);
      listenPort.close();
    };
    return controller.stream;
  }

  /// Ends the current isolate at once, after sending [message] to [finalMessagePort].
  static Never exit([SendPort? finalMessagePort, Object? message]) {
    _check(_exit(
        finalMessagePort == null ? null : (finalMessagePort as _SendPort)._id,
        message));
    throw StateError("unreachable");
  }
}

/// The SDK's `Isolate.run` runner: computes in the new isolate and exits with the
/// result (`[value]`) or the error (`[error, stack]`).
class _RemoteRunner<R> {
  final FutureOr<R> Function() computation;
  final SendPort resultPort;

  _RemoteRunner(this.computation, this.resultPort);

  static void _remoteExecute(_RemoteRunner<Object?> runner) {
    runner._run();
  }

  void _run() async {
    late final List<Object?> result;
    try {
      var potentiallyAsyncResult = computation();
      if (potentiallyAsyncResult is Future<R>) {
        result = <Object?>[await potentiallyAsyncResult];
      } else {
        result = <Object?>[potentiallyAsyncResult as R];
      }
    } catch (e, s) {
      Isolate.exit(resultPort, <Object?>[e, s]);
    }
    Isolate.exit(resultPort, result);
  }
}
