int classify(int n) {
  switch (n) {
    case 0:
      return 0;
    case 1:
    case 2:
      return 1;
    default:
      return 2;
  }
}

void main() {
  var i = 0;
  outer:
  while (true) {
    for (var j = 0; j < 10; j++) {
      if (j == 3) continue outer;
      if (i > 5) break outer;
      i++;
    }
  }
  do {
    i--;
  } while (i > 0);
  try {
    throw StateError('x');
  } on StateError catch (e, st) {
    print(e);
  } catch (e) {
    rethrow;
  } finally {
    print('done');
  }
  print(classify(i));
}
