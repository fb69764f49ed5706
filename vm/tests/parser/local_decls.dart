void main() {
  var a = 1;
  final b = 2;
  const c = 3;
  int d = 4;
  int? e;
  late int f;
  late final String g = compute();
  final int h = 5, i = 6;
  List<int> j = [], k = [1];
  const int l = 7;
  Map<String, int>? m;
  prefix.Type n = prefix.Type();
  void Function() o = () {};
  (int, int) p = (1, 2);
  dynamic q;

  int square(int x) => x * x;
  void log(String message) {
    print(message);
  }
  T pick<T>(T x) => x;
  helper() => 1;
  generic<T>(T x) {}
  Future<void> asyncLocal() async {}

  var (x, y) = (1, 2);
  final [first, second, ...rest] = [1, 2, 3, 4];
  var {'key': value} = {'key': 1};
  final Point(x: px, :py) = Point(1, 2);
  var (name: nm, age: _) = (name: 'a', age: 2);
}
