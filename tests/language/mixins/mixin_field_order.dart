// Fields that mixins declare follow the linearisation: a later mixin's field overrides
// an earlier one's, and the class's own field overrides both.

class Base {
  int level = 0;
  String tag = 'base';
}

mixin class Low {
  int level = 1;
}

mixin class High {
  int level = 2;
  String tag = 'high';
}

class LowHigh = Base with Low, High;
class HighLow = Base with High, Low;

class Own extends Base with Low, High {
  @override
  int level = 9;
}

class Again = LowHigh with High, Low;

void main() {
  final a = LowHigh();
  print('${a.level} ${a.tag}');
  final b = HighLow();
  print('${b.level} ${b.tag}');
  final own = Own();
  print('${own.level} ${own.tag}');
  print(Again().level);
  a.level = 5;
  print(a.level);
  dynamic d = b;
  d.level = 7;
  print('${d.level} ${b.level}');
}
