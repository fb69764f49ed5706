// In a switch expression, `when (g) => e` is the guard `(g)` followed by the case's
// `=>`, not a function literal `(g) => e`. Function literals nested in brackets inside
// a guard are still function literals.

String describe(Object o, bool flag) => switch (o) {
      int i when (i > 10) => 'big $i',
      int i when (flag) => (i.isEven ? 'flag even' : 'flag odd'),
      String s when ([1, 2].any((x) => x == s.length)) => 'short string $s',
      String s when (s.isEmpty || flag) => 'empty or flagged',
      _ => 'other',
    };

void main() {
  print(describe(11, false));
  print(describe(4, true));
  print(describe(3, true));
  print(describe('ab', false));
  print(describe('', false));
  print(describe('abc', true));
  print(describe(2.5, true));
  final f = switch (1) { 1 when (true) => (int c) => c + 1, _ => (int c) => c };
  print(f(41));
}
