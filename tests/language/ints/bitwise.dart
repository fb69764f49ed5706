// Bitwise operators, shifts (arithmetic and logical), radix conversion and
// precedence of bitwise operators relative to equality.

int popCount(int x) {
  var count = 0;
  while (x != 0) {
    x &= x - 1;
    count++;
  }
  return count;
}

String bits(int x, int width) => x.toRadixString(2).padLeft(width, '0');

void main() {
  print(12 & 10);
  print(12 | 10);
  print(12 ^ 10);
  print(~12);
  print(~0);
  print(~-1);
  print(1 << 10);
  print(1024 >> 3);
  print(-16 >> 2);
  print(-1 >> 63);
  print(-1 >>> 60);
  print(-16 >>> 1);
  print(0xFF);
  print(0x7fffffffffffffff);
  print(1 << 62);
  print(1 << 63);
  print(5 << 2 | 1);
  print(6 & 3 == 2);
  print(1 | 2 ^ 3 & 4);

  print(255.toRadixString(2));
  print(0x1234.toRadixString(16));
  print((-255).toRadixString(16));
  print(int.parse('1010', radix: 2));

  for (var v in [0, 1, 7, 8, 255, 1023, 0x5555]) {
    print('popCount($v) = ${popCount(v)}');
  }
  print(popCount(-1));

  var flags = 0;
  const read = 1, write = 2, exec = 4;
  flags |= read;
  flags |= exec;
  print(bits(flags, 3));
  print((flags & write) != 0);
  print((flags & exec) != 0);
  flags ^= read | write;
  print(bits(flags, 3));
  flags &= ~exec;
  print(bits(flags, 3));

  var x = 0x2C;
  print(bits(x, 8));
  print(bits(x & -x, 8));
  print(bits(x & (x - 1), 8));
}
