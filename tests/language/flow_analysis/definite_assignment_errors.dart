// Definite assignment: reads of locals that may be unassigned and second assignments
// to final locals are compile-time errors.
void main() {
  int x;
  if (DateTime.now().millisecondsSinceEpoch > 0) x = 1;
  print(x);
  late int l;
  print(l);
  final f;
  f = 1;
  f = 2;
  late final g;
  g = 1;
  g = 2;
  final int h;
  print(h);
  final k;
  for (var i = 0; i < 2; i++) {
    k = i;
  }
}
