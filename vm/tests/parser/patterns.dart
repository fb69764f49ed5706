void main(Object? o) {
  switch (o) {
    case 1:
    case -1:
    case 1.5:
    case 'string':
    case true:
    case null:
    case #sym:
    case const Point(1, 2):
    case const [1, 2]:
    case const {'a': 1}:
    case const (1 + 2):
    case Color.red:
    case prefix.Color.blue:
    case == 5:
    case != 5:
    case < 5:
    case <= 5:
    case > 5:
    case >= 5:
    case > 0 && < 10:
    case 1 || 2 || 3:
    case (1 || 2) && > 0:
    case var x:
    case final y:
    case final int z:
    case int w:
    case _:
    case int _:
    case String? maybe:
    case var n?:
    case var n!:
    case num n as int:
    case [a, b, c]:
    case [var first, ...var rest]:
    case [_, ..., _]:
    case <int>[var only]:
    case {'key': var v, 'other': 1}:
    case <String, int>{'a': _, ...}:
    case (1, 2):
    case (var a, b: var b):
    case (x: 1, :var y):
    case (var single,):
    case ():
    case Point(x: 0, y: var y):
    case Point(:var x, :final y):
    case Point<int>(x: > 0):
    case prefix.Point():
    case (int, String) pair:
    case void Function() fn:
    case [Point(x: var px), ...] when px > 0:
      break;
  }
  if (o case int x) print(x);
  if (o case [int a, int b] when a > b) {
  } else if (o case String s) {
  } else {}
}
