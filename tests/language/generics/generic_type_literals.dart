// A generic type used as an expression (`List<int?>`) is a type literal with its type
// arguments, not the raw type.
import 'dart:core' as core;

typedef Pair<T> = (T, T);
typedef Callback<T> = void Function(T);

class Box<T> {}

T first<T>(T a, T b) => a;

void main() {
  core.print(core.List<core.int?>);
  core.print(core.Map<core.String, core.Object?>);
  core.print(Box<core.List<core.double>>);
  core.print(Pair<core.int>);
  core.print(Callback<core.String>);
  core.print(core.List<core.int> == <core.int>[].runtimeType);
  core.print(core.identical(core.List<core.int>, core.List<core.int>));
  final f = first<core.String>;
  core.print(f('a', 'b'));
}
