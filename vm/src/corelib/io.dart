// dart:io for dartrs: the process (exit, exitCode, sleep, Platform), the standard streams,
// files and directories, processes and a small HTTP server and client.
//
// Synchronous operations are natives that do the work on the isolate's thread
// (`_ioSync`). Asynchronous ones run on other threads (`_ioStart`, vm/src/runtime/natives/io):
// each is addressed by a *port*, an id in `_ports`, and the runtime reports results to
// `_ioDispatch` at event-loop turns. An open port keeps the isolate's event loop alive
// (`_sourceOpened`/`_sourceClosed`). Operating-system failures arrive as `OSError`s and are
// wrapped in the exceptions the Dart VM throws (`FileSystemException._fromOSError`,
// `ProcessException`, `SocketException`), with the Dart VM's messages.
//
// Bytes arrive as `Uint8List`s (reads, stream chunks); strings are encoded with an
// `Encoding` of dart:convert (UTF-8 unless asked otherwise; `systemEncoding` is UTF-8 on
// Linux, as in the Dart VM).

library dart.io;

import 'dart:async';
import 'dart:convert';
import 'dart:typed_data';

export 'dart:typed_data' show BytesBuilder;

part 'io/file.dart';
part 'io/process.dart';
part 'io/http.dart';

// ---------------------------------------------------------------------------------------
// Natives and the port table
// ---------------------------------------------------------------------------------------

@pragma('vm:external-name', 'Io_exit')
external Never _exit(int code);

@pragma('vm:external-name', 'Io_writeStdout')
external void _writeStdout(String text);

@pragma('vm:external-name', 'Io_writeStderr')
external void _writeStderr(String text);

@pragma('vm:external-name', 'Io_exitCodeSet')
external void _setExitCode(int code);

/// Runs the synchronous operation `op` with `args`; throws an [OSError] when the
/// operating system refuses.
@pragma('vm:external-name', 'Io_sync')
external Object? _ioSync(String op, List<Object?> args);

/// Starts the asynchronous operation `op`; its results go to port `port`.
@pragma('vm:external-name', 'Io_start')
external void _ioStart(int port, String op, List<Object?> args);

@pragma('vm:external-name', 'Io_sourceOpened')
external void _sourceOpened();

@pragma('vm:external-name', 'Io_sourceClosed')
external void _sourceClosed();

/// Tells the runtime that nobody wants more from the resource `handle` (a reader thread,
/// a server): it stops and releases it.
@pragma('vm:external-name', 'Io_release')
external void _ioRelease(int handle);

/// Called by the runtime for an operating-system failure of a synchronous operation.
@pragma('vm:entry-point')
Never _throwOSError(String message, int errno) {
  throw OSError(message, errno);
}

/// What the runtime delivers to a port.
const int _kData = 0;
const int _kError = 1;
const int _kDone = 2;

int _nextPortId = 1;
final Map<int, _IoPort> _ports = <int, _IoPort>{};

/// The receiving end of an asynchronous operation; open ports keep the isolate alive.
abstract class _IoPort {
  final int id;
  _IoPort() : id = _nextPortId++ {
    _ports[id] = this;
    _sourceOpened();
  }

  void _data(Object? value);
  void _error(OSError error);
  void _done() => _close();

  void _close() {
    if (_ports.remove(id) != null) _sourceClosed();
  }
}

/// One result, then closed.
class _OneShotPort extends _IoPort {
  final Completer<Object?> completer = Completer<Object?>();

  void _data(Object? value) {
    _close();
    completer.complete(value);
  }

  void _error(OSError error) {
    _close();
    completer.completeError(error);
  }
}

/// A stream of byte chunks (stdin, a process's output, a file being read) fed by a
/// runtime thread; cancelling releases the runtime's resource.
class _ByteStreamPort extends _IoPort {
  late final StreamController<List<int>> controller;
  int handle = 0;

  _ByteStreamPort() {
    controller = StreamController<List<int>>(onCancel: _cancel);
  }

  void _cancel() {
    if (_ports.containsKey(id)) {
      _close();
      if (handle != 0) _ioRelease(handle);
    }
  }

  void _data(Object? value) {
    controller.add(value as List<int>);
  }

  void _error(OSError error) {
    controller.addError(error);
  }

  void _done() {
    _close();
    controller.close();
  }
}

@pragma('vm:entry-point')
void _ioDispatch(int id, int kind, Object? value) {
  final port = _ports[id];
  if (port == null) return;
  if (kind == _kData) {
    port._data(value);
  } else if (kind == _kError) {
    final parts = value as List<Object?>;
    port._error(OSError(parts[0] as String, parts[1] as int));
  } else {
    port._done();
  }
}

/// Runs `op` on another thread; the future completes at an event-loop turn.
Future<Object?> _ioAsync(String op, List<Object?> args) {
  final port = _OneShotPort();
  _ioStart(port.id, op, args);
  return port.completer.future;
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

abstract interface class IOException implements Exception {
  String toString() => "IOException";
}

class OSError implements Exception {
  static const int noErrorCode = -1;

  final String message;
  final int errorCode;

  const OSError([this.message = "", this.errorCode = noErrorCode]);

  String toString() {
    final sb = StringBuffer("OS Error");
    if (message.isNotEmpty) {
      sb.write(": ");
      sb.write(message);
      if (errorCode != noErrorCode) {
        sb.write(", errno = ");
        sb.write(errorCode.toString());
      }
    } else if (errorCode != noErrorCode) {
      sb.write(": errno = ");
      sb.write(errorCode.toString());
    }
    return sb.toString();
  }
}

// ---------------------------------------------------------------------------------------
// The process
// ---------------------------------------------------------------------------------------

Never exit(int code) => _exit(code);

int _exitCode = 0;

int get exitCode => _exitCode;

set exitCode(int code) {
  _exitCode = code;
  _setExitCode(code);
}

int get pid => _ioSync('pid', const <Object?>[]) as int;

/// Blocks the isolate's thread for `duration`.
void sleep(Duration duration) {
  final micros = duration.inMicroseconds;
  if (micros < 0) {
    throw ArgumentError("sleep: duration cannot be negative");
  }
  _ioSync('sleep', <Object?>[micros]);
}

abstract final class Platform {
  static int get numberOfProcessors => _ioSync('processors', const <Object?>[]) as int;
  static String get pathSeparator => '/';
  static String get lineTerminator => '\n';
  static String get operatingSystem => 'linux';
  static String get operatingSystemVersion =>
      _ioSync('osVersion', const <Object?>[]) as String;
  static String get localHostname => _ioSync('hostname', const <Object?>[]) as String;
  static String get localeName => _ioSync('locale', const <Object?>[]) as String;
  static String get version => '3.6.0 (stable) (dartrs) on "linux_x64"';
  /// The main library's URI (`file:///...`).
  static Uri get script => Uri.parse(_ioSync('script', const <Object?>[]) as String);
  static String get executable => _ioSync('executable', const <Object?>[]) as String;
  static String get resolvedExecutable =>
      _ioSync('resolvedExecutable', const <Object?>[]) as String;
  static List<String> get executableArguments => <String>[];
  static String? get packageConfig => null;

  static Map<String, String>? _environment;

  /// The environment when first asked, as the Dart VM keeps it (an unmodifiable map).
  static Map<String, String> get environment {
    var env = _environment;
    if (env == null) {
      final pairs = _ioSync('environment', const <Object?>[]) as List<Object?>;
      env = <String, String>{};
      for (var i = 0; i + 1 < pairs.length; i += 2) {
        env[pairs[i] as String] = pairs[i + 1] as String;
      }
      env = _UnmodifiableStringMap(env);
      _environment = env;
    }
    return env;
  }

  static bool get isLinux => true;
  static bool get isMacOS => false;
  static bool get isWindows => false;
  static bool get isAndroid => false;
  static bool get isIOS => false;
  static bool get isFuchsia => false;
}

/// A read-only view of a map of strings; modifying it throws as the Dart VM's does.
class _UnmodifiableStringMap implements Map<String, String> {
  final Map<String, String> _map;
  _UnmodifiableStringMap(this._map);

  Never _readOnly() => throw UnsupportedError("Cannot modify unmodifiable map");

  String? operator [](Object? key) => _map[key];
  void operator []=(String key, String value) => _readOnly();
  bool containsKey(Object? key) => _map.containsKey(key);
  bool containsValue(Object? value) => _map.containsValue(value);
  Iterable<String> get keys => _map.keys;
  Iterable<String> get values => _map.values;
  Iterable<MapEntry<String, String>> get entries => _map.entries;
  int get length => _map.length;
  bool get isEmpty => _map.isEmpty;
  bool get isNotEmpty => _map.isNotEmpty;
  void forEach(void Function(String key, String value) action) => _map.forEach(action);
  Map<K2, V2> map<K2, V2>(MapEntry<K2, V2> Function(String key, String value) convert) =>
      _map.map<K2, V2>(convert);
  Map<RK, RV> cast<RK, RV>() => _map.cast<RK, RV>();
  String putIfAbsent(String key, String Function() ifAbsent) => _readOnly();
  String? remove(Object? key) => _readOnly();
  void clear() => _readOnly();
  void addAll(Map<String, String> other) => _readOnly();
  void addEntries(Iterable<MapEntry<String, String>> entries) => _readOnly();
  String update(String key, String Function(String value) update,
          {String Function()? ifAbsent}) =>
      _readOnly();
  void updateAll(String Function(String key, String value) update) => _readOnly();
  void removeWhere(bool Function(String key, String value) test) => _readOnly();
  String toString() => _map.toString();
}

// ---------------------------------------------------------------------------------------
// Standard streams
// ---------------------------------------------------------------------------------------

/// The platform's encoding: UTF-8 on Linux (the Dart VM uses code pages on Windows only).
class SystemEncoding extends Encoding {
  const SystemEncoding();

  String get name => 'system';

  List<int> encode(String input) => utf8.encode(input);
  String decode(List<int> encoded) => utf8.decode(encoded);

  Converter<String, List<int>> get encoder => const Utf8Encoder();
  Converter<List<int>, String> get decoder => const Utf8Decoder();
}

const SystemEncoding systemEncoding = SystemEncoding();

/// Bytes the runtime can read directly: a byte list as it is, any other `List<int>`
/// (other typed lists, views, user lists) copied into a Uint8List (values truncated to
/// 8 bits, as the Dart VM writes them).
List<int> _bytesArg(List<int> data) =>
    data is Uint8List && _ioSync('isDirectBytes', <Object?>[data]) == true
        ? data
        : Uint8List.fromList(data);

class Stdout implements IOSink {
  final bool _isError;
  Encoding encoding = utf8;
  Stdout._(this._isError);

  void _emit(String s) {
    if (_isError) {
      _writeStderr(s);
    } else {
      _writeStdout(s);
    }
  }

  void write(Object? object) {
    _emit("$object");
  }

  void writeln([Object? object = ""]) {
    _emit("$object\n");
  }

  void writeAll(Iterable<Object?> objects, [String separator = ""]) {
    _emit(objects.join(separator));
  }

  void writeCharCode(int charCode) {
    _emit(String.fromCharCode(charCode));
  }

  /// Bytes go out as they are (a UTF-8 sequence split across calls stays intact).
  void add(List<int> data) {
    _ioSync(_isError ? 'stderrBytes' : 'stdoutBytes', <Object?>[_bytesArg(data)]);
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    throw UnsupportedError("Stdout.addError");
  }

  Future addStream(Stream<List<int>> stream) {
    final done = Completer<void>();
    stream.listen(add, onError: done.completeError, onDone: done.complete);
    return done.future;
  }

  Future flush() => Future<void>.value();
  Future close() => Future<void>.value();
  Future get done => Future<void>.value();

  bool get hasTerminal => _ioSync('isTerminal', <Object?>[_isError ? 2 : 1]) as bool;
  bool get supportsAnsiEscapes => hasTerminal;

  List<Object?> _terminalSize() {
    try {
      return _ioSync('terminalSize', <Object?>[_isError ? 2 : 1]) as List<Object?>;
    } on OSError catch (e) {
      throw StdoutException("Could not get terminal size", e);
    }
  }

  int get terminalColumns => _terminalSize()[0] as int;
  int get terminalLines => _terminalSize()[1] as int;
  String get lineTerminator => '\n';
}

final Stdout stdout = Stdout._(false);
final Stdout stderr = Stdout._(true);

/// Standard input: line reads on the isolate's thread, or a byte stream read by a
/// runtime thread once listened to.
class Stdin extends Stream<List<int>> {
  Stdin._();

  _ByteStreamPort? _port;

  String? readLineSync({Encoding encoding = systemEncoding, bool retainNewlines = false}) {
    final bytes = _ioSync('stdinReadLine', <Object?>[retainNewlines]) as List<int>?;
    if (bytes == null) return null;
    return encoding.decode(bytes);
  }

  int readByteSync() => _ioSync('stdinReadByte', const <Object?>[]) as int;

  bool get hasTerminal => _ioSync('isTerminal', <Object?>[0]) as bool;

  bool _getMode(String flag, String name) {
    try {
      return _ioSync('terminalMode', <Object?>[flag, null]) as bool;
    } on OSError catch (e) {
      throw StdinException("Error getting terminal $name mode", e);
    }
  }

  void _setMode(String flag, String name, bool value) {
    try {
      _ioSync('terminalMode', <Object?>[flag, value]);
    } on OSError catch (e) {
      throw StdinException("Error setting terminal $name mode", e);
    }
  }

  bool get echoMode => _getMode('echo', 'echo');
  set echoMode(bool value) => _setMode('echo', 'echo', value);
  bool get echoNewlineMode => _getMode('echoNewline', 'echo newline');
  set echoNewlineMode(bool value) => _setMode('echoNewline', 'echo newline', value);
  bool get lineMode => _getMode('line', 'line');
  set lineMode(bool value) => _setMode('line', 'line', value);

  StreamSubscription<List<int>> listen(void Function(List<int> event)? onData,
      {Function? onError, void Function()? onDone, bool? cancelOnError}) {
    var port = _port;
    if (port == null) {
      port = _ByteStreamPort();
      _port = port;
      port.handle = _ioSync('stdinStream', <Object?>[port.id]) as int;
    }
    return port.controller.stream.listen(onData,
        onError: onError, onDone: onDone, cancelOnError: cancelOnError);
  }
}

final Stdin stdin = Stdin._();

class StdoutException implements IOException {
  final String message;
  final OSError? osError;
  const StdoutException(this.message, [this.osError]);
  String toString() => "StdoutException: $message${osError == null ? "" : ", $osError"}";
}

class StdinException implements IOException {
  final String message;
  final OSError? osError;
  const StdinException(this.message, [this.osError]);
  String toString() => "StdinException: $message${osError == null ? "" : ", $osError"}";
}

// ---------------------------------------------------------------------------------------
// IOSink
// ---------------------------------------------------------------------------------------

abstract interface class IOSink implements StreamSink<List<int>>, StringSink {
  Encoding get encoding;
  set encoding(Encoding value);
  void add(List<int> data);
  void write(Object? object);
  void writeAll(Iterable<Object?> objects, [String separator = ""]);
  void writeln([Object? object = ""]);
  void writeCharCode(int charCode);
  void addError(Object error, [StackTrace? stackTrace]);
  Future addStream(Stream<List<int>> stream);
  Future flush();
  Future close();
  Future get done;
}

/// An IOSink that collects bytes and hands them to `_flushTo` in order, one write at
/// a time; errors of the target complete `done` with the error.
abstract class _BufferedSink implements IOSink {
  Encoding encoding = utf8;
  List<int> _buffer = <int>[];
  Future<void> _writes = Future<void>.value();
  bool _closed = false;
  final Completer<void> _done = Completer<void>();
  Object? _failure;

  /// Writes `bytes` to the target (the first call may create or truncate it).
  Future<void> _flushTo(List<int> bytes);

  /// Releases the target after the last write.
  Future<void> _finish() => Future<void>.value();

  void _checkOpen() {
    if (_closed) throw StateError("StreamSink is closed");
  }

  void add(List<int> data) {
    _checkOpen();
    _buffer.addAll(data);
  }

  void write(Object? object) {
    final s = "$object";
    if (s.isEmpty) return;
    add(encoding.encode(s));
  }

  void writeln([Object? object = ""]) {
    write(object);
    write("\n");
  }

  void writeAll(Iterable<Object?> objects, [String separator = ""]) {
    write(objects.join(separator));
  }

  void writeCharCode(int charCode) {
    write(String.fromCharCode(charCode));
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    _checkOpen();
    _failure ??= error;
  }

  Future addStream(Stream<List<int>> stream) {
    _checkOpen();
    final finished = Completer<void>();
    stream.listen(add, onError: (Object e) {
      _failure ??= e;
    }, onDone: () {
      finished.complete();
    });
    return finished.future;
  }

  Future<void> _push() {
    final bytes = _buffer;
    _buffer = <int>[];
    _writes = _writes.then((_) {
      if (_failure != null) return null;
      return _flushTo(bytes).catchError((Object e) {
        _failure ??= e;
      });
    });
    return _writes;
  }

  Future flush() {
    _checkOpen();
    return _push().then((_) {
      final failure = _failure;
      if (failure != null) throw failure;
      return this;
    });
  }

  Future close() {
    if (!_closed) {
      _closed = true;
      _push().then((_) => _finish()).then((_) {
        final failure = _failure;
        if (failure != null) {
          _done.completeError(failure);
        } else {
          _done.complete();
        }
      });
    }
    return _done.future;
  }

  Future get done => _done.future;
}
