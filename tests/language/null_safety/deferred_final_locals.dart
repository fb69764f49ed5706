// A final local declared without an initialiser may be assigned later (on each path);
// dartrs rejected every assignment with "Can't assign to the final variable".
String describe(int n) {
  final String label;
  if (n.isEven) {
    label = 'even';
  } else {
    label = 'odd';
  }
  final int twice;
  twice = n * 2;
  return '$n is $label, twice $twice';
}
void main() {
  print(describe(3));
  print(describe(4));
  final List<String> parts;
  switch (3) {
    case 1: parts = ['one'];
    default: parts = ['many'];
  }
  print(parts);
}
