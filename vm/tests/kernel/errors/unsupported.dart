Stream<int> f() async* {}

void main() {
  var r = (1, 2);
  switch (r) {
    case (var a, var b):
      print(a);
  }
}
