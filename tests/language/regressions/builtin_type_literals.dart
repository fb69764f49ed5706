// `dynamic` and `Never` used as values are `Type` objects, like any class name; and a
// constructor call with type arguments but no `new` keeps them when a selector follows
// (`Box<int>().type` once built a `Box<dynamic>`).
class Box<T> {
  Type get type => T;
  List<T> empty() => <T>[];
}

T first<T>(List<Object?> xs) => xs.first as T;

void main() {
  Type d = dynamic;
  print(d);
  print(Never);
  print(Box<dynamic>().type == dynamic);
  print(Box().type == d);
  print(Box<int>().type == dynamic);
  print(Box<int>().type);
  print(Box<String>().empty().runtimeType);
  print(first<int>([1, 'a']).isEven);
  print(<Type>[dynamic, int, Never, Object]);
}
