// gc-stress
// A config-file reader: bytes arrive in arbitrary chunks on a Stream, are decoded with
// utf8.decoder, split with LineSplitter (\n, \r\n and \r, even across chunks) and
// parsed into sections; the result is written back out as indented JSON.
import 'dart:async';
import 'dart:convert';

const source = '# dartrs settings\r\n'
    '[server]\n'
    'host = localhost\r'
    'port = 8080\n'
    '\n'
    '[paths]\r\n'
    'root = /srv/données\n'
    'cache = /tmp/キャッシュ\r\n'
    '; a comment\n'
    '[flags]\n'
    'verbose = true\n'
    'ratio = 0.5';

Object? parseValue(String text) {
  if (text == 'true' || text == 'false') return text == 'true';
  return int.tryParse(text) ?? double.tryParse(text) ?? text;
}

Future<Map<String, Map<String, Object?>>> readConfig(Stream<List<int>> bytes) async {
  final config = <String, Map<String, Object?>>{};
  var section = config.putIfAbsent('', () => {});
  var lineNumber = 0;
  await for (final line in bytes.transform(utf8.decoder).transform(const LineSplitter())) {
    lineNumber++;
    final trimmed = line.trim();
    if (trimmed.isEmpty || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      section = config.putIfAbsent(trimmed.substring(1, trimmed.length - 1), () => {});
      continue;
    }
    final eq = trimmed.indexOf('=');
    if (eq < 0) throw FormatException('line $lineNumber: expected key = value', line);
    section[trimmed.substring(0, eq).trim()] = parseValue(trimmed.substring(eq + 1).trim());
  }
  config.removeWhere((key, value) => key.isEmpty && value.isEmpty);
  return config;
}

Stream<List<int>> chunked(List<int> bytes, int size) async* {
  for (var i = 0; i < bytes.length; i += size) {
    yield bytes.sublist(i, i + size > bytes.length ? bytes.length : i + size);
  }
}

Future<void> main() async {
  final bytes = utf8.encode(source);
  print('${bytes.length} bytes');
  final results = <String>[];
  for (final size in [1, 2, 3, 7, 64, bytes.length]) {
    final config = await readConfig(chunked(bytes, size));
    results.add(jsonEncode(config));
  }
  print(results.toSet().length);
  final config = await readConfig(chunked(bytes, 5));
  print(const JsonEncoder.withIndent('  ').convert(config));
  print(config['server']!['port'].runtimeType);
  print(config['flags']!['ratio'].runtimeType);

  print(const LineSplitter().convert('one\r\ntwo\rthree\n\nfour'));
  print(LineSplitter.split('a\nb\r\n', 2).toList());

  try {
    await readConfig(Stream.value(utf8.encode('[s]\nbroken line\n')));
  } on FormatException catch (e) {
    print(e);
  }
  try {
    await readConfig(Stream.fromIterable([
      [0x61, 0x3d, 0x62, 0x0a],
      [0xC3]
    ]));
  } on FormatException catch (e) {
    print(e);
  }
}
