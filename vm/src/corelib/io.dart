// dart:io for dartrs: process exit and the standard output streams, as natives.

@pragma('vm:external-name', 'Io_exit')
external Never exit(int code);

@pragma('vm:external-name', 'Io_writeStdout')
external void _writeStdout(String text);

@pragma('vm:external-name', 'Io_writeStderr')
external void _writeStderr(String text);

@pragma('vm:external-name', 'Io_exitCodeSet')
external void _setExitCode(int code);

int _exitCode = 0;

int get exitCode => _exitCode;

set exitCode(int code) {
  _exitCode = code;
  _setExitCode(code);
}

class Stdout implements StringSink {
  final bool _isError;
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
}

final Stdout stdout = Stdout._(false);
final Stdout stderr = Stdout._(true);
