// data: URIs (Uri.dataFromString/dataFromBytes, UriData.parse, Uri.parse of data:),
// Windows file paths in both directions, IPv4/IPv6 address parsing, query components
// in other encodings, and unmodifiable query parameters.
import 'dart:convert';

void main() {
  final text = Uri.dataFromString("hello world & more", mimeType: "text/html", parameters: {"x": "1"});
  print(text);
  print([text.scheme, text.path, text.data!.mimeType, text.data!.parameters]);
  print(text.data!.contentAsString());

  final utf = Uri.dataFromString("héllo", encoding: utf8);
  print(utf);
  print(utf.data!.charset);
  print(utf.data!.contentAsString());

  final b64 = Uri.dataFromString("abc", base64: true);
  print(b64);
  print(b64.data!.isBase64);

  final bytes = Uri.dataFromBytes([0, 1, 2, 250, 255]);
  print(bytes);
  print(bytes.data!.contentAsBytes());
  print(Uri.dataFromBytes([65, 32, 200], mimeType: "Text/Plain", percentEncoded: true));

  final parsed = UriData.parse("data:image/png;name=a%20b;base64,AAEC-_8");
  print([parsed.mimeType, parsed.parameters, parsed.contentText, parsed.contentAsBytes()]);
  print(parsed.isMimeType("IMAGE/PNG"));
  print(Uri.parse("data:,a b%41"));
  print(Uri.parse("data:,a b").data!.contentAsString());
  for (final bad in ["data:text,x", "data:a/b;x,y", "http://x"]) {
    try {
      UriData.parse(bad);
    } on FormatException catch (e) {
      print(e.message);
    }
  }
  print(Uri.parse("http://example.com").data);

  print(Uri.file(r"C:\Users\me\file.txt", windows: true));
  print(Uri.file(r"\\server\share\doc.txt", windows: true));
  print(Uri.file(r"relative\path", windows: true));
  print(Uri.directory(r"C:\tmp", windows: true));
  print(Uri.parse("file:///C:/Users/me/file.txt").toFilePath(windows: true));
  print(Uri.parse("file://server/share/doc.txt").toFilePath(windows: true));
  print(Uri.parse("/a/b").toFilePath(windows: true));
  print(Uri.parse("file:///C:").toFilePath(windows: true));
  for (final bad in [r"C:relative", r"1:\x", r"C:\a?b"]) {
    try {
      Uri.file(bad, windows: true);
    } on ArgumentError catch (e) {
      print(e);
    }
  }
  print(Uri.directory("c:"));

  print(Uri.parseIPv4Address("192.168.0.255"));
  print(Uri.parseIPv6Address("2001:db8::ff00:42:8329"));
  print(Uri.parseIPv6Address("::ffff:192.0.2.1"));
  print(Uri.parseIPv6Address("[::1]", 1, 4));
  for (final bad in ["1.2.3", "1.2.3.256", "1.2.x.4"]) {
    try {
      Uri.parseIPv4Address(bad);
    } on FormatException catch (e) {
      print(e.message);
    }
  }
  for (final bad in ["1:2:3", "1::2::3", "12345::1"]) {
    try {
      Uri.parseIPv6Address(bad);
    } on FormatException catch (e) {
      print(e.message);
    }
  }

  print(Uri.decodeQueryComponent("A-%42+c", encoding: ascii));
  print(Uri.encodeQueryComponent("é ü", encoding: latin1));
  print(Uri.decodeQueryComponent("%E9+%FC", encoding: latin1));
  try {
    Uri.decodeQueryComponent("%E1%84%91", encoding: ascii);
  } on FormatException catch (e) {
    print(e.runtimeType);
  }
  print(Uri.splitQueryString("a=%E9&b=2", encoding: latin1));
  try {
    Uri.parse("http://h/p?a=1").queryParameters["b"] = "2";
  } on UnsupportedError catch (e) {
    print(e);
  }
  print(Uri.http("", "foo/bar"));
  print(Uri.http("", "foo/bar").path);
  hosts();
}

void hosts() {
  print(Uri(host: '2001:DB8::1'));
  print(Uri(host: '[::1]', port: 8080, path: 'x'));
  final u = Uri(path: '//a/b');
  print([u.hasAuthority, u.host, u.path]);
  try {
    Uri(host: '[1::2::3]');
  } on FormatException catch (e) {
    print(e.message);
  }
  print(Uri.parse('http://[::1]:8080/p').host);
}
