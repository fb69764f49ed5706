// gc-stress
// Chunked conversions on streams deliver the SDK's events: utf8.encoder emits pieces of
// at most 1024 bytes and carries a lead surrogate to the next chunk, json.encoder emits
// the stringifier's pieces, utf8.decoder one string per chunk that completes text.
import 'dart:async';
import 'dart:convert';

Future<void> main() async {
  final long = 'ab€' * 600;
  final pieces = await Stream.value(long).transform(utf8.encoder).toList();
  print(pieces.map((p) => p.length).toList());
  print(utf8.decode(pieces.expand((p) => p).toList()) == long);

  final lead = String.fromCharCode(0xD83D), trail = String.fromCharCode(0xDE00);
  final carried =
      await Stream.fromIterable(['x$lead', '${trail}y', 'z']).transform(utf8.encoder).toList();
  print(carried);
  final lone = await Stream.fromIterable(['a$lead', 'b']).transform(utf8.encoder).toList();
  print(lone);

  final jsonPieces =
      await Stream.value({'a': [1, 'q"\n'], 'b': null}).transform(json.encoder).toList();
  print(jsonPieces);
  print(jsonPieces.join());
  final pretty =
      await Stream.value([1, {'k': true}]).transform(const JsonEncoder.withIndent(' ')).toList();
  print(pretty.length);
  print(pretty.join());

  final decoded = await Stream.fromIterable([
    [0xE2],
    [0x82],
    [0xAC, 0x20, 0xF0, 0x9F],
    [0x98, 0x80],
  ]).transform(utf8.decoder).toList();
  print(decoded);

  final objects = await Stream.fromIterable(['{"a": [1,', ' 2]}']).transform(json.decoder).toList();
  print(objects);
  final b64 = await Stream.fromIterable([
    [1, 2],
    [3, 4, 5],
  ]).transform(base64.encoder).toList();
  print(b64);
  final bytes = await Stream.fromIterable(['AQID', 'BAU=']).transform(base64.decoder).toList();
  print(bytes);
}
