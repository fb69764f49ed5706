// Polymorphic call sites: a list of shapes of eight classes behind one abstract
// class, so every call site in the loop sees all eight receivers (megamorphic
// dispatch of methods and a getter), plus allocation of scaled copies.

abstract class Shape {
  int area();
  int perimeter();
  int get sides;
  Shape scaled(int k);
}

class Square extends Shape {
  final int s;
  Square(this.s);
  @override
  int area() => s * s;
  @override
  int perimeter() => 4 * s;
  @override
  int get sides => 4;
  @override
  Shape scaled(int k) => Square(s * k);
}

class Rect extends Shape {
  final int w;
  final int h;
  Rect(this.w, this.h);
  @override
  int area() => w * h;
  @override
  int perimeter() => 2 * (w + h);
  @override
  int get sides => 4;
  @override
  Shape scaled(int k) => Rect(w * k, h * k);
}

class Circle extends Shape {
  final int r;
  Circle(this.r);
  @override
  int area() => 3 * r * r;
  @override
  int perimeter() => 6 * r;
  @override
  int get sides => 0;
  @override
  Shape scaled(int k) => Circle(r * k);
}

class Triangle extends Shape {
  final int b;
  final int h;
  Triangle(this.b, this.h);
  @override
  int area() => b * h ~/ 2;
  @override
  int perimeter() => b + h + (b > h ? b : h);
  @override
  int get sides => 3;
  @override
  Shape scaled(int k) => Triangle(b * k, h * k);
}

class Hexagon extends Shape {
  final int s;
  Hexagon(this.s);
  @override
  int area() => 26 * s * s ~/ 10;
  @override
  int perimeter() => 6 * s;
  @override
  int get sides => 6;
  @override
  Shape scaled(int k) => Hexagon(s * k);
}

class Ellipse extends Shape {
  final int a;
  final int b;
  Ellipse(this.a, this.b);
  @override
  int area() => 3 * a * b;
  @override
  int perimeter() => 3 * (a + b);
  @override
  int get sides => 0;
  @override
  Shape scaled(int k) => Ellipse(a * k, b * k);
}

class Pentagon extends Shape {
  final int s;
  Pentagon(this.s);
  @override
  int area() => 17 * s * s ~/ 10;
  @override
  int perimeter() => 5 * s;
  @override
  int get sides => 5;
  @override
  Shape scaled(int k) => Pentagon(s * k);
}

class Segment extends Shape {
  final int l;
  Segment(this.l);
  @override
  int area() => 0;
  @override
  int perimeter() => 2 * l;
  @override
  int get sides => 1;
  @override
  Shape scaled(int k) => Segment(l * k);
}

class Rng {
  int seed;
  Rng(this.seed);

  int next() {
    seed = seed * 16807 % 2147483647;
    return seed;
  }
}

Shape makeShape(int kind, int a, int b) {
  switch (kind) {
    case 0:
      return Square(a);
    case 1:
      return Rect(a, b);
    case 2:
      return Circle(a);
    case 3:
      return Triangle(a, b);
    case 4:
      return Hexagon(a);
    case 5:
      return Ellipse(a, b);
    case 6:
      return Pentagon(a);
    default:
      return Segment(a);
  }
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 10000;
  final rng = Rng(42);
  final shapes = <Shape>[];
  for (int i = 0; i < 1000; i++) {
    final kind = rng.next() % 8;
    final a = rng.next() % 100 + 1;
    final b = rng.next() % 100 + 1;
    shapes.add(makeShape(kind, a, b));
  }
  int total = 0;
  for (int round = 0; round < n; round++) {
    for (int i = 0; i < shapes.length; i++) {
      final s = shapes[i];
      total += s.area() + s.perimeter() + s.sides;
      if (i % 16 == round % 16) total += s.scaled(2).area();
    }
    total %= 1000000007;
  }
  print('dispatch $n $total');
}
