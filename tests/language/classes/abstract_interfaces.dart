// Abstract classes with abstract and concrete members, implementing
// several interfaces, using a class as an interface with `implements`,
// and type tests against interfaces.

abstract class Shape {
  String get name;
  double area();
  double perimeter();

  String report() =>
      '$name: area=${area().toStringAsFixed(2)} '
      'perimeter=${perimeter().toStringAsFixed(2)}';
}

class Circle extends Shape {
  final double radius;
  Circle(this.radius);

  @override
  String get name => 'circle';
  @override
  double area() => 3.14159 * radius * radius;
  @override
  double perimeter() => 2 * 3.14159 * radius;
}

class Rect extends Shape {
  final double w, h;
  Rect(this.w, this.h);

  @override
  String get name => w == h ? 'square' : 'rect';
  @override
  double area() => w * h;
  @override
  double perimeter() => 2 * (w + h);
}

abstract class Drawable {
  String draw();
}

abstract class Resizable {
  void scale(double factor);
}

class Sprite implements Drawable, Resizable {
  double size;
  Sprite(this.size);

  @override
  String draw() => 'sprite(${size.toStringAsFixed(1)})';

  @override
  void scale(double factor) {
    size *= factor;
  }
}

class Greeter {
  String greet(String who) => 'Hello, $who';
}

class LoudGreeter implements Greeter {
  @override
  String greet(String who) => 'HEY, ${who.toUpperCase()}!';
}

void main() {
  var shapes = <Shape>[Circle(1), Rect(2, 3), Rect(2.5, 2.5)];
  for (var s in shapes) {
    print(s.report());
  }
  var total = 0.0;
  for (var s in shapes) {
    total += s.area();
  }
  print('total area ${total.toStringAsFixed(3)}');

  var sprite = Sprite(2);
  print(sprite.draw());
  sprite.scale(1.5);
  print(sprite.draw());
  print(sprite is Drawable);
  print(sprite is Resizable);
  print(sprite is Shape);

  var things = <Object>[sprite, Circle(2), 'text', 42];
  for (var t in things) {
    if (t is Drawable) {
      print('drawable: ${t.draw()}');
    } else if (t is Shape) {
      print('shape: ${t.name}');
    } else {
      print('other: $t');
    }
  }

  var greeters = [Greeter(), LoudGreeter()];
  for (var g in greeters) {
    print(g.greet('bob'));
  }
  print(LoudGreeter() is Greeter);
}
