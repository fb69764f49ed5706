class Square {
  final int side;
  Square(this.side);
}

class Circle {}

int area(Square s) => s.side * s.side;
