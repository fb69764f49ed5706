// Type arguments that do not match their type parameters: a wrong count, a type that
// is not a subtype of its bound, and type arguments on a type variable.

class Animal {}

class Dog extends Animal {}

class Kennel<T extends Dog> {}

class Range<T extends num> {}

class Pair<X extends num, Y extends X> {}

typedef Handler<T extends Dog> = void Function(T);

class Plain {}

class Holder<T> {
  void hold() {
    T<int>? inner;
  }
}

void noTypes() {}

T same<T>(T x) => x;

void main() {
  Kennel<Animal>? k1;
  var k2 = Kennel<Animal>();
  var k3 = new Kennel<Animal>();
  Range<String>? r1;
  Range<int?>? r2;
  Range<Null>? r3;
  Pair<int, double>? p;
  Handler<Animal>? h;
  Range<int, int>? two;
  Plain<int>? plain;
  dynamic<int>? d;
  noTypes<int>();
  same<int, String>(1);
  var triple = <int, int, int>{};
}
