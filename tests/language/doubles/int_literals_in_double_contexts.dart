// An integer literal whose context type is `double` (or `double?`) is a double: in
// declarations, returns, arguments, both branches of `?:`, both operands of `??`,
// `??=`, property and setter assignments, and calls of local functions.

class Gauge {
  double? level;
  double _max = 0;
  set max(double v) => _max = v;
  double get max => _max;

  void reset() {
    this.level = 1 > 0 ? 4 : 0.5;
    level ??= 9;
    max = -3;
  }
}

double half(double x) => x / 2;
double pick(bool big) => big ? 1000 : 0.5;
double orDefault(double? d) => d ?? 7;

void main() {
  double a = 1;
  double? b = -0x10;
  double c = true ? 2 : 2.5;
  double d = null ?? 3;
  print('$a $b $c $d');
  print('${half(5)} ${pick(true)} ${orDefault(null)}');
  b = null;
  b ??= 6;
  print(b);
  final g = Gauge()..reset();
  print('${g.level} ${g.max}');
  double scale(double factor) => factor * 2;
  print(scale(21));
  double exact = 9007199254740992;
  double big = 18446744073709551616;
  print('$exact $big');
  num n = 1;
  Object o = 2;
  print('${n.runtimeType} ${o.runtimeType}');
  print([for (final double x in <double>[1, 2]) x]);
}
