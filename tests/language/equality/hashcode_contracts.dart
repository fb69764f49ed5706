// Equality and hashCode contracts: default identity equality, value
// equality with consistent hashCode, Object.hash, behavior as Set elements
// and Map keys, and identical() for canonicalized constants.

class IdentityPoint {
  final int x, y;
  IdentityPoint(this.x, this.y);
}

class ValuePoint {
  final int x, y;
  const ValuePoint(this.x, this.y);

  @override
  bool operator ==(Object other) =>
      other is ValuePoint && other.x == x && other.y == y;

  @override
  int get hashCode => Object.hash(x, y);

  @override
  String toString() => 'P($x,$y)';
}

class CaseInsensitive {
  final String text;
  CaseInsensitive(this.text);

  @override
  bool operator ==(Object other) =>
      other is CaseInsensitive && other.text.toLowerCase() == text.toLowerCase();

  @override
  int get hashCode => text.toLowerCase().hashCode;

  @override
  String toString() => text;
}

void main() {
  var a = IdentityPoint(1, 2);
  var b = IdentityPoint(1, 2);
  print(a == b);
  print(a == a);
  print(identical(a, a));
  print(a.hashCode == a.hashCode);
  print({a, b, a}.length);

  var p = ValuePoint(1, 2);
  var q = ValuePoint(1, 2);
  var r = ValuePoint(2, 1);
  print(p == q);
  print(identical(p, q));
  print(p.hashCode == q.hashCode);
  print(p == r);
  print({p, q, r}.length);
  print({p, q, r});

  var visited = <ValuePoint, String>{};
  visited[ValuePoint(0, 0)] = 'start';
  visited[ValuePoint(0, 0)] = 'start again';
  visited[ValuePoint(1, 0)] = 'east';
  print(visited);
  print(visited[const ValuePoint(1, 0)]);
  print(visited.containsKey(ValuePoint(5, 5)));

  print(identical(const ValuePoint(3, 3), const ValuePoint(3, 3)));
  print([ValuePoint(1, 1)].contains(ValuePoint(1, 1)));
  print([IdentityPoint(1, 1)].contains(IdentityPoint(1, 1)));
  print([p, q, r].indexOf(ValuePoint(2, 1)));

  var tags = {CaseInsensitive('Dart'), CaseInsensitive('DART'), CaseInsensitive('rust')};
  print(tags);
  print(tags.contains(CaseInsensitive('RUST')));

  print('abc' == 'a' + 'bc');
  print('abc'.hashCode == ('ab' + 'c').hashCode);
  print(1 == 1.0);
  print(1.hashCode == 1.0.hashCode);
  print(Object.hash(1, 2) == Object.hash(1, 2));
  print(Object.hashAll([1, 2, 3]) == Object.hashAll([1, 2, 3]));
  print(null == null);
  print(identical(null, null));
  print(identical(1, 1));
  print(identical('x', 'x'));
  var list1 = [1, 2];
  var list2 = [1, 2];
  print(list1 == list2);
  print(identical(const [1, 2], const [1, 2]));
}
