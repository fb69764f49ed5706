// A class that overrides noSuchMethod receives the dynamic calls its instances do not
// implement: methods (positional and named arguments), getters, setters, calls with the
// wrong arguments for an existing method, and members of an interface it implements
// only through noSuchMethod. super.noSuchMethod throws the usual NoSuchMethodError.
abstract interface class Greeter {
  String greet(String name);
  int get volume;
  set volume(int v);
}

class Mock implements Greeter {
  final calls = <String>[];
  int _volume = 0;

  @override
  dynamic noSuchMethod(Invocation i) {
    final name = i.memberName.toString();
    if (i.isGetter) {
      calls.add('get $name');
      return _volume;
    }
    if (i.isSetter) {
      calls.add('set $name ${i.positionalArguments.single}');
      _volume = i.positionalArguments.single as int;
      return null;
    }
    calls.add('call $name ${i.positionalArguments} ${i.namedArguments}');
    if (i.memberName == #greet) return 'hello ${i.positionalArguments.first}';
    return super.noSuchMethod(i);
  }
}

class Doubler {
  int twice(int x) => 2 * x;
  @override
  dynamic noSuchMethod(Invocation i) =>
      'no ${i.memberName} with ${i.positionalArguments.length} arguments';
}

class Strict {
  @override
  dynamic noSuchMethod(Invocation i) => throw StateError('strict: ${i.memberName}');
}

void main() {
  final m = Mock();
  print(m.greet('ada'));
  m.volume = 11;
  print(m.volume);
  dynamic d = m;
  print(d.greet('bob'));
  try {
    d.launch(3, at: 'noon');
  } on NoSuchMethodError catch (e) {
    print(e);
  }
  try {
    d.missing = 1;
    print('set a missing setter');
  } on NoSuchMethodError catch (e) {
    print(e);
  }
  m.calls.forEach(print);

  dynamic t = Doubler();
  print(t.twice(4));
  print(t.twice(4, 5));
  print(t.thrice);

  dynamic s = Strict();
  try {
    s.anything();
  } on StateError catch (e) {
    print(e);
  }
}
