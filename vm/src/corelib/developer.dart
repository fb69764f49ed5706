// dart:developer for dartrs: the timeline (`Timeline`, `TimelineTask`, `Flow`), service
// extensions (`registerExtension`, `postEvent`) and `log`, backed by the VM's timeline
// recorder and VM service. Without a service (no `--observe`) extensions and events go
// nowhere, as in the Dart VM.
//
// dartrs has no Futures yet: an extension handler returns its ServiceExtensionResponse
// directly instead of a Future of one.

@pragma('vm:external-name', 'Developer_timelineReport')
external void _reportTimelineEvent(
    String phase, String category, String name, int id, String argumentsAsJson);

@pragma('vm:external-name', 'Developer_timelineNow')
external int _getTraceClock();

@pragma('vm:external-name', 'Developer_timelineDartEnabled')
external bool _isDartStreamEnabled();

@pragma('vm:external-name', 'Developer_timelineNextTaskId')
external int _getNextTaskId();

@pragma('vm:external-name', 'Developer_registerExtension')
external void _notifyExtensionRegistered(String method);

@pragma('vm:external-name', 'Developer_postEvent')
external void _postEvent(String eventKind, String eventDataJson);

@pragma('vm:external-name', 'Developer_log')
external void _log(String name, String message, int level, int sequenceNumber,
    int timeMillis, String? error, String? stackTrace);

/// A synchronous function timed by [Timeline.timeSync].
typedef TimelineSyncFunction<T> = T Function();

/// The handler of a service extension. (In the Dart SDK it returns a
/// `Future<ServiceExtensionResponse>`; dartrs calls it synchronously.)
typedef ServiceExtensionHandler = ServiceExtensionResponse Function(
    String method, Map<String, String> parameters);

/// A link between timeline slices (Chrome's flow events).
final class Flow {
  static const int _begin = 9;
  static const int _step = 10;
  static const int _end = 11;

  final int _type;

  /// The flow's id; pass it to [Flow.step] and [Flow.end].
  final int id;

  Flow._(this._type, this.id);

  static Flow begin({int? id}) => Flow._(_begin, id ?? _getNextTaskId());

  static Flow step(int id) => Flow._(_step, id);

  static Flow end(int id) => Flow._(_end, id);

  String get _phase => _type == _begin ? 's' : (_type == _step ? 't' : 'f');
}

class _SyncBlock {
  final String name;
  _SyncBlock(this.name);
}

/// Synchronous timeline slices of the current isolate.
final class Timeline {
  static final List<_SyncBlock?> _stack = <_SyncBlock?>[];

  /// Starts a slice named [name]; [finishSync] ends the innermost one.
  static void startSync(String name, {Map? arguments, Flow? flow}) {
    if (!_isDartStreamEnabled()) {
      _stack.add(null);
      return;
    }
    _stack.add(_SyncBlock(name));
    _reportTimelineEvent('B', 'Dart', name, 0, _argumentsAsJson(arguments));
    if (flow != null) {
      _reportTimelineEvent(flow._phase, 'Dart', '${flow.id}', flow.id, '{}');
    }
  }

  /// Ends the slice the latest unmatched [startSync] began.
  static void finishSync() {
    if (_stack.isEmpty) {
      throw StateError('Uneven calls to startSync and finishSync');
    }
    final block = _stack.removeLast();
    if (block == null) {
      return;
    }
    _reportTimelineEvent('E', 'Dart', block.name, 0, '{}');
  }

  /// Records an instant event named [name].
  static void instantSync(String name, {Map? arguments}) {
    if (!_isDartStreamEnabled()) {
      return;
    }
    _reportTimelineEvent('i', 'Dart', name, 0, _argumentsAsJson(arguments));
  }

  /// Runs [function] inside a slice named [name] and returns its result.
  static T timeSync<T>(String name, TimelineSyncFunction<T> function,
      {Map? arguments, Flow? flow}) {
    startSync(name, arguments: arguments, flow: flow);
    try {
      return function();
    } finally {
      finishSync();
    }
  }

  /// The timeline clock, in microseconds.
  static int get now => _getTraceClock();
}

/// An asynchronous timeline task: slices that may span several synchronous blocks.
final class TimelineTask {
  final TimelineTask? _parent;
  final String? _filterKey;
  final int _taskId;
  final List<String> _names = <String>[];

  TimelineTask({TimelineTask? parent, String? filterKey})
      : _parent = parent,
        _filterKey = filterKey,
        _taskId = _getNextTaskId();

  TimelineTask.withTaskId(int taskId, {String? filterKey})
      : _parent = null,
        _filterKey = filterKey,
        _taskId = taskId;

  /// Starts a slice named [name] of this task.
  void start(String name, {Map? arguments}) {
    _names.add(name);
    if (!_isDartStreamEnabled()) {
      return;
    }
    final args = <Object?, Object?>{};
    if (arguments != null) {
      args.addAll(arguments);
    }
    final parent = _parent;
    if (parent != null) {
      args['parentId'] = parent._taskId.toRadixString(16);
    }
    final filterKey = _filterKey;
    if (filterKey != null) {
      args['filterKey'] = filterKey;
    }
    _reportTimelineEvent('b', 'Dart', name, _taskId, _argumentsAsJson(args));
  }

  /// Records an instant event in this task.
  void instant(String name, {Map? arguments}) {
    if (!_isDartStreamEnabled()) {
      return;
    }
    _reportTimelineEvent('n', 'Dart', name, _taskId, _argumentsAsJson(arguments));
  }

  /// Ends the slice the latest unmatched [start] began.
  void finish({Map? arguments}) {
    if (_names.isEmpty) {
      throw StateError('Uneven calls to start and finish');
    }
    final name = _names.removeLast();
    if (!_isDartStreamEnabled()) {
      return;
    }
    _reportTimelineEvent('e', 'Dart', name, _taskId, _argumentsAsJson(arguments));
  }

  /// The id other isolates can continue this task with ([TimelineTask.withTaskId]).
  int pass() {
    if (_names.isNotEmpty) {
      throw StateError(
          'You cannot pass a TimelineTask without finishing all started operations');
    }
    return _taskId;
  }
}

String _argumentsAsJson(Map? arguments) {
  if (arguments == null || arguments.isEmpty) {
    return '{}';
  }
  return _jsonEncode(arguments);
}

/// The answer of a service extension handler.
final class ServiceExtensionResponse {
  final String? _result;
  final int? _errorCode;
  final String? _errorDetail;

  static const int invalidParams = -32602;
  static const int extensionError = -32000;
  static const int extensionErrorMax = -32000;
  static const int extensionErrorMin = -32016;
  static const int kInvalidParams = invalidParams;
  static const int kExtensionError = extensionError;
  static const int kExtensionErrorMax = extensionErrorMax;
  static const int kExtensionErrorMin = extensionErrorMin;

  /// A successful response; [result] must be a JSON object's text.
  ServiceExtensionResponse.result(String result)
      : _result = result,
        _errorCode = null,
        _errorDetail = null;

  /// An error response; [errorCode] is [invalidParams] or in
  /// [extensionErrorMin]..[extensionErrorMax].
  ServiceExtensionResponse.error(int errorCode, String errorDetail)
      : _result = null,
        _errorCode = errorCode,
        _errorDetail = errorDetail {
    if (errorCode != invalidParams &&
        (errorCode < extensionErrorMin || errorCode > extensionErrorMax)) {
      throw ArgumentError.value(errorCode, 'errorCode', 'Out of range');
    }
  }

  bool isError() => _errorCode != null;

  String _encode() {
    final result = _result;
    if (result != null) {
      return 'R$result';
    }
    return 'E$_errorCode:$_errorDetail';
  }
}

final Map<String, ServiceExtensionHandler> _extensions =
    <String, ServiceExtensionHandler>{};

/// Registers [handler] for the service extension RPC [method] (which must start with
/// `ext.`).
void registerExtension(String method, ServiceExtensionHandler handler) {
  if (!method.startsWith('ext.')) {
    throw ArgumentError.value(method, 'method', 'Must begin with ext.');
  }
  if (_extensions.containsKey(method)) {
    throw ArgumentError('Extension already registered: $method');
  }
  _extensions[method] = handler;
  _notifyExtensionRegistered(method);
}

/// Called by the VM service at a safepoint: runs the handler of [method].
@pragma('vm:entry-point')
String _invokeExtension(String method, List<String> keysAndValues) {
  final handler = _extensions[method];
  if (handler == null) {
    return 'E-32601:Unknown method "$method"';
  }
  final parameters = <String, String>{};
  for (var i = 0; i + 1 < keysAndValues.length; i += 2) {
    parameters[keysAndValues[i]] = keysAndValues[i + 1];
  }
  try {
    return handler(method, parameters)._encode();
  } catch (e, st) {
    return 'E${ServiceExtensionResponse.extensionError}:$e\n$st';
  }
}

/// Posts an event of kind [eventKind] with [eventData] on the `Extension` stream.
void postEvent(String eventKind, Map eventData, {String stream = 'Extension'}) {
  if (stream != 'Extension') {
    throw UnsupportedError(
        'dartrs does not support postEvent on streams other than Extension yet');
  }
  _postEvent(eventKind, _jsonEncode(eventData));
}

int _logSequence = 0;

/// Emits a log event on the `Logging` stream.
void log(String message,
    {DateTime? time,
    int? sequenceNumber,
    int level = 0,
    String name = '',
    Object? error,
    StackTrace? stackTrace}) {
  final millis = time == null
      ? DateTime.now().millisecondsSinceEpoch
      : time.millisecondsSinceEpoch;
  _log(name, message, level, sequenceNumber ?? _logSequence++, millis,
      error == null ? null : '$error', stackTrace == null ? null : '$stackTrace');
}

String _jsonEncode(Object? value) {
  final out = StringBuffer();
  _writeJson(out, value);
  return out.toString();
}

void _writeJson(StringBuffer out, Object? value) {
  if (value == null || value is bool || value is int) {
    out.write('$value');
  } else if (value is double) {
    out.write(value.isFinite ? '$value' : 'null');
  } else if (value is String) {
    _writeJsonString(out, value);
  } else if (value is List) {
    out.write('[');
    for (var i = 0; i < value.length; i++) {
      if (i > 0) out.write(',');
      _writeJson(out, value[i]);
    }
    out.write(']');
  } else if (value is Map) {
    out.write('{');
    var first = true;
    for (final key in value.keys) {
      if (!first) out.write(',');
      first = false;
      _writeJsonString(out, '$key');
      out.write(':');
      _writeJson(out, value[key]);
    }
    out.write('}');
  } else {
    _writeJsonString(out, '$value');
  }
}

void _writeJsonString(StringBuffer out, String s) {
  out.write('"');
  for (var i = 0; i < s.length; i++) {
    final c = s.codeUnitAt(i);
    if (c == 0x22) {
      out.write('\\"');
    } else if (c == 0x5c) {
      out.write('\\\\');
    } else if (c == 0x0a) {
      out.write('\\n');
    } else if (c == 0x0d) {
      out.write('\\r');
    } else if (c == 0x09) {
      out.write('\\t');
    } else if (c < 0x20) {
      out.write('\\u${c.toRadixString(16).padLeft(4, '0')}');
    } else {
      out.writeCharCode(c);
    }
  }
  out.write('"');
}
