// noSuchMethod forwarders of generic members (they report their type arguments) and of
// enums (an enum with its own noSuchMethod gets forwarders like a class).

abstract class Repository {
  T load<T>(String key);
  List<Type> kinds<K, V extends num>(K key);
  String describe(int id, [String prefix = '#']);
}

class Recording extends Repository {
  final List<String> log = [];

  @override
  dynamic noSuchMethod(Invocation invocation) {
    log.add('${invocation.memberName} types=${invocation.typeArguments} '
        'args=${invocation.positionalArguments}');
    if (invocation.memberName == #load) {
      final type = invocation.typeArguments.single;
      if (type == int) return 42;
      if (type == String) return 'loaded';
      return null;
    }
    if (invocation.memberName == #kinds) return invocation.typeArguments;
    return 'described ${invocation.positionalArguments}';
  }
}

class Box<E> {
  E? held;
}

abstract class Store<E> {
  E fetch<R>(R hint);
}

class BoxStore<E> extends Store<E> {
  final E value;
  BoxStore(this.value);

  @override
  dynamic noSuchMethod(Invocation invocation) =>
      invocation.positionalArguments.first == 'bad' ? 'not an E' : value;
}

abstract mixin class Greeter {
  String greet(String name, {String punctuation = '!'});
}

enum Mood with Greeter {
  happy,
  grumpy;

  @override
  dynamic noSuchMethod(Invocation invocation) {
    final name = invocation.positionalArguments.single;
    final mark = invocation.namedArguments[#punctuation];
    return this == happy ? 'Hello, $name$mark' : 'What do you want, $name$mark';
  }
}

void main() {
  final repo = Recording();
  int n = repo.load<int>('answer');
  String s = repo.load<String>('name');
  print('$n $s');
  print(repo.kinds<String, int>('k'));
  print(repo.describe(7));
  final tearOff = repo.describe;
  print(tearOff(8, '*'));
  repo.log.forEach(print);

  try {
    repo.load<double>('missing');
  } on TypeError catch (e) {
    print('TypeError: $e');
  }

  final store = BoxStore<int>(3);
  print(store.fetch<String>('ok'));
  try {
    store.fetch('bad');
  } on TypeError catch (e) {
    print('TypeError: $e');
  }

  print(Mood.happy.greet('Ada'));
  print(Mood.grumpy.greet('Bob', punctuation: '?'));
  final greet = Mood.happy.greet;
  print(greet('Cy'));
  print(Box<int>().held);
}
