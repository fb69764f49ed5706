class Vector {
  final double x, y;
  const Vector(this.x, this.y);
  Vector operator +(Vector o) => Vector(x + o.x, y + o.y);
  Vector operator -(Vector o) => Vector(x - o.x, y - o.y);
  Vector operator -() => Vector(-x, -y);
  Vector operator *(double s) => Vector(x * s, y * s);
  Vector operator /(double s) => Vector(x / s, y / s);
  int operator ~/(int s) => 0;
  double operator %(int s) => 0;
  bool operator <(Vector o) => false;
  bool operator >(Vector o) => false;
  bool operator <=(Vector o) => false;
  bool operator >=(Vector o) => false;
  @override
  bool operator ==(Object other) => other is Vector && other.x == x;
  double operator [](int i) => i == 0 ? x : y;
  void operator []=(int i, double v) {}
  Vector operator ~() => this;
  int operator &(int o) => 0;
  int operator |(int o) => 0;
  int operator ^(int o) => 0;
  int operator <<(int o) => 0;
  int operator >>(int o) => 0;
  int operator >>>(int o) => 0;
  @override
  int get hashCode => Object.hash(x, y);
}
