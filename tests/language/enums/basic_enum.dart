// Simple enums: toString, name, index, values, byName, equality, use as map
// keys and in exhaustive switch statements.

enum Color { red, green, blue }

enum Direction { north, east, south, west }

Direction turnRight(Direction d) {
  switch (d) {
    case Direction.north:
      return Direction.east;
    case Direction.east:
      return Direction.south;
    case Direction.south:
      return Direction.west;
    case Direction.west:
      return Direction.north;
  }
}

void main() {
  print(Color.red);
  print(Color.values);
  print(Color.green.name);
  print(Color.blue.index);
  print(Color.values.byName('green'));
  print(Color.values.length);
  for (var c in Color.values) {
    print('${c.index}: ${c.name} -> $c');
  }

  var c = Color.green;
  print(c == Color.green);
  print(c == Color.blue);
  print(identical(c, Color.values[1]));
  print(c is Enum);

  var d = Direction.north;
  var path = <String>[];
  for (var i = 0; i < 5; i++) {
    path.add(d.name);
    d = turnRight(d);
  }
  print(path.join(' > '));

  var counts = <Color, int>{};
  for (var pick in [Color.red, Color.blue, Color.red, Color.red]) {
    counts[pick] = (counts[pick] ?? 0) + 1;
  }
  print(counts);

  var sorted = [Direction.west, Direction.north, Direction.south];
  sorted.sort((a, b) => a.index.compareTo(b.index));
  print(sorted);
  print(Direction.values.map((d) => d.name.toUpperCase()).join(','));
  print('interpolated: ${Direction.east}');
}
