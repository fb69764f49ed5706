// HttpClient follows redirects as the Dart VM's does (GET/HEAD on 301/302/303/307/308,
// POST on 303 as a GET, up to maxRedirects, loops detected); HttpResponse.redirect.
import 'dart:io';

Future<void> main() async {
  final server = await HttpServer.bind(InternetAddress.loopbackIPv4, 0);
  final port = server.port;
  server.listen((req) async {
    final path = req.uri.path;
    if (path.startsWith('/hop/')) {
      final n = int.parse(path.substring(5));
      await req.response.redirect(Uri.parse(n == 0 ? '/end' : '/hop/${n - 1}'));
    } else if (path == '/loop') {
      await req.response.redirect(Uri.parse('/loop'), status: HttpStatus.temporaryRedirect);
    } else if (path == '/see-other') {
      await req.response.redirect(Uri.parse('/end?from=post'), status: HttpStatus.seeOther);
    } else {
      req.response.write('${req.method} ${req.uri}');
      await req.response.close();
    }
  });
  final client = HttpClient();

  Future<void> fetch(String method, String path, {bool follow = true}) async {
    try {
      final request = await client.open(method, '127.0.0.1', port, path);
      request.followRedirects = follow;
      final response = await request.close();
      final body = await response.map(String.fromCharCodes).join();
      final hops = response.redirects.map((r) => '${r.statusCode} ${r.method} ${r.location.path}');
      print('$method $path -> ${response.statusCode} "$body" ${hops.toList()}');
    } on RedirectException catch (e) {
      print('$method $path -> $e after ${e.redirects.length}');
    }
  }

  await fetch('GET', '/hop/2');
  await fetch('GET', '/hop/2', follow: false);
  await fetch('POST', '/hop/0');
  await fetch('POST', '/see-other');
  await fetch('GET', '/hop/9');
  await fetch('GET', '/loop');
  client.close();
  await server.close();
}
