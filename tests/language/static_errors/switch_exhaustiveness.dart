// Switches that miss values of their scrutinee's type: a switch expression always
// needs to be exhaustive, a switch statement when its type is "always exhaustive"
// (bool, enums, sealed classes, and nullable types and records of them).
sealed class Shape {}

class Square extends Shape {
  final bool filled;
  Square(this.filled);
}

class Circle extends Shape {}

enum Colour { red, green, blue }

String missingSubclass(Shape s) => switch (s) { Square() => 'square' };

String missingProperty(Shape s) => switch (s) {
      Square(filled: true) => 'filled',
      Circle() => 'circle',
    };

void missingEnumValue(Colour c) {
  switch (c) {
    case Colour.red:
    case Colour.green:
      print('warm');
  }
}

void missingFalse(bool b) {
  switch (b) {
    case true:
      print('yes');
  }
}

String missingNull(int? i) => switch (i) { int() => 'int' };

String missingRecordCase(bool b, Colour c) => switch ((b, c)) {
      (true, _) => 'true',
      (false, Colour.red) => 'red',
    };

String intNeedsWildcard(int i) => switch (i) { 0 => 'zero', 1 => 'one' };

String guardsMatchNothing(bool b) => switch (b) {
      true => 'yes',
      false when b == false => 'no',
    };

String relationalMatchesNothing(int i) => switch (i) {
      < 0 => 'negative',
      >= 0 => 'not negative',
    };

String listLengths(List<int> l) => switch (l) { [] => 'empty', [_] => 'one' };

String mapEntriesMatchNothing(Map<String, int> m) => switch (m) {
      {'a': _} => 'a',
    };

void main() {}
