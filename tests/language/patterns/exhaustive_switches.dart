// Switches that are exhaustive without a catch-all case: none is a compile-time error,
// and after a switch statement over an always-exhaustive type no "no case matched"
// path exists (a local every case assigns is definitely assigned).
sealed class Shape {}

class Square extends Shape {
  final bool filled;
  Square(this.filled);
}

sealed class Round extends Shape {}

class Circle extends Round {}

class Oval extends Round {}

enum Colour { red, green, blue }

sealed class Box<T> {}

class Full<T> extends Box<T> {
  final T value;
  Full(this.value);
}

class Empty<T> extends Box<T> {}

class IntOnly extends Box<int> {}

String nested(Shape s) => switch (s) {
      Square(filled: true) => 'filled square',
      Square(filled: false) => 'empty square',
      Circle() => 'circle',
      Oval() => 'oval',
    };

String bySupertype(Shape s) => switch (s) { Square() => 'square', Round() => 'round' };

String orPatterns(Colour c) => switch (c) {
      Colour.red || Colour.green => 'warm',
      Colour.blue => 'cold',
    };

String nullable(Colour? c) => switch (c) { null => 'none', Colour() => c.name };

String records(bool a, bool b) => switch ((a, b)) {
      (true, true) => 'both',
      (true, false) || (false, true) => 'one',
      (false, false) => 'neither',
    };

String named(({bool on, Colour colour}) r) => switch (r) {
      (on: true, colour: _) => 'on',
      (on: false, colour: Colour.red) => 'red off',
      (on: false, colour: Colour.green || Colour.blue) => 'other off',
    };

String lists(List<int> l) => switch (l) {
      [] => 'empty',
      [var x] => 'one: $x',
      [var first, ..., var last] => '$first..$last',
    };

String boolLists(List<bool> l) => switch (l) {
      [] => 'empty',
      [true, ...] => 'starts true',
      [false, ...] => 'starts false',
    };

// `IntOnly` is never a `Box<String>`.
String generic(Box<String> b) => switch (b) { Full(:var value) => value, Empty() => 'empty' };

String nullAssert(int? i) => switch (i) { int x! => 'int $x' };

// The cast throws on `null`, so covering its type covers everything.
String cast(Object? o) => switch (o) { Object _ as Object => 'object' };

String typed(num n) => switch (n) { int() => 'int', double() => 'double', num() => 'num' };

String guardedThenCatchAll(int i) => switch (i) {
      var x when x < 0 => 'negative',
      _ => 'not negative',
    };

int assignedByEveryCase(Colour c) {
  int x;
  switch (c) {
    case Colour.red:
      x = 1;
    case Colour.green:
      x = 2;
    case Colour.blue:
      x = 3;
  }
  return x;
}

// Not always exhaustive (`int`): a switch statement may leave values unmatched.
void intStatement(int i) {
  switch (i) {
    case 1:
      print('one');
  }
}

void main() {
  print(nested(Square(true)));
  print(nested(Oval()));
  print(bySupertype(Circle()));
  print(orPatterns(Colour.green));
  print(nullable(null));
  print(nullable(Colour.blue));
  print(records(true, false));
  print(named((on: false, colour: Colour.blue)));
  print(lists([1, 2, 3]));
  print(lists([7]));
  print(boolLists([false, true]));
  print(generic(Full('full')));
  print(generic(Empty()));
  print(nullAssert(3));
  print(cast('x'));
  print(typed(2.5));
  print(guardedThenCatchAll(-1));
  print(assignedByEveryCase(Colour.green));
  intStatement(2);
  intStatement(1);
}
