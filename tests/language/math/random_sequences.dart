// Seeded Random gives the Dart VM's sequences (values from the SDK's own random test),
// and List.shuffle with a seeded Random gives the VM's order.
import 'dart:math';

void main() {
  var rnd = Random(20130307);
  var powers = <int>[];
  for (var i = 2; i <= 0x100000000; i *= 2) {
    powers.add(rnd.nextInt(i));
  }
  print(powers);

  rnd = Random(6790);
  print([for (var i = 0; i < 4; i++) rnd.nextDouble().toStringAsFixed(10)]);

  const rawSeed = 7216285470301553;
  var m = 1;
  var positive = <int>[];
  var negative = <int>[];
  for (var i = 0; i < 10; i++) {
    positive.add(Random(rawSeed * m).nextInt(65536));
    negative.add(Random(rawSeed * -m).nextInt(65536));
    m *= 2;
  }
  print(positive);
  print(negative);
  print(Random(0).nextInt(65536));

  // Not a power of two: the rejection loop.
  rnd = Random(42);
  print([for (var i = 0; i < 10; i++) rnd.nextInt(100)]);
  print([for (var i = 0; i < 6; i++) rnd.nextBool()]);

  var deck = List.generate(12, (i) => i);
  deck.shuffle(Random(7));
  print(deck);
  var again = List.generate(12, (i) => i)..shuffle(Random(7));
  print(again);

  for (final max in [0, -1, 0x100000001]) {
    try {
      Random(1).nextInt(max);
    } on RangeError catch (e) {
      print(e);
    }
  }

  // Unseeded generators differ from each other and stay in range.
  final a = Random(), b = Random();
  final sa = [for (var i = 0; i < 8; i++) a.nextInt(1 << 30)];
  final sb = [for (var i = 0; i < 8; i++) b.nextInt(1 << 30)];
  print(sa.toString() != sb.toString());
  final secure = Random.secure();
  print(identical(secure, Random.secure()));
  var inRange = true;
  for (var i = 0; i < 200; i++) {
    final v = secure.nextInt(1000);
    final d = secure.nextDouble();
    if (v < 0 || v >= 1000 || d < 0 || d >= 1) inRange = false;
    secure.nextBool();
  }
  print(inRange);
}
