// Covariant parameters are checked in the callee on every call: a subclass or a
// supertype view of a generic class may be handed values the declaration rejects.

class Box<T> {
  T? value;
  final List<T> items = [];
  void put(T x) {
    value = x;
    items.add(x);
  }

  void putAll(List<T> xs) => xs.forEach(put);
  void visit(void Function(T) f) => items.forEach(f);
}

class Animal {
  void eat(covariant num food) => print('Animal eats $food');
}

class Dog extends Animal {
  @override
  void eat(int food) => print('Dog eats $food');
}

class Shape {
  void scale(num factor) => print('Shape scaled by $factor');
}

class Square extends Shape {
  @override
  void scale(covariant int factor) => print('Square scaled by $factor');
}

void attempt(String label, void Function() body) {
  try {
    body();
    print('$label: ok');
  } on TypeError catch (e) {
    print('$label: $e');
  }
}

void main() {
  Box<Object> objects = Box<int>();
  attempt('put int', () => objects.put(1));
  attempt('put String', () => objects.put('one'));
  attempt('putAll', () => objects.putAll(<Object>[2]));
  attempt('putAll ints', () => objects.putAll(<int>[3, 4]));
  print(objects.value);

  Box<num?> nums = Box<int?>();
  attempt('put null', () => nums.put(null));
  attempt('put double', () => nums.put(2.5));

  // A contravariant use of T is safe: passing a function that accepts more is fine.
  Box<Object> viewed = Box<int>()..put(7);
  attempt('visit', () => viewed.visit((Object o) => print('visited $o')));

  Animal a = Dog();
  attempt('Dog eats int', () => a.eat(3));
  attempt('Dog eats double', () => a.eat(3.5));

  Shape s = Square();
  attempt('Square int', () => s.scale(2));
  attempt('Square double', () => s.scale(1.5));

  // A tear-off keeps the check (read through `dynamic`: a typed read of `put` would
  // itself be checked, as its type mentions T contravariantly).
  Function put = (objects as dynamic).put;
  attempt('tear-off', () => put('x'));
}
