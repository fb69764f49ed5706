// Where promotion ends: assignments, loops, joins, closures and try blocks. The
// extension getter `kind` is chosen by the static type, so it shows what the
// static type of a local is at each point.

extension on Object? {
  String get kind => 'Object?';
}

extension on Object {
  String get kind => 'Object';
}

extension on num {
  String get kind => 'num';
}

extension on int {
  String get kind => 'int';
}

extension on String {
  String get kind => 'String';
}

bool flip(int i) => i.isEven;

void assignments() {
  Object o = 1;
  print('declared: ${o.kind}');
  if (o is int) {
    print('tested: ${o.kind}');
    o = 'text';
    print('assigned a String: ${o.kind}');
  }
  num k = 1.5;
  k = 2;
  print('assigned an int, never tested: ${k.kind}');
  num m = 1.5;
  if (m is int) {}
  m = 3;
  print('assigned an int, tested before: ${m.kind}');
  int? x = 1;
  print('initialised non-null: ${x.kind}');
  x = null;
  print('assigned null: ${x.kind}');
}

void joins(int i) {
  Object o = i;
  if (flip(i)) {
    if (o is! num) return;
  } else {
    if (o is! int) return;
  }
  print('num on one path, int on the other: ${o.kind}');
  Object? p = i;
  if (p == null) {
    p = 0;
  }
  print('non-null on both paths: ${p.kind}');
}

void loops() {
  Object o = 1;
  if (o is int) {
    for (var i = 0; i < 2; i++) {
      print('loop that assigns it, iteration $i: ${o.kind}');
      o = i;
      print('after assigning an int: ${o.kind}');
    }
    print('after the loop: ${o.kind}');
  }
  Object q = 1;
  if (q is int) {
    for (var i = 0; i < 1; i++) {
      print('loop that does not assign it: ${q.kind}');
    }
  }
  Object? r = 'r';
  while (true) {
    if (r is String) break;
    r = 'again';
  }
  print('after a while(true) left by break: ${r.kind}');
}

void closures() {
  Object o = 1;
  if (o is int) {
    print('in a closure, never assigned: ${(() => o.kind)()}');
  }
}

void tryBlocks() {
  Object o = 1;
  if (o is int) {
    try {
      o = 'in try';
      throw 'fail';
    } catch (_) {
      print('in catch after the try assigned it: ${o.kind}');
    }
  }
  Object p = 1;
  if (p is int) {
    try {
      print('in try: ${p.kind}');
    } finally {
      print('in finally: ${p.kind}');
    }
  }
}

void switches(Object o) {
  switch (o) {
    case int _:
      print('case int _: ${o.kind}');
    case String s when s.isNotEmpty:
      print('case String s when ...: ${o.kind}');
    default:
      print('default: ${o.kind}');
  }
  final described = switch (o) {
    num() => 'num() arm: ${o.kind}',
    _ => 'wildcard arm: ${o.kind}',
  };
  print(described);
  if (o case int()) {
    print('if-case int(): ${o.kind}');
  } else {
    print('if-case else: ${o.kind}');
  }
}

void main() {
  assignments();
  joins(2);
  joins(3);
  loops();
  closures();
  tryBlocks();
  switches(4);
  switches('s');
  switches(2.5);
}
