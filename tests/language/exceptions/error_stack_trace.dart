// An Error records the stack trace of its first throw in `stackTrace`; an Exception has
// no such field. Throwing null through `dynamic` is a TypeError.

class ValidationError extends Error {
  final String field;
  ValidationError(this.field);
  @override
  String toString() => 'ValidationError($field)';
}

void validate(String field) => throw ValidationError(field);

void relay(Object error) => throw error;

dynamic nothing() => null;

void main() {
  final unthrown = ValidationError('never');
  print(unthrown.stackTrace);

  try {
    validate('name');
  } on ValidationError catch (e, st) {
    final recorded = e.stackTrace;
    print(recorded != null);
    print(recorded.toString() == st.toString());
    print(recorded.toString().contains('validate'));
    try {
      relay(e);
    } on ValidationError catch (again, st2) {
      // The first throw's trace is kept.
      print(identical(again.stackTrace, recorded));
      print(st2.toString().contains('relay'));
    }
  }

  try {
    [1, 2][5];
  } on RangeError catch (e) {
    print(e.stackTrace != null);
  }

  final custom = StackTrace.fromString('custom trace');
  try {
    Error.throwWithStackTrace(ArgumentError('bad'), custom);
  } on ArgumentError catch (e, st) {
    print('${e.stackTrace} / $st');
  }

  try {
    throw nothing();
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
}
