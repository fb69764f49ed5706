// A class implementing an interface through noSuchMethod: calls on the interface type
// must stay dynamic in AOT (the class has none of the members) and reach noSuchMethod.

class Animal {
  String sound() => 'generic';
  String get name => 'animal';
  int legs = 4;
}

// Nothing declared: everything goes to noSuchMethod.
class Ghost implements Animal {
  @override
  dynamic noSuchMethod(Invocation invocation) {
    if (invocation.memberName == #legs) return 8;
    if (invocation.isSetter) {
      print('ghost set ${invocation.positionalArguments}');
      return null;
    }
    final kind = invocation.isGetter ? 'get' : 'call';
    return 'ghost $kind ${invocation.memberName}';
  }
}

void main() {
  Animal a = Animal();
  print('${a.sound()} ${a.name} ${a.legs}');
  Animal g = Ghost();
  print(g.sound());
  print(g.name);
  print(g.legs);
  g.legs = 2;
}
