extension type Meters(double value) {
  Meters operator +(Meters other) => Meters(value + other.value);
}
extension type const Id._(int raw) implements Object {
  const Id(int raw) : this._(raw);
  factory Id.parse(String s) => Id(int.parse(s));
  bool get isValid => raw > 0;
}
extension type Wrapper<T>(List<T> items) implements Iterable<T> {}
extension type Named.make(@deprecated String s) {}
