// Static fields, static methods, static constants, and instance counters
// shared across all instances of a class.

class IdGenerator {
  static int _next = 1;
  static const String prefix = 'ID-';

  static String nextId() {
    var id = '$prefix${_next.toString().padLeft(3, '0')}';
    _next++;
    return id;
  }

  static void reset() {
    _next = 1;
  }
}

class Widget {
  static int created = 0;
  static final List<String> registry = [];

  final String id;
  final String label;

  Widget(this.label) : id = IdGenerator.nextId() {
    created++;
    registry.add('$id:$label');
  }

  static Widget button() => Widget('button');
}

class MathUtil {
  static const double pi = 3.14159;
  static int square(int x) => x * x;
  static int cube(int x) => x * square(x);
  static double circleArea(double r) => pi * r * r;
}

void main() {
  print(IdGenerator.nextId());
  print(IdGenerator.nextId());
  IdGenerator.reset();
  print(IdGenerator.nextId());

  var a = Widget('slider');
  var b = Widget.button();
  var c = Widget('knob');
  print('${a.id} ${b.id} ${c.id}');
  print(Widget.created);
  print(Widget.registry);

  print(MathUtil.square(9));
  print(MathUtil.cube(3));
  print(MathUtil.circleArea(2));
  print(MathUtil.pi);
  print(IdGenerator.prefix.length);

  var f = MathUtil.square;
  print([1, 2, 3].map(f).toList());
}
