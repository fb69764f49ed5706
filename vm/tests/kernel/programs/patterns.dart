sealed class Shape {}

class Circle extends Shape {
  final double r;
  Circle(this.r);
}

class Rect extends Shape {
  final double w, h;
  Rect(this.w, this.h);
}

double area(Shape s) => switch (s) {
      Circle(r: var radius) => 3 * radius * radius,
      Rect(:var w, :var h) when w == h => w * w,
      Rect(w: final w, h: final h) => w * h,
    };

String classify(Object? o) {
  switch (o) {
    case null:
      return 'null';
    case int n when n < 0:
      return 'negative $n';
    case 0 || 1:
      return 'bit';
    case int n:
      return 'int $n';
    case String s when s.isEmpty:
      return 'empty string';
    case String(length: > 3) && var s:
      return 'long string $s';
    case String s:
      return 'string $s';
    case [var first, ...var rest]:
      return 'list starting $first then $rest';
    case {'k': var v}:
      return 'map with k=$v';
    case double d:
      return 'num ${d + 0.5}';
    default:
      return 'other';
  }
}

void main() {
  print(area(Circle(2)));
  print(area(Rect(3, 3)));
  print(area(Rect(2, 5)));
  for (final o in [null, -5, 0, 1, 7, '', 'hello', 'hi', [1, 2, 3], <int>[], {'k': 9}, 2.5, true]) {
    print(classify(o));
  }
  final pair = [3, 4];
  if (pair case [var a, var b] when a < b) {
    print('ordered $a $b');
  } else {
    print('not');
  }
  final fns = <Function>[];
  switch (42) {
    case var x:
      fns.add(() => x);
  }
  print(fns[0]());
  print(switch (5) { > 3 => 'big', _ => 'small' });
}
