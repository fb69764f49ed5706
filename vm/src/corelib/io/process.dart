// dart:io processes for dartrs: `Process.run`, `runSync` and `start`, `ProcessResult`,
// `ProcessException`, `ProcessSignal`, after the Dart SDK's sdk/lib/io/process.dart. The
// runtime spawns children and reads their pipes on its own threads
// (vm/src/runtime/natives/io/process.rs). Output of `run` is decoded with the
// given encodings (bytes for `null`).

part of dart.io;

class ProcessStartMode {
  static const normal = ProcessStartMode._internal(0);
  static const inheritStdio = ProcessStartMode._internal(1);
  static const detached = ProcessStartMode._internal(2);
  static const detachedWithStdio = ProcessStartMode._internal(3);

  final int _mode;
  const ProcessStartMode._internal(this._mode);

  static const _names = <String>[
    'normal',
    'inheritStdio',
    'detached',
    'detachedWithStdio',
  ];
  String toString() => "ProcessStartMode.${_names[_mode]}";
}

class ProcessSignal {
  static const sighup = ProcessSignal._(1, "SIGHUP");
  static const sigint = ProcessSignal._(2, "SIGINT");
  static const sigquit = ProcessSignal._(3, "SIGQUIT");
  static const sigkill = ProcessSignal._(9, "SIGKILL");
  static const sigusr1 = ProcessSignal._(10, "SIGUSR1");
  static const sigusr2 = ProcessSignal._(12, "SIGUSR2");
  static const sigpipe = ProcessSignal._(13, "SIGPIPE");
  static const sigalrm = ProcessSignal._(14, "SIGALRM");
  static const sigterm = ProcessSignal._(15, "SIGTERM");
  static const sigchld = ProcessSignal._(17, "SIGCHLD");
  static const sigcont = ProcessSignal._(18, "SIGCONT");
  static const sigstop = ProcessSignal._(19, "SIGSTOP");

  final int signalNumber;
  final String name;
  const ProcessSignal._(this.signalNumber, this.name);

  String toString() => name;
}

abstract final class ProcessInfo {
  /// Bytes of memory the process has resident now.
  static int get currentRss => _ioSync('currentRss', const <Object?>[]) as int;

  /// The most bytes the process has had resident.
  static int get maxRss => _ioSync('maxRss', const <Object?>[]) as int;
}

class ProcessResult {
  final int exitCode;
  final dynamic stdout;
  final dynamic stderr;
  final int pid;

  ProcessResult(this.pid, this.exitCode, this.stdout, this.stderr);
}

class ProcessException implements IOException {
  final String executable;
  final List<String> arguments;
  final String message;
  final int errorCode;

  const ProcessException(this.executable, this.arguments,
      [this.message = "", this.errorCode = 0]);

  String toString() {
    final args = arguments.join(' ');
    return "ProcessException: $message\n  Command: $executable $args";
  }
}

/// The runtime's description of a command (see process.rs).
List<Object?> _commandArgs(String executable, List<String> arguments, String? workingDirectory,
    Map<String, String>? environment, bool includeParentEnvironment, bool runInShell) {
  final env = <Object?>[];
  environment?.forEach((k, v) {
    env.add(k);
    env.add(v);
  });
  return <Object?>[
    executable,
    <Object?>[...arguments],
    workingDirectory,
    env,
    includeParentEnvironment,
    runInShell,
  ];
}

/// `[pid, exitCode, stdout bytes, stderr bytes]`, the output decoded with the encodings
/// (kept as bytes for a null encoding).
ProcessResult _processResult(Object? raw, Encoding? stdoutEncoding, Encoding? stderrEncoding) {
  final l = raw as List<Object?>;
  Object decode(Object? bytes, Encoding? encoding) =>
      encoding == null ? bytes as List<int> : encoding.decode(bytes as List<int>);
  return ProcessResult(l[0] as int, l[1] as int, decode(l[2], stdoutEncoding),
      decode(l[3], stderrEncoding));
}

abstract class Process {
  int get pid;
  Stream<List<int>> get stdout;
  Stream<List<int>> get stderr;
  IOSink get stdin;
  Future<int> get exitCode;
  bool kill([ProcessSignal signal = ProcessSignal.sigterm]);

  static Future<ProcessResult> run(String executable, List<String> arguments,
      {String? workingDirectory,
      Map<String, String>? environment,
      bool includeParentEnvironment = true,
      bool runInShell = false,
      Encoding? stdoutEncoding = systemEncoding,
      Encoding? stderrEncoding = systemEncoding}) async {
    final args = _commandArgs(executable, arguments, workingDirectory, environment,
        includeParentEnvironment, runInShell);
    try {
      return _processResult(
          await _ioAsync('processRun', args), stdoutEncoding, stderrEncoding);
    } on OSError catch (e) {
      throw ProcessException(executable, arguments, e.message, e.errorCode);
    }
  }

  static ProcessResult runSync(String executable, List<String> arguments,
      {String? workingDirectory,
      Map<String, String>? environment,
      bool includeParentEnvironment = true,
      bool runInShell = false,
      Encoding? stdoutEncoding = systemEncoding,
      Encoding? stderrEncoding = systemEncoding}) {
    final args = _commandArgs(executable, arguments, workingDirectory, environment,
        includeParentEnvironment, runInShell);
    try {
      return _processResult(_ioSync('processRunSync', args), stdoutEncoding, stderrEncoding);
    } on OSError catch (e) {
      throw ProcessException(executable, arguments, e.message, e.errorCode);
    }
  }

  static Future<Process> start(String executable, List<String> arguments,
      {String? workingDirectory,
      Map<String, String>? environment,
      bool includeParentEnvironment = true,
      bool runInShell = false,
      ProcessStartMode mode = ProcessStartMode.normal}) {
    final args = _commandArgs(executable, arguments, workingDirectory, environment,
        includeParentEnvironment, runInShell);
    final hasStdio = mode == ProcessStartMode.normal || mode == ProcessStartMode.detachedWithStdio;
    final attached = mode == ProcessStartMode.normal || mode == ProcessStartMode.inheritStdio;
    final out = hasStdio ? _ByteStreamPort() : null;
    final err = hasStdio ? _ByteStreamPort() : null;
    final exit = attached ? _OneShotPort() : null;
    args.add(out?.id ?? 0);
    args.add(err?.id ?? 0);
    args.add(exit?.id ?? 0);
    args.add(mode._mode);
    Object? started;
    try {
      started = _ioSync('processStart', args);
    } on OSError catch (e) {
      out?._close();
      err?._close();
      exit?._close();
      return Future<Process>.error(
          ProcessException(executable, arguments, e.message, e.errorCode));
    }
    final l = started as List<Object?>;
    final process = _ChildProcess(l[0] as int, out?.controller.stream, err?.controller.stream,
        hasStdio ? _ChildStdin(l[1] as int) : null);
    if (exit != null) {
      process._exitCode = exit.completer.future.then((c) {
        process._ended = true;
        return c as int;
      });
    }
    return Future<Process>.value(process);
  }

  static bool killPid(int pid, [ProcessSignal signal = ProcessSignal.sigterm]) =>
      _ioSync('kill', <Object?>[pid, signal.signalNumber]) as bool;
}

class _ChildProcess implements Process {
  final int pid;
  final Stream<List<int>>? _stdout;
  final Stream<List<int>>? _stderr;
  final IOSink? _stdin;
  Future<int>? _exitCode;
  bool _ended = false;

  _ChildProcess(this.pid, this._stdout, this._stderr, this._stdin);

  Stream<List<int>> get stdout => _stdout ?? (throw StateError("stdio is not connected"));
  Stream<List<int>> get stderr => _stderr ?? (throw StateError("stdio is not connected"));
  IOSink get stdin => _stdin ?? (throw StateError("stdio is not connected"));
  Future<int> get exitCode => _exitCode ?? (throw StateError("Process is detached"));

  bool kill([ProcessSignal signal = ProcessSignal.sigterm]) {
    if (_ended) return false;
    return Process.killPid(pid, signal);
  }
}

/// A child's standard input: bytes go to the runtime's writer thread in order.
class _ChildStdin extends _BufferedSink {
  final int _handle;
  _ChildStdin(this._handle);

  Future<void> _flushTo(List<int> bytes) {
    if (bytes.isNotEmpty) _ioSync('processWrite', <Object?>[_handle, bytes]);
    return Future<void>.value();
  }

  Future<void> _finish() {
    _ioRelease(_handle);
    return Future<void>.value();
  }
}
