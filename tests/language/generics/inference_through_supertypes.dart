// A generic call's type argument is inferred through the argument's supertypes:
// `Iterable<T> Function(E)` against a closure returning `List<int>` binds T = int, a
// `Bag` (an `Iterable<String>`) passed for `Iterable<T>` binds T = String. dartrs matched only the same
// class, so these became List<dynamic>.

List<T> flatten<T>(Iterable<Iterable<T>> parts) => [for (final p in parts) ...p];
String elementType<T>(Iterable<T> items) => '$T';

class Bag extends Iterable<String> {
  @override
  Iterator<String> get iterator => ['a', 'b'].iterator;
}

void main() {
  final l = [1, 2, 3];
  final doubled = l.expand((x) => [x, x]).toList();
  print('${doubled.runtimeType} $doubled');
  final fromSet = flatten(<Set<int>>[
    {1},
    {2, 3},
  ]);
  print(fromSet.runtimeType);
  print(elementType(Bag()));
  print(elementType({1.5}));
  try {
    doubled.add('no' as dynamic);
  } on TypeError {
    print('a List<int> rejects a String');
  }
}
