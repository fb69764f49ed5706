// A program annotated for the timeline: run it with the VM service open, attach
// `dartrs timeline`, and open the trace in Perfetto (see README, "Observing a program").
import 'dart:developer';

int fib(int n) => n < 2 ? n : fib(n - 1) + fib(n - 2);

List<int> layout(int frame) {
  return Timeline.timeSync('layout', () {
    final sizes = <int>[];
    for (var i = 0; i < 200; i++) {
      sizes.add((frame * 31 + i * 17) % 97);
    }
    return sizes;
  });
}

int paint(List<int> sizes) {
  Timeline.startSync('paint', arguments: {'items': sizes.length});
  var checksum = 0;
  for (final s in sizes) {
    checksum = (checksum * 31 + fib(s % 12)) & 0xffffff;
  }
  Timeline.finishSync();
  return checksum;
}

void main() {
  final upload = TimelineTask();
  upload.start('upload');
  var checksum = 0;
  for (var frame = 0; frame < 120; frame++) {
    Timeline.startSync('frame', arguments: {'frame': frame});
    checksum ^= paint(layout(frame));
    Timeline.finishSync();
    if (frame % 30 == 0) {
      Timeline.instantSync('checkpoint', arguments: {'frame': frame});
    }
  }
  upload.finish();
  print('checksum $checksum');
}
