// `x as T;` as a statement promotes the local `x` to `T` for what follows (once
// rejected with "The getter 'isEven' isn't defined for the class 'num'").
void describe(Object value) {
  value as String;
  print('${value.length} ${value.toUpperCase()}');
}

void main() {
  num a = 4;
  a as int;
  print(a.isEven);
  describe('abc');
  try {
    describe(3);
  } on TypeError catch (e) {
    print(e);
  }
}
