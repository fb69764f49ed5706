// dart:io files, directories and links for dartrs: `File`, `Directory`, `Link`,
// `FileSystemEntity`, `FileStat`, `FileMode` and the file system exceptions, after the
// Dart SDK's sdk/lib/io (messages and `toString`s as the Dart VM prints them). The work is
// done by the runtime's `Io_sync`/`Io_start` operations on paths (vm/src/runtime/natives/io/fs.rs).

part of dart.io;

/// Runs file system operation `op`; an OS failure becomes the Dart VM's exception.
Object? _fs(String op, List<Object?> args, String message, String path) {
  try {
    return _ioSync(op, args);
  } on OSError catch (e) {
    throw FileSystemException._fromOSError(e, message, path);
  }
}

/// [_fs] on another thread.
Future<Object?> _fsAsync(String op, List<Object?> args, String message, String path) async {
  try {
    return await _ioAsync(op, args);
  } on OSError catch (e) {
    throw FileSystemException._fromOSError(e, message, path);
  }
}

const int _ePerm = 1;
const int _eNoEnt = 2;
const int _eAccess = 13;
const int _eExist = 17;

class FileSystemException implements IOException {
  final String message;
  final String? path;
  final OSError? osError;

  const FileSystemException([this.message = "", this.path = "", this.osError]);

  factory FileSystemException._fromOSError(OSError err, String message, String path) {
    final code = err.errorCode;
    if (code == _ePerm || code == _eAccess) {
      return PathAccessException(path, err, message);
    }
    if (code == _eExist) return PathExistsException(path, err, message);
    if (code == _eNoEnt) return PathNotFoundException(path, err, message);
    return FileSystemException(message, path, err);
  }

  String _toStringHelper(String className) {
    final sb = StringBuffer(className);
    if (message.isNotEmpty) {
      sb.write(": $message");
      if (path != null) sb.write(", path = '$path'");
      if (osError != null) sb.write(" ($osError)");
    } else if (osError != null) {
      sb.write(": $osError");
      if (path != null) sb.write(", path = '$path'");
    } else if (path != null) {
      sb.write(": $path");
    }
    return sb.toString();
  }

  String toString() => _toStringHelper("FileSystemException");
}

class PathAccessException extends FileSystemException {
  const PathAccessException(String path, OSError osError, [String message = ""])
      : super(message, path, osError);
  String toString() => _toStringHelper("PathAccessException");
}

class PathExistsException extends FileSystemException {
  const PathExistsException(String path, OSError osError, [String message = ""])
      : super(message, path, osError);
  String toString() => _toStringHelper("PathExistsException");
}

class PathNotFoundException extends FileSystemException {
  const PathNotFoundException(String path, OSError osError, [String message = ""])
      : super(message, path, osError);
  String toString() => _toStringHelper("PathNotFoundException");
}

class FileMode {
  static const read = FileMode._internal(0);
  static const write = FileMode._internal(1);
  static const append = FileMode._internal(2);
  static const writeOnly = FileMode._internal(3);
  static const writeOnlyAppend = FileMode._internal(4);

  final int _mode;
  const FileMode._internal(this._mode);
}

class FileSystemEntityType {
  static const file = FileSystemEntityType._internal(0);
  static const directory = FileSystemEntityType._internal(1);
  static const link = FileSystemEntityType._internal(2);
  static const unixDomainSock = FileSystemEntityType._internal(3);
  static const pipe = FileSystemEntityType._internal(4);
  static const notFound = FileSystemEntityType._internal(5);

  static const _typeList = <FileSystemEntityType>[
    file,
    directory,
    link,
    unixDomainSock,
    pipe,
    notFound,
  ];
  static const _names = <String>[
    'file',
    'directory',
    'link',
    'unixDomainSock',
    'pipe',
    'notFound',
  ];

  final int _type;
  const FileSystemEntityType._internal(this._type);

  String toString() => _names[_type];
}

class FileStat {
  final DateTime changed;
  final DateTime modified;
  final DateTime accessed;
  final FileSystemEntityType type;
  final int mode;
  final int size;

  FileStat._internal(
      this.changed, this.modified, this.accessed, this.type, this.mode, this.size);

  /// From the runtime's `[type, changed, modified, accessed (µs), mode, size]`, or null.
  factory FileStat._from(Object? raw) {
    if (raw == null) {
      final zero = DateTime.fromMillisecondsSinceEpoch(0);
      return FileStat._internal(zero, zero, zero, FileSystemEntityType.notFound, 0, -1);
    }
    final l = raw as List<Object?>;
    DateTime at(int i) => DateTime.fromMicrosecondsSinceEpoch(l[i] as int);
    return FileStat._internal(at(1), at(2), at(3),
        FileSystemEntityType._typeList[l[0] as int], l[4] as int, l[5] as int);
  }

  static FileStat statSync(String path) =>
      FileStat._from(_ioSync('stat', <Object?>[path]));

  static Future<FileStat> stat(String path) =>
      _ioAsync('stat', <Object?>[path]).then((raw) => FileStat._from(raw));

  String modeString() {
    final permissions = mode & 0xFFF;
    const codes = <String>['---', '--x', '-w-', '-wx', 'r--', 'r-x', 'rw-', 'rwx'];
    final result = StringBuffer();
    if ((permissions & 0x800) != 0) result.write("(suid) ");
    if ((permissions & 0x400) != 0) result.write("(guid) ");
    if ((permissions & 0x200) != 0) result.write("(sticky) ");
    result.write(codes[(permissions >> 6) & 0x7]);
    result.write(codes[(permissions >> 3) & 0x7]);
    result.write(codes[permissions & 0x7]);
    return result.toString();
  }

  String toString() => """
FileStat: type $type
          changed $changed
          modified $modified
          accessed $accessed
          mode ${modeString()}
          size $size""";
}

/// The parent directory's path: everything before the last separator that is followed
/// by a name (trailing separators ignored), `/` for a root entry, `.` otherwise.
String _parentOf(String path) {
  final rootEnd = path.startsWith('/') ? 0 : -1;
  var pos = -1;
  for (var i = path.length - 2; i >= 0 && pos < 0; i--) {
    if (path.codeUnitAt(i) == 0x2F || path.codeUnitAt(i + 1) != 0x2F) continue;
    var k = i + 1;
    while (k < path.length && path.codeUnitAt(k) == 0x2F) {
      k++;
    }
    if (k < path.length) pos = i;
  }
  if (pos > rootEnd) return path.substring(0, pos + 1);
  if (rootEnd > -1) return path.substring(0, rootEnd + 1);
  return '.';
}

String _absolutePath(String path) {
  if (path.startsWith('/')) return path;
  final current = Directory.current.path;
  return current.endsWith('/') ? "$current$path" : "$current/$path";
}

/// Lines as `LineSplitter` splits them: at `\n`, `\r\n` and `\r`, no final empty line.
List<String> _splitLines(String text) {
  final lines = <String>[];
  var start = 0;
  var i = 0;
  while (i < text.length) {
    final c = text.codeUnitAt(i);
    if (c == 0x0A || c == 0x0D) {
      lines.add(text.substring(start, i));
      if (c == 0x0D && i + 1 < text.length && text.codeUnitAt(i + 1) == 0x0A) i++;
      start = i + 1;
    }
    i++;
  }
  if (start < text.length) lines.add(text.substring(start));
  return lines;
}

abstract class FileSystemEntity {
  String get path;

  Uri get uri;

  bool get isAbsolute => path.startsWith('/');
  FileSystemEntity get absolute;
  Directory get parent => Directory(_parentOf(path));

  bool existsSync();
  Future<bool> exists();

  FileSystemEntity renameSync(String newPath);
  Future<FileSystemEntity> rename(String newPath);

  FileStat statSync() => FileStat.statSync(path);
  Future<FileStat> stat() => FileStat.stat(path);

  void deleteSync({bool recursive = false}) {
    _fs('delete', <Object?>[path, _kind, recursive], _deleteMessage, path);
  }

  Future<FileSystemEntity> delete({bool recursive = false}) =>
      _fsAsync('delete', <Object?>[path, _kind, recursive], _deleteMessage, path)
          .then((_) => this);

  String resolveSymbolicLinksSync() =>
      _fs('resolve', <Object?>[path], "Cannot resolve symbolic links", path) as String;

  Future<String> resolveSymbolicLinks() =>
      _fsAsync('resolve', <Object?>[path], "Cannot resolve symbolic links", path)
          .then((p) => p as String);

  /// 0: a file, 1: a directory, 2: a link (what `delete` removes).
  int get _kind;
  String get _deleteMessage;

  static String parentOf(String path) => _parentOf(path);

  static FileSystemEntityType typeSync(String path, {bool followLinks = true}) =>
      FileSystemEntityType._typeList[_ioSync('type', <Object?>[path, followLinks]) as int];

  static Future<FileSystemEntityType> type(String path, {bool followLinks = true}) =>
      _ioAsync('type', <Object?>[path, followLinks])
          .then((t) => FileSystemEntityType._typeList[t as int]);

  static bool isFileSync(String path) => typeSync(path) == FileSystemEntityType.file;
  static bool isDirectorySync(String path) =>
      typeSync(path) == FileSystemEntityType.directory;
  static bool isLinkSync(String path) =>
      typeSync(path, followLinks: false) == FileSystemEntityType.link;
  static Future<bool> isFile(String path) =>
      type(path).then((t) => t == FileSystemEntityType.file);
  static Future<bool> isDirectory(String path) =>
      type(path).then((t) => t == FileSystemEntityType.directory);
  static Future<bool> isLink(String path) =>
      type(path, followLinks: false).then((t) => t == FileSystemEntityType.link);

  static bool identicalSync(String path1, String path2) =>
      _fs('identical', <Object?>[path1, path2], "Error in FileSystemEntity.identicalSync",
          path1) as bool;
}

class File extends FileSystemEntity {
  final String path;

  File(this.path);

  factory File.fromUri(Uri uri) => File(uri.toFilePath());

  Uri get uri => Uri.file(path);

  int get _kind => 0;
  String get _deleteMessage => "Cannot delete file";

  File get absolute => isAbsolute ? this : File(_absolutePath(path));

  String toString() => "File: '$path'";

  bool existsSync() => _fs('exists', <Object?>[path, 0], "Cannot check existence", path) as bool;
  Future<bool> exists() =>
      _fsAsync('exists', <Object?>[path, 0], "Cannot check existence", path)
          .then((v) => v as bool);

  void createSync({bool recursive = false, bool exclusive = false}) {
    _fs('createFile', <Object?>[path, recursive, exclusive], "Cannot create file", path);
  }

  Future<File> create({bool recursive = false, bool exclusive = false}) =>
      _fsAsync('createFile', <Object?>[path, recursive, exclusive], "Cannot create file", path)
          .then((_) => this);

  File renameSync(String newPath) {
    _fs('rename', <Object?>[path, newPath], "Cannot rename file to '$newPath'", path);
    return File(newPath);
  }

  Future<File> rename(String newPath) =>
      _fsAsync('rename', <Object?>[path, newPath], "Cannot rename file to '$newPath'", path)
          .then((_) => File(newPath));

  File copySync(String newPath) {
    _fs('copy', <Object?>[path, newPath], "Cannot copy file to '$newPath'", path);
    return File(newPath);
  }

  Future<File> copy(String newPath) =>
      _fsAsync('copy', <Object?>[path, newPath], "Cannot copy file to '$newPath'", path)
          .then((_) => File(newPath));

  int lengthSync() =>
      _fs('length', <Object?>[path], "Cannot retrieve length of file", path) as int;
  Future<int> length() =>
      _fsAsync('length', <Object?>[path], "Cannot retrieve length of file", path)
          .then((v) => v as int);

  DateTime lastModifiedSync() => DateTime.fromMicrosecondsSinceEpoch(
      _fs('modified', <Object?>[path], "Cannot retrieve modification time", path) as int);
  Future<DateTime> lastModified() =>
      _fsAsync('modified', <Object?>[path], "Cannot retrieve modification time", path)
          .then((v) => DateTime.fromMicrosecondsSinceEpoch(v as int));

  Uint8List readAsBytesSync() =>
      _fs('readBytes', <Object?>[path, 0, null], "Cannot open file", path) as Uint8List;
  Future<Uint8List> readAsBytes() =>
      _fsAsync('readBytes', <Object?>[path, 0, null], "Cannot open file", path)
          .then((v) => v as Uint8List);

  Never _decodeFailed(Encoding encoding) =>
      throw FileSystemException("Failed to decode data using encoding '${encoding.name}'", path);

  /// UTF-8 is decoded by the runtime as it reads (an int: the offset of malformed input).
  String _decoded(Object? raw) => raw is String ? raw : _decodeFailed(utf8);

  String _decodeWith(Encoding encoding, List<int> bytes) {
    try {
      return encoding.decode(bytes);
    } catch (_) {
      _decodeFailed(encoding);
    }
  }

  String readAsStringSync({Encoding encoding = utf8}) {
    if (identical(encoding, utf8)) {
      return _decoded(_fs('readString', <Object?>[path], "Cannot open file", path));
    }
    return _decodeWith(encoding, readAsBytesSync());
  }

  Future<String> readAsString({Encoding encoding = utf8}) {
    if (identical(encoding, utf8)) {
      return _fsAsync('readString', <Object?>[path], "Cannot open file", path).then(_decoded);
    }
    return readAsBytes().then((bytes) => _decodeWith(encoding, bytes));
  }

  List<String> readAsLinesSync({Encoding encoding = utf8}) =>
      _splitLines(readAsStringSync(encoding: encoding));
  Future<List<String>> readAsLines({Encoding encoding = utf8}) =>
      readAsString(encoding: encoding).then(_splitLines);

  void writeAsBytesSync(List<int> bytes, {FileMode mode = FileMode.write, bool flush = false}) {
    _fs('writeBytes', <Object?>[path, _bytesArg(bytes), mode._mode], "Cannot open file", path);
  }

  Future<File> writeAsBytes(List<int> bytes,
          {FileMode mode = FileMode.write, bool flush = false}) =>
      _fsAsync('writeBytes', <Object?>[path, _bytesArg(bytes), mode._mode], "Cannot open file",
              path)
          .then((_) => this);

  void writeAsStringSync(String contents,
      {FileMode mode = FileMode.write, Encoding encoding = utf8, bool flush = false}) {
    if (!identical(encoding, utf8)) {
      writeAsBytesSync(encoding.encode(contents), mode: mode);
      return;
    }
    _fs('writeString', <Object?>[path, contents, mode._mode], "Cannot open file", path);
  }

  Future<File> writeAsString(String contents,
      {FileMode mode = FileMode.write, Encoding encoding = utf8, bool flush = false}) {
    if (!identical(encoding, utf8)) {
      return writeAsBytes(encoding.encode(contents), mode: mode);
    }
    return _fsAsync(
            'writeString', <Object?>[path, contents, mode._mode], "Cannot open file", path)
        .then((_) => this);
  }

  RandomAccessFile openSync({FileMode mode = FileMode.read}) => _RandomAccessFile(
      _fs('rafOpen', <Object?>[path, mode._mode], "Cannot open file", path) as int, path);

  Future<RandomAccessFile> open({FileMode mode = FileMode.read}) =>
      _fsAsync('rafOpen', <Object?>[path, mode._mode], "Cannot open file", path)
          .then((h) => _RandomAccessFile(h as int, path));

  /// The file's bytes from `start` to `end` as a stream of chunks, read when listened to.
  Stream<List<int>> openRead([int? start, int? end]) => _FileReadStream(this, start, end);

  IOSink openWrite({FileMode mode = FileMode.write, Encoding encoding = utf8}) {
    if (mode != FileMode.write &&
        mode != FileMode.append &&
        mode != FileMode.writeOnly &&
        mode != FileMode.writeOnlyAppend) {
      throw ArgumentError.value(mode, 'mode', 'Invalid file mode for this operation');
    }
    return _FileSink(this, mode)..encoding = encoding;
  }
}

/// `openRead`: chunks of at most 64 KiB read by a runtime thread once listened to;
/// cancelling stops it.
class _FileReadStream extends Stream<List<int>> {
  final File _file;
  final int? _start;
  final int? _end;
  _FileReadStream(this._file, this._start, this._end);

  StreamSubscription<List<int>> listen(void Function(List<int> event)? onData,
      {Function? onError, void Function()? onDone, bool? cancelOnError}) {
    final port = _FileReadPort(_file.path);
    port.handle =
        _ioSync('fileStream', <Object?>[port.id, _file.path, _start ?? 0, _end]) as int;
    return port.controller.stream
        .listen(onData, onError: onError, onDone: onDone, cancelOnError: cancelOnError);
  }
}

/// Read errors as the Dart VM reports them: failing to open before any data, else reading.
class _FileReadPort extends _ByteStreamPort {
  final String _path;
  bool _gotData = false;
  _FileReadPort(this._path);

  void _data(Object? value) {
    _gotData = true;
    super._data(value);
  }

  void _error(OSError error) {
    controller.addError(FileSystemException._fromOSError(
        error, _gotData ? "Cannot read file" : "Cannot open file", _path));
  }
}

class _FileSink extends _BufferedSink {
  final File _file;
  FileMode _mode;
  bool _opened = false;
  _FileSink(this._file, this._mode);

  Future<void> _flushTo(List<int> bytes) {
    if (_opened && bytes.isEmpty) return Future<void>.value();
    final mode = _opened ? FileMode.append : _mode;
    _opened = true;
    _mode = mode;
    return _file.writeAsBytes(bytes, mode: mode);
  }
}

class Directory extends FileSystemEntity {
  final String path;

  Directory(this.path);

  factory Directory.fromUri(Uri uri) => Directory(uri.toFilePath());

  Uri get uri => Uri.directory(path);

  int get _kind => 1;
  String get _deleteMessage => "Deletion failed";

  static Directory get current => Directory(
      _fs('cwd', const <Object?>[], "Getting current working directory failed", '') as String);

  static set current(Object? path) {
    final p = path is Directory ? path.path : path as String;
    _fs('setCwd', <Object?>[p], "Setting current working directory failed", p);
  }

  static Directory get systemTemp => Directory(_ioSync('systemTemp', const <Object?>[]) as String);

  Directory get absolute => isAbsolute ? this : Directory(_absolutePath(path));

  String toString() => "Directory: '$path'";

  bool existsSync() => _fs('exists', <Object?>[path, 1], "Exists failed", path) as bool;
  Future<bool> exists() =>
      _fsAsync('exists', <Object?>[path, 1], "Exists failed", path).then((v) => v as bool);

  void createSync({bool recursive = false}) {
    _fs('createDir', <Object?>[path, recursive], "Creation failed", path);
  }

  Future<Directory> create({bool recursive = false}) =>
      _fsAsync('createDir', <Object?>[path, recursive], "Creation failed", path)
          .then((_) => this);

  String _tempPrefix(String? prefix) {
    if (path == '') {
      throw ArgumentError("Directory.createTemp called with an empty path. "
          "To use the system temp directory, use Directory.systemTemp");
    }
    return path.endsWith('/') ? "$path${prefix ?? ''}" : "$path/${prefix ?? ''}";
  }

  Directory createTempSync([String? prefix]) {
    final full = _tempPrefix(prefix);
    return Directory(_fs('createTemp', <Object?>[full], "Creation of temporary directory failed",
        full) as String);
  }

  Future<Directory> createTemp([String? prefix]) {
    final full = _tempPrefix(prefix);
    return _fsAsync('createTemp', <Object?>[full], "Creation of temporary directory failed", full)
        .then((p) => Directory(p as String));
  }

  Directory renameSync(String newPath) {
    _fs('rename', <Object?>[path, newPath], "Rename failed", path);
    return Directory(newPath);
  }

  Future<Directory> rename(String newPath) =>
      _fsAsync('rename', <Object?>[path, newPath], "Rename failed", path)
          .then((_) => Directory(newPath));

  /// From the runtime's `[type, path, type, path, ...]`.
  static List<FileSystemEntity> _entities(Object? raw) {
    final l = raw as List<Object?>;
    final out = <FileSystemEntity>[];
    for (var i = 0; i + 1 < l.length; i += 2) {
      final p = l[i + 1] as String;
      final t = l[i] as int;
      out.add(t == 1 ? Directory(p) : (t == 2 ? Link(p) : File(p)));
    }
    return out;
  }

  List<FileSystemEntity> listSync({bool recursive = false, bool followLinks = true}) =>
      _entities(_fs('list', <Object?>[path, recursive, followLinks], "Directory listing failed",
          path));

  Stream<FileSystemEntity> list({bool recursive = false, bool followLinks = true}) {
    final controller = StreamController<FileSystemEntity>();
    _fsAsync('list', <Object?>[path, recursive, followLinks], "Directory listing failed", path)
        .then((raw) {
      for (final e in _entities(raw)) {
        controller.add(e);
      }
      controller.close();
    }, onError: (Object e) {
      controller.addError(e);
      controller.close();
    });
    return controller.stream;
  }
}

class Link extends FileSystemEntity {
  final String path;

  Link(this.path);

  factory Link.fromUri(Uri uri) => Link(uri.toFilePath());

  Uri get uri => Uri.file(path);

  int get _kind => 2;
  String get _deleteMessage => "Cannot delete link";

  Link get absolute => isAbsolute ? this : Link(_absolutePath(path));

  String toString() => "Link: '$path'";

  bool existsSync() => _fs('exists', <Object?>[path, 2], "Cannot check existence", path) as bool;
  Future<bool> exists() =>
      _fsAsync('exists', <Object?>[path, 2], "Cannot check existence", path)
          .then((v) => v as bool);

  void createSync(String target, {bool recursive = false}) {
    _fs('createLink', <Object?>[path, target, recursive], "Cannot create link to target '$target'",
        path);
  }

  Future<Link> create(String target, {bool recursive = false}) => _fsAsync(
          'createLink',
          <Object?>[path, target, recursive],
          "Cannot create link to target '$target'",
          path)
      .then((_) => this);

  String targetSync() =>
      _fs('linkTarget', <Object?>[path], "Cannot get target of link", path) as String;
  Future<String> target() =>
      _fsAsync('linkTarget', <Object?>[path], "Cannot get target of link", path)
          .then((v) => v as String);

  Link renameSync(String newPath) {
    _fs('rename', <Object?>[path, newPath], "Cannot rename link to '$newPath'", path);
    return Link(newPath);
  }

  Future<Link> rename(String newPath) =>
      _fsAsync('rename', <Object?>[path, newPath], "Cannot rename link to '$newPath'", path)
          .then((_) => Link(newPath));
}

abstract interface class RandomAccessFile {
  String get path;
  Future<void> close();
  void closeSync();
  Future<int> readByte();
  int readByteSync();
  Future<Uint8List> read(int count);
  Uint8List readSync(int count);
  Future<int> readInto(List<int> buffer, [int start = 0, int? end]);
  int readIntoSync(List<int> buffer, [int start = 0, int? end]);
  Future<RandomAccessFile> writeByte(int value);
  int writeByteSync(int value);
  Future<RandomAccessFile> writeFrom(List<int> buffer, [int start = 0, int? end]);
  void writeFromSync(List<int> buffer, [int start = 0, int? end]);
  Future<RandomAccessFile> writeString(String string, {Encoding encoding = utf8});
  void writeStringSync(String string, {Encoding encoding = utf8});
  Future<int> position();
  int positionSync();
  Future<RandomAccessFile> setPosition(int position);
  void setPositionSync(int position);
  Future<RandomAccessFile> truncate(int length);
  void truncateSync(int length);
  Future<int> length();
  int lengthSync();
  Future<RandomAccessFile> flush();
  void flushSync();
}

/// An open file in the runtime's handle table; one asynchronous operation at a time.
class _RandomAccessFile implements RandomAccessFile {
  final int _handle;
  final String path;
  bool _closed = false;
  bool _asyncPending = false;

  _RandomAccessFile(this._handle, this.path);

  String toString() => "RandomAccessFile: '$path'";

  void _checkAvailable() {
    if (_asyncPending) {
      throw FileSystemException("An async operation is currently pending", path);
    }
    if (_closed) throw FileSystemException("File closed", path);
  }

  Object? _sync(String what, Object? argument, String failure) {
    _checkAvailable();
    return _fs('raf', <Object?>[_handle, what, argument], failure, path);
  }

  Future<Object?> _async(String what, Object? argument, String failure) {
    try {
      _checkAvailable();
    } catch (e) {
      return Future<Object?>.error(e);
    }
    _asyncPending = true;
    return _fsAsync('raf', <Object?>[_handle, what, argument], failure, path)
        .whenComplete(() => _asyncPending = false);
  }

  static List<int> _range(List<int> buffer, int start, int? end) {
    final stop = RangeError.checkValidRange(start, end, buffer.length);
    return _bytesArg(start == 0 && stop == buffer.length ? buffer : buffer.sublist(start, stop));
  }

  int _copyInto(List<int> buffer, int start, Uint8List bytes) {
    buffer.setRange(start, start + bytes.length, bytes);
    return bytes.length;
  }

  void closeSync() {
    _checkAvailable();
    _closed = true;
    _ioSync('raf', <Object?>[_handle, 'close', null]);
  }

  Future<void> close() {
    if (_closed) return Future<void>.error(FileSystemException("File closed", path));
    return _async('close', null, "Cannot close file").then((_) {
      _closed = true;
    });
  }

  int readByteSync() => _sync('readByte', null, "readByte failed") as int;
  Future<int> readByte() => _async('readByte', null, "readByte failed").then((v) => v as int);

  Uint8List readSync(int count) => _sync('read', count, "read failed") as Uint8List;
  Future<Uint8List> read(int count) =>
      _async('read', count, "read failed").then((v) => v as Uint8List);

  int readIntoSync(List<int> buffer, [int start = 0, int? end]) {
    final stop = RangeError.checkValidRange(start, end, buffer.length);
    return _copyInto(buffer, start, readSync(stop - start));
  }

  Future<int> readInto(List<int> buffer, [int start = 0, int? end]) {
    final stop = RangeError.checkValidRange(start, end, buffer.length);
    return read(stop - start).then((bytes) => _copyInto(buffer, start, bytes));
  }

  int writeByteSync(int value) {
    _sync('write', _bytesArg(<int>[value]), "writeByte failed");
    return 1;
  }

  Future<RandomAccessFile> writeByte(int value) =>
      _async('write', _bytesArg(<int>[value]), "writeByte failed").then((_) => this);

  void writeFromSync(List<int> buffer, [int start = 0, int? end]) {
    _sync('write', _range(buffer, start, end), "writeFrom failed");
  }

  Future<RandomAccessFile> writeFrom(List<int> buffer, [int start = 0, int? end]) =>
      _async('write', _range(buffer, start, end), "writeFrom failed").then((_) => this);

  void writeStringSync(String string, {Encoding encoding = utf8}) {
    writeFromSync(encoding.encode(string));
  }

  Future<RandomAccessFile> writeString(String string, {Encoding encoding = utf8}) =>
      writeFrom(encoding.encode(string));

  int positionSync() => _sync('position', null, "position failed") as int;
  Future<int> position() => _async('position', null, "position failed").then((v) => v as int);

  void setPositionSync(int position) {
    _sync('setPosition', position, "setPosition failed");
  }

  Future<RandomAccessFile> setPosition(int position) =>
      _async('setPosition', position, "setPosition failed").then((_) => this);

  void truncateSync(int length) {
    _sync('truncate', length, "truncate failed");
  }

  Future<RandomAccessFile> truncate(int length) =>
      _async('truncate', length, "truncate failed").then((_) => this);

  int lengthSync() => _sync('length', null, "length failed") as int;
  Future<int> length() => _async('length', null, "length failed").then((v) => v as int);

  void flushSync() {
    _sync('flush', null, "flush failed");
  }

  Future<RandomAccessFile> flush() => _async('flush', null, "flush failed").then((_) => this);
}
