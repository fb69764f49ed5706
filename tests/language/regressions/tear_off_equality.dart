// Regression: tear-offs of the same method from the same receiver are equal (and hash
// alike); from different receivers, or of different methods, they are not. Static
// tear-offs are identical.
class Formatter {
  final String prefix;
  Formatter(this.prefix);
  String format(Object o) => '$prefix$o';
  String shout(Object o) => '$prefix$o!';
}

int twice(int x) => 2 * x;

void main() {
  final a = Formatter('a:');
  final b = Formatter('b:');
  print(a.format == a.format);
  print(a.format.hashCode == a.format.hashCode);
  print(a.format == b.format);
  print(a.format == a.shout);
  print(identical(twice, twice));
  print(twice == twice);
  final f = a.format;
  print(f(1));
  print([1, 2].map(b.shout).toList());
}
