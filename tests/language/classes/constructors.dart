// Generative, named, redirecting, factory and const constructors,
// initializer lists, and the order in which initializers run.

var log = <String>[];

int note(String what, int value) {
  log.add(what);
  return value;
}

class Point {
  final int x;
  final int y;

  Point(this.x, this.y);
  Point.origin() : this(0, 0);
  Point.onDiagonal(int v) : this(v, v);
  Point.fromList(List<int> xy)
      : x = xy[0],
        y = xy[1];

  int get manhattan => x.abs() + y.abs();

  @override
  String toString() => '($x, $y)';
}

class Rect {
  final Point topLeft;
  final int width, height;
  final int area;

  Rect(this.topLeft, this.width, this.height)
      : area = width * height,
        assert(width >= 0);

  Rect.square(Point p, int side) : this(p, side, side);

  @override
  String toString() => 'Rect at $topLeft ${width}x$height (area $area)';
}

class Temperature {
  final double celsius;
  Temperature.fromCelsius(this.celsius);
  Temperature.fromFahrenheit(double f) : celsius = (f - 32) * 5 / 9;
  double get fahrenheit => celsius * 9 / 5 + 32;
}

class Logger {
  static final Map<String, Logger> _cache = {};
  final String name;
  int messages = 0;

  Logger._internal(this.name);

  factory Logger(String name) {
    return _cache.putIfAbsent(name, () {
      print('creating logger $name');
      return Logger._internal(name);
    });
  }

  void log(String msg) {
    messages++;
    print('[$name] $msg');
  }
}

class Color {
  final int r, g, b;
  const Color(this.r, this.g, this.b);
  static const black = Color(0, 0, 0);
  @override
  String toString() => 'Color($r, $g, $b)';
}

class Ordered {
  final int a;
  final int b;
  int c;
  Ordered()
      : a = note('a', 1),
        b = note('b', 2),
        c = note('c', 3) {
    log.add('body');
    c = a + b + c;
  }
}

void main() {
  print(Point(3, -4));
  print(Point.origin());
  print(Point.onDiagonal(5));
  print(Point.fromList([7, 8]));
  print(Point(3, -4).manhattan);

  print(Rect(Point(1, 1), 4, 3));
  print(Rect.square(Point.origin(), 5));

  var t = Temperature.fromFahrenheit(212);
  print(t.celsius);
  print(Temperature.fromCelsius(37).fahrenheit);

  var l1 = Logger('net');
  var l2 = Logger('db');
  var l3 = Logger('net');
  l1.log('connected');
  l3.log('sent');
  l2.log('query');
  print(identical(l1, l3));
  print('net messages: ${l1.messages}');

  const c1 = Color(1, 2, 3);
  const c2 = Color(1, 2, 3);
  var c3 = Color(1, 2, 3);
  print(identical(c1, c2));
  print(identical(c1, c3));
  print(identical(Color.black, const Color(0, 0, 0)));
  print(c3);

  var o = Ordered();
  print(log);
  print(o.c);
}
