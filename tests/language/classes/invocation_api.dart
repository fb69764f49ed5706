// The Invocation API: what noSuchMethod receives (type arguments included) and the
// public constructors mocking code builds invocations with.

class Recorder {
  @override
  dynamic noSuchMethod(Invocation i) {
    final kind = i.isMethod ? 'method' : i.isGetter ? 'getter' : 'setter';
    print('$kind ${i.memberName} types=${i.typeArguments} '
        'positional=${i.positionalArguments} named=${i.namedArguments}');
    return null;
  }
}

void main() {
  dynamic r = Recorder();
  r.plain(1, 2);
  r.generic<int, String>('x', flag: true);
  r.field;
  r.field = 3;
  try {
    r.plain2<bool>().length;
  } catch (e) {
    print(e.runtimeType);
  }

  final m = Invocation.method(#add, [1, 2], {#at: 0});
  print('${m.memberName} ${m.isMethod} ${m.isAccessor} ${m.typeArguments} '
      '${m.positionalArguments} ${m.namedArguments}');
  final g = Invocation.genericMethod(#cast, [int], null);
  print('${g.typeArguments} ${g.positionalArguments} ${g.namedArguments}');
  final get = Invocation.getter(#length);
  print('${get.memberName} ${get.isGetter} ${get.isAccessor} ${get.positionalArguments}');
  final set = Invocation.setter(const Symbol('length='), 4);
  print('${set.memberName} ${set.isSetter} ${set.positionalArguments}');
  try {
    (m.positionalArguments as List).add(3);
  } on UnsupportedError {
    print('unmodifiable');
  }
  try {
    g.typeArguments.add(String);
  } on UnsupportedError {
    print('unmodifiable types');
  }
  final mirror = Recorder();
  print(mirror.noSuchMethod(m));
  try {
    Object().noSuchMethod(Invocation.method(#missing, [1]));
  } on NoSuchMethodError catch (e) {
    print(e.toString().split('\n').first);
  }
}
