// A type parameter written without `?` binds the whole nullable type it meets, in
// arguments and in the call's context (`T` against `int?` is `int?`); one written `T?`
// binds the non-null part. dartrs dropped the `?` in both cases.

class Box<E> {
  E value;
  Box(this.value);
}

List<T> wrap<T>(T x) => [x];
List<T> wrapNullable<T>(T? x) => [if (x != null) x];
List<Box<E>> boxes<E>(Iterable entries) => [for (var e in entries) Box<E>(e as E)];

void main() {
  final wrapped = wrap(int.tryParse('x'));
  print(wrapped.runtimeType);
  wrapped.add(null);
  print(wrapped);

  print(wrapNullable(int.tryParse('7')).runtimeType);

  List<Box<int?>> b = boxes(const <int?>[1, null]);
  print(b.runtimeType);
  b.add(Box(null));
  print([for (var x in b) x.value]);
}
