void main() {
  List<double> a = [1, 2];
  final c = true;
  List<double> b = [1, if (c) 2];
  Map<String, double> m = {"x": 1};
  var e = <int>[];
  List<num> n = [1, 2];
  print(a[0] + b[0] + m["x"]! + n[0]);
}
