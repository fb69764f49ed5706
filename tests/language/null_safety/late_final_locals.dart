// A `late final` local without an initialiser may be assigned once: a second assignment
// throws LateInitializationError at run time (flow analysis cannot always tell), as do
// reads before the first one. `late final` fields behave the same way.

class Session {
  late final String token;
  static late final int started;
}

void main() {
  late final String greeting;
  late final int count;
  if (DateTime.now().year > 2000) {
    greeting = 'hello';
  }
  print(greeting);
  try {
    greeting = 'again';
  } on LateInitializationError catch (e) {
    print(e);
  }

  void setCount(int n) => count = n;
  try {
    print(count);
  } on LateInitializationError catch (e) {
    print(e);
  }
  setCount(1);
  print(count);
  try {
    setCount(2);
  } on LateInitializationError catch (e) {
    print(e);
  }
  print(count);

  final s = Session();
  s.token = 'abc';
  try {
    s.token = 'def';
  } on LateInitializationError catch (e) {
    print(e);
  }
  print(s.token);
  Session.started = 1;
  try {
    Session.started = 2;
  } on LateInitializationError catch (e) {
    print(e);
  }
  print(Session.started);
}
