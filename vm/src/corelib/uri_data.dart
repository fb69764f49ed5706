// dart:core's UriData for dartrs: `data:` URIs (RFC 2397) as the SDK models them. The
// text after `data:` is kept with the positions of its separators: the `;` or `,` ending
// the MIME type, then the `;` and `=` of each parameter, then the `;` of a `base64`
// marker if there is one, and last the `,` before the content.
//
// dart:core does not import dart:convert or dart:typed_data here, unlike the SDK: every
// program would then load and lower both (twice the cold start of hello world). So
// `Encoding` parameters are typed `Object?` and used dynamically, the default US-ASCII,
// UTF-8 and Latin-1 charsets and base64 have private implementations below, and
// `contentAsBytes` returns a `List<int>` (the SDK's returns a `Uint8List`).

part of dart.core;

/// The charsets `Encoding.getByName` knows, by their canonical name: `utf-8`,
/// `us-ascii`, `iso-8859-1`; null for others.
String? _canonicalCharset(String name) {
  switch (name.toLowerCase()) {
    case "utf-8":
    case "utf8":
      return "utf-8";
    case "us-ascii":
    case "ascii":
    case "iso-ir-6":
    case "ansi_x3.4-1968":
    case "ansi_x3.4-1986":
    case "iso_646.irv:1991":
    case "iso646-us":
    case "us":
    case "ibm367":
    case "cp367":
    case "csascii":
      return "us-ascii";
    case "iso-8859-1":
    case "iso_8859-1:1987":
    case "iso_8859-1":
    case "iso-ir-100":
    case "latin1":
    case "l1":
    case "ibm819":
    case "cp819":
    case "csisolatin1":
      return "iso-8859-1";
  }
  return null;
}

/// [content] as bytes: with [encoding] (an `Encoding`) if given, else as US-ASCII.
List<int> _encodeCharset(String content, Object? encoding) {
  if (encoding != null) return (encoding as dynamic).encode(content) as List<int>;
  for (var i = 0; i < content.length; i++) {
    if (content.codeUnitAt(i) > 0x7F) {
      throw ArgumentError.value(content, "string", "Contains invalid characters.");
    }
  }
  return content.codeUnits;
}

/// [bytes] as text in the charset [canonical] (see `_canonicalCharset`).
String _decodeCharset(List<int> bytes, String canonical) {
  if (canonical == "utf-8") return _decodeUtf8Lenient(bytes);
  final limit = canonical == "us-ascii" ? 0x7F : 0xFF;
  for (final byte in bytes) {
    if (byte < 0 || byte > limit) throw FormatException("Invalid value in input: $byte");
  }
  return String.fromCharCodes(bytes);
}

const String _base64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

String _base64Encode(List<int> bytes) {
  final sb = StringBuffer();
  for (var i = 0; i < bytes.length; i += 3) {
    final b0 = bytes[i];
    final b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    final b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    final triple = (b0 << 16) | (b1 << 8) | b2;
    sb.write(_base64Alphabet[(triple >> 18) & 63]);
    sb.write(_base64Alphabet[(triple >> 12) & 63]);
    sb.write(i + 1 < bytes.length ? _base64Alphabet[(triple >> 6) & 63] : "=");
    sb.write(i + 2 < bytes.length ? _base64Alphabet[triple & 63] : "=");
  }
  return sb.toString();
}

/// Decodes padded standard base64 (as `_normalizeBase64` leaves it).
List<int> _base64Decode(String text) {
  final bytes = <int>[];
  var bits = 0;
  var count = 0;
  for (var i = 0; i < text.length; i++) {
    final c = text.codeUnitAt(i);
    if (c == 0x3D) break;
    final value = _base64Alphabet.indexOf(text[i]);
    if (value < 0) throw FormatException("Invalid character", text, i);
    bits = (bits << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes.add((bits >> count) & 0xFF);
    }
  }
  return bytes;
}

/// RFC 2045 token characters, minus `%` and `#` (which a URI must escape).
bool _isMimeTokenChar(int c) =>
    _isAlpha(c) ||
    _isDigit(c) ||
    c == 0x21 ||
    c == 0x24 ||
    c == 0x26 ||
    c == 0x27 ||
    c == 0x2A ||
    c == 0x2B ||
    c == 0x2D ||
    c == 0x2E ||
    (c >= 0x5E && c <= 0x60) ||
    (c >= 0x7B && c <= 0x7E);

/// Writes [bytes], escaping every byte that [keep] rejects; a value that is not a byte
/// is an ArgumentError.
void _uriEncodeBytes(List<int> bytes, bool Function(int) keep, StringBuffer buffer) {
  for (final byte in bytes) {
    if (byte < 0 || byte > 255) throw ArgumentError.value(byte, "non-byte value");
    if (byte < 0x80 && keep(byte)) {
      buffer.writeCharCode(byte);
    } else {
      _writeEscaped(buffer, byte);
    }
  }
}

/// The bytes of `text[start..end)` with `%XX` escapes decoded; other characters must be
/// ASCII, and `+` is a space when [plusIsSpace].
List<int> _percentDecodedBytes(String text, int start, int end, bool plusIsSpace) {
  final bytes = <int>[];
  for (var i = start; i < end; i++) {
    final c = text.codeUnitAt(i);
    if (c > 0x7F) throw ArgumentError("Illegal percent encoding in URI");
    if (c == _uriPercent) {
      if (i + 2 >= end) throw ArgumentError("Invalid URL encoding");
      final hi = _hexValue(text.codeUnitAt(i + 1));
      final lo = _hexValue(text.codeUnitAt(i + 2));
      if (hi < 0 || lo < 0) throw ArgumentError("Invalid URL encoding");
      bytes.add(hi * 16 + lo);
      i += 2;
    } else {
      bytes.add(plusIsSpace && c == 0x2B ? 0x20 : c);
    }
  }
  return bytes;
}

/// `text[start..end)` percent-decoded and then decoded with [encoding] (an `Encoding`;
/// null is UTF-8).
String _uriDecodeWith(String text, int start, int end, Object? encoding, bool plusIsSpace) {
  if (encoding == null || (encoding as dynamic).name == "utf-8") {
    return _uriDecode(text.substring(start, end), plusIsSpace);
  }
  return (encoding as dynamic).decode(_percentDecodedBytes(text, start, end, plusIsSpace)) as String;
}

List<int> _utf8Bytes(String s) {
  final bytes = <int>[];
  for (var i = 0; i < s.length; i++) {
    final encoded = _utf8Of(s, i);
    if (encoded.length == 4) i++;
    bytes.addAll(encoded);
  }
  return bytes;
}

List<int> _latin1Bytes(String s) {
  for (var i = 0; i < s.length; i++) {
    if (s.codeUnitAt(i) > 0xFF) {
      throw ArgumentError.value(s, "string", "Contains invalid characters.");
    }
  }
  return s.codeUnits;
}

/// Base64 text with URL-safe letters and escaped `=` rewritten, and padding completed.
String _normalizeBase64(String source, int start) {
  final sb = StringBuffer();
  var i = start;
  while (i < source.length) {
    var c = source.codeUnitAt(i);
    if (c == _uriPercent && i + 2 < source.length) {
      final v = _hexValue(source.codeUnitAt(i + 1)) * 16 + _hexValue(source.codeUnitAt(i + 2));
      if (v == 0x3D || v == 0x2B || v == 0x2F) {
        c = v;
        i += 2;
      }
    }
    if (c == 0x2D) c = 0x2B;
    if (c == 0x5F) c = 0x2F;
    final valid = _isAlpha(c) || _isDigit(c) || c == 0x2B || c == 0x2F || c == 0x3D;
    if (!valid) throw FormatException("Invalid base64 data", source, i);
    sb.writeCharCode(c);
    i++;
  }
  final text = sb.toString();
  final body = text.replaceAll("=", "");
  final bodyEnd = text.indexOf("=");
  if (bodyEnd >= 0 && body.length != bodyEnd) {
    throw FormatException("Invalid base64 padding", source, start + bodyEnd);
  }
  if (body.length % 4 == 1) {
    throw FormatException("Invalid base64 encoding length ", source, source.length);
  }
  return body.length % 4 == 0 ? body : body.padRight(body.length + 4 - body.length % 4, "=");
}

final class UriData {
  static const int _noScheme = -1;

  /// The URI text, with `data:` when the first separator index is 4.
  final String _text;
  final List<int> _separatorIndices;
  Uri? _uriCache;

  UriData._(this._text, this._separatorIndices, this._uriCache);

  factory UriData.fromString(String content,
      {String? mimeType, Object? encoding, Map<String, String>? parameters, bool base64 = false}) {
    final buffer = StringBuffer();
    final indices = <int>[_noScheme];
    final charsetName = parameters?["charset"];
    String? encodingName;
    List<int> bytes;
    if (encoding != null) {
      if (charsetName == null) encodingName = (encoding as dynamic).name as String;
      bytes = _encodeCharset(content, encoding);
    } else if (charsetName != null && _canonicalCharset(charsetName) == "utf-8") {
      bytes = _utf8Bytes(content);
    } else if (charsetName != null && _canonicalCharset(charsetName) == "iso-8859-1") {
      bytes = _latin1Bytes(content);
    } else {
      bytes = _encodeCharset(content, null);
    }
    _writeUri(mimeType, encodingName, parameters, buffer, indices);
    indices.add(buffer.length);
    if (base64) {
      buffer.write(";base64,");
      indices.add(buffer.length - 1);
      buffer.write(_base64Encode(bytes));
    } else {
      buffer.write(",");
      _uriEncodeBytes(bytes, _isQueryChar, buffer);
    }
    return UriData._(buffer.toString(), indices, null);
  }

  factory UriData.fromBytes(List<int> bytes,
      {String mimeType = "application/octet-stream",
      Map<String, String>? parameters,
      bool percentEncoded = false}) {
    final buffer = StringBuffer();
    final indices = <int>[_noScheme];
    _writeUri(mimeType, null, parameters, buffer, indices);
    indices.add(buffer.length);
    if (percentEncoded) {
      buffer.write(",");
      _uriEncodeBytes(bytes, _isQueryChar, buffer);
    } else {
      buffer.write(";base64,");
      indices.add(buffer.length - 1);
      for (final byte in bytes) {
        if (byte < 0 || byte > 255) throw ArgumentError.value(byte, "non-byte value");
      }
      buffer.write(_base64Encode(bytes));
    }
    return UriData._(buffer.toString(), indices, null);
  }

  factory UriData.fromUri(Uri uri) {
    if (!uri.isScheme("data")) {
      throw ArgumentError.value(uri, "uri", "Scheme must be 'data'");
    }
    if (uri.hasAuthority) {
      throw ArgumentError.value(uri, "uri", "Data uri must not have authority");
    }
    if (uri.hasFragment) {
      throw ArgumentError.value(uri, "uri", "Data uri must not have a fragment part");
    }
    if (!uri.hasQuery) return _parse(uri.path, 0, uri);
    return _parse("$uri", 5, uri);
  }

  /// The media type part, from after `data:` to before the content's `,` or `;base64`.
  static void _writeUri(String? mimeType, String? charsetName, Map<String, String>? parameters,
      StringBuffer buffer, List<int> indices) {
    if (mimeType == null || mimeType.toLowerCase() == "text/plain") mimeType = "";
    if (mimeType.isEmpty || mimeType == "application/octet-stream") {
      buffer.write(mimeType);
    } else {
      final slash = _validateMimeType(mimeType);
      if (slash < 0) throw ArgumentError.value(mimeType, "mimeType", "Invalid MIME type");
      buffer.write(_uriEncode(mimeType.substring(0, slash), _isMimeTokenChar, false));
      buffer.write("/");
      buffer.write(_uriEncode(mimeType.substring(slash + 1), _isMimeTokenChar, false));
    }
    if (charsetName != null) {
      indices
        ..add(buffer.length)
        ..add(buffer.length + 8);
      buffer.write(";charset=");
      buffer.write(_uriEncode(charsetName, _isMimeTokenChar, false));
    }
    parameters?.forEach((key, value) {
      if (key.isEmpty) throw ArgumentError.value("", "Parameter names must not be empty");
      if (value.isEmpty) {
        throw ArgumentError.value("", "Parameter values must not be empty", 'parameters["$key"]');
      }
      indices.add(buffer.length);
      buffer.write(";");
      buffer.write(_uriEncode(key, _isMimeTokenChar, false));
      indices.add(buffer.length);
      buffer.write("=");
      buffer.write(_uriEncode(value, _isMimeTokenChar, false));
    });
  }

  /// The index of the only `/` in [mimeType], or -1 if there is not exactly one.
  static int _validateMimeType(String mimeType) {
    var slash = -1;
    for (var i = 0; i < mimeType.length; i++) {
      if (mimeType.codeUnitAt(i) != _uriSlash) continue;
      if (slash >= 0) return -1;
      slash = i;
    }
    return slash;
  }

  static UriData parse(String uri) {
    if (uri.length >= 5 && uri.substring(0, 5).toLowerCase() == "data:") {
      return uri.startsWith("data:") ? _parse(uri, 5, null) : _parse(uri.substring(5), 0, null);
    }
    throw FormatException("Does not start with 'data:'", uri, 0);
  }

  /// Finds the separators of `text[start..]` and normalizes the content: base64 is
  /// padded, other content has invalid characters escaped.
  static UriData _parse(String text, int start, Uri? sourceUri) {
    final indices = <int>[start - 1];
    var slash = -1;
    var char = -1;
    var i = start;
    for (; i < text.length; i++) {
      char = text.codeUnitAt(i);
      if (char == 0x2C || char == 0x3B) break;
      if (char == _uriSlash) {
        if (slash < 0) {
          slash = i;
          continue;
        }
        throw FormatException("Invalid MIME type", text, i);
      }
    }
    if (slash < 0 && i > start) throw FormatException("Invalid MIME type", text, i);
    while (char != 0x2C) {
      indices.add(i);
      i++;
      var equals = -1;
      for (; i < text.length; i++) {
        char = text.codeUnitAt(i);
        if (char == 0x3D) {
          if (equals < 0) equals = i;
        } else if (char == 0x3B || char == 0x2C) {
          break;
        }
      }
      if (equals >= 0) {
        indices.add(equals);
      } else {
        final last = indices.last;
        if (char != 0x2C || i != last + 7 || !text.startsWith("base64", last + 1)) {
          throw FormatException("Expecting '='", text, i);
        }
        break;
      }
      if (i >= text.length) throw FormatException("Expecting ','", text, i);
    }
    indices.add(i);
    final isBase64 = indices.length.isOdd;
    if (isBase64) {
      text = text.substring(0, i + 1) + _normalizeBase64(text, i + 1);
    } else {
      text = text.substring(0, i + 1) + _uriNormalize(text.substring(i + 1), _isQueryChar);
    }
    return UriData._(text, indices, sourceUri);
  }

  Uri get uri {
    final cached = _uriCache;
    if (cached != null) return cached;
    final colon = _separatorIndices[0];
    var end = _text.length;
    String? query;
    final queryIndex = _text.indexOf('?', colon + 1);
    if (queryIndex >= 0) {
      query = _uriNormalize(_text.substring(queryIndex + 1), _isQueryChar);
      end = queryIndex;
    }
    final path = _uriNormalize(_text.substring(colon + 1, end), _isPathChar);
    return _uriCache = Uri._internal("data", "", null, null, path, query, null);
  }

  String get mimeType {
    final start = _separatorIndices[0] + 1;
    final end = _separatorIndices[1];
    if (start == end) return "text/plain";
    return _uriDecode(_text.substring(start, end), false);
  }

  bool isMimeType(String mimeType) => this.mimeType.toLowerCase() == mimeType.toLowerCase();

  String get charset {
    var parameterEnd = _separatorIndices.length - 1;
    if (isBase64) parameterEnd -= 1;
    for (var i = 1; i < parameterEnd; i += 2) {
      final keyStart = _separatorIndices[i] + 1;
      final keyEnd = _separatorIndices[i + 1];
      if (keyEnd == keyStart + 7 && _text.startsWith("charset", keyStart)) {
        return _uriDecode(_text.substring(keyEnd + 1, _separatorIndices[i + 2]), false);
      }
    }
    return "US-ASCII";
  }

  bool isCharset(String charset) {
    final own = _canonicalCharset(this.charset);
    final other = _canonicalCharset(charset);
    if (own != null && other != null) return own == other;
    return this.charset.toLowerCase() == charset.toLowerCase();
  }

  /// Whether [encoding] (an `Encoding`) is this URI's charset.
  bool isEncoding(Object encoding) {
    final own = _canonicalCharset(charset);
    final name = (encoding as dynamic).name as String;
    return own != null && own == _canonicalCharset(name);
  }

  bool get isBase64 => _separatorIndices.length.isOdd;

  String get contentText => _text.substring(_separatorIndices.last + 1);

  List<int> contentAsBytes() {
    final start = _separatorIndices.last + 1;
    if (isBase64) return _base64Decode(_text.substring(start));
    final result = <int>[];
    for (var i = start; i < _text.length; i++) {
      final c = _text.codeUnitAt(i);
      if (c == _uriPercent && i + 2 < _text.length) {
        final hi = _hexValue(_text.codeUnitAt(i + 1));
        final lo = _hexValue(_text.codeUnitAt(i + 2));
        if (hi < 0 || lo < 0) throw FormatException("Invalid percent escape", _text, i);
        result.add(hi * 16 + lo);
        i += 2;
      } else if (c == _uriPercent) {
        throw FormatException("Invalid percent escape", _text, i);
      } else {
        result.add(c & 0xFF);
      }
    }
    return result;
  }

  /// The content decoded with [encoding] (an `Encoding`), or else with the URI's charset.
  String contentAsString({Object? encoding}) {
    final start = _separatorIndices.last + 1;
    if (encoding != null) {
      if (isBase64) {
        return (encoding as dynamic).decode(_base64Decode(_text.substring(start))) as String;
      }
      return _uriDecodeWith(_text, start, _text.length, encoding, false);
    }
    final name = charset;
    final canonical = _canonicalCharset(name);
    if (canonical == null) throw UnsupportedError("Unknown charset: $name");
    final bytes = isBase64
        ? _base64Decode(_text.substring(start))
        : _percentDecodedBytes(_text, start, _text.length, false);
    return _decodeCharset(bytes, canonical);
  }

  Map<String, String> get parameters {
    final result = <String, String>{};
    for (var i = 3; i < _separatorIndices.length; i += 2) {
      final start = _separatorIndices[i - 2] + 1;
      final equals = _separatorIndices[i - 1];
      final end = _separatorIndices[i];
      result[_uriDecode(_text.substring(start, equals), false)] =
          _uriDecode(_text.substring(equals + 1, end), false);
    }
    return result;
  }

  String toString() => _separatorIndices[0] == _noScheme ? "data:$_text" : _text;
}
