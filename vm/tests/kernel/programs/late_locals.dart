int n = 0;
int next() => ++n;

void main() {
  late int a = next();
  late final b = 'b${next()}';
  print(n);
  print(a);
  print(a);
  print(n);
  a = 10;
  a += 5;
  print(a);
  final f = () => b;
  print(f());
  print(f());
  print(n);
  late int c = next();
  c = 99;
  print(c);
  print(n);
}
