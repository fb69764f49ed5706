// Any value can be thrown, the int 0 included.
String catchIt(Object v) {
  try {
    throw v;
  } catch (e) {
    return 'caught $e (${e.runtimeType})';
  }
}

int rethrowIt() {
  try {
    try {
      throw 0;
    } catch (e) {
      rethrow;
    }
  } on int catch (e) {
    return e + 100;
  }
}

void main() {
  print(catchIt(0));
  print(catchIt(1));
  print(catchIt(-1));
  print(catchIt('text'));
  print(rethrowIt());
  try {
    throw 0;
  } on String {
    print('not a String');
  } on int catch (e, s) {
    print('int $e, trace is a StackTrace: ${s is StackTrace}');
  } finally {
    print('finally');
  }
}
