// Values whose static type can't be assigned to the variable they initialise or are
// assigned to: compile-time errors (no implicit downcasts in Dart 3 except from dynamic).
class Animal {}

class Dog extends Animal {}

int counter = 'zero';

void main() {
  int i = true;
  double d = 3.14;
  int j = 0;
  j = d;
  Dog dog = Animal();
  var inferred = 1;
  inferred = 'one';
  Object o = 1;
  String s = o;
  int sum = 1 + 2.5;
  print([i, j, dog, inferred, s, sum]);
}
