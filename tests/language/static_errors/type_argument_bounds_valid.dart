// Type arguments the bound checks must accept: subtypes, nullable bounds, type
// variables, top types (super-bounded), Never, F-bounded and dependent bounds.

class Animal {}

class Dog extends Animal {}

class Puppy extends Dog {}

class Kennel<T extends Dog> {
  List<T> dogs = [];
}

class Maybe<T extends num?> {}

class Sorted<T extends Comparable<T>> {
  final List<T> items;
  Sorted(this.items);
}

class Pair<X extends num, Y extends X> {}

class Wrapper<T extends Dog> {
  Kennel<T> kennel = Kennel<T>();
}

typedef Handler<T extends Dog> = void Function(T);

T same<T>(T x) => x;

void main() {
  Kennel<Dog> k1 = Kennel<Dog>();
  Kennel<Puppy> k2 = Kennel();
  Kennel<dynamic>? k3;
  Kennel<Never>? k4;
  Kennel<Object?>? k5;
  Maybe<int?>? m1;
  Maybe<Null>? m2;
  Sorted<int> s = Sorted<int>([3, 1, 2]);
  Sorted<String>? s2;
  Pair<num, int>? p1;
  Pair<int, int>? p2;
  Wrapper<Puppy> w = Wrapper<Puppy>();
  Handler<Puppy> h = (Puppy p) {};
  print(k1.dogs.length + k2.dogs.length);
  print(s.items);
  print(w.kennel.dogs);
  print(same<int>(4));
  print(h is Function);
  print([k3, k4, k5, m1, m2, s2, p1, p2]);
}
