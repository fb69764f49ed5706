// A user-defined exception class with its own toString escapes main.

class ValidationError implements Exception {
  final String field;
  final String problem;
  ValidationError(this.field, this.problem);

  @override
  String toString() => 'ValidationError: $field $problem';
}

Map<String, String> validate(Map<String, String> form) {
  for (var key in ['name', 'email']) {
    var value = form[key];
    if (value == null || value.isEmpty) {
      throw ValidationError(key, 'is required');
    }
    print('$key ok');
  }
  return form;
}

void main() {
  validate({'name': 'Ann', 'email': 'ann@example.com'});
  print('first form valid');
  validate({'name': 'Bob', 'email': ''});
  print('never printed');
}
