// Literals with for/if/spread elements and no type arguments infer their element
// types from what the elements add, as plain literals do.
int f(int x) => x * 2;
void main() {
  final xs = [1, 2, 3];
  final a = [for (var x in xs) f(x)];
  print(a.runtimeType);
  final b = [for (var x in xs) x.toString()];
  print(b.runtimeType);
  final c = [...xs];
  print(c.runtimeType);
  final d = [if (xs.isEmpty) 1 else 2];
  print(d.runtimeType);
  final e = {for (var x in xs) x: '$x'};
  print(e.runtimeType);
  final g = xs.map((x) => x + 1).toList();
  print(g.runtimeType);
  more();
  sets();
}

void more() {
  final xs = [1, 2, 3];
  List<int>? maybe;
  final a = [...xs, ...?maybe, 4.5];
  print(a.runtimeType);
  final b = [for (var x in xs) if (x.isOdd) x else 'even'];
  print(b.runtimeType);
  final m = {'a': 1};
  final c = {...m, for (var x in xs) 'k$x': x};
  print(c.runtimeType);
  final d = [for (var x in xs) ?(x > 1 ? x : null)];
  print('${d.runtimeType} $d');
  final dyn = <dynamic>[1];
  print([...dyn].runtimeType);
  print([for (var i = 0; i < 2; i++) [i]].runtimeType);
  final e = [if (xs.isEmpty) 1];
  print(e.runtimeType);
  e.add(7);
  print(e);
}

void sets() {
  final xs = [1, 2, 2, 3];
  final a = {for (var x in xs) x};
  print('${a.runtimeType} $a');
  final b = {...xs, if (xs.isEmpty) 0};
  print('${b.runtimeType} $b');
  final c = {for (var x in xs) 'v$x'};
  print('${c.runtimeType} $c');
  final d = {1, 2};
  print(d.runtimeType);
  a.add(9);
  print(a);
}
