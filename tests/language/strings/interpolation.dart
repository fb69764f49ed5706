// String interpolation of identifiers and expressions, objects with
// toString, nulls, booleans, collections, and adjacent-literal concatenation.

class Point {
  final int x, y;
  Point(this.x, this.y);
  @override
  String toString() => 'Point($x, $y)';
}

void main() {
  var name = 'Dart';
  var version = 3;
  var pi = 3.14159;
  print('Hello, $name!');
  print('$name$version');
  print('${name}_$version');
  print('$name has ${name.length} letters');
  print('upper: ${name.toUpperCase()}, first: ${name[0]}');
  print('sum: ${1 + 2}, product: ${3 * 4}, nested: ${'[${version * 2}]'}');
  print('pi ~ ${pi.toStringAsFixed(2)}');
  print('cond: ${version > 2 ? 'new' : 'old'}');

  String? missing;
  print('missing: $missing');
  print('bool: ${true && !false}');
  print('list: ${[1, 2, 3]}');
  print('map: ${{'a': 1}}');
  print('point: ${Point(1, 2)}');
  var p = Point(3, 4);
  print('coords: ${p.x},${p.y} and $p');
  print('dollar: \$name and \${name}');
  print('price: \$${9.5}');

  var s = 'con' 'cat' "enated";
  print(s);
  var multi = 'one '
      'two '
      'three';
  print(multi);
  print('a' + 'b' + 'c');

  var count = 0;
  String next() => 'call${++count}';
  print('${next()} ${next()} ${next()}');
  print('count=$count');

  var items = ['x', 'y'];
  print('items: $items, length ${items.length}, last ${items.last}');
  print('$name.length is not ${name.length}');
}
