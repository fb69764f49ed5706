// Cascade notation: method calls, setters and index assignments on the
// same receiver, nested cascades, null-aware cascades, and the value of a
// cascade expression being the receiver.

class Request {
  String method = 'GET';
  String url = '';
  final Map<String, String> headers = {};
  final List<String> body = [];

  void header(String k, String v) => headers[k] = v;
  void write(String line) => body.add(line);

  @override
  String toString() =>
      '$method $url ${headers.entries.map((e) => '${e.key}=${e.value}').join('&')} '
      '[${body.join('|')}]';
}

class Counter {
  int value = 0;
  Counter increment() {
    value++;
    return this;
  }
}

void main() {
  var req = Request()
    ..method = 'POST'
    ..url = '/api/items'
    ..header('Accept', 'json')
    ..header('X-Id', '7')
    ..write('line one')
    ..write('line two');
  print(req);

  var list = <int>[]
    ..add(5)
    ..addAll([3, 9, 1])
    ..sort()
    ..removeAt(0);
  print(list);

  var sb = StringBuffer()
    ..write('a')
    ..write('b')
    ..writeln('c')
    ..write('d');
  print(sb.toString());

  var grid = List.filled(3, 0)
    ..[0] = 10
    ..[2] = 30;
  print(grid);

  var map = <String, List<int>>{}
    ..['evens'] = [2, 4]
    ..['odds'] = ([1]..add(3)..add(5));
  print(map);

  var c = Counter();
  var result = c..increment()..increment();
  print(identical(result, c));
  print(c.value);
  print(c.increment().increment().value);

  Request? maybe;
  maybe
    ?..url = 'never'
    ..method = 'NEVER';
  print(maybe);
  maybe = Request();
  maybe
    ?..url = '/set'
    ..method = 'PUT';
  print(maybe.method + ' ' + maybe.url);

  var text = ('  hello  '.trim().toUpperCase()).split('')..sort();
  print(text.join());
}
