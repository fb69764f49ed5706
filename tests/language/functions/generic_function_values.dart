// Calling a generic function through a value (a parameter of generic function type, a
// `Function`, `dynamic`) with written type arguments passes them to the function.

List<E> make<E>(E x) => [x];

Map<K, V> pair<K, V extends Object>(K key, V value) => {key: value};

List<Type> typesOf<A, B extends num>() => [A, B];

void useFactory(List<E> create<E>(E x)) {
  final ints = create<int?>(1);
  print('${ints.runtimeType} $ints');
  List<int?> typed = create<int?>(null);
  print(typed);
  try {
    List<String> wrong = create<Object>('s') as dynamic;
    print(wrong);
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
}

class Box<T extends Object> {
  final T value;
  Box(this.value);
  Box.of(List<T> values) : value = values.first;
  @override
  String toString() => 'Box<$T>($value)';
}

void constructorTearOffs() {
  final make = Box.new;
  final of = Box.of;
  print(make<num>(1));
  print(of<String>(['a', 'b']));
  Box<int> Function(int) typed = Box.new;
  print(typed(3));
  dynamic dyn = Box.new;
  print(dyn<Object>('x'));
}

void main() {
  constructorTearOffs();
  useFactory(make);
  Function f = make;
  print(f<String>('a').runtimeType);
  dynamic d = pair;
  print(d<String, int>('k', 1).runtimeType);
  final t = typesOf;
  print(t<String, int>());
  Function untyped = typesOf;
  print(untyped());
  final plain = (int x) => x + 1;
  dynamic dyn = plain;
  try {
    dyn<int>(1);
  } on NoSuchMethodError {
    print('NoSuchMethodError: a non-generic function takes no type arguments');
  }
}
