void main() {
  try {
    risky();
  } catch (e) {
    print(e);
  }
  try {
    risky();
  } on FormatException catch (e, stack) {
    print(stack);
  } on StateError {
    print('state');
  } catch (e, s) {
    rethrow;
  } finally {
    cleanup();
  }
  try {
    risky();
  } finally {
    cleanup();
  }
  throw Exception('failed');
}
int throwsInExpression(int? x) => x ?? (throw ArgumentError('x'));
Never fail() => throw UnimplementedError();
