// Every length-changing operation on a fixed-length list throws UnsupportedError before
// looking at its arguments or elements (even when nothing would be removed).
void attempt(String what, void Function() f) {
  try {
    f();
    print("$what: ok");
  } catch (e) {
    print("$what: $e");
  }
}

void main() {
  for (final l in [<int?>[].toList(growable: false), List<int?>.filled(2, 0)]) {
    print(l);
    attempt("clear", () => l.clear());
    attempt("length=", () => l.length = 5);
    attempt("add", () => l.add(null));
    attempt("insertAll", () => l.insertAll(0, [1]));
    attempt("remove", () => l.remove(42));
    attempt("removeLast", () => l.removeLast());
    attempt("removeRange", () => l.removeRange(0, 1));
    attempt("removeWhere", () => l.removeWhere((x) => false));
    attempt("retainWhere", () => l.retainWhere((x) => true));
    attempt("replaceRange", () => l.replaceRange(0, 1, []));
    attempt("[]=", () => l.isEmpty ? null : l[0] = 7);
    print(l);
  }
  final growable = [1, 2, 3, 2];
  print(growable.remove(2));
  growable.removeWhere((x) => x == 3);
  growable.replaceRange(0, 1, [5, 6]);
  print(growable);
}
