// Built-in identifiers and `await`/`yield` where they are ordinary names: local
// functions and variables, members, parameters, and outside async/generator bodies.

class Settings {
  int get = 1;
  int set = 2;
  int static() => 3;
  int operator = 4;
}

int await = 10;

int yield(int x) => x + 1;

void main() {
  int as() => 1;
  int dynamic() => 2;
  int export() => 3;
  int implements() => 4;
  int typedef() => 5;
  var abstract = as() + dynamic() + export() + implements() + typedef();
  print(abstract);
  var s = Settings();
  print(s.get + s.set + s.static() + s.operator);
  int required = 7;
  var covariant = required * 2;
  print(covariant);
  print(await);
  var next = yield(await);
  print(next);
  void local(int get, {int factory = 1}) => print(get + factory);
  local(1, factory: 2);
}
