// Type arguments that are neither written nor inferred are the type parameters' bounds
// ("instantiate to bound"), for classes and generic functions; the type a generic
// method call flows into fixes its type arguments, as for static functions.

class Shape {}

class Circle extends Shape {}

class Canvas<S extends Shape, F extends S> {
  String describe() => 'Canvas<$S, $F>';
}

class Meter<N extends num> {
  final N? reading;
  Meter([this.reading]);
  String describe() => 'Meter<$N>($reading)';
}

T orDefault<T extends num>([T? value]) {
  print('orDefault<$T>');
  return value ?? (0 as T);
}

List<Type> both<K, V extends Object>() => [K, V];

class Decoder {
  T decode<T>(Object? raw) {
    print('decode<$T>');
    return raw as T;
  }

  List<E> many<E extends Object>(List<Object?> raw) => raw.cast<E>();
}

void main() {
  print(Canvas().describe());
  print(Canvas<Circle, Circle>().describe());
  print(Meter().describe());
  print(Meter(2.5).describe());
  print(Meter<int>(3).describe());

  orDefault();
  orDefault(7);
  num n = orDefault();
  print(n);
  print(both());
  print(both<int, String>());

  final d = Decoder();
  String s = d.decode('text');
  int? maybe = d.decode(null);
  print('$s $maybe');
  List<int> ints = d.many([1, 2]);
  print('${ints is List<int>} $ints');
  final objects = d.many([3]);
  print('${objects is List<Object>} ${objects is List<int>}');
  try {
    int wrong = d.decode('not an int');
    print(wrong);
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
  dynamicCalls();
}

class Dynamic {
  List<Type> kinds<K, V extends num>() => [K, V];
}

void dynamicCalls() {
  dynamic target = Dynamic();
  print(target.kinds());
  print(target.kinds<String, int>());
  int Function(int) same = identity;
  print('${same(5)} ${same.runtimeType}');
}

T identity<T>(T x) => x;
