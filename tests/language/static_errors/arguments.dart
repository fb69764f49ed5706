// Arguments whose static type can't be assigned to the parameter's declared type.
class Box {
  final int value;
  Box(this.value);
  void put(String label, {required int count}) {}
}

int twice(int x) => x * 2;

void main() {
  print(twice('2'));
  var box = Box(1.5);
  box.put(1, count: 'many');
  print(box.value + 'x');
}
