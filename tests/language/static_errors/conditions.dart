// Conditions must be `bool`: other certain types are compile-time errors.
void main() {
  var count = 3;
  if (count) {
    print('if');
  }
  while ('yes') {}
  print(!count);
  print(count > 1 && 'also');
  assert(count, 'message');
}
