int first((int, int)? p) => p.$1;

void main() {
  var r = (1, a: 2);
  print(r.$3);
  r.foo();
  var d = (a: 1, a: 2);
  var e = (_x: 1, hashCode: 2, $1: 3, 4);
  (int, {String _p}) t;
}
