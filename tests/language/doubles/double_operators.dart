// gc-stress
// Double arithmetic and comparisons with double and int right operands, including
// NaN (every ordered comparison is false), infinities and -0.0.
void main() {
  var a = 1.5, b = 0.25;
  print(a + b);
  print(a - b);
  print(a * b);
  print(a / b);
  print(a + 2);
  print(a * 3);
  print(a / 2);
  print(7 / 2);
  print(a < b);
  print(a > b);
  print(a <= 1.5);
  print(a >= 1.5);
  print(a < 2);
  var nan = 0.0 / 0.0;
  print(nan < 1.0);
  print(nan > 1.0);
  print(nan <= nan);
  print(nan >= 1);
  print(1.0 / 0.0);
  print(-1.0 / 0.0);
  print(-0.0 * 1.0);
  var sum = 0.0;
  for (var i = 0; i < 10; i++) {
    sum = sum + 0.1;
  }
  print(sum);
  var x = 1.0;
  for (var i = 0; i < 60; i++) {
    x = x * 2;
  }
  print(x);
}
