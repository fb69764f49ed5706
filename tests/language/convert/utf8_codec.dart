// gc-stress
// UTF-8 with dart:convert: non-ASCII text, surrogate pairs and unpaired surrogates,
// malformed input with and without allowMalformed (the SDK decoder's messages and
// offsets), the byte-order mark, and chunked decoding across chunk boundaries.
import 'dart:convert';
import 'dart:typed_data';

String describe(List<int> bytes) =>
    bytes.map((b) => b.toRadixString(16).padLeft(2, '0')).join(' ');

void decodeBoth(List<int> bytes) {
  try {
    print('strict: ${utf8.decode(bytes).runes.toList()}');
  } on FormatException catch (e) {
    print('strict: $e');
  }
  print('lenient: ${utf8.decode(bytes, allowMalformed: true).runes.toList()}');
}

void main() {
  for (final text in ['plain', 'héllo', '€uro', '日本語', '😀 emoji', '']) {
    final bytes = utf8.encode(text);
    print('${bytes.length}: ${describe(bytes)} -> ${utf8.decode(bytes)}');
  }
  print(utf8.encode('x').runtimeType);
  print(utf8.name);
  print(utf8.encoder.convert('abcdef', 2, 4));

  // Unpaired surrogates are encoded as U+FFFD.
  final lone = String.fromCharCodes([0x61, 0xD800, 0x62, 0xDC00]);
  print(describe(utf8.encode(lone)));
  print(utf8.decode(utf8.encode(lone)).runes.toList());

  // Malformed input.
  decodeBoth([0x61, 0x80, 0x62]);
  decodeBoth([0xC3, 0x28]);
  decodeBoth([0xE2, 0x82]);
  decodeBoth([0xC0, 0xAF]);
  decodeBoth([0xE0, 0x80, 0xAF]);
  decodeBoth([0xED, 0xA0, 0x80]);
  decodeBoth([0xF4, 0x90, 0x80, 0x80]);
  decodeBoth([0xFF, 0x41]);
  decodeBoth([0x41, 300, 0x42]);
  decodeBoth(Uint8List.fromList([0x7A, 0xF0, 0x9F, 0x98]));

  // A byte-order mark is dropped at the start only.
  print(utf8.decode([0xEF, 0xBB, 0xBF, 0x41]).runes.toList());
  print(utf8.decode([0x41, 0xEF, 0xBB, 0xBF]).runes.toList());

  // Ranges and sublist views.
  final bytes = utf8.encode('über straße');
  print(utf8.decoder.convert(bytes, 7));
  print(utf8.decode(Uint8List.sublistView(bytes, 0, 3)));
  try {
    utf8.decoder.convert(bytes, 1, 4);
  } on FormatException catch (e) {
    print(e);
  }

  // Chunked decoding keeps partial sequences between chunks.
  final pieces = <String>[];
  final sink = utf8.decoder.startChunkedConversion(
      ChunkedConversionSink<String>.withCallback((chunks) => pieces.addAll(chunks)));
  final all = utf8.encode('a€b😀c');
  for (var i = 0; i < all.length; i++) {
    sink.add([all[i]]);
  }
  sink.close();
  print(pieces);
  print(pieces.join());

  final lenient = const Utf8Decoder(allowMalformed: true)
      .startChunkedConversion(ChunkedConversionSink<String>.withCallback((c) => print(c)));
  lenient.add([0x61, 0xE2]);
  lenient.add([0x82]);
  lenient.close();

  // latin1 and ascii.
  print(latin1.encode('café'));
  print(latin1.decode([0x63, 0xE9]));
  print(ascii.encode('ok'));
  print(ascii.decode([0x61, 0xFF], allowInvalid: true).runes.toList());
  try {
    ascii.encode('é');
  } on ArgumentError catch (e) {
    print(e);
  }
  try {
    ascii.decode([0x61, 0x80]);
  } on FormatException catch (e) {
    print(e);
  }
  try {
    latin1.encode('€');
  } on ArgumentError catch (e) {
    print(e.message);
  }
  print(Encoding.getByName('UTF-8') == utf8);
  print(Encoding.getByName('latin1')?.name);
  print(Encoding.getByName('koi8-r'));
}
