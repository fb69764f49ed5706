// gc-stress
// A small JSON-ish API on 127.0.0.1, port 0, inside one program: HttpServer with
// `await for` over requests, methods, paths, query parameters, headers and bodies;
// HttpClient get/post/put/delete; a refused connection after the server closes.
import 'dart:io';

final Map<String, String> store = {'1': 'apple'};
final Set<String> peers = {};
final Set<int> localPorts = {};

Future<void> handle(HttpRequest req) async {
  final body = <int>[];
  await for (final chunk in req) {
    body.addAll(chunk);
  }
  final info = req.connectionInfo!;
  peers.add('${info.remoteAddress.address} ${info.remotePort > 0}');
  localPorts.add(info.localPort);
  final response = req.response;
  response.headers.contentType = ContentType.json;
  response.headers.set('x-handled-by', 'dartrs');
  final segments = req.uri.pathSegments;
  if (segments.isEmpty || segments[0] != 'items') {
    response.statusCode = HttpStatus.notFound;
    response.write('{"error": "no route for ${req.uri.path}"}');
  } else if (req.method == 'GET' && segments.length == 1) {
    final filter = req.uri.queryParameters['startsWith'] ?? '';
    final names = store.values.where((v) => v.startsWith(filter)).map((v) => '"$v"');
    response.write('[${names.join(', ')}]');
  } else if (req.method == 'POST' && segments.length == 1) {
    final id = '${store.length + 1}';
    store[id] = String.fromCharCodes(body);
    response.statusCode = HttpStatus.created;
    response.write('{"id": "$id", "type": "${req.headers.contentType?.mimeType}"}');
  } else if (req.method == 'DELETE' && segments.length == 2) {
    final removed = store.remove(segments[1]);
    response.statusCode = removed == null ? HttpStatus.notFound : HttpStatus.noContent;
  } else {
    response.statusCode = HttpStatus.methodNotAllowed;
  }
  await response.close();
}

Future<void> show(HttpClientRequest request) async {
  final response = await request.close();
  final text = await response.map(String.fromCharCodes).join();
  print('${request.method} ${response.statusCode} ${response.reasonPhrase} '
      '${response.headers.contentType} ${response.headers.value('x-handled-by')} $text');
}

Future<void> main() async {
  final server = await HttpServer.bind(InternetAddress.loopbackIPv4, 0);
  print(server.port > 0);
  print(server.address);
  final served = () async {
    var count = 0;
    await for (final req in server) {
      count++;
      await handle(req);
    }
    return count;
  }();

  final client = HttpClient();
  final port = server.port;
  await show(await client.get('127.0.0.1', port, '/items'));
  final post = await client.post('127.0.0.1', port, '/items');
  post.headers.contentType = ContentType.text;
  post.write('banana');
  await show(post);
  final post2 = await client.post('127.0.0.1', port, '/items');
  post2.add('apricot'.codeUnits);
  await show(post2);
  await show(await client.get('127.0.0.1', port, '/items?startsWith=a'));
  await show(await client.delete('127.0.0.1', port, '/items/2'));
  await show(await client.delete('127.0.0.1', port, '/items/2'));
  await show(await client.put('127.0.0.1', port, '/items'));
  await show(await client.get('127.0.0.1', port, '/nothing/here'));
  await show(await client.getUrl(Uri.parse('http://127.0.0.1:$port/items?startsWith=b')));
  await show(await client.openUrl('GET', Uri.http('127.0.0.1:$port', '/items', {'startsWith': 'ap'})));
  client.close();

  await server.close();
  print('served ${await served}');
  print(peers);
  print(localPorts.single == port);
  try {
    await (await HttpClient().get('127.0.0.1', port, '/items')).close();
  } on SocketException catch (e) {
    print('refused: ${e.osError?.message}');
  }
}
