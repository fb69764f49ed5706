// `late` fields declared in a mixin keep their semantics in every class the mixin is
// applied to: the initialiser runs on first read (once), `late final` with an
// initialiser has no setter, and reading an unassigned `late` field throws.
// dartrs copied them as plain fields, so reads gave null.

String log = '';

String record(String s) {
  log += s;
  return s;
}

mixin Cache {
  late var greeting = record('g');
  late final String id = record('i');
  late int count;
}

class Service = Object with Cache;

class Widget with Cache {
  final String name;
  Widget(this.name);
}

void main() {
  final s = Service();
  print('after construction: "$log"');
  print(s.greeting);
  print(s.greeting);
  print(s.id);
  print('log: "$log"');
  s.greeting = 'hello';
  print(s.greeting);

  final w = Widget('w');
  print('${w.name} ${w.id} log: "$log"');
  try {
    print(w.count);
  } on Error catch (e) {
    print(e);
  }
  w.count = 3;
  print(w.count + 1);
}
