// Object.hash with up to twenty values (an omitted value is not null),
// Object.hashAllUnordered, Duration's ~/ and unary minus, and the IndexError
// constructors (RangeError.index leaves the name null).

class Big {
  final List<int> v;
  Big(this.v);
  @override
  int get hashCode => Object.hash(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
      v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19]);
  @override
  bool operator ==(Object other) => other is Big && other.hashCode == hashCode;
}

void main() {
  print(Object.hash(1, 2) == Object.hash(1, 2));
  print(Object.hash(1, 2) == Object.hash(2, 1));
  print(Object.hash(1, 2) == Object.hash(1, 2, null));
  print(Object.hash("a", null, null) == Object.hash("a", null, null));
  final values = List.generate(20, (i) => i * 7);
  print(Big(values).hashCode == Big(List.of(values)).hashCode);
  print({Big(values), Big(List.of(values))}.length);
  print(Object.hashAll([1, 2, 3]) == Object.hashAll([1, 2, 3]));
  print(Object.hashAll([1, 2, 3]) == Object.hashAll([3, 2, 1]));
  print(Object.hashAllUnordered(["x", "y", "z"]) == Object.hashAllUnordered({"z", "x", "y"}));
  print(Object.hashAllUnordered([1, 1]) == Object.hashAllUnordered([1]));
  print(Object.hash(1, 2) >= 0 && Object.hashAll([]) >= 0 && Object.hashAllUnordered([-5]) >= 0);

  const d = Duration(minutes: 1, seconds: 30);
  print(-d);
  print(-(-d) == d);
  print(d ~/ 4);
  print(d ~/ -7);
  print(const Duration(microseconds: 10) ~/ 3);
  try {
    print(d ~/ 0);
  } on UnsupportedError catch (e) {
    print(e);
  }

  final e1 = RangeError.index(5, [1, 2, 3]);
  print([e1.name, e1.message, e1.invalidValue, (e1 as IndexError).length]);
  print(e1);
  final e2 = RangeError.index(-1, "abc", "position", null, 10);
  print(e2);
  // ignore: deprecated_member_use
  final e3 = IndexError(4, [0, 1], "i", "custom");
  print([e3.indexable, e3.length, e3.start, e3.end]);
  print(e3);
  print(IndexError.check(1, 2));
  try {
    IndexError.check(2, 2, indexable: "ab");
  } on IndexError catch (e) {
    print(e);
  }
  try {
    RangeError.checkValidIndex(9, [1, 2]);
  } on IndexError catch (e) {
    print(e);
  }
}
