Future<int> f() async => 1;

void main() {
  var r = (1, 2);
  switch (r) {
    case (var a, var b):
      print(a);
  }
}
