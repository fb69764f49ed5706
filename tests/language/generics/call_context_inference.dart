// A generic function's type argument bound only by its return type comes from the
// call's context: a declared variable's type or a declaration pattern's written type.
T decode<T extends Object?>(Object? raw) {
  print('decode as $T');
  return raw as T;
}

List<T> repeat<T>(T value, int n) => [for (var i = 0; i < n; i++) value];

void main() {
  Map<String, int> counts = decode(<String, int>{'a': 1});
  print(counts);
  List<String> names = decode(<String>['x']);
  print(names);
  var <String, int>{'a': a} = decode(<String, int>{'a': 7});
  print(a);
  var <int>[first, ...] = decode(<int>[3, 4]);
  print(first);
  final r = repeat(2, 3);
  print(r.runtimeType);
  List<num> nums = repeat(1, 2);
  nums.add(2.5);
  print(nums);
}
