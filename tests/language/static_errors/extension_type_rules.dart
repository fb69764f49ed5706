// Compile-time errors of extension type declarations and uses: awaiting a value of an
// extension type that is not a Future, a constructor named like a static member, and
// two superinterfaces that are the same extension type with different type arguments.

extension type Wrapper(int value) {}

extension type Named(int id) {
  static int n() => 0;
  Named.n(this.id);
}

extension type Box<T>(int id) {}
extension type IntBox<T>(int id) implements Box<T> {}
extension type Mixed(int id) implements Box<int>, IntBox<String> {}

extension type FutureWrapper(Future<int> f) implements Future<int> {}

Future<void> main() async {
  await Wrapper(1);
  await FutureWrapper(Future.value(2));
}
