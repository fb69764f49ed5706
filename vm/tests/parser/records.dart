(int, String) pair = (1, 'one');
(int, {String name}) mixed = (1, name: 'x');
({int x, int y}) point = (x: 1, y: 2);
() empty = ();
(int,) single = (1,);
(int, (String, bool))? nested;
({int a})? nullableNamed;
(int Function(int), List<(int, int)>) complex = ((x) => x, []);

(int, int) swap((int, int) p) => (p.$2, p.$1);

void main() {
  var r = (1, 2, name: 'n', 3);
  var paren = (1);
  var one = (1,);
  var none = ();
  var constRecord = const (1, 'a');
  print(r.$1 + r.name.length);
  final (int a, int b) = (1, 2);
  (int, int) local = (a, b);
}
