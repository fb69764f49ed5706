// Concrete classes must implement every member of their interface.

abstract class Shape {
  double area();
  String get name;
  set label(String value);
}

class Circle implements Shape {
  double area() => 3.14;
}

class Square extends Shape {}

class Draft {
  void render();
}

enum Color implements Shape {
  red;

  double area() => 0;
  String get name => 'red';
}

void main() {
  print('unreachable');
}
