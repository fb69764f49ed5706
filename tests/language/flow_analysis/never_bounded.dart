// Type parameters bounded by `Never` (or nullable ones) in code that is valid: what
// comes before the impossible value stays reachable and assigned.

int before<T extends Never>(T n) {
  final i = 1;
  if (i > 0) return i;
  n;
  return 2;
}

String nullable<T extends Never>(T? n) {
  late String s;
  if (n == null) {
    s = 'null is the only value';
  } else {
    s = 'unreachable';
  }
  return s;
}

void main() {
  final int Function(Never) g = before<Never>;
  print(g is int Function(Never));
  print(nullable<Never>(null));
}
