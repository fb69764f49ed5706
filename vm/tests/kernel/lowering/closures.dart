class Counter {
  int count = 0;
  void Function() incrementer() => () {
        count++;
      };
}

void main() {
  final fns = <int Function()>[];
  for (var i = 0; i < 3; i++) {
    fns.add(() => i);
  }
  var total = 0;
  void add(int n) {
    total += n;
    if (n > 0) add(n - 1);
  }
  add(3);
  int outer = 1;
  final nested = () => () => outer + total;
  print(nested()());
  print(fns[0]());
}
