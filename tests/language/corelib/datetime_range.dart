// DateTime's range, ±8,640,000,000,000,000 ms (100,000,000 days) from the epoch: the
// constructors, add/subtract and the epoch constructors throw the VM's errors past it.
void attempt(String label, DateTime Function() make) {
  try {
    print("$label: ${make()}");
  } on RangeError catch (e) {
    print("$label: RangeError ${e.start} ${e.end} ${e.invalidValue} | $e");
  } on ArgumentError catch (e) {
    print("$label: ArgumentError | $e");
  }
}

void main() {
  const max = 8640000000000000;
  attempt("max ms", () => DateTime.fromMillisecondsSinceEpoch(max, isUtc: true));
  attempt("min ms", () => DateTime.fromMillisecondsSinceEpoch(-max, isUtc: true));
  attempt("max+1 ms", () => DateTime.fromMillisecondsSinceEpoch(max + 1, isUtc: true));
  attempt("min-1 ms", () => DateTime.fromMillisecondsSinceEpoch(-max - 1));
  attempt("max us", () => DateTime.fromMicrosecondsSinceEpoch(max * 1000, isUtc: true));
  attempt("max+1 us", () => DateTime.fromMicrosecondsSinceEpoch(max * 1000 + 1, isUtc: true));
  attempt("max+1000 us", () => DateTime.fromMicrosecondsSinceEpoch(max * 1000 + 1000, isUtc: true));
  attempt("min-1 us", () => DateTime.fromMicrosecondsSinceEpoch(-max * 1000 - 1, isUtc: true));
  attempt("utc last", () => DateTime.utc(275760, 9, 13));
  attempt("utc past last", () => DateTime.utc(275760, 9, 13, 0, 0, 0, 0, 1));
  attempt("utc first", () => DateTime.utc(-271821, 4, 20));
  attempt("utc before first", () => DateTime.utc(-271821, 4, 19, 23, 59, 59, 999, 999));
  attempt("local far", () => DateTime(300000));
  attempt("add past", () => DateTime.utc(275760, 9, 13).add(const Duration(microseconds: 1000)));
  attempt("subtract past",
      () => DateTime.utc(-271821, 4, 20).subtract(const Duration(days: 1)));
  attempt("add back", () => DateTime.utc(275760, 9, 13).add(const Duration(days: -1)));
}
