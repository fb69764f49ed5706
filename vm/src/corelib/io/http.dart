// dart:io HTTP for dartrs: an `HttpServer` and `HttpClient` subset over the runtime's
// hyper/tokio thread (vm/src/runtime/natives/io/http.rs), after the Dart SDK's
// sdk/lib/_http. Request and response bodies are read whole before they are delivered
// (a body stream has one chunk). Plain HTTP only: `https:` URLs throw UnsupportedError.

part of dart.io;

class InternetAddress {
  final String address;
  const InternetAddress._(this.address);

  factory InternetAddress(String address) => InternetAddress._(address);

  static const loopbackIPv4 = InternetAddress._('127.0.0.1');
  static const anyIPv4 = InternetAddress._('0.0.0.0');
  static const loopbackIPv6 = InternetAddress._('::1');
  static const anyIPv6 = InternetAddress._('::');

  String get host => address;
  bool get isLoopback => address == '127.0.0.1' || address == '::1';

  String toString() =>
      "InternetAddress('$address', ${address.contains(':') ? 'IPv6' : 'IPv4'})";
}

class SocketException implements IOException {
  final String message;
  final OSError? osError;
  final InternetAddress? address;
  final int? port;

  const SocketException(this.message, {this.osError, this.address, this.port});

  String toString() {
    final sb = StringBuffer("SocketException");
    if (message.isNotEmpty) {
      sb.write(": $message");
      if (osError != null) sb.write(" ($osError)");
    } else if (osError != null) {
      sb.write(": $osError");
    }
    if (address != null) sb.write(", address = ${address!.host}");
    if (port != null) sb.write(", port = $port");
    return sb.toString();
  }
}

class HttpException implements IOException {
  final String message;
  const HttpException(this.message);
  String toString() => "HttpException: $message";
}

abstract final class HttpStatus {
  static const int continue_ = 100;
  static const int ok = 200;
  static const int created = 201;
  static const int accepted = 202;
  static const int noContent = 204;
  static const int movedPermanently = 301;
  static const int found = 302;
  static const int movedTemporarily = 302;
  static const int seeOther = 303;
  static const int temporaryRedirect = 307;
  static const int permanentRedirect = 308;
  static const int notModified = 304;
  static const int badRequest = 400;
  static const int unauthorized = 401;
  static const int forbidden = 403;
  static const int notFound = 404;
  static const int methodNotAllowed = 405;
  static const int conflict = 409;
  static const int unprocessableEntity = 422;
  static const int internalServerError = 500;
  static const int notImplemented = 501;
  static const int serviceUnavailable = 503;
}

class ContentType {
  final String primaryType;
  final String subType;
  final String? charset;

  ContentType(this.primaryType, this.subType, {this.charset});

  static final text = ContentType("text", "plain", charset: "utf-8");
  static final html = ContentType("text", "html", charset: "utf-8");
  static final json = ContentType("application", "json", charset: "utf-8");
  static final binary = ContentType("application", "octet-stream");

  String get mimeType => "$primaryType/$subType";

  /// `type/subtype` with an optional `; charset=...` (other parameters are dropped).
  static ContentType parse(String value) {
    final parts = value.split(';');
    final mime = parts[0].trim().split('/');
    String? charset;
    for (final p in parts.skip(1)) {
      final kv = p.split('=');
      if (kv.length == 2 && kv[0].trim().toLowerCase() == 'charset') {
        charset = kv[1].trim().toLowerCase();
      }
    }
    return ContentType(mime[0].toLowerCase(), mime.length > 1 ? mime[1].toLowerCase() : '',
        charset: charset);
  }

  String toString() => charset == null ? mimeType : "$mimeType; charset=$charset";
}

/// Header names are case-insensitive: they are kept lower-case, as the Dart VM does.
class HttpHeaders {
  static const contentTypeHeader = "content-type";
  static const contentLengthHeader = "content-length";
  static const acceptHeader = "accept";
  static const hostHeader = "host";
  static const locationHeader = "location";
  static const userAgentHeader = "user-agent";

  final Map<String, List<String>> _values = <String, List<String>>{};
  bool _mutable = true;

  HttpHeaders._();

  factory HttpHeaders._fromList(List<Object?> raw) {
    final h = HttpHeaders._();
    for (var i = 0; i + 1 < raw.length; i += 2) {
      h.add(raw[i] as String, raw[i + 1] as String);
    }
    h._mutable = false;
    return h;
  }

  void _checkMutable() {
    if (!_mutable) throw HttpException("HTTP headers are not mutable");
  }

  List<String>? operator [](String name) => _values[name.toLowerCase()];

  String? value(String name) {
    final v = _values[name.toLowerCase()];
    if (v == null) return null;
    if (v.length > 1) throw HttpException("More than one value for header $name");
    return v[0];
  }

  void add(String name, Object value) {
    _checkMutable();
    _values.putIfAbsent(name.toLowerCase(), () => <String>[]).add("$value");
  }

  void set(String name, Object value) {
    _checkMutable();
    _values[name.toLowerCase()] = <String>["$value"];
  }

  void remove(String name, Object value) {
    _checkMutable();
    _values[name.toLowerCase()]?.remove("$value");
  }

  void removeAll(String name) {
    _checkMutable();
    _values.remove(name.toLowerCase());
  }

  void forEach(void Function(String name, List<String> values) action) {
    _values.forEach(action);
  }

  ContentType? get contentType {
    final v = _values[contentTypeHeader];
    return v == null || v.isEmpty ? null : ContentType.parse(v[0]);
  }

  set contentType(ContentType? type) {
    if (type == null) {
      removeAll(contentTypeHeader);
    } else {
      set(contentTypeHeader, type.toString());
    }
  }

  int get contentLength {
    final v = _values[contentLengthHeader];
    return v == null || v.isEmpty ? -1 : (int.tryParse(v[0]) ?? -1);
  }

  set contentLength(int length) {
    if (length < 0) {
      removeAll(contentLengthHeader);
    } else {
      set(contentLengthHeader, length);
    }
  }

  List<Object?> _toList() {
    final out = <Object?>[];
    _values.forEach((k, vs) {
      for (final v in vs) {
        out.add(k);
        out.add(v);
      }
    });
    return out;
  }

  String toString() {
    final sb = StringBuffer();
    _values.forEach((k, vs) {
      sb.write("$k: ${vs.join(', ')}\n");
    });
    return sb.toString();
  }
}

/// A stream of one chunk (a body read whole), or none when it is empty.
Stream<List<int>> _bodyStream(List<int> body) =>
    body.isEmpty ? Stream<List<int>>.empty() : Stream<List<int>>.fromIterable(<List<int>>[body]);

abstract class HttpServer implements Stream<HttpRequest> {
  int get port;
  InternetAddress get address;
  Future close({bool force = false});

  /// Binds `address` (an [InternetAddress] or a host name) and `port` (0: any free port).
  static Future<HttpServer> bind(Object address, int port,
      {int backlog = 0, bool v6Only = false, bool shared = false}) {
    final host = address is InternetAddress ? address.address : address as String;
    final server = _HttpServer(host == 'localhost' ? '127.0.0.1' : host);
    try {
      final raw =
          _ioSync('httpBind', <Object?>[server._host, port, server._port.id]) as List<Object?>;
      server._handle = raw[0] as int;
      server.port = raw[1] as int;
    } on OSError catch (e) {
      server._port._close();
      return Future<HttpServer>.error(SocketException("Failed to create server socket",
          osError: e, address: InternetAddress(server._host), port: port));
    }
    return Future<HttpServer>.value(server);
  }
}

/// Where the runtime delivers a server's requests.
class _ServerPort extends _IoPort {
  final _HttpServer _server;
  _ServerPort(this._server);

  void _data(Object? value) {
    final l = value as List<Object?>;
    _server._requests.add(HttpRequest._(
        l[0] as int,
        l[1] as String,
        l[2] as String,
        HttpHeaders._fromList(l[3] as List<Object?>),
        l[4] as List<int>,
        l[5] as String,
        HttpConnectionInfo._(InternetAddress(l[6] as String), l[7] as int, l[8] as int)));
  }

  void _error(OSError error) {
    _server._requests.addError(SocketException("", osError: error));
  }
}

class _HttpServer extends Stream<HttpRequest> implements HttpServer {
  final String _host;
  late final _ServerPort _port = _ServerPort(this);
  int _handle = 0;
  int port = 0;
  final StreamController<HttpRequest> _requests = StreamController<HttpRequest>();

  _HttpServer(this._host);

  InternetAddress get address => InternetAddress(_host);

  StreamSubscription<HttpRequest> listen(void Function(HttpRequest event)? onData,
          {Function? onError, void Function()? onDone, bool? cancelOnError}) =>
      _requests.stream
          .listen(onData, onError: onError, onDone: onDone, cancelOnError: cancelOnError);

  Future close({bool force = false}) {
    if (_ports.containsKey(_port.id)) {
      _port._close();
      _ioRelease(_handle);
      _requests.close();
    }
    return Future<void>.value();
  }
}

class HttpRequest extends StreamView<List<int>> {
  final int _id;
  final String method;
  final String _target;
  final HttpHeaders headers;
  final String protocolVersion;
  final HttpConnectionInfo? connectionInfo;
  late final HttpResponse response = HttpResponse._(_id);

  HttpRequest._(this._id, this.method, this._target, this.headers, List<int> body,
      this.protocolVersion, this.connectionInfo)
      : super(_bodyStream(body));

  Uri get uri => Uri.parse(_target);

  /// The URL the client asked for: `http://` + the Host header + the target.
  Uri get requestedUri {
    final host = headers.value(HttpHeaders.hostHeader);
    return host == null ? uri : Uri.parse("http://$host$_target");
  }
  int get contentLength => headers.contentLength;
}

class HttpResponse extends _BufferedSink {
  final int _id;
  int statusCode = HttpStatus.ok;
  String? reasonPhrase;
  final HttpHeaders headers = HttpHeaders._();
  bool _sent = false;

  HttpResponse._(this._id) {
    headers.contentType = ContentType.text;
  }

  int get contentLength => headers.contentLength;
  set contentLength(int length) => headers.contentLength = length;

  /// Answers with `location` and `status` (302 by default) and closes the response.
  Future redirect(Uri location, {int status = HttpStatus.movedTemporarily}) {
    statusCode = status;
    headers.set(HttpHeaders.locationHeader, location.toString());
    return close();
  }

  final List<int> _body = <int>[];

  Future<void> _flushTo(List<int> bytes) {
    _body.addAll(bytes);
    return Future<void>.value();
  }

  /// The response goes out whole when the sink closes.
  Future<void> _finish() {
    if (!_sent) {
      _sent = true;
      _ioSync('httpRespond', <Object?>[_id, statusCode, headers._toList(), _body]);
    }
    return Future<void>.value();
  }
}

class HttpClient {
  String? userAgent = "Dart/3.6 (dart:io)";
  bool _closed = false;

  HttpClient();

  /// `path` may carry a query (`/items?q=1`), as in the Dart VM.
  Future<HttpClientRequest> open(String method, String host, int port, String path) {
    var queryStart = path.length;
    var fragmentStart = path.length;
    for (var i = path.length - 1; i >= 0; i--) {
      final c = path.codeUnitAt(i);
      if (c == 0x23) {
        fragmentStart = i;
        queryStart = i;
      } else if (c == 0x3F) {
        queryStart = i;
      }
    }
    String? query;
    if (queryStart < fragmentStart) {
      query = path.substring(queryStart + 1, fragmentStart);
      path = path.substring(0, queryStart);
    }
    return openUrl(method, Uri(scheme: "http", host: host, port: port, path: path, query: query));
  }

  Future<HttpClientRequest> openUrl(String method, Uri url) {
    if (_closed) {
      return Future<HttpClientRequest>.error(StateError("Client is closed"));
    }
    if (url.scheme == "https") {
      throw UnsupportedError("dartrs does not support HTTPS yet");
    }
    if (url.scheme != "http") {
      throw ArgumentError("Unsupported scheme '${url.scheme}' in URI $url");
    }
    final request = HttpClientRequest._(method.toUpperCase(), url);
    request.headers.set(HttpHeaders.hostHeader, url.hasPort ? "${url.host}:${url.port}" : url.host);
    final agent = userAgent;
    if (agent != null) request.headers.set(HttpHeaders.userAgentHeader, agent);
    return Future<HttpClientRequest>.value(request);
  }

  Future<HttpClientRequest> getUrl(Uri url) => openUrl("GET", url);
  Future<HttpClientRequest> postUrl(Uri url) => openUrl("POST", url);
  Future<HttpClientRequest> putUrl(Uri url) => openUrl("PUT", url);
  Future<HttpClientRequest> deleteUrl(Uri url) => openUrl("DELETE", url);
  Future<HttpClientRequest> patchUrl(Uri url) => openUrl("PATCH", url);
  Future<HttpClientRequest> headUrl(Uri url) => openUrl("HEAD", url);

  Future<HttpClientRequest> get(String host, int port, String path) =>
      open("GET", host, port, path);
  Future<HttpClientRequest> post(String host, int port, String path) =>
      open("POST", host, port, path);
  Future<HttpClientRequest> put(String host, int port, String path) =>
      open("PUT", host, port, path);
  Future<HttpClientRequest> delete(String host, int port, String path) =>
      open("DELETE", host, port, path);
  Future<HttpClientRequest> patch(String host, int port, String path) =>
      open("PATCH", host, port, path);
  Future<HttpClientRequest> head(String host, int port, String path) =>
      open("HEAD", host, port, path);

  void close({bool force = false}) {
    _closed = true;
  }
}

class HttpClientRequest extends _BufferedSink {
  final String method;
  final Uri uri;
  final HttpHeaders headers = HttpHeaders._();
  final List<int> _body = <int>[];
  final Completer<HttpClientResponse> _response = Completer<HttpClientResponse>();

  /// GET and HEAD follow 301, 302, 303, 307 and 308 (POST follows 303 as a GET), up to
  /// [maxRedirects] times, as the Dart VM's client does.
  bool followRedirects = true;
  int maxRedirects = 5;

  HttpClientRequest._(this.method, this.uri);

  int get contentLength => headers.contentLength;
  set contentLength(int length) => headers.contentLength = length;

  Future<void> _flushTo(List<int> bytes) {
    _body.addAll(bytes);
    return Future<void>.value();
  }

  Future<void> _finish() {
    _exchange().then(_response.complete, onError: _response.completeError);
    return Future<void>.value();
  }

  static bool _isRedirect(String method, int status) {
    if (method == "GET" || method == "HEAD") {
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
    return method == "POST" && status == 303;
  }

  Future<HttpClientResponse> _exchange() async {
    var method = this.method;
    var url = uri;
    var body = _body;
    final redirects = <RedirectInfo>[];
    while (true) {
      final response = await _send(method, url, body);
      final location = response.headers.value(HttpHeaders.locationHeader);
      if (!followRedirects || location == null || !_isRedirect(method, response.statusCode)) {
        response.redirects = redirects;
        return response;
      }
      await response.drain<void>();
      if (redirects.length >= maxRedirects) {
        throw RedirectException("Redirect limit exceeded", redirects);
      }
      final next = url.resolve(location);
      for (final seen in redirects) {
        if (seen.location == next) {
          throw RedirectException("Redirect loop detected", redirects);
        }
      }
      if (response.statusCode == 303) method = "GET";
      redirects.add(RedirectInfo._(response.statusCode, method, next));
      url = next;
      body = const <int>[];
      headers._values.remove(HttpHeaders.contentLengthHeader);
      headers._values[HttpHeaders.hostHeader] = <String>[
        url.hasPort ? "${url.host}:${url.port}" : url.host
      ];
    }
  }

  Future<HttpClientResponse> _send(String method, Uri url, List<int> body) async {
    final target = (url.path.isEmpty ? "/" : url.path) + (url.hasQuery ? "?${url.query}" : "");
    final args = <Object?>[url.host, url.port, method, target, headers._toList(), body];
    try {
      final l = await _ioAsync('httpRequest', args) as List<Object?>;
      return HttpClientResponse._(l[0] as int, l[1] as String,
          HttpHeaders._fromList(l[2] as List<Object?>), l[3] as List<int>);
    } on OSError catch (e) {
      if (e.errorCode == OSError.noErrorCode) throw HttpException(e.message);
      throw SocketException(e.message,
          osError: e, address: InternetAddress(url.host), port: url.port);
    }
  }

  /// Sends the request; completes with the response.
  Future<HttpClientResponse> close() {
    super.close();
    return _response.future;
  }

  Future<HttpClientResponse> get done => _response.future;
}

class HttpConnectionInfo {
  final InternetAddress remoteAddress;
  final int remotePort;
  final int localPort;
  const HttpConnectionInfo._(this.remoteAddress, this.remotePort, this.localPort);
}

class RedirectInfo {
  final int statusCode;
  final String method;
  final Uri location;
  const RedirectInfo._(this.statusCode, this.method, this.location);
}

class RedirectException implements HttpException {
  final String message;
  final List<RedirectInfo> redirects;
  const RedirectException(this.message, this.redirects);
  Uri get uri => redirects.last.location;
  String toString() => "RedirectException: $message";
}

class HttpClientResponse extends StreamView<List<int>> {
  final int statusCode;
  final String reasonPhrase;
  final HttpHeaders headers;
  List<RedirectInfo> redirects = const <RedirectInfo>[];

  bool get isRedirect => HttpClientRequest._isRedirect("GET", statusCode);

  HttpClientResponse._(this.statusCode, this.reasonPhrase, this.headers, List<int> body)
      : super(_bodyStream(body));

  int get contentLength => headers.contentLength;
}
