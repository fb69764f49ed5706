// gc-stress
// Operator overloading: arithmetic operators, unary minus, comparison,
// == with a consistent hashCode (so objects work as map keys and in sets),
// and the index operators [] and []=.

class Vec {
  final int x, y;
  const Vec(this.x, this.y);

  Vec operator +(Vec o) => Vec(x + o.x, y + o.y);
  Vec operator -(Vec o) => Vec(x - o.x, y - o.y);
  Vec operator *(int k) => Vec(x * k, y * k);
  Vec operator -() => Vec(-x, -y);
  bool operator <(Vec o) => lengthSquared < o.lengthSquared;

  int get lengthSquared => x * x + y * y;

  @override
  bool operator ==(Object other) =>
      other is Vec && other.x == x && other.y == y;

  @override
  int get hashCode => x * 31 + y;

  @override
  String toString() => 'Vec($x, $y)';
}

class Matrix {
  final int rows, cols;
  final List<int> _data;

  Matrix(this.rows, this.cols) : _data = List.filled(rows * cols, 0);

  int operator [](int index) => _data[index];
  void operator []=(int index, int value) {
    _data[index] = value;
  }

  int at(int r, int c) => _data[r * cols + c];
  void put(int r, int c, int v) => _data[r * cols + c] = v;

  Matrix operator *(Matrix o) {
    var m = Matrix(rows, o.cols);
    for (var i = 0; i < rows; i++) {
      for (var j = 0; j < o.cols; j++) {
        var sum = 0;
        for (var k = 0; k < cols; k++) {
          sum += at(i, k) * o.at(k, j);
        }
        m.put(i, j, sum);
      }
    }
    return m;
  }

  @override
  String toString() {
    var lines = <String>[];
    for (var i = 0; i < rows; i++) {
      lines.add([for (var j = 0; j < cols; j++) at(i, j)].join(' '));
    }
    return lines.join('\n');
  }
}

void main() {
  var a = Vec(1, 2);
  var b = Vec(3, 4);
  print(a + b);
  print(b - a);
  print(a * 3);
  print(-a);
  print(a < b);
  print(b < a);
  print(a == Vec(1, 2));
  print(a != b);
  print(identical(a, Vec(1, 2)));
  print(a.hashCode == Vec(1, 2).hashCode);

  var v = a;
  v += b;
  v *= 2;
  print(v);

  var visits = <Vec, int>{};
  for (var p in [Vec(0, 0), Vec(1, 1), Vec(0, 0), Vec(2, 0), Vec(1, 1), Vec(0, 0)]) {
    visits[p] = (visits[p] ?? 0) + 1;
  }
  print(visits);
  var unique = {Vec(5, 5), Vec(5, 5), const Vec(6, 6)};
  print(unique.length);
  print(unique.contains(Vec(6, 6)));

  var m = Matrix(2, 2);
  m[0] = 1;
  m[1] = 2;
  m[2] = 3;
  m[3] = 4;
  m[3] += 10;
  print(m[3]);
  print(m);
  var sq = m * m;
  print(sq);
}
