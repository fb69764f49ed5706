// Errors raised by the runtime and core library, caught and printed:
// list index out of range, integer division by zero, null check on null,
// failed cast, empty-collection access and bad parse input.

int? maybeNull(bool give) => give ? 7 : null;

void main() {
  var list = [10, 20, 30];
  try {
    print(list[5]);
  } on RangeError catch (e) {
    print(e);
  }
  try {
    print(list[-1]);
  } on RangeError catch (e) {
    print(e);
  }
  try {
    list[3] = 1;
  } catch (e) {
    print(e);
  }

  try {
    print(7 ~/ (list.length - 3));
  } catch (e) {
    print(e);
  }

  try {
    var n = maybeNull(false);
    print(n! + 1);
  } on TypeError catch (e) {
    print(e);
  }
  print(maybeNull(true)! + 1);

  try {
    Object value = 'text';
    var i = value as int;
    print(i);
  } on TypeError catch (e) {
    print(e);
  }

  try {
    print(<int>[].first);
  } on StateError catch (e) {
    print(e);
  }
  try {
    print(<String>[].last);
  } catch (e) {
    print(e);
  }
  try {
    print([1, 2].single);
  } catch (e) {
    print(e);
  }
  try {
    <int>[].removeLast();
  } on RangeError {
    print('removeLast on empty list is a RangeError');
  }

  try {
    int.parse('12x');
  } on FormatException {
    print('FormatException caught');
  }

  try {
    'abc'.substring(2, 1);
  } on RangeError catch (e) {
    print(e);
  }

  print('still running');
}
