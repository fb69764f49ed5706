void main() {
  x = 1;
  x += 1;
  x -= 1;
  x *= 2;
  x /= 2;
  x ~/= 2;
  x %= 2;
  x <<= 1;
  x >>= 1;
  x >>>= 1;
  x &= 1;
  x ^= 1;
  x |= 1;
  x ??= 0;
  obj.field = 3;
  obj?.field = 3;
  list[0] = 4;
  list[i] ??= 5;
  a.b.c += 6;
  this.x = 7;
  super.y = 8;
  (a, b) = (b, a);
  [x, y] = [1, 2];
  (first: f, second: s) = record;
  Point(:x, :y) = point;
  result = {'k': v} = map;
}
