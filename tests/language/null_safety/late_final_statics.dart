// `late final` top-level and static fields without an initialiser may be assigned
// once: reading first throws, a second assignment throws (after its right-hand side
// ran), and the first value stays.
late final String config;

class Registry {
  static late final int capacity;
  static late final List<String> names;
}

int sideEffects = 0;
int compute() => ++sideEffects * 10;

void main() {
  try {
    print(config);
  } on Error catch (e) {
    print(e);
  }
  config = 'prod';
  print(config);
  try {
    config = 'test';
  } on Error catch (e) {
    print(e);
  }
  print(config);

  Registry.capacity = compute();
  try {
    Registry.capacity = compute();
  } on Error catch (e) {
    print(e);
  }
  print('${Registry.capacity} after $sideEffects calls');
  Registry.names = ['a'];
  Registry.names.add('b');
  print(Registry.names);
}
