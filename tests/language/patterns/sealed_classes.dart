// Sealed class hierarchies with exhaustive switches (no default needed),
// a small expression tree evaluator and a Result type.

sealed class Shape {}

class Circle extends Shape {
  final double radius;
  Circle(this.radius);
}

class Square extends Shape {
  final double side;
  Square(this.side);
}

class Rect extends Shape {
  final double w, h;
  Rect(this.w, this.h);
}

double area(Shape s) => switch (s) {
      Circle(radius: var r) => 3.0 * r * r,
      Square(side: var a) => a * a,
      Rect(:var w, :var h) => w * h,
    };

String name(Shape s) {
  switch (s) {
    case Circle():
      return 'circle';
    case Square():
      return 'square';
    case Rect(w: var w, h: var h) when w == h:
      return 'square-ish rect';
    case Rect():
      return 'rect';
  }
}

sealed class Expr {}

class Num extends Expr {
  final int value;
  Num(this.value);
}

class Add extends Expr {
  final Expr left, right;
  Add(this.left, this.right);
}

class Mul extends Expr {
  final Expr left, right;
  Mul(this.left, this.right);
}

class Neg extends Expr {
  final Expr inner;
  Neg(this.inner);
}

int eval(Expr e) => switch (e) {
      Num(:var value) => value,
      Add(:var left, :var right) => eval(left) + eval(right),
      Mul(:var left, :var right) => eval(left) * eval(right),
      Neg(:var inner) => -eval(inner),
    };

String show(Expr e) => switch (e) {
      Num(value: var v) when v < 0 => '($v)',
      Num(:var value) => '$value',
      Add(:var left, :var right) => '(${show(left)} + ${show(right)})',
      Mul(:var left, :var right) => '${show(left)} * ${show(right)}',
      Neg(:var inner) => '-${show(inner)}',
    };

sealed class Result<T> {}

class Ok<T> extends Result<T> {
  final T value;
  Ok(this.value);
}

class Err<T> extends Result<T> {
  final String message;
  Err(this.message);
}

Result<int> parseAge(String s) {
  var n = int.tryParse(s);
  if (n == null) return Err('"$s" is not a number');
  if (n < 0) return Err('age cannot be negative');
  return Ok(n);
}

void main() {
  var shapes = [Circle(1), Square(2), Rect(2, 3), Rect(4, 4)];
  for (var s in shapes) {
    print('${name(s)}: ${area(s)}');
  }

  var expr = Add(Num(2), Mul(Num(3), Neg(Num(4))));
  print('${show(expr)} = ${eval(expr)}');
  var expr2 = Mul(Add(Num(1), Num(-5)), Num(6));
  print('${show(expr2)} = ${eval(expr2)}');

  for (var input in ['42', 'abc', '-3']) {
    var text = switch (parseAge(input)) {
      Ok(:var value) => 'age is $value',
      Err(:var message) => 'error: $message',
    };
    print(text);
  }
}
