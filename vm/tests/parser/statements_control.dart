void main() {
  if (a) print(1);
  if (a) {
    print(1);
  } else if (b) {
    print(2);
  } else {
    print(3);
  }
  while (i < 10) i++;
  while (true) {
    if (done) break;
    continue;
  }
  do {
    i--;
  } while (i > 0);
  for (var i = 0; i < 10; i++) {}
  for (int i = 0, j = 10; i < j; i++, j--) {}
  for (i = 0; i < 3; i += 1) {}
  for (;;) {
    break;
  }
  for (final x in list) {}
  for (var x in list) {}
  for (String s in strings) {}
  for (x in list) {}
  for (this.field in list) {}
  outer:
  for (var i = 0; i < 3; i++) {
    inner:
    for (var j = 0; j < 3; j++) {
      if (j == 1) continue outer;
      if (j == 2) break inner;
    }
  }
  label1: label2: {
    break label1;
  }
  assert(x > 0);
  assert(x > 0, 'x must be positive');
  assert(x > 0, 'trailing',);
  ;
  return;
}
int f() {
  return 1 + 2;
}
