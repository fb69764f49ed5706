(int, {String name}) make(int n) => (name: 'n$n', n);

int sum((int, int) p) => p.$1 + p.$2;

void main() {
  var r = make(1);
  print(r.name);
  var (a, :name) = r;
  print('$a $name');
  Object o = r;
  if (o case (int x, name: String _)) print(x);
  print(o is (int, {String name}));
  print(const (1, b: 2));
}
