// Truncating division, Euclidean modulo and remainder with every sign
// combination, plus division by zero.

void main() {
  for (var a in [7, -7]) {
    for (var b in [3, -3]) {
      print('$a ~/ $b = ${a ~/ b}, $a % $b = ${a % b}, '
          '$a.remainder($b) = ${a.remainder(b)}');
    }
  }

  print(-7 % 3);
  print((-7).remainder(3));
  print(-(7 % 3));
  print(0 % 5);
  print(-10 % 5);
  print(12 ~/ 4);
  print(-1 ~/ 2);
  print(-1 % 2);

  // Clock arithmetic relies on % being non-negative.
  var hour = 3;
  for (var delta in [-5, 10, -27, 48]) {
    print('$hour + $delta -> ${(hour + delta) % 12}');
  }

  // Integer division by zero throws.
  try {
    print(1 ~/ 0);
  } on UnsupportedError catch (e) {
    print('caught: $e');
  }
  try {
    print(5 % 0);
  } on UnsupportedError catch (e) {
    print('caught: $e');
  }

  // Division with / never throws; it produces a double.
  print(1 / 0);
  print(-1 / 0);
  print((0 / 0).isNaN);
  print(7 / 2);
  print(-7 / 2);
}
