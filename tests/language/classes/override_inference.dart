// A member that omits its return type or parameter types takes them from the member it
// overrides, so the types are checked as if written.

abstract class Named {
  String name(int id);
  num get size;
  set level(double value);
}

class Product extends Named {
  final Map<int, dynamic> catalog;
  Product(this.catalog);

  @override
  name(id) {
    print('id is ${id.runtimeType}');
    return catalog[id];
  }

  @override
  get size => catalog.length;

  @override
  set level(value) => print('level ${value.runtimeType} ${value.toStringAsFixed(1)}');
}

class Labelled {
  final Object label;
  Labelled(this.label);

  @override
  toString() {
    dynamic text = label;
    return text;
  }

  @override
  operator ==(other) => other is Labelled && other.label == label;

  @override
  int get hashCode => label.hashCode;
}

abstract class Transformer<T> {
  T apply(T input);
}

class Doubler implements Transformer<int> {
  @override
  apply(input) => input * 2;
}

void main() {
  final p = Product({1: 'lamp', 2: 42});
  print(p.name(1));
  try {
    print(p.name(2));
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
  print(p.size);
  p.level = 2;
  try {
    (p as dynamic).level = 'high';
  } on TypeError catch (e) {
    print('TypeError: $e');
  }

  print(Labelled('shelf'));
  print(Labelled('a') == Labelled('a'));
  try {
    print(Labelled(7).toString());
  } on TypeError catch (e) {
    print('TypeError: $e');
  }

  Transformer<int> t = Doubler();
  print(t.apply(21));
  try {
    (t as dynamic).apply('x');
  } on TypeError catch (e) {
    print('TypeError: $e');
  }
}
