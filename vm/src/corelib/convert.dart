// dart:convert for dartrs.
//
// The converter framework (Codec, Converter, chunked conversion sinks, Stream binding)
// follows the SDK's structure, so `stream.transform(utf8.decoder)` and
// `.transform(const LineSplitter())` deliver the same events. The inner loops are
// natives: UTF-8 encoding and decoding (the SDK's DFA, with its error texts and
// offsets), JSON decoding (the Dart VM's parser state machine, with its
// FormatException messages and positions, and its int/double rules) and JSON string
// escaping. Everything else is Dart written after the SDK's sources.

import 'dart:async';
import 'dart:typed_data';

// ---------------------------------------------------------------------------------------
// Natives
// ---------------------------------------------------------------------------------------

/// Bytes of the UTF-8 encoding of `s[start..end)` (unpaired surrogates become U+FFFD,
/// three bytes each).
@pragma('vm:external-name', 'Utf8_encodedLength')
external int _utf8Length(String s, int start, int end);

/// Writes the UTF-8 encoding of `s[start..end)` into `out` (exactly `_utf8Length` bytes).
@pragma('vm:external-name', 'Utf8_encodeInto')
external void _utf8EncodeInto(String s, int start, int end, Uint8List out);

Uint8List _utf8Encode(String s, int start, int end) {
  final out = Uint8List(_utf8Length(s, start, end));
  _utf8EncodeInto(s, start, end, out);
  return out;
}

/// Runs the UTF-8 decoder over `bytes[start..end)`. `bytes` is a list the natives read
/// directly (see `_isBuiltinList`; values that are not bytes count as 0xFF). `status` holds the
/// decoder's `[state, charOrIndex]` and is updated. Returns the decoded text, or ""
/// with an error state in `status` (the caller throws).
@pragma('vm:external-name', 'Utf8_decode')
external String _utf8Decode(List<int> bytes, int start, int end, bool allowMalformed, bool single, List<int> status);

/// Parses JSON text with the Dart VM's parser; maps get the type arguments of
/// `template` (a `<String, dynamic>{}`). On a syntax error, returns null and leaves the
/// VM's message and offset in `error`.
@pragma('vm:external-name', 'Json_decode')
external Object? _jsonParse(String source, Map<String, dynamic> template, List<Object?> error);

Object? _jsonDecode(String source) {
  final error = <Object?>[null, null];
  final result = _jsonParse(source, <String, dynamic>{}, error);
  final message = error[0];
  if (message != null) {
    throw FormatException(message as String, source, error[1] as int);
  }
  return result;
}

/// JSON text for documents of null, bools, numbers, strings, built-in lists and maps
/// with string keys, exactly as the stringifier below writes them; null for anything
/// else (the stringifier then runs, with its `toJson` calls and errors).
@pragma('vm:external-name', 'Json_encode')
external String? _jsonEncodeNative(Object? value, String? indent);

/// Base64 text of a list of bytes, or null when `bytes` holds something else.
@pragma('vm:external-name', 'Base64_encode')
external String? _base64EncodeNative(List<int> bytes, bool urlSafe);

/// The size of the buffer `base64.decode` returns for `input[start..end)`.
@pragma('vm:external-name', 'Base64_decodedLength')
external int _base64DecodedLength(String input, int start, int end);

/// Decodes `input[start..end)` into `out`, or leaves the SDK's message and offset in
/// `error`.
@pragma('vm:external-name', 'Base64_decodeInto')
external void _base64DecodeInto(String input, int start, int end, Uint8List out, List<Object?> error);

/// The JSON string literal content for `s` (escapes applied), or `s` itself when
/// nothing needs escaping.
@pragma('vm:external-name', 'Json_escape')
external String _jsonEscape(String s);

// ---------------------------------------------------------------------------------------
// Codec, Converter, Encoding
// ---------------------------------------------------------------------------------------

abstract mixin class Codec<S, T> {
  const Codec();

  T encode(S input) => encoder.convert(input);
  S decode(T encoded) => decoder.convert(encoded);

  Converter<S, T> get encoder;
  Converter<T, S> get decoder;

  Codec<S, R> fuse<R>(Codec<T, R> other) => _FusedCodec<S, T, R>(this, other);

  Codec<T, S> get inverted => _InvertedCodec<T, S>(this);
}

class _FusedCodec<S, M, T> extends Codec<S, T> {
  final Codec<S, M> _first;
  final Codec<M, T> _second;

  _FusedCodec(this._first, this._second);

  Converter<S, T> get encoder => _first.encoder.fuse<T>(_second.encoder);
  Converter<T, S> get decoder => _second.decoder.fuse<S>(_first.decoder);
}

class _InvertedCodec<T, S> extends Codec<T, S> {
  final Codec<S, T> _codec;

  _InvertedCodec(Codec<S, T> codec) : _codec = codec;

  Converter<T, S> get encoder => _codec.decoder;
  Converter<S, T> get decoder => _codec.encoder;

  Codec<S, T> get inverted => _codec;
}

abstract class Converter<S, T> extends StreamTransformerBase<S, T> {
  const Converter();

  static Converter<RS, RT> castFrom<SS, ST, RS, RT>(Converter<SS, ST> source) =>
      _CastConverter<SS, ST, RS, RT>(source);

  T convert(S input);

  Converter<S, TT> fuse<TT>(Converter<T, TT> other) => _FusedConverter<S, T, TT>(this, other);

  Sink<S> startChunkedConversion(Sink<T> sink) {
    throw UnsupportedError("This converter does not support chunked conversions: $this");
  }

  Stream<T> bind(Stream<S> stream) {
    return Stream<T>.eventTransformed(
        stream, (EventSink<T> sink) => _ConverterStreamEventSink<S, T>(this, sink));
  }

  Converter<RS, RT> cast<RS, RT>() => Converter.castFrom<S, T, RS, RT>(this);
}

class _FusedConverter<S, M, T> extends Converter<S, T> {
  final Converter<S, M> _first;
  final Converter<M, T> _second;

  _FusedConverter(this._first, this._second);

  T convert(S input) => _second.convert(_first.convert(input));

  Sink<S> startChunkedConversion(Sink<T> sink) {
    return _first.startChunkedConversion(_second.startChunkedConversion(sink));
  }
}

class _CastConverter<SS, ST, TS, TT> extends Converter<TS, TT> {
  final Converter<SS, ST> _source;
  _CastConverter(this._source);

  TT convert(TS input) => _source.convert(input as SS) as TT;
}

class _ConverterStreamEventSink<S, T> implements EventSink<S> {
  final EventSink<T> _eventSink;
  final Sink<S> _chunkedSink;

  _ConverterStreamEventSink(Converter<S, T> converter, EventSink<T> sink)
      : _eventSink = sink,
        _chunkedSink = converter.startChunkedConversion(sink);

  void add(S o) {
    _chunkedSink.add(o);
  }

  void addError(Object error, [StackTrace? stackTrace]) {
    _eventSink.addError(error, stackTrace);
  }

  void close() {
    _chunkedSink.close();
  }
}

abstract class Encoding extends Codec<String, List<int>> {
  const Encoding();

  Converter<String, List<int>> get encoder;
  Converter<List<int>, String> get decoder;

  String get name;

  Future<String> decodeStream(Stream<List<int>> byteStream) {
    return byteStream
        .transform<String>(decoder)
        .fold(StringBuffer(), (StringBuffer buffer, String string) => buffer..write(string))
        .then((StringBuffer buffer) => buffer.toString());
  }

  static Encoding? getByName(String? name) {
    if (name == null) return null;
    switch (name.toLowerCase()) {
      case "utf-8":
      case "utf8":
        return utf8;
      case "iso-8859-1":
      case "iso_8859-1":
      case "iso8859-1":
      case "latin1":
      case "l1":
      case "iso-ir-100":
      case "ibm819":
      case "cp819":
      case "csisolatin1":
      case "iso_8859-1:1987":
        return latin1;
      case "us-ascii":
      case "ascii":
      case "iso646-us":
      case "us":
      case "ibm367":
      case "cp367":
      case "csascii":
      case "ansi_x3.4-1968":
      case "iso-ir-6":
      case "ansi_x3.4-1986":
      case "iso_646.irv:1991":
      case "646":
        return ascii;
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// Chunked conversion sinks
// ---------------------------------------------------------------------------------------

abstract class ChunkedConversionSink<T> implements Sink<T> {
  ChunkedConversionSink();

  factory ChunkedConversionSink.withCallback(void Function(List<T> accumulated) callback) =
      _SimpleCallbackSink<T>;

  void add(T chunk);
  void close();
}

class _SimpleCallbackSink<T> extends ChunkedConversionSink<T> {
  final void Function(List<T>) _callback;
  final List<T> _accumulated = <T>[];

  _SimpleCallbackSink(this._callback);

  void add(T chunk) {
    _accumulated.add(chunk);
  }

  void close() {
    _callback(_accumulated);
  }
}

abstract class ByteConversionSink extends ChunkedConversionSink<List<int>> {
  ByteConversionSink();

  factory ByteConversionSink.withCallback(void Function(List<int> accumulated) callback) =
      _ByteCallbackSink;

  factory ByteConversionSink.from(Sink<List<int>> sink) = _ByteAdapterSink;

  void addSlice(List<int> chunk, int start, int end, bool isLast) {
    add(chunk.sublist(start, end));
    if (isLast) close();
  }
}

abstract class ByteConversionSinkBase extends ByteConversionSink {}

class _ByteAdapterSink extends ByteConversionSink {
  final Sink<List<int>> _sink;

  _ByteAdapterSink(this._sink);

  void add(List<int> chunk) {
    _sink.add(chunk);
  }

  void close() {
    _sink.close();
  }
}

class _ByteCallbackSink extends ByteConversionSink {
  final void Function(List<int>) _callback;
  final List<int> _buffer = <int>[];

  _ByteCallbackSink(void Function(List<int> accumulated) callback) : _callback = callback;

  void add(Iterable<int> chunk) {
    _buffer.addAll(chunk);
  }

  void close() {
    _callback(Uint8List.fromList(_buffer));
  }
}

abstract class StringConversionSink extends ChunkedConversionSink<String> {
  StringConversionSink();

  factory StringConversionSink.withCallback(void Function(String accumulated) callback) =
      _StringCallbackSink;

  factory StringConversionSink.from(Sink<String> sink) = _StringAdapterSink;

  factory StringConversionSink.fromStringSink(StringSink sink) = _StringSinkConversionSink;

  void addSlice(String chunk, int start, int end, bool isLast);

  void add(String str) {
    addSlice(str, 0, str.length, false);
  }

  ByteConversionSink asUtf8Sink(bool allowMalformed) {
    return _Utf8ConversionSink(this, allowMalformed);
  }

  ClosableStringSink asStringSink() => _StringConversionSinkAsStringSinkAdapter(this);
}

abstract class StringConversionSinkBase extends StringConversionSink {}

abstract class ClosableStringSink implements StringSink {
  factory ClosableStringSink.fromStringSink(StringSink sink, void Function() onClose) =
      _ClosableStringSink;

  void close();
}

class _ClosableStringSink implements ClosableStringSink {
  final void Function() _callback;
  final StringSink _sink;

  _ClosableStringSink(this._sink, this._callback);

  void close() {
    _callback();
  }

  void writeCharCode(int charCode) {
    _sink.writeCharCode(charCode);
  }

  void write(Object? o) {
    _sink.write(o);
  }

  void writeln([Object? o = ""]) {
    _sink.writeln(o);
  }

  void writeAll(Iterable objects, [String separator = ""]) {
    _sink.writeAll(objects, separator);
  }
}

class _StringConversionSinkAsStringSinkAdapter implements ClosableStringSink {
  final StringBuffer _buffer = StringBuffer();
  final StringConversionSink _chunkedSink;

  _StringConversionSinkAsStringSinkAdapter(this._chunkedSink);

  void close() {
    if (_buffer.isNotEmpty) _flush();
    _chunkedSink.close();
  }

  void writeCharCode(int charCode) {
    _buffer.writeCharCode(charCode);
    if (_buffer.length > 16) _flush();
  }

  void write(Object? o) {
    if (_buffer.isNotEmpty) _flush();
    _chunkedSink.add(o.toString());
  }

  void writeln([Object? o = ""]) {
    _buffer.writeln(o);
    if (_buffer.length > 16) _flush();
  }

  void writeAll(Iterable objects, [String separator = ""]) {
    if (_buffer.isNotEmpty) _flush();
    var iterator = objects.iterator;
    if (!iterator.moveNext()) return;
    if (separator.isEmpty) {
      do {
        _chunkedSink.add(iterator.current.toString());
      } while (iterator.moveNext());
    } else {
      _chunkedSink.add(iterator.current.toString());
      while (iterator.moveNext()) {
        write(separator);
        _chunkedSink.add(iterator.current.toString());
      }
    }
  }

  void _flush() {
    var accumulated = _buffer.toString();
    _buffer.clear();
    _chunkedSink.add(accumulated);
  }
}

class _StringSinkConversionSink<TStringSink extends StringSink> extends StringConversionSinkBase {
  final TStringSink _stringSink;
  _StringSinkConversionSink(this._stringSink);

  void close() {}

  void addSlice(String str, int start, int end, bool isLast) {
    if (start != 0 || end != str.length) {
      for (var i = start; i < end; i++) {
        _stringSink.writeCharCode(str.codeUnitAt(i));
      }
    } else {
      _stringSink.write(str);
    }
    if (isLast) close();
  }

  void add(String str) {
    _stringSink.write(str);
  }
}

class _StringCallbackSink extends _StringSinkConversionSink<StringBuffer> {
  final void Function(String) _callback;

  _StringCallbackSink(this._callback) : super(StringBuffer());

  void close() {
    var accumulated = _stringSink.toString();
    _stringSink.clear();
    _callback(accumulated);
  }
}

class _StringAdapterSink extends StringConversionSinkBase {
  final Sink<String> _sink;

  _StringAdapterSink(this._sink);

  void add(String str) {
    _sink.add(str);
  }

  void addSlice(String str, int start, int end, bool isLast) {
    if (start == 0 && end == str.length) {
      add(str);
    } else {
      add(str.substring(start, end));
    }
    if (isLast) close();
  }

  void close() {
    _sink.close();
  }
}

/// Decodes UTF-8 chunks into a string sink (the SDK's `_Utf8ConversionSink`).
class _Utf8ConversionSink extends ByteConversionSink {
  final _Utf8Decoder _decoder;
  final StringConversionSink _chunkedSink;
  final StringBuffer _buffer = StringBuffer();

  _Utf8ConversionSink(this._chunkedSink, bool allowMalformed)
      : _decoder = _Utf8Decoder(allowMalformed);

  void close() {
    _decoder.flush(_buffer);
    if (_buffer.isNotEmpty) {
      var accumulated = _buffer.toString();
      _buffer.clear();
      _chunkedSink.addSlice(accumulated, 0, accumulated.length, true);
    } else {
      _chunkedSink.close();
    }
  }

  void add(List<int> chunk) {
    addSlice(chunk, 0, chunk.length, false);
  }

  void addSlice(List<int> chunk, int startIndex, int endIndex, bool isLast) {
    _buffer.write(_decoder.convertChunked(chunk, startIndex, endIndex));
    if (_buffer.isNotEmpty) {
      var accumulated = _buffer.toString();
      _chunkedSink.addSlice(accumulated, 0, accumulated.length, isLast);
      _buffer.clear();
      return;
    }
    if (isLast) close();
  }
}

// ---------------------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------------------

const int unicodeReplacementCharacterRune = 0xFFFD;
const int unicodeBomCharacterRune = 0xFEFF;

const Utf8Codec utf8 = Utf8Codec();

final class Utf8Codec extends Encoding {
  final bool _allowMalformed;

  const Utf8Codec({bool allowMalformed = false}) : _allowMalformed = allowMalformed;

  String get name => "utf-8";

  String decode(List<int> codeUnits, {bool? allowMalformed}) {
    final decoder = allowMalformed ?? _allowMalformed
        ? const Utf8Decoder(allowMalformed: true)
        : const Utf8Decoder(allowMalformed: false);
    return decoder.convert(codeUnits);
  }

  Uint8List encode(String string) => const Utf8Encoder().convert(string);

  Utf8Encoder get encoder => const Utf8Encoder();

  Utf8Decoder get decoder => _allowMalformed
      ? const Utf8Decoder(allowMalformed: true)
      : const Utf8Decoder(allowMalformed: false);
}

final class Utf8Encoder extends Converter<String, List<int>> {
  const Utf8Encoder();

  Uint8List convert(String string, [int start = 0, int? end]) {
    final stop = RangeError.checkValidRange(start, end, string.length);
    return _utf8Encode(string, start, stop);
  }

  StringConversionSink startChunkedConversion(Sink<List<int>> sink) {
    return _Utf8EncoderSink(sink is ByteConversionSink ? sink : ByteConversionSink.from(sink));
  }

  Stream<List<int>> bind(Stream<String> stream) => super.bind(stream);
}

bool _isLeadSurrogate(int codeUnit) => (codeUnit & 0xFC00) == 0xD800;

bool _isTailSurrogate(int codeUnit) => (codeUnit & 0xFC00) == 0xDC00;

/// Chunked UTF-8 encoding, the SDK's `_Utf8EncoderSink`: output goes to the sink in
/// pieces of at most 1024 bytes (a character that does not fit starts the next piece),
/// and a lead surrogate at the end of a chunk waits for the next chunk (`_carry`).
class _Utf8EncoderSink extends StringConversionSinkBase {
  final ByteConversionSink _sink;
  final Uint8List _buffer = Uint8List(1024);
  int _bufferIndex = 0;
  int _carry = 0;

  _Utf8EncoderSink(this._sink);

  void close() {
    if (_carry != 0) {
      addSlice("", 0, 0, true);
      return;
    }
    _sink.close();
  }

  void _writeReplacementCharacter() {
    _buffer[_bufferIndex++] = 0xEF;
    _buffer[_bufferIndex++] = 0xBF;
    _buffer[_bufferIndex++] = 0xBD;
  }

  bool _writeSurrogate(int leadingSurrogate, int nextCodeUnit) {
    if (_isTailSurrogate(nextCodeUnit)) {
      final rune = 0x10000 + ((leadingSurrogate & 0x3FF) << 10) | (nextCodeUnit & 0x3FF);
      _buffer[_bufferIndex++] = 0xF0 | (rune >> 18);
      _buffer[_bufferIndex++] = 0x80 | ((rune >> 12) & 0x3f);
      _buffer[_bufferIndex++] = 0x80 | ((rune >> 6) & 0x3f);
      _buffer[_bufferIndex++] = 0x80 | (rune & 0x3f);
      return true;
    }
    _writeReplacementCharacter();
    return false;
  }

  /// Fills the buffer from `str[start..end)` (never a lead surrogate at its end);
  /// returns the first code unit not written.
  int _fillBuffer(String str, int start, int end) {
    if (start != end && _isLeadSurrogate(str.codeUnitAt(end - 1))) end--;
    final length = _buffer.length;
    int i;
    for (i = start; i < end; i++) {
      final codeUnit = str.codeUnitAt(i);
      if (codeUnit <= 0x7f) {
        if (_bufferIndex >= length) break;
        _buffer[_bufferIndex++] = codeUnit;
      } else if (_isLeadSurrogate(codeUnit)) {
        if (_bufferIndex + 4 > length) break;
        if (_writeSurrogate(codeUnit, str.codeUnitAt(i + 1))) i++;
      } else if (_isTailSurrogate(codeUnit)) {
        if (_bufferIndex + 3 > length) break;
        _writeReplacementCharacter();
      } else if (codeUnit <= 0x7ff) {
        if (_bufferIndex + 1 >= length) break;
        _buffer[_bufferIndex++] = 0xC0 | (codeUnit >> 6);
        _buffer[_bufferIndex++] = 0x80 | (codeUnit & 0x3f);
      } else {
        if (_bufferIndex + 2 >= length) break;
        _buffer[_bufferIndex++] = 0xE0 | (codeUnit >> 12);
        _buffer[_bufferIndex++] = 0x80 | ((codeUnit >> 6) & 0x3f);
        _buffer[_bufferIndex++] = 0x80 | (codeUnit & 0x3f);
      }
    }
    return i;
  }

  void addSlice(String str, int start, int end, bool isLast) {
    _bufferIndex = 0;
    if (start == end && !isLast) return;
    if (_carry != 0) {
      final nextCodeUnit = start != end ? str.codeUnitAt(start) : 0;
      if (_writeSurrogate(_carry, nextCodeUnit)) start++;
      _carry = 0;
    }
    do {
      start = _fillBuffer(str, start, end);
      final isLastSlice = isLast && (start == end);
      if (start == end - 1 && _isLeadSurrogate(str.codeUnitAt(start))) {
        if (isLast && _bufferIndex < _buffer.length - 3) {
          _writeReplacementCharacter();
        } else {
          _carry = str.codeUnitAt(start);
        }
        start++;
      }
      _sink.addSlice(_buffer, 0, _bufferIndex, isLastSlice);
      _bufferIndex = 0;
    } while (start < end);
    if (isLast) close();
  }
}

final class Utf8Decoder extends Converter<List<int>, String> {
  final bool _allowMalformed;

  const Utf8Decoder({bool allowMalformed = false}) : _allowMalformed = allowMalformed;

  String convert(List<int> codeUnits, [int start = 0, int? end]) {
    return _Utf8Decoder(_allowMalformed).convertSingle(codeUnits, start, end);
  }

  ByteConversionSink startChunkedConversion(Sink<String> sink) {
    final StringConversionSink stringSink =
        sink is StringConversionSink ? sink : StringConversionSink.from(sink);
    return stringSink.asUtf8Sink(_allowMalformed);
  }

  Stream<String> bind(Stream<List<int>> stream) => super.bind(stream);
}

/// The decoder state the natives run (the SDK's `_Utf8Decoder`): DFA state and the
/// partial character, or the error position after an error.
class _Utf8Decoder {
  static const int _beforeBom = 0x10;
  static const int _afterBom = 0x20;
  static const int _errorUnfinished = 0x4D;

  final bool allowMalformed;
  final List<int> _status = <int>[_beforeBom, 0];

  _Utf8Decoder(this.allowMalformed);

  static String errorDescription(int state) {
    switch (state) {
      case 0x41:
        return "Missing extension byte";
      case 0x43:
        return "Unexpected extension byte";
      case 0x45:
        return "Invalid UTF-8 byte";
      case 0x47:
        return "Overlong encoding";
      case 0x49:
        return "Out of unicode range";
      case 0x4B:
        return "Encoded surrogate";
      case 0x4D:
        return "Unfinished UTF-8 octet sequence";
      default:
        return "";
    }
  }

  String convertSingle(List<int> codeUnits, int start, int? maybeEnd) =>
      _convert(codeUnits, start, maybeEnd, true);

  String convertChunked(List<int> codeUnits, int start, int? maybeEnd) =>
      _convert(codeUnits, start, maybeEnd, false);

  String _convert(List<int> codeUnits, int start, int? maybeEnd, bool single) {
    final end = RangeError.checkValidRange(start, maybeEnd, codeUnits.length);
    if (start == end) return "";
    List<int> bytes = codeUnits;
    int errorOffset = 0;
    int from = start;
    int to = end;
    if (!_isBuiltinList(codeUnits)) {
      bytes = _makeUint8List(codeUnits, start, end);
      errorOffset = start;
      from = 0;
      to = end - start;
    }
    final result = _utf8Decode(bytes, from, to, allowMalformed, single, _status);
    final state = _status[0];
    if ((state & 1) != 0) {
      _status[0] = 0;
      throw FormatException(errorDescription(state), codeUnits, errorOffset + _status[1]);
    }
    return result;
  }

  void flush(StringSink sink) {
    final state = _status[0];
    _status[0] = 0;
    if (state <= _afterBom) return;
    if (allowMalformed) {
      sink.writeCharCode(unicodeReplacementCharacterRune);
    } else {
      throw FormatException(errorDescription(_errorUnfinished), null, null);
    }
  }

  static Uint8List _makeUint8List(List<int> codeUnits, int start, int end) {
    final length = end - start;
    final bytes = Uint8List(length);
    for (int i = 0; i < length; i++) {
      int b = codeUnits[start + i];
      if ((b & ~0xFF) != 0) b = 0xFF;
      bytes[i] = b;
    }
    return bytes;
  }
}

/// Whether the natives read `list`'s bytes directly: a built-in list or a `Uint8List`
/// (or `Uint8ClampedList`); other `List<int>` implementations are copied first.
@pragma('vm:external-name', 'Convert_isDirectByteList')
external bool _isBuiltinList(Object list);

// ---------------------------------------------------------------------------------------
// ASCII and Latin-1
// ---------------------------------------------------------------------------------------

const AsciiCodec ascii = AsciiCodec();
const Latin1Codec latin1 = Latin1Codec();

final class AsciiCodec extends Encoding {
  final bool _allowInvalid;

  const AsciiCodec({bool allowInvalid = false}) : _allowInvalid = allowInvalid;

  String get name => "us-ascii";

  Uint8List encode(String source) => encoder.convert(source);

  String decode(List<int> bytes, {bool? allowInvalid}) {
    if (allowInvalid ?? _allowInvalid) {
      return const AsciiDecoder(allowInvalid: true).convert(bytes);
    } else {
      return const AsciiDecoder(allowInvalid: false).convert(bytes);
    }
  }

  AsciiEncoder get encoder => const AsciiEncoder();

  AsciiDecoder get decoder =>
      _allowInvalid ? const AsciiDecoder(allowInvalid: true) : const AsciiDecoder(allowInvalid: false);
}

final class Latin1Codec extends Encoding {
  final bool _allowInvalid;

  const Latin1Codec({bool allowInvalid = false}) : _allowInvalid = allowInvalid;

  String get name => "iso-8859-1";

  Uint8List encode(String source) => encoder.convert(source);

  String decode(List<int> bytes, {bool? allowInvalid}) {
    if (allowInvalid ?? _allowInvalid) {
      return const Latin1Decoder(allowInvalid: true).convert(bytes);
    } else {
      return const Latin1Decoder(allowInvalid: false).convert(bytes);
    }
  }

  Latin1Encoder get encoder => const Latin1Encoder();

  Latin1Decoder get decoder =>
      _allowInvalid ? const Latin1Decoder(allowInvalid: true) : const Latin1Decoder(allowInvalid: false);
}

class _UnicodeSubsetEncoder extends Converter<String, List<int>> {
  final int _subsetMask;

  const _UnicodeSubsetEncoder(this._subsetMask);

  Uint8List convert(String string, [int start = 0, int? end]) {
    final stop = RangeError.checkValidRange(start, end, string.length);
    final length = stop - start;
    final result = Uint8List(length);
    for (var i = 0; i < length; i++) {
      var codeUnit = string.codeUnitAt(start + i);
      if ((codeUnit & ~_subsetMask) != 0) {
        throw ArgumentError.value(string, "string", "Contains invalid characters.");
      }
      result[i] = codeUnit;
    }
    return result;
  }

  StringConversionSink startChunkedConversion(Sink<List<int>> sink) {
    return _UnicodeSubsetEncoderSink(
        _subsetMask, sink is ByteConversionSink ? sink : ByteConversionSink.from(sink));
  }

  Stream<List<int>> bind(Stream<String> stream) => super.bind(stream);
}

class _UnicodeSubsetEncoderSink extends StringConversionSinkBase {
  final ByteConversionSink _sink;
  final int _subsetMask;

  _UnicodeSubsetEncoderSink(this._subsetMask, this._sink);

  void close() {
    _sink.close();
  }

  void addSlice(String source, int start, int end, bool isLast) {
    RangeError.checkValidRange(start, end, source.length);
    for (var i = start; i < end; i++) {
      var codeUnit = source.codeUnitAt(i);
      if ((codeUnit & ~_subsetMask) != 0) {
        throw ArgumentError("Source contains invalid character with code point: $codeUnit.");
      }
    }
    _sink.add(source.codeUnits.sublist(start, end));
    if (isLast) close();
  }
}

final class AsciiEncoder extends _UnicodeSubsetEncoder {
  const AsciiEncoder() : super(0x7F);
}

final class Latin1Encoder extends _UnicodeSubsetEncoder {
  const Latin1Encoder() : super(0xFF);
}

class _UnicodeSubsetDecoder extends Converter<List<int>, String> {
  final bool _allowInvalid;
  final int _subsetMask;

  const _UnicodeSubsetDecoder(this._allowInvalid, this._subsetMask);

  String convert(List<int> bytes, [int start = 0, int? end]) {
    final stop = RangeError.checkValidRange(start, end, bytes.length);
    for (var i = start; i < stop; i++) {
      var byte = bytes[i];
      if ((byte & ~_subsetMask) != 0) {
        if (!_allowInvalid) {
          throw FormatException("Invalid value in input: $byte");
        }
        return _convertInvalid(bytes, start, stop);
      }
    }
    return String.fromCharCodes(bytes, start, stop);
  }

  String _convertInvalid(List<int> bytes, int start, int end) {
    var buffer = StringBuffer();
    for (var i = start; i < end; i++) {
      var value = bytes[i];
      if ((value & ~_subsetMask) != 0) value = 0xFFFD;
      buffer.writeCharCode(value);
    }
    return buffer.toString();
  }

  ByteConversionSink startChunkedConversion(Sink<String> sink) {
    final StringConversionSink stringSink =
        sink is StringConversionSink ? sink : StringConversionSink.from(sink);
    return _SubsetDecoderSink(this, stringSink);
  }

  Stream<String> bind(Stream<List<int>> stream) => super.bind(stream);
}

class _SubsetDecoderSink extends ByteConversionSink {
  final _UnicodeSubsetDecoder _decoder;
  final StringConversionSink _sink;

  _SubsetDecoderSink(this._decoder, this._sink);

  void close() {
    _sink.close();
  }

  void add(List<int> source) {
    addSlice(source, 0, source.length, false);
  }

  void addSlice(List<int> source, int start, int end, bool isLast) {
    final text = _decoder.convert(source, start, end);
    _sink.add(text);
    if (isLast) close();
  }
}

final class AsciiDecoder extends _UnicodeSubsetDecoder {
  const AsciiDecoder({bool allowInvalid = false}) : super(allowInvalid, 0x7F);
}

final class Latin1Decoder extends _UnicodeSubsetDecoder {
  const Latin1Decoder({bool allowInvalid = false}) : super(allowInvalid, 0xFF);
}

// ---------------------------------------------------------------------------------------
// Base64
// ---------------------------------------------------------------------------------------

const Base64Codec base64 = Base64Codec();
const Base64Codec base64Url = Base64Codec.urlSafe();

String base64Encode(List<int> bytes) => base64.encode(bytes);
String base64UrlEncode(List<int> bytes) => base64Url.encode(bytes);
Uint8List base64Decode(String source) => base64.decode(source);

const int _paddingChar = 0x3d;

final class Base64Codec extends Codec<List<int>, String> {
  final Base64Encoder _encoder;

  const Base64Codec() : _encoder = const Base64Encoder();
  const Base64Codec.urlSafe() : _encoder = const Base64Encoder.urlSafe();

  Base64Encoder get encoder => _encoder;
  Base64Decoder get decoder => const Base64Decoder();

  Uint8List decode(String encoded) => decoder.convert(encoded);
}

final class Base64Encoder extends Converter<List<int>, String> {
  final bool _urlSafe;

  const Base64Encoder() : _urlSafe = false;
  const Base64Encoder.urlSafe() : _urlSafe = true;

  String convert(List<int> input) {
    if (input.isEmpty) return "";
    final fast = _base64EncodeNative(input, _urlSafe);
    if (fast != null) return fast;
    final encoder = _Base64Encoder(_urlSafe);
    final buffer = encoder.encode(input, 0, input.length, true)!;
    return String.fromCharCodes(buffer);
  }

  ByteConversionSink startChunkedConversion(Sink<String> sink) {
    return _AsciiBase64EncoderSink(sink, _urlSafe);
  }
}

class _Base64Encoder {
  static const String _base64Alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  static const String _base64UrlAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  int _state = 0;
  final String _alphabet;

  _Base64Encoder(bool urlSafe) : _alphabet = urlSafe ? _base64UrlAlphabet : _base64Alphabet;

  Uint8List? encode(List<int> bytes, int start, int end, bool isLast) {
    final length = end - start;
    final count = _state & 3;
    final byteCount = count + length;
    final fullChunks = byteCount ~/ 3;
    final partialChunkLength = byteCount - fullChunks * 3;
    var bufferLength = fullChunks * 4;
    if (isLast && partialChunkLength > 0) bufferLength += 4;
    final output = Uint8List(bufferLength);
    _state = _encodeChunk(_alphabet, bytes, start, end, isLast, output, 0, _state);
    if (bufferLength > 0) return output;
    return null;
  }

  static int _encodeChunk(String alphabet, List<int> bytes, int start, int end, bool isLast,
      Uint8List output, int outputIndex, int state) {
    int bits = state >> 2;
    int expectedChars = 3 - (state & 3);
    int byteOr = 0;
    for (int i = start; i < end; i++) {
      int byte = bytes[i];
      byteOr |= byte;
      bits = ((bits << 8) | byte) & 0xFFFFFF;
      expectedChars--;
      if (expectedChars == 0) {
        output[outputIndex++] = alphabet.codeUnitAt((bits >> 18) & 0x3F);
        output[outputIndex++] = alphabet.codeUnitAt((bits >> 12) & 0x3F);
        output[outputIndex++] = alphabet.codeUnitAt((bits >> 6) & 0x3F);
        output[outputIndex++] = alphabet.codeUnitAt(bits & 0x3F);
        expectedChars = 3;
        bits = 0;
      }
    }
    if (byteOr >= 0 && byteOr <= 255) {
      if (isLast && expectedChars < 3) {
        _writeFinalChunk(alphabet, output, outputIndex, 3 - expectedChars, bits);
        return 0;
      }
      return (bits << 2) | (3 - expectedChars);
    }
    int i = start;
    while (i < end) {
      int byte = bytes[i];
      if (byte < 0 || byte > 255) break;
      i++;
    }
    throw ArgumentError.value(bytes, "Not a byte value at index $i: 0x${bytes[i].toRadixString(16)}");
  }

  static void _writeFinalChunk(String alphabet, Uint8List output, int outputIndex, int count, int bits) {
    if (count == 1) {
      output[outputIndex++] = alphabet.codeUnitAt((bits >> 2) & 0x3F);
      output[outputIndex++] = alphabet.codeUnitAt((bits << 4) & 0x3F);
      output[outputIndex++] = _paddingChar;
      output[outputIndex++] = _paddingChar;
    } else {
      output[outputIndex++] = alphabet.codeUnitAt((bits >> 10) & 0x3F);
      output[outputIndex++] = alphabet.codeUnitAt((bits >> 4) & 0x3F);
      output[outputIndex++] = alphabet.codeUnitAt((bits << 2) & 0x3F);
      output[outputIndex++] = _paddingChar;
    }
  }
}

class _AsciiBase64EncoderSink extends ByteConversionSink {
  final Sink<String> _sink;
  final _Base64Encoder _encoder;

  _AsciiBase64EncoderSink(this._sink, bool urlSafe) : _encoder = _Base64Encoder(urlSafe);

  void add(List<int> source) {
    _add(source, 0, source.length, false);
  }

  void close() {
    _add(const <int>[], 0, 0, true);
  }

  void addSlice(List<int> source, int start, int end, bool isLast) {
    RangeError.checkValidRange(start, end, source.length);
    _add(source, start, end, isLast);
  }

  void _add(List<int> source, int start, int end, bool isLast) {
    final buffer = _encoder.encode(source, start, end, isLast);
    if (buffer != null) _sink.add(String.fromCharCodes(buffer));
    if (isLast) _sink.close();
  }
}

final class Base64Decoder extends Converter<String, List<int>> {
  const Base64Decoder();

  Uint8List convert(String input, [int start = 0, int? end]) {
    final stop = RangeError.checkValidRange(start, end, input.length);
    if (start == stop) return Uint8List(0);
    final out = Uint8List(_base64DecodedLength(input, start, stop));
    final error = <Object?>[null, null];
    _base64DecodeInto(input, start, stop, out, error);
    final message = error[0];
    if (message != null) throw FormatException(message as String, input, error[1] as int);
    return out;
  }

  StringConversionSink startChunkedConversion(Sink<List<int>> sink) {
    return _Base64DecoderSink(sink);
  }
}

class _Base64Decoder {
  static const int _invalid = -2;
  static const int _padding = -1;

  static final Int8List _inverseAlphabet = _makeInverseAlphabet();

  static Int8List _makeInverseAlphabet() {
    final table = Int8List(128)..fillRange(0, 128, _invalid);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; i++) {
      table[alphabet.codeUnitAt(i)] = i;
    }
    table[0x2d] = 62; // '-'
    table[0x5f] = 63; // '_'
    table[0x25] = _padding; // '%'
    table[0x3d] = _padding; // '='
    return table;
  }

  static const int _charPercent = 0x25;
  static const int _char3 = 0x33;
  static const int _charD = 0x64;

  int _state = 0;

  Uint8List decode(String input, int start, int end) {
    if (_state < 0) {
      _state = _checkPadding(input, start, end, _state);
      return Uint8List(0);
    }
    if (start == end) return Uint8List(0);
    final buffer = _allocateBuffer(input, start, end, _state);
    _state = _decodeChunk(input, start, end, buffer, 0, _state);
    return buffer;
  }

  void close(String? input, int? end) {
    if (_state < -1) {
      throw FormatException("Missing padding character", input, end);
    }
    if (_state > 0) {
      throw FormatException("Invalid length, must be multiple of four", input, end);
    }
    _state = -1;
  }

  static int _decodeChunk(String input, int start, int end, Uint8List output, int outIndex, int state) {
    int bits = state >> 2;
    int count = state & 3;
    int charOr = 0;
    for (int i = start; i < end; i++) {
      var char = input.codeUnitAt(i);
      charOr |= char;
      int code = _inverseAlphabet[char & 127];
      if (code >= 0) {
        bits = ((bits << 6) | code) & 0xFFFFFF;
        count = (count + 1) & 3;
        if (count == 0) {
          output[outIndex++] = (bits >> 16) & 0xFF;
          output[outIndex++] = (bits >> 8) & 0xFF;
          output[outIndex++] = bits & 0xFF;
          bits = 0;
        }
        continue;
      } else if (code == _padding && count > 1) {
        if (charOr < 0 || charOr > 127) break;
        if (count == 3) {
          if ((bits & 0x03) != 0) {
            throw FormatException("Invalid encoding before padding", input, i);
          }
          output[outIndex++] = bits >> 10;
          output[outIndex++] = bits >> 2;
        } else {
          if ((bits & 0x0F) != 0) {
            throw FormatException("Invalid encoding before padding", input, i);
          }
          output[outIndex++] = bits >> 4;
        }
        int expectedPadding = (3 - count) * 3;
        if (char == _charPercent) expectedPadding += 2;
        state = -expectedPadding - 1;
        return _checkPadding(input, i + 1, end, state);
      }
      throw FormatException("Invalid character", input, i);
    }
    if (charOr >= 0 && charOr <= 127) {
      return (bits << 2) | count;
    }
    int i;
    for (i = start; i < end; i++) {
      int char = input.codeUnitAt(i);
      if (char < 0 || char > 127) break;
    }
    throw FormatException("Invalid character", input, i);
  }

  static Uint8List _allocateBuffer(String input, int start, int end, int state) {
    int paddingStart = _trimPaddingChars(input, start, end);
    int length = (state & 3) + (paddingStart - start);
    int bufferLength = (length >> 2) * 3;
    int remainderLength = length & 3;
    if (remainderLength != 0 && paddingStart < end) {
      bufferLength += remainderLength - 1;
    }
    return Uint8List(bufferLength);
  }

  static int _trimPaddingChars(String input, int start, int end) {
    int padding = 0;
    int index = end;
    int newEnd = end;
    while (index > start && padding < 2) {
      index--;
      int char = input.codeUnitAt(index);
      if (char == _paddingChar) {
        padding++;
        newEnd = index;
        continue;
      }
      if ((char | 0x20) == _charD) {
        if (index == start) break;
        index--;
        char = input.codeUnitAt(index);
      }
      if (char == _char3) {
        if (index == start) break;
        index--;
        char = input.codeUnitAt(index);
      }
      if (char == _charPercent) {
        padding++;
        newEnd = index;
        continue;
      }
      break;
    }
    return newEnd;
  }

  static int _checkPadding(String input, int start, int end, int state) {
    if (start == end) return state;
    int expectedPadding = -state - 1;
    while (expectedPadding > 0) {
      int char = input.codeUnitAt(start);
      if (expectedPadding == 3) {
        if (char == _paddingChar) {
          expectedPadding -= 3;
          start++;
          break;
        }
        if (char == _charPercent) {
          expectedPadding--;
          start++;
          if (start == end) break;
          char = input.codeUnitAt(start);
        } else {
          break;
        }
      }
      int expectedPartialPadding = expectedPadding;
      if (expectedPartialPadding > 3) expectedPartialPadding -= 3;
      if (expectedPartialPadding == 2) {
        if (char != _char3) break;
        start++;
        expectedPadding--;
        if (start == end) break;
        char = input.codeUnitAt(start);
      }
      if ((char | 0x20) != _charD) break;
      start++;
      expectedPadding--;
      if (start == end) break;
    }
    if (start != end) {
      throw FormatException("Invalid padding character", input, start);
    }
    return -expectedPadding - 1;
  }
}

class _Base64DecoderSink extends StringConversionSinkBase {
  final Sink<List<int>> _sink;
  final _Base64Decoder _decoder = _Base64Decoder();

  _Base64DecoderSink(this._sink);

  void add(String string) {
    if (string.isEmpty) return;
    final buffer = _decoder.decode(string, 0, string.length);
    if (buffer.isNotEmpty) _sink.add(buffer);
  }

  void close() {
    _decoder.close(null, null);
    _sink.close();
  }

  void addSlice(String string, int start, int end, bool isLast) {
    RangeError.checkValidRange(start, end, string.length);
    if (start == end) return;
    final buffer = _decoder.decode(string, start, end);
    if (buffer.isNotEmpty) _sink.add(buffer);
    if (isLast) {
      _decoder.close(string, end);
      _sink.close();
    }
  }
}

// ---------------------------------------------------------------------------------------
// LineSplitter
// ---------------------------------------------------------------------------------------

const int _LF = 10;
const int _CR = 13;

class LineSplitter extends StreamTransformerBase<String, String> {
  const LineSplitter();

  static Iterable<String> split(String lines, [int start = 0, int? end]) {
    final stop = RangeError.checkValidRange(start, end, lines.length);
    final result = <String>[];
    var sliceStart = start;
    var char = 0;
    for (var i = start; i < stop; i++) {
      var previousChar = char;
      char = lines.codeUnitAt(i);
      if (char != _CR) {
        if (char != _LF) continue;
        if (previousChar == _CR) {
          sliceStart = i + 1;
          continue;
        }
      }
      result.add(lines.substring(sliceStart, i));
      sliceStart = i + 1;
    }
    if (sliceStart < stop) {
      result.add(lines.substring(sliceStart, stop));
    }
    return result;
  }

  List<String> convert(String data) => split(data).toList();

  StringConversionSink startChunkedConversion(Sink<String> sink) {
    return _LineSplitterSink(sink is StringConversionSink ? sink : StringConversionSink.from(sink));
  }

  Stream<String> bind(Stream<String> stream) {
    return Stream<String>.eventTransformed(
        stream, (EventSink<String> sink) => _LineSplitterEventSink(sink));
  }
}

class _LineSplitterSink extends StringConversionSinkBase {
  final StringConversionSink _sink;
  String? _carry;
  bool _skipLeadingLF = false;

  _LineSplitterSink(this._sink);

  void addSlice(String chunk, int start, int end, bool isLast) {
    end = RangeError.checkValidRange(start, end, chunk.length);
    if (start >= end) {
      if (isLast) close();
      return;
    }
    if (_skipLeadingLF) {
      if (chunk.codeUnitAt(start) == _LF) start += 1;
      _skipLeadingLF = false;
    }
    final carry = _carry;
    if (carry != null) {
      chunk = carry + chunk.substring(start, end);
      start = 0;
      end = chunk.length;
      _carry = null;
    }
    _addLines(chunk, start, end);
    if (isLast) close();
  }

  void close() {
    final carry = _carry;
    if (carry != null) {
      _sink.add(carry);
      _carry = null;
    }
    _sink.close();
  }

  void _addLines(String lines, int start, int end) {
    var sliceStart = start;
    var char = 0;
    for (var i = start; i < end; i++) {
      var previousChar = char;
      char = lines.codeUnitAt(i);
      if (char != _CR) {
        if (char != _LF) continue;
        if (previousChar == _CR) {
          sliceStart = i + 1;
          continue;
        }
      }
      _sink.add(lines.substring(sliceStart, i));
      sliceStart = i + 1;
    }
    if (sliceStart < end) {
      _carry = lines.substring(sliceStart, end);
    } else {
      _skipLeadingLF = (char == _CR);
    }
  }
}

class _LineSplitterEventSink extends _LineSplitterSink implements EventSink<String> {
  final EventSink<String> _eventSink;

  _LineSplitterEventSink(EventSink<String> eventSink)
      : _eventSink = eventSink,
        super(StringConversionSink.from(eventSink));

  void addError(Object o, [StackTrace? stackTrace]) {
    _eventSink.addError(o, stackTrace);
  }
}

// ---------------------------------------------------------------------------------------
// HtmlEscape
// ---------------------------------------------------------------------------------------

const HtmlEscape htmlEscape = HtmlEscape();

final class HtmlEscapeMode {
  final String _name;
  final bool escapeLtGt;
  final bool escapeQuot;
  final bool escapeApos;
  final bool escapeSlash;

  static const HtmlEscapeMode unknown = HtmlEscapeMode._('unknown', true, true, true, true);
  static const HtmlEscapeMode attribute = HtmlEscapeMode._('attribute', true, true, false, false);
  static const HtmlEscapeMode sqAttribute = HtmlEscapeMode._('attribute', true, false, true, false);
  static const HtmlEscapeMode element = HtmlEscapeMode._('element', true, false, false, false);

  const HtmlEscapeMode._(this._name, this.escapeLtGt, this.escapeQuot, this.escapeApos, this.escapeSlash);

  const HtmlEscapeMode(
      {String name = "custom",
      this.escapeLtGt = false,
      this.escapeQuot = false,
      this.escapeApos = false,
      this.escapeSlash = false})
      : _name = name;

  String toString() => _name;
}

final class HtmlEscape extends Converter<String, String> {
  final HtmlEscapeMode mode;

  const HtmlEscape([this.mode = HtmlEscapeMode.unknown]);

  String convert(String text) {
    var val = _convert(text, 0, text.length);
    return val == null ? text : val;
  }

  String? _convert(String text, int start, int end) {
    StringBuffer? result;
    for (var i = start; i < end; i++) {
      var ch = text[i];
      String? replacement;
      switch (ch) {
        case '&':
          replacement = '&amp;';
          break;
        case '"':
          if (mode.escapeQuot) replacement = '&quot;';
          break;
        case "'":
          if (mode.escapeApos) replacement = '&#39;';
          break;
        case '<':
          if (mode.escapeLtGt) replacement = '&lt;';
          break;
        case '>':
          if (mode.escapeLtGt) replacement = '&gt;';
          break;
        case '/':
          if (mode.escapeSlash) replacement = '&#47;';
          break;
      }
      if (replacement != null) {
        result ??= StringBuffer();
        if (i > start) result.write(text.substring(start, i));
        result.write(replacement);
        start = i + 1;
      }
    }
    if (result == null) return null;
    if (end > start) result.write(text.substring(start, end));
    return result.toString();
  }

  StringConversionSink startChunkedConversion(Sink<String> sink) {
    return _HtmlEscapeSink(this, sink is StringConversionSink ? sink : StringConversionSink.from(sink));
  }
}

class _HtmlEscapeSink extends StringConversionSinkBase {
  final HtmlEscape _escape;
  final StringConversionSink _sink;

  _HtmlEscapeSink(this._escape, this._sink);

  void addSlice(String chunk, int start, int end, bool isLast) {
    var val = _escape._convert(chunk, start, end);
    if (val == null) {
      _sink.addSlice(chunk, start, end, isLast);
    } else {
      _sink.add(val);
      if (isLast) _sink.close();
    }
  }

  void close() {
    _sink.close();
  }
}

// ---------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------

class JsonUnsupportedObjectError extends Error {
  final Object? unsupportedObject;
  final Object? cause;
  final String? partialResult;

  JsonUnsupportedObjectError(this.unsupportedObject, {this.cause, this.partialResult});

  String toString() {
    var safeString = Error.safeToString(unsupportedObject);
    String prefix;
    if (cause != null) {
      prefix = "Converting object to an encodable object failed:";
    } else {
      prefix = "Converting object did not return an encodable object:";
    }
    return "$prefix $safeString";
  }
}

class JsonCyclicError extends JsonUnsupportedObjectError {
  JsonCyclicError(Object? object) : super(object);
  String toString() => "Cyclic error in JSON stringify";
}

const JsonCodec json = JsonCodec();

String jsonEncode(Object? object, {Object? Function(Object? nonEncodable)? toEncodable}) =>
    json.encode(object, toEncodable: toEncodable);

dynamic jsonDecode(String source, {Object? Function(Object? key, Object? value)? reviver}) =>
    json.decode(source, reviver: reviver);

final class JsonCodec extends Codec<Object?, String> {
  final Object? Function(Object? key, Object? value)? _reviver;
  final Object? Function(dynamic)? _toEncodable;

  const JsonCodec({Object? Function(Object? key, Object? value)? reviver, Object? Function(dynamic object)? toEncodable})
      : _reviver = reviver,
        _toEncodable = toEncodable;

  JsonCodec.withReviver(dynamic Function(Object? key, Object? value) reviver) : this(reviver: reviver);

  dynamic decode(String source, {Object? Function(Object? key, Object? value)? reviver}) {
    reviver ??= _reviver;
    if (reviver == null) return decoder.convert(source);
    return JsonDecoder(reviver).convert(source);
  }

  String encode(Object? value, {Object? Function(dynamic object)? toEncodable}) {
    toEncodable ??= _toEncodable;
    if (toEncodable == null) return encoder.convert(value);
    return JsonEncoder(toEncodable).convert(value);
  }

  JsonEncoder get encoder {
    if (_toEncodable == null) return const JsonEncoder();
    return JsonEncoder(_toEncodable);
  }

  JsonDecoder get decoder {
    if (_reviver == null) return const JsonDecoder();
    return JsonDecoder(_reviver);
  }
}

final class JsonEncoder extends Converter<Object?, String> {
  final String? indent;
  final Object? Function(dynamic)? _toEncodable;

  const JsonEncoder([Object? Function(dynamic object)? toEncodable])
      : indent = null,
        _toEncodable = toEncodable;

  const JsonEncoder.withIndent(this.indent, [Object? Function(dynamic object)? toEncodable])
      : _toEncodable = toEncodable;

  String convert(Object? object) {
    if (_toEncodable == null) {
      final fast = _jsonEncodeNative(object, indent);
      if (fast != null) return fast;
    }
    final output = StringBuffer();
    final stringifier = indent == null
        ? _JsonStringifier(output, _toEncodable)
        : _JsonPrettyStringifier(output, _toEncodable, indent!);
    stringifier.writeObject(object);
    return output.toString();
  }

  ChunkedConversionSink<Object?> startChunkedConversion(Sink<String> sink) {
    return _JsonEncoderSink(
        sink is StringConversionSink ? sink : StringConversionSink.from(sink), _toEncodable, indent);
  }

  Stream<String> bind(Stream<Object?> stream) => super.bind(stream);

  Converter<Object?, T> fuse<T>(Converter<String, T> other) {
    if (other is Utf8Encoder) {
      return JsonUtf8Encoder(indent, _toEncodable) as Converter<Object?, T>;
    }
    return super.fuse<T>(other);
  }
}

final class JsonUtf8Encoder extends Converter<Object?, List<int>> {
  final String? _indent;
  final Object? Function(dynamic)? _toEncodable;

  final int _bufferSize;

  JsonUtf8Encoder([String? indent, Object? Function(dynamic object)? toEncodable, int? bufferSize])
      : _indent = indent,
        _toEncodable = toEncodable,
        _bufferSize = bufferSize ?? 256;

  List<int> convert(Object? object) {
    final encoder = _indent == null ? JsonEncoder(_toEncodable) : JsonEncoder.withIndent(_indent, _toEncodable);
    return utf8.encode(encoder.convert(object));
  }

  /// As the SDK's: the bytes go out in buffers of `bufferSize` (256 by default), so a
  /// small document is one chunk.
  ChunkedConversionSink<Object?> startChunkedConversion(Sink<List<int>> sink) =>
      _JsonUtf8EncoderSink(this, sink);

  Stream<List<int>> bind(Stream<Object?> stream) => super.bind(stream);
}

class _JsonUtf8EncoderSink extends ChunkedConversionSink<Object?> {
  final JsonUtf8Encoder _encoder;
  final Sink<List<int>> _sink;
  bool _isDone = false;

  _JsonUtf8EncoderSink(this._encoder, this._sink);

  void add(Object? o) {
    if (_isDone) {
      throw StateError("Only one call to add allowed");
    }
    _isDone = true;
    final bytes = _encoder.convert(o);
    final size = _encoder._bufferSize;
    for (var start = 0; start < bytes.length; start += size) {
      final end = start + size < bytes.length ? start + size : bytes.length;
      _sink.add(bytes.sublist(start, end));
    }
  }

  void close() {
    _sink.close();
  }
}

class _JsonEncoderSink extends ChunkedConversionSink<Object?> {
  final String? _indent;
  final Object? Function(dynamic)? _toEncodable;
  final StringConversionSink _sink;
  bool _isDone = false;

  _JsonEncoderSink(this._sink, this._toEncodable, this._indent);

  void add(Object? o) {
    if (_isDone) {
      throw StateError("Only one call to add allowed");
    }
    _isDone = true;
    // As the SDK: the stringifier writes its pieces through `asStringSink`, so the
    // chunks the sink receives are the same.
    final stringSink = _sink.asStringSink();
    final indent = _indent;
    final stringifier = indent == null
        ? _JsonStringifier(stringSink, _toEncodable)
        : _JsonPrettyStringifier(stringSink, _toEncodable, indent);
    stringifier._pieceByPiece = true;
    stringifier.writeObject(o);
    stringSink.close();
  }

  void close() {}
}

final class JsonDecoder extends Converter<String, Object?> {
  final Object? Function(Object? key, Object? value)? _reviver;

  const JsonDecoder([Object? Function(Object? key, Object? value)? reviver]) : _reviver = reviver;

  dynamic convert(String input) {
    final result = _jsonDecode(input);
    final reviver = _reviver;
    if (reviver == null) return result;
    return reviver(null, _revive(result, reviver));
  }

  StringConversionSink startChunkedConversion(Sink<Object?> sink) {
    return _JsonDecoderSink(this, sink);
  }

  Stream<Object?> bind(Stream<String> stream) => super.bind(stream);
}

/// Calls `reviver` on every list element and map value, innermost first and in source
/// order, as the SDK's parser does while it builds the result.
Object? _revive(Object? value, Object? Function(Object? key, Object? value) reviver) {
  if (value is List) {
    for (int i = 0; i < value.length; i++) {
      value[i] = reviver(i, _revive(value[i], reviver));
    }
  } else if (value is Map) {
    for (final key in value.keys.toList()) {
      value[key] = reviver(key, _revive(value[key], reviver));
    }
  }
  return value;
}

/// Chunked JSON decoding: the chunks are collected and parsed as one text at close.
class _JsonDecoderSink extends StringConversionSinkBase {
  final JsonDecoder _decoder;
  final Sink<Object?> _sink;
  final StringBuffer _buffer = StringBuffer();

  _JsonDecoderSink(this._decoder, this._sink);

  void addSlice(String chunk, int start, int end, bool isLast) {
    _buffer.write(chunk.substring(start, end));
    if (isLast) close();
  }

  void close() {
    final text = _buffer.toString();
    _buffer.clear();
    _sink.add(_decoder.convert(text));
    _sink.close();
  }
}

dynamic _defaultToEncodable(dynamic object) => object.toJson();

/// The SDK's `_JsonStringifier` writing to a StringSink.
class _JsonStringifier {
  final StringSink _sink;
  final List _seen = [];
  final Function(dynamic) _toEncodable;

  _JsonStringifier(this._sink, Object? Function(dynamic o)? toEncodable)
      : _toEncodable = toEncodable ?? _defaultToEncodable;

  String? get _partialResult => _sink is StringBuffer ? _sink.toString() : null;

  void writeString(String characters) {
    _sink.write(characters);
  }

  void writeNumber(num number) {
    _sink.write(number.toString());
  }

  /// Whether to write strings in the SDK's pieces (slices and escape characters), for
  /// chunked encoding where the pieces are visible.
  bool _pieceByPiece = false;

  void writeStringContent(String s) {
    if (_pieceByPiece) {
      _writeStringPieces(s);
    } else {
      _sink.write(_jsonEscape(s));
    }
  }

  static int _hexDigit(int x) => x < 10 ? 48 + x : 87 + x;

  /// The SDK's `writeStringContent`, piece by piece.
  void _writeStringPieces(String s) {
    var offset = 0;
    final length = s.length;
    void escape(int i, List<int> chars) {
      if (i > offset) _sink.write(s.substring(offset, i));
      offset = i + 1;
      for (final c in chars) {
        _sink.writeCharCode(c);
      }
    }

    for (var i = 0; i < length; i++) {
      final c = s.codeUnitAt(i);
      if (c > 0x5c) {
        if (c >= 0xd800) {
          final lead = (c & 0xfc00) == 0xd800;
          final trail = (c & 0xfc00) == 0xdc00;
          final paired = lead
              ? i + 1 < length && (s.codeUnitAt(i + 1) & 0xfc00) == 0xdc00
              : i - 1 >= 0 && (s.codeUnitAt(i - 1) & 0xfc00) == 0xd800;
          if ((lead || trail) && !paired) {
            escape(i, [0x5c, 0x75, 0x64, _hexDigit((c >> 8) & 0xf), _hexDigit((c >> 4) & 0xf), _hexDigit(c & 0xf)]);
          }
        }
        continue;
      }
      if (c < 32) {
        switch (c) {
          case 0x08:
            escape(i, [0x5c, 0x62]);
          case 0x09:
            escape(i, [0x5c, 0x74]);
          case 0x0a:
            escape(i, [0x5c, 0x6e]);
          case 0x0c:
            escape(i, [0x5c, 0x66]);
          case 0x0d:
            escape(i, [0x5c, 0x72]);
          default:
            escape(i, [0x5c, 0x75, 0x30, 0x30, _hexDigit((c >> 4) & 0xf), _hexDigit(c & 0xf)]);
        }
      } else if (c == 0x22 || c == 0x5c) {
        escape(i, [0x5c, c]);
      }
    }
    if (offset == 0) {
      _sink.write(s);
    } else if (offset < length) {
      _sink.write(s.substring(offset, length));
    }
  }

  void _checkCycle(Object? object) {
    for (var i = 0; i < _seen.length; i++) {
      if (identical(object, _seen[i])) {
        throw JsonCyclicError(object);
      }
    }
    _seen.add(object);
  }

  void _removeSeen(Object? object) {
    _seen.removeLast();
  }

  void writeObject(Object? object) {
    if (writeJsonValue(object)) return;
    _checkCycle(object);
    try {
      var customJson = _toEncodable(object);
      if (!writeJsonValue(customJson)) {
        throw JsonUnsupportedObjectError(object, partialResult: _partialResult);
      }
      _removeSeen(object);
    } catch (e) {
      throw JsonUnsupportedObjectError(object, cause: e, partialResult: _partialResult);
    }
  }

  bool writeJsonValue(Object? object) {
    if (object is num) {
      if (!object.isFinite) return false;
      writeNumber(object);
      return true;
    } else if (identical(object, true)) {
      writeString('true');
      return true;
    } else if (identical(object, false)) {
      writeString('false');
      return true;
    } else if (object == null) {
      writeString('null');
      return true;
    } else if (object is String) {
      writeString('"');
      writeStringContent(object);
      writeString('"');
      return true;
    } else if (object is List) {
      _checkCycle(object);
      writeList(object);
      _removeSeen(object);
      return true;
    } else if (object is Map) {
      _checkCycle(object);
      var success = writeMap(object);
      _removeSeen(object);
      return success;
    } else {
      return false;
    }
  }

  void writeList(List<Object?> list) {
    writeString('[');
    if (list.isNotEmpty) {
      writeObject(list[0]);
      for (var i = 1; i < list.length; i++) {
        writeString(',');
        writeObject(list[i]);
      }
    }
    writeString(']');
  }

  /// The map's keys and values, alternating, or null when a key is not a String.
  List<Object?>? _keyValues(Map<Object?, Object?> map) {
    var keyValueList = List<Object?>.filled(map.length * 2, null);
    var i = 0;
    var allStringKeys = true;
    map.forEach((key, value) {
      if (key is! String) {
        allStringKeys = false;
      }
      keyValueList[i++] = key;
      keyValueList[i++] = value;
    });
    return allStringKeys ? keyValueList : null;
  }

  bool writeMap(Map<Object?, Object?> map) {
    if (map.isEmpty) {
      writeString("{}");
      return true;
    }
    final keyValueList = _keyValues(map);
    if (keyValueList == null) return false;
    writeString('{');
    var separator = '"';
    for (var i = 0; i < keyValueList.length; i += 2) {
      writeString(separator);
      separator = ',"';
      writeStringContent(keyValueList[i] as String);
      writeString('":');
      writeObject(keyValueList[i + 1]);
    }
    writeString('}');
    return true;
  }
}

class _JsonPrettyStringifier extends _JsonStringifier {
  final String _indent;
  int _indentLevel = 0;

  _JsonPrettyStringifier(StringSink sink, Object? Function(dynamic o)? toEncodable, this._indent)
      : super(sink, toEncodable);

  void writeIndentation(int count) {
    for (var i = 0; i < count; i++) {
      writeString(_indent);
    }
  }

  void writeList(List<Object?> list) {
    if (list.isEmpty) {
      writeString('[]');
    } else {
      writeString('[\n');
      _indentLevel++;
      writeIndentation(_indentLevel);
      writeObject(list[0]);
      for (var i = 1; i < list.length; i++) {
        writeString(',\n');
        writeIndentation(_indentLevel);
        writeObject(list[i]);
      }
      writeString('\n');
      _indentLevel--;
      writeIndentation(_indentLevel);
      writeString(']');
    }
  }

  bool writeMap(Map<Object?, Object?> map) {
    if (map.isEmpty) {
      writeString("{}");
      return true;
    }
    final keyValueList = _keyValues(map);
    if (keyValueList == null) return false;
    writeString('{\n');
    _indentLevel++;
    var separator = "";
    for (var i = 0; i < keyValueList.length; i += 2) {
      writeString(separator);
      separator = ",\n";
      writeIndentation(_indentLevel);
      writeString('"');
      writeStringContent(keyValueList[i] as String);
      writeString('": ');
      writeObject(keyValueList[i + 1]);
    }
    writeString('\n');
    _indentLevel--;
    writeIndentation(_indentLevel);
    writeString('}');
    return true;
  }
}
