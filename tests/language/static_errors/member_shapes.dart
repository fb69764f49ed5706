// Operators and setters with the wrong shape.

class Vector {
  Vector operator +(Vector a, Vector b) => a;
  Vector operator ~(Vector other) => other;
  Vector operator -(Vector a, Vector b) => a;
  Vector operator *([Vector? other]) => this;
  int operator []=(int index, Vector value) => 0;
  static Vector operator /(Vector other) => other;
}

class Temperature {
  set celsius(double a, double b) {}
  set kelvin() {}
  int set fahrenheit(double value) => 0;
}

void main() {
  print('unreachable');
}
