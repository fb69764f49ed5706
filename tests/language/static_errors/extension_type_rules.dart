// Compile-time errors of extension type declarations and uses: awaiting a value of an
// extension type that is not a Future, a constructor named like a static member, two
// superinterfaces that are the same extension type with different type arguments, and a
// member inherited from two distinct declarations; type arguments must meet the bounds.

extension type Wrapper(int value) {}

extension type Named(int id) {
  static int n() => 0;
  Named.n(this.id);
}

extension type Box<T>(int id) {}
extension type IntBox<T>(int id) implements Box<T> {}
extension type Mixed(int id) implements Box<int>, IntBox<String> {}

extension type Reader(int id) {
  String get label => "reader";
}

extension type Writer(int id) {
  set label(String value) {}
  String describe() => "writer";
}

extension type Describer(int id) {
  String describe() => "describer";
}

// Valid: a getter and a setter of one name do not conflict, and `id` is redeclared.
extension type ReadWrite(int id) implements Reader, Writer {}

// Invalid: describe() comes from Writer and from Describer.
extension type Both(int id) implements Writer, Describer {}

// Invalid: isEven comes from int and from Parity.
extension type Parity(int id) {
  bool get isEven => true;
}

extension type IntParity(int id) implements int, Parity {}

extension type Bounded<T extends num>(T value) {}

extension type FutureWrapper(Future<int> f) implements Future<int> {}

Future<void> main() async {
  Bounded<String>? notANumber;
  print(notANumber);
  await Wrapper(1);
  await FutureWrapper(Future.value(2));
}
