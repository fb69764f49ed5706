// Base64 and base64url: encoding with padding, decoding both alphabets and `%3D`
// padding, and the SDK decoder's errors and offsets.
import 'dart:convert';
import 'dart:typed_data';

void decode(String input) {
  try {
    print('$input -> ${base64.decode(input)}');
  } on FormatException catch (e) {
    print('$input -> ${e.message} @ ${e.offset}');
  }
}

void main() {
  for (final n in [0, 1, 2, 3, 4, 5]) {
    final bytes = List<int>.generate(n, (i) => 250 + i);
    print('$n: ${base64Encode(bytes)} ${base64UrlEncode(bytes)}');
  }
  final text = utf8.encode('Many hands make light work.');
  final encoded = base64.encode(text);
  print(encoded);
  print(utf8.decode(base64Decode(encoded)));
  print(base64Decode('+/+/').runtimeType);
  print(base64Url.encode([0xfb, 0xff, 0xbf]));
  decode('-_-_');
  decode('+/+/');
  decode('YQ==');
  decode('YWI=');
  decode('YQ%3D%3D');
  decode('');
  decode('YQ');
  decode('YQ=');
  decode('Y===');
  decode('YQ==YQ==');
  decode('YR==');
  decode('Y!Q=');
  decode('YWJj\nZA==');
  decode('é===');
  try {
    base64Encode([1, 256]);
  } on ArgumentError catch (e) {
    print(e.message);
  }
  print(const Base64Codec().decoder.convert('xYWJjZA==x', 1, 9));

  // Chunked encoding produces the same text.
  final chunks = <String>[];
  final sink = base64.encoder.startChunkedConversion(
      ChunkedConversionSink<String>.withCallback((c) => chunks.addAll(c)));
  sink.add([1, 2]);
  sink.add([3, 4]);
  sink.add(Uint8List.fromList([5]));
  sink.close();
  print(chunks);
  print(base64Encode([1, 2, 3, 4, 5]));
}
