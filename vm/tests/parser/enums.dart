enum Color { red, green, blue }
enum Trailing { a, b, }
enum Planet implements Comparable<Planet> {
  mercury(mass: 3.303e+23, radius: 2.4397e6),
  venus(mass: 4.869e+24, radius: 6.0518e6),
  earth.custom(5.976e+24);

  const Planet({required this.mass, required this.radius});
  const Planet.custom(this.mass) : radius = 6.37814e6;

  final double mass;
  final double radius;

  double get surfaceGravity => 6.67300E-11 * mass / (radius * radius);

  @override
  int compareTo(Planet other) => mass.compareTo(other.mass);
}
enum Generic<T> with Mixin<T> implements Interface {
  @Deprecated('x') first<int>(1),
  second<String>.named('two'),
  third.named(null);

  const Generic(this.value);
  const Generic.named(this.value);
  final Object? value;
  static Generic<Object?> get firstValue => first;
}
mixin Mixin<T> {}
abstract class Interface {}
