// Returned values whose static type can't be assigned to the declared return type.
String name() {
  return 42;
}

int get answer => 'forty-two';

class Shape {
  double area() => true;
}

void main() {
  print(name());
  print(answer);
  print(Shape().area());
}
