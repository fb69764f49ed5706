// Uri: parsing with the SDK's normalisations, components, query parameters, building
// (http, https, file, directory, named parts), RFC 3986 resolution, encoders/decoders.
void main() {
  final u = Uri.parse('HTTP://User@Example.COM:80/a/./b/../c%7e%2f?q=a+b&x=%41&q=2#Frag');
  print(u);
  print([u.scheme, u.userInfo, u.host, u.port, u.path, u.query, u.fragment, u.hasPort]);
  print(u.pathSegments);
  print(u.queryParameters);
  print(u.queryParametersAll);
  print(Uri.parse('https://h:8443/x').port);
  print(Uri.parse('file:///tmp/a%20b/c.txt').toFilePath());
  print(Uri.file('/tmp/a b/c.txt'));
  print(Uri.file('rel/x y'));
  print(Uri.directory('/tmp'));
  print(Uri.http('localhost:8080', '/api/items', {'q': 'a b', 'n': '1'}));
  print(Uri.https('example.com', 'p 1'));
  print(Uri(scheme: 'http', host: 'h', path: 'x y', queryParameters: {'k': ['1', '2']}));
  print(Uri.parse('http://a/b/c/d;p?q').resolve('../g'));
  print(Uri.parse('http://a/b/c/d;p?q').resolve('g?y#s'));
  print(Uri.parse('http://a/b/c/d;p?q').resolve('//g'));
  print(Uri.parse('http://a/b/c/d;p?q').resolve(''));
  print(Uri.parse('http://a/b/c/d;p?q').resolve('../../../g'));
  print(Uri.parse('a/b/../c'));
  print(Uri.parse('../a'));
  print(Uri.encodeComponent("a b/c?d=é!*'()"));
  print(Uri.encodeQueryComponent("a b/c?d=é"));
  print(Uri.decodeComponent('a%20b%C3%A9+'));
  print(Uri.decodeQueryComponent('a+b%21'));
  print(Uri.encodeFull('http://x/a b?c=d é'));
  print(Uri.parse('mailto:a@b.c').path);
  print(Uri.parse('/just/path?x').hasScheme);
  print(Uri.parse('http://[::1]:8080/').host);
  print(Uri.parse('http://h') == Uri.parse('http://h'));
  print(Uri.parse('http://h').path.isEmpty);
  print(Uri.parse('http://h/').origin);
  print(Uri.base.scheme);
  try { Uri.parse('http://h:x/'); } on FormatException catch (e) { print(e.message); }
}
