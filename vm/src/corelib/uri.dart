// dart:core's Uri for dartrs: RFC 3986 parsing and building with the Dart SDK's
// normalisations (sdk/lib/core/uri.dart): lower-case scheme and host, default ports
// dropped, percent-escapes of unreserved characters decoded and others upper-cased, invalid
// characters escaped as UTF-8, dot segments removed, `file:` URIs with an empty authority.
// `data:` URIs go through UriData (uri_data.dart); Windows paths follow the SDK's rules.

part of dart.core;

const int _uriPercent = 0x25;
const int _uriSlash = 0x2F;

bool _isAlpha(int c) => (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
bool _isDigit(int c) => c >= 0x30 && c <= 0x39;

/// RFC 3986 unreserved: letters, digits, `-._~`.
bool _isUnreserved(int c) =>
    _isAlpha(c) || _isDigit(c) || c == 0x2D || c == 0x2E || c == 0x5F || c == 0x7E;

/// `!$&'()*+,;=`
bool _isSubDelim(int c) =>
    c == 0x21 || c == 0x24 || (c >= 0x26 && c <= 0x2C) || c == 0x3B || c == 0x3D;

bool _isPChar(int c) => _isUnreserved(c) || _isSubDelim(c) || c == 0x3A || c == 0x40;
bool _isPathChar(int c) => _isPChar(c) || c == _uriSlash;
bool _isQueryChar(int c) => _isPChar(c) || c == _uriSlash || c == 0x3F;
bool _isUserInfoChar(int c) => _isUnreserved(c) || _isSubDelim(c) || c == 0x3A;
bool _isRegNameChar(int c) => _isUnreserved(c) || _isSubDelim(c);
bool _isSchemeChar(int c) =>
    _isAlpha(c) || _isDigit(c) || c == 0x2B || c == 0x2D || c == 0x2E;

/// RFC 2396 unreserved (what `encodeComponent` leaves alone): adds `!*'()`.
bool _isComponentChar(int c) =>
    _isUnreserved(c) || c == 0x21 || c == 0x2A || c == 0x27 || c == 0x28 || c == 0x29;

/// Characters `encodeFull` leaves alone: alphanumerics and `!#$&'()*+,-./:;=?@_~`.
bool _isFullChar(int c) =>
    _isUnreserved(c) ||
    _isSubDelim(c) ||
    c == 0x23 ||
    c == 0x2F ||
    c == 0x3A ||
    c == 0x3F ||
    c == 0x40;

const String _hexDigits = "0123456789ABCDEF";

int _hexValue(int c) {
  if (_isDigit(c)) return c - 0x30;
  final l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

/// The UTF-8 bytes of the code point starting at `s[i]` (a lone surrogate is U+FFFD).
List<int> _utf8Of(String s, int i) {
  var c = s.codeUnitAt(i);
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
    final d = s.codeUnitAt(i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
  } else if (c >= 0xD800 && c <= 0xDFFF) {
    c = 0xFFFD;
  }
  if (c < 0x80) return <int>[c];
  if (c < 0x800) return <int>[0xC0 | (c >> 6), 0x80 | (c & 0x3F)];
  if (c < 0x10000) {
    return <int>[0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)];
  }
  return <int>[
    0xF0 | (c >> 18),
    0x80 | ((c >> 12) & 0x3F),
    0x80 | ((c >> 6) & 0x3F),
    0x80 | (c & 0x3F)
  ];
}

void _writeEscaped(StringBuffer sb, int byte) {
  sb.writeCharCode(_uriPercent);
  sb.writeCharCode(_hexDigits.codeUnitAt(byte >> 4));
  sb.writeCharCode(_hexDigits.codeUnitAt(byte & 0xF));
}

/// Escapes every code point of `s` that `keep` rejects (as UTF-8), `%` included.
String _uriEncode(String s, bool Function(int) keep, bool spaceToPlus) {
  final sb = StringBuffer();
  for (var i = 0; i < s.length; i++) {
    final c = s.codeUnitAt(i);
    if (c < 0x80 && keep(c)) {
      sb.writeCharCode(c);
    } else if (spaceToPlus && c == 0x20) {
      sb.write('+');
    } else {
      final bytes = _utf8Of(s, i);
      if (bytes.length == 4) i++;
      for (final b in bytes) {
        _writeEscaped(sb, b);
      }
    }
  }
  return sb.toString();
}

/// Normalises an already-encoded component: valid characters stay, escapes of
/// unreserved characters are decoded (others upper-cased), a `%` without two hex
/// digits and every other character are escaped.
String _uriNormalize(String s, bool Function(int) valid, {bool lowerCase = false}) {
  final sb = StringBuffer();
  for (var i = 0; i < s.length; i++) {
    final c = s.codeUnitAt(i);
    if (c == _uriPercent) {
      final hi = i + 2 < s.length ? _hexValue(s.codeUnitAt(i + 1)) : -1;
      final lo = i + 2 < s.length ? _hexValue(s.codeUnitAt(i + 2)) : -1;
      if (hi < 0 || lo < 0) {
        sb.write('%25');
        continue;
      }
      final v = hi * 16 + lo;
      if (v < 0x80 && _isUnreserved(v)) {
        sb.writeCharCode(lowerCase && v >= 0x41 && v <= 0x5A ? v | 0x20 : v);
      } else {
        _writeEscaped(sb, v);
      }
      i += 2;
    } else if (c < 0x80 && valid(c)) {
      sb.writeCharCode(lowerCase && c >= 0x41 && c <= 0x5A ? c | 0x20 : c);
    } else {
      final bytes = _utf8Of(s, i);
      if (bytes.length == 4) i++;
      for (final b in bytes) {
        _writeEscaped(sb, b);
      }
    }
  }
  return sb.toString();
}

/// Decodes `%XX` escapes (the bytes as UTF-8) and, with `plusIsSpace`, `+`.
String _uriDecode(String s, bool plusIsSpace) {
  if (!s.contains('%') && !(plusIsSpace && s.contains('+'))) return s;
  final bytes = <int>[];
  for (var i = 0; i < s.length; i++) {
    final c = s.codeUnitAt(i);
    if (c == _uriPercent) {
      final hi = i + 2 < s.length ? _hexValue(s.codeUnitAt(i + 1)) : -1;
      final lo = i + 2 < s.length ? _hexValue(s.codeUnitAt(i + 2)) : -1;
      if (hi < 0 || lo < 0) throw ArgumentError("Illegal percent encoding in URI");
      bytes.add(hi * 16 + lo);
      i += 2;
    } else if (plusIsSpace && c == 0x2B) {
      bytes.add(0x20);
    } else if (c < 0x80) {
      bytes.add(c);
    } else {
      final b = _utf8Of(s, i);
      if (b.length == 4) i++;
      bytes.addAll(b);
    }
  }
  return _decodeUtf8Lenient(bytes);
}

/// UTF-8 to a string, malformed sequences as U+FFFD.
String _decodeUtf8Lenient(List<int> bytes) {
  final sb = StringBuffer();
  var i = 0;
  while (i < bytes.length) {
    final b = bytes[i];
    var need = 0;
    var c = 0;
    if (b < 0x80) {
      c = b;
    } else if (b >= 0xC2 && b < 0xE0) {
      need = 1;
      c = b & 0x1F;
    } else if (b >= 0xE0 && b < 0xF0) {
      need = 2;
      c = b & 0x0F;
    } else if (b >= 0xF0 && b < 0xF5) {
      need = 3;
      c = b & 0x07;
    } else {
      sb.writeCharCode(0xFFFD);
      i++;
      continue;
    }
    var ok = true;
    for (var k = 1; ok && k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xC0) != 0x80) {
        ok = false;
      } else {
        c = (c << 6) | (bytes[i + k] & 0x3F);
      }
    }
    if (!ok) {
      sb.writeCharCode(0xFFFD);
      i++;
      continue;
    }
    sb.writeCharCode(c);
    i += need + 1;
  }
  return sb.toString();
}

int _defaultPortOf(String scheme) {
  if (scheme == "http") return 80;
  if (scheme == "https") return 443;
  return 0;
}

bool _mayContainDotSegments(String path) =>
    path.startsWith('.') || path.contains('/.');

String _removeDotSegments(String path) {
  if (!_mayContainDotSegments(path)) return path;
  final output = <String>[];
  var appendSlash = false;
  for (final segment in path.split("/")) {
    appendSlash = false;
    if (segment == "..") {
      if (output.isNotEmpty) {
        output.removeLast();
        if (output.isEmpty) output.add("");
      }
      appendSlash = true;
    } else if (segment == ".") {
      appendSlash = true;
    } else {
      output.add(segment);
    }
  }
  if (appendSlash) output.add("");
  return output.join("/");
}

/// A relative path keeps leading `..` segments; a first segment that would read as a
/// scheme (`c:`) has its `:` escaped.
String _normalizeRelativePath(String path) {
  String escapeScheme(String first) {
    if (first.contains(':')) {
      final colon = first.indexOf(':');
      var looksLikeScheme = colon > 0 && _isAlpha(first.codeUnitAt(0));
      for (var i = 1; looksLikeScheme && i < colon; i++) {
        looksLikeScheme = _isSchemeChar(first.codeUnitAt(i));
      }
      if (looksLikeScheme) return "${first.substring(0, colon)}%3A${first.substring(colon + 1)}";
    }
    return first;
  }

  if (!_mayContainDotSegments(path)) {
    final slash = path.indexOf('/');
    return slash < 0
        ? escapeScheme(path)
        : escapeScheme(path.substring(0, slash)) + path.substring(slash);
  }
  final output = <String>[];
  var appendSlash = false;
  for (final segment in path.split("/")) {
    appendSlash = false;
    if (segment == "..") {
      if (output.isNotEmpty && output.last != "..") {
        output.removeLast();
        appendSlash = true;
      } else {
        output.add("..");
      }
    } else if (segment == ".") {
      appendSlash = true;
    } else {
      output.add(segment);
    }
  }
  if (output.isEmpty || (output.length == 1 && output[0].isEmpty)) return "./";
  if (appendSlash || output.last == '..') output.add("");
  output[0] = escapeScheme(output[0]);
  return output.join("/");
}

String _normalizePathFor(String path, String scheme, bool hasAuthority) {
  final isFile = scheme == "file";
  var result = path;
  if (result.isEmpty) {
    if (isFile) return "/";
  } else if ((isFile || hasAuthority) && !result.startsWith('/')) {
    result = "/$result";
  }
  if (scheme.isEmpty && !hasAuthority && !result.startsWith('/')) {
    return _normalizeRelativePath(result);
  }
  return _removeDotSegments(result);
}

String _checkScheme(String scheme) {
  if (scheme.isEmpty) return scheme;
  if (!_isAlpha(scheme.codeUnitAt(0))) {
    throw FormatException("Scheme not starting with alphabetic character", scheme, 0);
  }
  for (var i = 1; i < scheme.length; i++) {
    if (!_isSchemeChar(scheme.codeUnitAt(i))) {
      throw FormatException("Illegal scheme character", scheme, i);
    }
  }
  return scheme.toLowerCase();
}

/// A host as written: `[...]` is an IPv6 address; with [bracketIPv6] (the `Uri`
/// constructor's host argument), a host containing `:` is one too and gets brackets.
String _makeHost(String host, {bool bracketIPv6 = false}) {
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) throw FormatException("Missing end `]` to match `[` in host", host, 0);
    Uri.parseIPv6Address(host, 1, host.length - 1);
    return host.toLowerCase();
  }
  if (bracketIPv6 && host.contains(':')) {
    Uri.parseIPv6Address(host);
    return "[${host.toLowerCase()}]";
  }
  return _uriNormalize(host, _isRegNameChar, lowerCase: true);
}

String _queryFromParameters(Map<String, dynamic> parameters) {
  final sb = StringBuffer();
  var separator = "";
  void writeParameter(String key, String? value) {
    sb.write(separator);
    separator = "&";
    sb.write(_uriEncode(key, _isUnreserved, true));
    if (value != null && value.isNotEmpty) {
      sb.write("=");
      sb.write(_uriEncode(value, _isUnreserved, true));
    }
  }

  parameters.forEach((key, value) {
    if (value == null || value is String) {
      writeParameter(key, value as String?);
    } else {
      for (final v in value as Iterable) {
        writeParameter(key, v as String);
      }
    }
  });
  return sb.toString();
}

class Uri {
  final String scheme;
  final String _userInfo;
  final String? _host;
  final int? _port;
  final String path;
  final String? _query;
  final String? _fragment;

  Uri._internal(this.scheme, this._userInfo, this._host, this._port, this.path, this._query,
      this._fragment);

  factory Uri(
      {String? scheme,
      String? userInfo,
      String? host,
      int? port,
      String? path,
      Iterable<String>? pathSegments,
      String? query,
      Map<String, dynamic>? queryParameters,
      String? fragment}) {
    final s = _checkScheme(scheme ?? "");
    final info = _uriNormalize(userInfo ?? "", _isUserInfoChar);
    String? h = host == null ? null : _makeHost(host, bracketIPv6: true);
    if (h == null && (info.isNotEmpty || port != null || s == "file")) h = "";
    if (port != null && (port < 0 || port > 65535)) {
      throw RangeError.range(port, 0, 65535, "port");
    }
    final p = port == _defaultPortOf(s) ? null : port;
    if (path != null && pathSegments != null) {
      throw ArgumentError('Both path and pathSegments specified');
    }
    var encodedPath = path != null
        ? _uriNormalize(path, _isPathChar)
        : (pathSegments ?? const <String>[])
            .map((segment) => _uriEncode(segment, _isPChar, false))
            .join("/");
    encodedPath = _normalizePathFor(encodedPath, s, h != null);
    // A path starting with `//` would read as an authority: the URI gets an empty one.
    if (h == null && encodedPath.startsWith("//")) h = "";
    if (query != null && queryParameters != null) {
      throw ArgumentError('Both query and queryParameters specified');
    }
    final q = query != null
        ? _uriNormalize(query, _isQueryChar)
        : (queryParameters == null ? null : _queryFromParameters(queryParameters));
    final f = fragment == null ? null : _uriNormalize(fragment, _isQueryChar);
    return Uri._internal(s, info, h, p, encodedPath, q, f);
  }

  factory Uri.http(String authority, [String unencodedPath = "", Map<String, dynamic>? queryParameters]) =>
      _webUri("http", authority, unencodedPath, queryParameters);

  factory Uri.https(String authority, [String unencodedPath = "", Map<String, dynamic>? queryParameters]) =>
      _webUri("https", authority, unencodedPath, queryParameters);

  static Uri _webUri(String scheme, String authority, String unencodedPath,
      Map<String, dynamic>? queryParameters) {
    final parsed = Uri.parse("$scheme://$authority");
    if (parsed.path.isNotEmpty || parsed.hasQuery || parsed.hasFragment) {
      throw FormatException("Invalid authority", authority);
    }
    final noAuthority = authority.isEmpty;
    return Uri(
        scheme: scheme,
        userInfo: noAuthority ? null : parsed.userInfo,
        host: noAuthority ? null : parsed._host,
        port: noAuthority ? null : parsed._port,
        pathSegments: unencodedPath.split("/"),
        queryParameters: queryParameters);
  }

  factory Uri.file(String path, {bool? windows}) => _fileUri(path, windows, false);

  factory Uri.directory(String path, {bool? windows}) => _fileUri(path, windows, true);

  static Uri _fileUri(String path, bool? windows, bool slashTerminated) {
    if (windows == true) return _windowsFileUri(path, slashTerminated);
    final segments = path.split("/");
    if (slashTerminated && segments.isNotEmpty && segments.last.isNotEmpty) segments.add("");
    if (path.startsWith("/")) return Uri(scheme: "file", pathSegments: segments);
    return Uri(pathSegments: segments);
  }

  /// `Uri.file(path, windows: true)`: drive letters, UNC hosts and `\\?\` prefixes.
  static Uri _windowsFileUri(String path, bool slashTerminated) {
    const sep = r"\";
    if (path.startsWith(r"\\?\")) {
      if (path.startsWith(r"UNC\", 4)) {
        path = path.replaceRange(0, 7, sep);
      } else {
        path = path.substring(4);
        if (path.length < 3 || path.codeUnitAt(1) != 0x3A || path.codeUnitAt(2) != 0x5C) {
          throw ArgumentError.value(
              path, "path", r"Windows paths with \\?\ prefix must be absolute");
        }
      }
    } else {
      path = path.replaceAll("/", sep);
    }
    List<String> segmentsOf(String text) {
      final segments = text.split(sep);
      if (slashTerminated && segments.isNotEmpty && segments.last.isNotEmpty) segments.add("");
      return segments;
    }

    if (path.length > 1 && path.codeUnitAt(1) == 0x3A) {
      _checkWindowsDriveLetter(path.codeUnitAt(0), true);
      if (path.length == 2 || path.codeUnitAt(2) != 0x5C) {
        throw ArgumentError.value(path, "path", "Windows paths with drive letter must be absolute");
      }
      final segments = segmentsOf(path);
      _checkWindowsPathCharacters(segments, true, 1);
      return Uri(scheme: "file", pathSegments: segments);
    }
    if (path.startsWith(sep) && path.startsWith(sep, 1)) {
      final pathStart = path.indexOf(sep, 2);
      final host = pathStart < 0 ? path.substring(2) : path.substring(2, pathStart);
      final segments = segmentsOf(pathStart < 0 ? "" : path.substring(pathStart + 1));
      _checkWindowsPathCharacters(segments, true, 0);
      return Uri(scheme: "file", host: host, pathSegments: segments);
    }
    final segments = segmentsOf(path);
    _checkWindowsPathCharacters(segments, true, 0);
    if (path.startsWith(sep)) return Uri(scheme: "file", pathSegments: segments);
    return Uri(pathSegments: segments);
  }

  static void _checkWindowsPathCharacters(List<String> segments, bool argumentError, int first) {
    for (final segment in segments.skip(first)) {
      for (var i = 0; i < segment.length; i++) {
        if ('"*/:<>?\\|'.contains(segment[i])) {
          if (argumentError) throw ArgumentError("Illegal character in path");
          throw UnsupportedError("Illegal character in path: $segment");
        }
      }
    }
  }

  static void _checkWindowsDriveLetter(int c, bool argumentError) {
    if (_isAlpha(c)) return;
    final message = "Illegal drive letter ${String.fromCharCode(c)}";
    if (argumentError) throw ArgumentError(message);
    throw UnsupportedError(message);
  }

  factory Uri.dataFromString(String content,
          {String? mimeType,
          Object? encoding,
          Map<String, String>? parameters,
          bool base64 = false}) =>
      UriData.fromString(content,
              mimeType: mimeType, encoding: encoding, parameters: parameters, base64: base64)
          .uri;

  factory Uri.dataFromBytes(List<int> bytes,
          {String mimeType = "application/octet-stream",
          Map<String, String>? parameters,
          bool percentEncoded = false}) =>
      UriData.fromBytes(bytes,
              mimeType: mimeType, parameters: parameters, percentEncoded: percentEncoded)
          .uri;

  /// The `data:` URI's structure, or null for other schemes.
  UriData? get data => scheme == "data" ? UriData.fromUri(this) : null;

  static List<int> parseIPv4Address(String host) => _parseIPv4(host, 0, host.length);

  static List<int> _parseIPv4(String host, int start, int end) {
    Never error(String message, int position) =>
        throw FormatException("Illegal IPv4 address, $message", host, position);
    final result = List<int>.filled(4, 0);
    var part = 0;
    var partStart = start;
    for (var i = start; i <= end; i++) {
      final atEnd = i == end;
      final c = atEnd ? 0x2E : host.codeUnitAt(i);
      if (c != 0x2E) {
        if (!_isDigit(c)) error("invalid character", i);
        continue;
      }
      if (part == 4 || (atEnd && part != 3) || (!atEnd && part == 3)) {
        error("IPv4 address should contain exactly 4 parts", i);
      }
      if (i == partStart) error("an IPv4 part can't be empty", i);
      final value = int.parse(host.substring(partStart, i));
      if (value > 255) error("each part must be in the range 0..255", partStart);
      result[part++] = value;
      partStart = i + 1;
    }
    return result;
  }

  static List<int> parseIPv6Address(String host, [int start = 0, int? end]) {
    end ??= host.length;
    Never error(String message, [int? position]) =>
        throw FormatException("Illegal IPv6 address, $message", host, position ?? start);
    if (end - start < 2) error("address is too short");
    final parts = <int>[];
    var wildcardSeen = false;
    var seenDot = false;
    var partStart = start;
    int parseHex(int from, int to) {
      if (to - from > 4) error("an IPv6 part can only contain a maximum of 4 hex digits", from);
      var value = 0;
      for (var i = from; i < to; i++) {
        final digit = _hexValue(host.codeUnitAt(i));
        if (digit < 0) error("invalid character", i);
        value = value * 16 + digit;
      }
      return value;
    }

    for (var i = start; i < end; i++) {
      final c = host.codeUnitAt(i);
      if (c == 0x3A) {
        if (i == start) {
          i++;
          if (i >= end || host.codeUnitAt(i) != 0x3A) error("invalid start colon.", i);
          partStart = i;
        }
        if (i == partStart) {
          if (wildcardSeen) error("only one wildcard `::` is allowed", i);
          wildcardSeen = true;
          parts.add(-1);
        } else {
          parts.add(parseHex(partStart, i));
        }
        partStart = i + 1;
      } else if (c == 0x2E) {
        seenDot = true;
      }
    }
    if (parts.isEmpty) error("too few parts");
    final atEnd = partStart == end;
    final isLastWildcard = parts.last == -1;
    if (atEnd && !isLastWildcard) error("expected a part after last `:`", end);
    if (!atEnd) {
      if (!seenDot) {
        parts.add(parseHex(partStart, end));
      } else {
        final v4 = _parseIPv4(host, partStart, end);
        parts.add((v4[0] << 8) | v4[1]);
        parts.add((v4[2] << 8) | v4[3]);
      }
    }
    if (wildcardSeen) {
      if (parts.length > 7) error("an address with a wildcard must have less than 7 parts");
    } else if (parts.length != 8) {
      error("an address without a wildcard must contain exactly 8 parts");
    }
    final bytes = List<int>.filled(16, 0);
    var index = 0;
    for (final value in parts) {
      if (value == -1) {
        final wildcardBytes = 9 - parts.length;
        for (var j = 0; j < wildcardBytes; j++) {
          bytes[index++] = 0;
          bytes[index++] = 0;
        }
      } else {
        bytes[index++] = value >> 8;
        bytes[index++] = value & 0xff;
      }
    }
    return bytes;
  }

  static Uri? tryParse(String uri, [int start = 0, int? end]) {
    try {
      return parse(uri, start, end);
    } on FormatException {
      return null;
    }
  }

  static Uri parse(String uri, [int start = 0, int? end]) {
    final text = uri.substring(start, end ?? uri.length);
    if (text.length >= 5 && text.substring(0, 5).toLowerCase() == "data:") {
      return UriData._parse(text.substring(5), 0, null).uri;
    }
    var i = 0;
    var scheme = "";
    // A scheme ends at the first ':' if no '/', '?' or '#' comes before it.
    for (var k = 0; k < text.length; k++) {
      final c = text.codeUnitAt(k);
      if (c == 0x3A) {
        if (k > 0) {
          scheme = _checkScheme(text.substring(0, k));
          i = k + 1;
        } else {
          throw FormatException("Invalid empty scheme", uri, start);
        }
        break;
      }
      if (c == _uriSlash || c == 0x3F || c == 0x23) break;
    }
    var userInfo = "";
    String? host;
    int? port;
    if (text.startsWith("//", i)) {
      var authEnd = i + 2;
      while (authEnd < text.length) {
        final c = text.codeUnitAt(authEnd);
        if (c == _uriSlash || c == 0x3F || c == 0x23) break;
        authEnd++;
      }
      var auth = text.substring(i + 2, authEnd);
      final at = auth.lastIndexOf('@');
      if (at >= 0) {
        userInfo = _uriNormalize(auth.substring(0, at), _isUserInfoChar);
        auth = auth.substring(at + 1);
      }
      final bracket = auth.lastIndexOf(']');
      final colon = auth.lastIndexOf(':');
      if (colon > bracket) {
        final digits = auth.substring(colon + 1);
        if (digits.isNotEmpty) {
          final parsed = int.tryParse(digits);
          if (parsed == null || digits.startsWith('+') || digits.startsWith('-')) {
            throw FormatException("Invalid port", uri, start + i + 2 + colon + 1);
          }
          port = parsed;
        }
        auth = auth.substring(0, colon);
      }
      host = _makeHost(auth);
      i = authEnd;
    } else if (scheme == "file") {
      host = "";
    }
    if (port != null && port == _defaultPortOf(scheme)) port = null;
    var pathEnd = i;
    while (pathEnd < text.length) {
      final c = text.codeUnitAt(pathEnd);
      if (c == 0x3F || c == 0x23) break;
      pathEnd++;
    }
    final path = _normalizePathFor(
        _uriNormalize(text.substring(i, pathEnd), _isPathChar), scheme, host != null);
    String? query;
    String? fragment;
    var rest = pathEnd;
    if (rest < text.length && text.codeUnitAt(rest) == 0x3F) {
      var queryEnd = text.indexOf('#', rest);
      if (queryEnd < 0) queryEnd = text.length;
      query = _uriNormalize(text.substring(rest + 1, queryEnd), _isQueryChar);
      rest = queryEnd;
    }
    if (rest < text.length) {
      fragment = _uriNormalize(text.substring(rest + 1), _isQueryChar);
    }
    return Uri._internal(scheme, userInfo, host, port, path, query, fragment);
  }

  String get userInfo => _userInfo;

  String get host {
    final h = _host;
    if (h == null) return "";
    if (h.startsWith('[')) return h.substring(1, h.length - 1);
    return h;
  }

  int get port => _port ?? _defaultPortOf(scheme);
  String get query => _query ?? "";
  String get fragment => _fragment ?? "";

  String get authority {
    if (_host == null) return "";
    final sb = StringBuffer();
    _writeAuthority(sb);
    return sb.toString();
  }

  bool get hasScheme => scheme.isNotEmpty;
  bool get hasAuthority => _host != null;
  bool get hasPort => _port != null;
  bool get hasQuery => _query != null;
  bool get hasFragment => _fragment != null;
  bool get hasEmptyPath => path.isEmpty;
  bool get hasAbsolutePath => path.startsWith('/');
  bool get isAbsolute => hasScheme && !hasFragment;

  bool isScheme(String scheme) => this.scheme == scheme.toLowerCase();

  String get origin {
    if (scheme.isEmpty || _host == null || _host == "") {
      throw StateError("Cannot use origin without a scheme: $this");
    }
    if (scheme != "http" && scheme != "https") {
      throw StateError("Origin is only applicable schemes http and https: $this");
    }
    return _port == null ? "$scheme://$_host" : "$scheme://$_host:$_port";
  }

  List<String> get pathSegments {
    var p = path;
    if (p.startsWith('/')) p = p.substring(1);
    if (p.isEmpty) return const <String>[];
    return List<String>.unmodifiable(p.split("/").map(decodeComponent));
  }

  Map<String, String> get queryParameters => Map<String, String>.unmodifiable(splitQueryString(query));

  Map<String, List<String>> get queryParametersAll {
    final out = <String, List<String>>{};
    if (query.isEmpty) return out;
    for (final element in query.split("&")) {
      final index = element.indexOf("=");
      if (index == -1) {
        if (element != "") out.putIfAbsent(decodeQueryComponent(element), () => <String>[]).add("");
      } else if (index != 0) {
        out
            .putIfAbsent(decodeQueryComponent(element.substring(0, index)), () => <String>[])
            .add(decodeQueryComponent(element.substring(index + 1)));
      }
    }
    return out;
  }

  void _writeAuthority(StringBuffer sb) {
    if (_userInfo.isNotEmpty) {
      sb.write(_userInfo);
      sb.write("@");
    }
    sb.write(_host ?? "");
    if (_port != null) {
      sb.write(":");
      sb.write(_port);
    }
  }

  String toString() {
    final sb = StringBuffer();
    if (scheme.isNotEmpty) {
      sb.write(scheme);
      sb.write(":");
    }
    if (_host != null || scheme == "file") {
      sb.write("//");
      _writeAuthority(sb);
    }
    sb.write(path);
    if (_query != null) {
      sb.write("?");
      sb.write(_query);
    }
    if (_fragment != null) {
      sb.write("#");
      sb.write(_fragment);
    }
    return sb.toString();
  }

  bool operator ==(Object other) => other is Uri && toString() == other.toString();

  int get hashCode => toString().hashCode;

  Uri replace(
      {String? scheme,
      String? userInfo,
      String? host,
      int? port,
      String? path,
      Iterable<String>? pathSegments,
      String? query,
      Map<String, dynamic>? queryParameters,
      String? fragment}) {
    final s = scheme ?? this.scheme;
    final keepPath = path == null && pathSegments == null;
    final keepQuery = query == null && queryParameters == null;
    return Uri(
        scheme: s,
        userInfo: userInfo ?? _userInfo,
        host: host ?? _host,
        port: port ?? (s == this.scheme ? _port : null),
        path: keepPath ? this.path : path,
        pathSegments: pathSegments,
        query: keepQuery ? _query : query,
        queryParameters: queryParameters,
        fragment: fragment ?? _fragment);
  }

  Uri removeFragment() =>
      _fragment == null ? this : Uri._internal(scheme, _userInfo, _host, _port, path, _query, null);

  Uri normalizePath() => this;

  Uri resolve(String reference) => resolveUri(Uri.parse(reference));

  /// RFC 3986 section 5.2.2.
  Uri resolveUri(Uri reference) {
    if (reference.hasScheme) {
      return Uri._internal(reference.scheme, reference._userInfo, reference._host,
          reference._port, _removeDotSegments(reference.path), reference._query,
          reference._fragment);
    }
    String? host;
    int? port;
    var info = "";
    String path;
    String? query;
    if (reference.hasAuthority) {
      info = reference._userInfo;
      host = reference._host;
      port = reference._port;
      path = _removeDotSegments(reference.path);
      query = reference._query;
    } else {
      info = _userInfo;
      host = _host;
      port = _port;
      if (reference.path.isEmpty) {
        path = this.path;
        query = reference.hasQuery ? reference._query : _query;
      } else {
        if (reference.hasAbsolutePath) {
          path = _removeDotSegments(reference.path);
        } else {
          final merged = (hasAuthority && this.path.isEmpty)
              ? "/${reference.path}"
              : this.path.substring(0, this.path.lastIndexOf('/') + 1) + reference.path;
          path = (hasScheme || hasAuthority || merged.startsWith('/'))
              ? _removeDotSegments(merged)
              : _normalizeRelativePath(merged);
        }
        query = reference._query;
      }
    }
    return Uri._internal(scheme, info, host, port, path, query, reference._fragment);
  }

  String toFilePath({bool? windows}) {
    if (scheme != "" && scheme != "file") {
      throw UnsupportedError("Cannot extract a file path from a $scheme URI");
    }
    if (query != "") {
      throw UnsupportedError("Cannot extract a file path from a URI with a query component");
    }
    if (fragment != "") {
      throw UnsupportedError("Cannot extract a file path from a URI with a fragment component");
    }
    if (windows == true) return _toWindowsFilePath();
    if (hasAuthority && host != "") {
      throw UnsupportedError(
          "Cannot extract a non-Windows file path from a file URI with an authority");
    }
    final segments = pathSegments;
    for (final segment in segments) {
      if (segment.contains("/")) {
        throw UnsupportedError("Illegal path character $segment");
      }
    }
    final sb = StringBuffer();
    if (hasAbsolutePath) sb.write("/");
    sb.writeAll(segments, "/");
    return sb.toString();
  }

  String _toWindowsFilePath() {
    final segments = pathSegments;
    var hasDriveLetter = false;
    if (segments.isNotEmpty && segments[0].length == 2 && segments[0].codeUnitAt(1) == 0x3A) {
      _checkWindowsDriveLetter(segments[0].codeUnitAt(0), false);
      _checkWindowsPathCharacters(segments, false, 1);
      hasDriveLetter = true;
    } else {
      _checkWindowsPathCharacters(segments, false, 0);
    }
    final sb = StringBuffer();
    if (hasAbsolutePath && !hasDriveLetter) sb.write(r"\");
    if (hasAuthority && host.isNotEmpty) {
      sb.write(r"\");
      sb.write(host);
      sb.write(r"\");
    }
    sb.writeAll(segments, r"\");
    if (hasDriveLetter && segments.length == 1) sb.write(r"\");
    return sb.toString();
  }

  static String encodeComponent(String component) =>
      _uriEncode(component, _isComponentChar, false);

  /// [encoding] is an `Encoding` (UTF-8 when omitted; see uri_data.dart for why the
  /// parameter is not typed so).
  static String encodeQueryComponent(String component, {Object? encoding}) {
    if (encoding == null || (encoding as dynamic).name == "utf-8") {
      return _uriEncode(component, _isUnreserved, true);
    }
    final sb = StringBuffer();
    for (final byte in _encodeCharset(component, encoding)) {
      if (byte < 0x80 && _isUnreserved(byte)) {
        sb.writeCharCode(byte);
      } else if (byte == 0x20) {
        sb.write("+");
      } else {
        _writeEscaped(sb, byte);
      }
    }
    return sb.toString();
  }

  static String decodeComponent(String encodedComponent) => _uriDecode(encodedComponent, false);

  static String decodeQueryComponent(String encodedComponent, {Object? encoding}) =>
      _uriDecodeWith(encodedComponent, 0, encodedComponent.length, encoding, true);

  static String encodeFull(String uri) => _uriEncode(uri, _isFullChar, false);

  static String decodeFull(String uri) => _uriDecode(uri, false);

  static Map<String, String> splitQueryString(String query, {Object? encoding}) {
    final map = <String, String>{};
    for (final element in query.split("&")) {
      final index = element.indexOf("=");
      if (index == -1) {
        if (element != "") map[decodeQueryComponent(element, encoding: encoding)] = "";
      } else if (index != 0) {
        map[decodeQueryComponent(element.substring(0, index), encoding: encoding)] =
            decodeQueryComponent(element.substring(index + 1), encoding: encoding);
      }
    }
    return map;
  }

  static Uri get base => Uri.directory(_currentDirectory());
}

@pragma('vm:external-name', 'Uri_currentDirectory')
external String _currentDirectory();
