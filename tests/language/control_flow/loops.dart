// for, for-in, while and do-while loops with break and continue.

void main() {
  var line = '';
  for (var i = 0; i < 5; i++) {
    line += '$i ';
  }
  print(line.trimRight());

  for (var i = 10; i > 0; i -= 3) {
    print('countdown $i');
  }

  var total = 0;
  for (var n in [3, 1, 4, 1, 5, 9, 2, 6]) {
    if (n == 1) continue;
    if (n == 9) break;
    total += n;
  }
  print('total before 9 skipping 1s: $total');

  var n = 27;
  var steps = 0;
  var peak = n;
  while (n != 1) {
    n = n.isEven ? n ~/ 2 : 3 * n + 1;
    if (n > peak) peak = n;
    steps++;
  }
  print('collatz(27): $steps steps, peak $peak');

  var k = 100;
  do {
    k ~/= 3;
    print('k = $k');
  } while (k > 5);

  var ran = false;
  do {
    ran = true;
  } while (false);
  print('do-while body ran once: $ran');

  var i = 0;
  while (true) {
    i++;
    if (i % 2 == 0) continue;
    if (i > 7) break;
    print('odd $i');
  }

  var rows = <String>[];
  for (var r = 1; r <= 4; r++) {
    var row = '';
    for (var c = 1; c <= r; c++) {
      row += '*';
    }
    rows.add(row);
  }
  print(rows.join('\n'));

  var empty = <int>[];
  for (var e in empty) {
    print('never $e');
  }
  for (var j = 0; j < 0; j++) {
    print('never $j');
  }
  print('done');

  var a = 0, b = 10;
  for (; a < b; a++, b--) {}
  print('met at a=$a b=$b');
}
