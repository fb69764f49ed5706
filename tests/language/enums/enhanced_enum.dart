// Enhanced enums: fields, const constructors, methods, getters, static
// members, implementing an interface and overriding toString.

enum Planet {
  mercury(3.303e+23, 2.4397e6),
  venus(4.869e+24, 6.0518e6),
  earth(5.976e+24, 6.37814e6),
  mars(6.421e+23, 3.3972e6);

  const Planet(this.mass, this.radius);

  final double mass;
  final double radius;

  static const double g = 6.67300E-11;

  double get surfaceGravity => g * mass / (radius * radius);

  double weightOn(double earthWeight) =>
      earthWeight * surfaceGravity / Planet.earth.surfaceGravity;

  static Planet heaviest() =>
      values.reduce((a, b) => a.mass >= b.mass ? a : b);
}

abstract class Describable {
  String describe();
}

enum Op implements Describable {
  add('+', 1),
  sub('-', 1),
  mul('*', 2),
  div('~/', 2);

  const Op(this.symbol, this.precedence);

  final String symbol;
  final int precedence;

  int apply(int a, int b) {
    switch (this) {
      case Op.add:
        return a + b;
      case Op.sub:
        return a - b;
      case Op.mul:
        return a * b;
      case Op.div:
        return a ~/ b;
    }
  }

  static Op fromSymbol(String s) => values.firstWhere((o) => o.symbol == s);

  @override
  String describe() => '$name uses $symbol with precedence $precedence';

  @override
  String toString() => 'Op($symbol)';
}

enum Level {
  low,
  medium,
  high;

  bool get isUrgent => this == Level.high;
  Level get next => Level.values[(index + 1) % Level.values.length];
}

void main() {
  for (var p in Planet.values) {
    print('${p.name}: gravity ${p.surfaceGravity.toStringAsFixed(2)}, '
        '100 on earth weighs ${p.weightOn(100).toStringAsFixed(1)}');
  }
  print(Planet.heaviest());
  print(Planet.earth.index);

  print(Op.values);
  for (var op in Op.values) {
    print('${op.describe()}: 17 ${op.symbol} 5 = ${op.apply(17, 5)}');
  }
  print(Op.fromSymbol('*').name);
  print(Op.mul.precedence > Op.add.precedence);
  Describable d = Op.sub;
  print(d.describe());

  var level = Level.low;
  for (var i = 0; i < 4; i++) {
    print('$level urgent=${level.isUrgent}');
    level = level.next;
  }
}
