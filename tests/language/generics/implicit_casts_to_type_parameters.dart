// Implicit downcasts into types that mention type parameters are checked against the
// type arguments of the running code, with the Dart VM's implicit-cast text.

T firstAs<T>(List<dynamic> values) => values.first;

T viaLocal<T>(dynamic value) {
  T result = value;
  return result;
}

class Slot<E> {
  E? _value;
  List<E> history = [];

  void store(dynamic value) {
    E typed = value;
    _value = typed;
    history = [typed];
  }

  List<E> replaceHistory(dynamic list) {
    List<E> typed = list;
    history = typed;
    return typed;
  }

  E get value => _value as E;
}

class Pair<A, B> {
  A first;
  B second;
  Pair(this.first, this.second);
  // The constructor's parameters are Pair's own A and B, instantiated here as <B, A>.
  Pair<B, A> swap() => Pair(second, first);
  @override
  String toString() => '($first, $second)';
}

void attempt(String label, Object? Function() body) {
  try {
    print('$label: ${body()}');
  } on TypeError catch (e) {
    print('$label: TypeError: $e');
  }
}

void main() {
  attempt('firstAs<int> ok', () => firstAs<int>([1, 'a']));
  attempt('firstAs<int> bad', () => firstAs<int>(['a', 1]));
  attempt('firstAs<String?> null', () => firstAs<String?>([null]));
  attempt('viaLocal<num> ok', () => viaLocal<num>(2.5));
  attempt('viaLocal<num> bad', () => viaLocal<num>('2.5'));
  attempt('viaLocal<Object> null', () => viaLocal<Object>(null));

  final slot = Slot<String>();
  attempt('store ok', () {
    slot.store('x');
    return slot.value;
  });
  attempt('store bad', () {
    slot.store(42);
    return slot.value;
  });
  attempt('history ok', () => slot.replaceHistory(<String>['a', 'b']));
  attempt('history bad', () => slot.replaceHistory(<Object>['a', 'b']));
  attempt('history inferred literal', () => slot.replaceHistory(['a']));
  print(slot.history);

  final p = Pair<int, String>(1, 'one');
  print(p.swap());
  print(p.swap().swap());
}
