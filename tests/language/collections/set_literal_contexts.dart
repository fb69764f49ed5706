// `{}` is a set literal wherever the type it flows into is a `Set` or `Iterable`,
// whatever that type's arguments: variables, arguments of raw or generic parameter
// types, and constant arguments.

void describe(Set values) => print('${values.runtimeType} ${values.length}');

int count<T>(Iterable<T> items) => items.length;

void main() {
  Set plain = {};
  print(plain.runtimeType);
  describe({});
  describe({1, 2});
  describe(const {});
  print(count({}));
  Set<String> names = {};
  names.add('a');
  print(names);
  Iterable<int> numbers = {};
  print(numbers.runtimeType);
  final map = {};
  print(map.runtimeType);
}
