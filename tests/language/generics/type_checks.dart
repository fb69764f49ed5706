// Runtime type checks with generic collections: reified type arguments,
// covariance of generic classes and inference of collection literals.

class Animal {
  @override
  String toString() => 'animal';
}

class Cat extends Animal {
  @override
  String toString() => 'cat';
}

void main() {
  var ints = [1, 2, 3];
  print(ints is List<int>);
  print(ints is List<num>);
  print(ints is List<Object>);
  print(ints is List<String>);

  List<num> nums = <num>[1, 2.5];
  print(nums is List<int>);
  print(nums is List<num>);

  var mixed = [1, 2.5];
  print(mixed is List<num>);
  print(mixed is List<int>);

  var map = {'a': 1, 'b': 2};
  print(map is Map<String, int>);
  print(map is Map<Object, Object>);
  print(map is Map<int, String>);

  var set = {1.5, 2.5};
  print(set is Set<double>);
  print(set is Iterable<num>);

  var cats = <Cat>[Cat()];
  List<Animal> animals = cats;
  print(animals is List<Cat>);
  print(animals);
  try {
    animals.add(Animal());
    print('added');
  } on TypeError {
    print('TypeError: cannot add an Animal to a List<Cat>');
  }
  print(animals.length);

  Object o = <String, List<int>>{'k': [1]};
  if (o is Map<String, List<int>>) {
    print('map of lists with ${o['k']!.length} element');
  }

  var empty = [];
  print(empty is List<dynamic>);
  empty.add('anything');
  empty.add(42);
  print(empty);

  var fns = [(int x) => x + 1, (int x) => x * 2];
  print(fns is List<int Function(int)>);
  print(fns.fold<int>(5, (acc, f) => f(acc)));
}
