// JsonUtf8Encoder's chunked conversion delivers the encoding in buffers of bufferSize
// bytes (256 by default): a small document is one chunk, as on the Dart VM.
import 'dart:convert';

void main() {
  final chunks = <List<int>>[];
  final sink = JsonUtf8Encoder().startChunkedConversion(
      ChunkedConversionSink<List<int>>.withCallback((received) => chunks.addAll(received)));
  sink.add({'quote': '"str"', 'list': [1, 2.5, null]});
  sink.close();
  print(chunks.length);
  print(utf8.decode(chunks.single));

  final small = <List<int>>[];
  final smallSink = JsonUtf8Encoder(null, null, 4).startChunkedConversion(
      ChunkedConversionSink<List<int>>.withCallback((received) => small.addAll(received)));
  smallSink.add(['abcdef', 'é']);
  smallSink.close();
  print(small.map((c) => c.length).toList());
  print(utf8.decode(small.expand((c) => c).toList()));

  try {
    final twice = JsonUtf8Encoder().startChunkedConversion(
        ChunkedConversionSink<List<int>>.withCallback((_) {}));
    twice.add(1);
    twice.add(2);
  } on StateError catch (e) {
    print(e);
  }
}
