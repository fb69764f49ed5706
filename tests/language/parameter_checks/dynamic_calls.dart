// Calls through `dynamic` or `Function` check every typed parameter of the callee, as
// no static type vouched for the arguments.

class Vec {
  final int x, y;
  Vec(this.x, this.y);
  Vec operator +(Vec other) => Vec(x + other.x, y + other.y);
  int _scale = 1;
  set scale(int factor) => _scale = factor;
  int dot(Vec o, {int weight = 1}) => (x * o.x + y * o.y) * weight * _scale;
  T pick<T>(T a, T b) => a;
  @override
  String toString() => 'Vec($x, $y)';
}

int twice(int n) => 2 * n;
String greet(String name, [String? greeting]) => '${greeting ?? 'Hello'}, $name';
Future<int> later(int n) async => n + 1;

void attempt(String label, Object? Function() body) {
  try {
    print('$label: ${body()}');
  } on TypeError catch (e) {
    print('$label: $e');
  }
}

void main() {
  dynamic f = (int x) => x + 1;
  attempt('closure int', () => f(1));
  attempt('closure String', () => f('1'));
  attempt('closure null', () => f(null));

  Function g = twice;
  attempt('tear-off', () => g(21));
  attempt('tear-off double', () => g(2.5));

  dynamic h = greet;
  attempt('optional', () => h('Ann', 'Hi'));
  attempt('optional wrong', () => h('Ann', 3));
  attempt('required wrong', () => h(42));

  dynamic v = Vec(1, 2);
  attempt('operator', () => v + Vec(3, 4));
  attempt('operator wrong', () => v + 3);
  attempt('named', () => v.dot(Vec(1, 1), weight: 2));
  attempt('named wrong', () => v.dot(Vec(1, 1), weight: '2'));
  attempt('setter', () => v.scale = 3);
  attempt('setter wrong', () => v.scale = 3.0);
  attempt('generic', () => v.pick<int>(1, 2));
  attempt('generic wrong', () => v.pick<int>(1, 'two'));
  attempt('generic inferred', () => v.pick('a', 2));

  dynamic method = Vec(1, 0).dot;
  attempt('method tear-off', () => method(Vec(5, 5)));
  attempt('method tear-off wrong', () => method(5));

  attempt('apply', () => Function.apply(twice, [4]));
  attempt('apply wrong', () => Function.apply(twice, ['4']));
  attempt('apply named', () => Function.apply(Vec(2, 2).dot, [Vec(1, 1)], {#weight: 'x'}));

  // An async function's check throws at the call, before any future exists.
  dynamic a = later;
  try {
    a('x');
    print('async: no error');
  } on TypeError catch (e) {
    print('async: $e');
  }
  a(1).then((n) => print('async result: $n'));

  // Statically typed calls of the same functions are not checked again.
  int Function(int) typed = twice;
  print(typed(5));
}
