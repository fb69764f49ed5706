class Box {
  int value = 0;
  Box? next;
  List<int> items = [0];
}

String describe(Box? b) => 'value ${b?.value} next ${b?.next?.value}';

void main() {
  final b = Box();
  b.value += 2;
  b.items[0]++;
  b.next ??= Box();
  final n = b.next?.value ?? -1;
  final c = Box()
    ..value = 5
    ..items.add(1);
  final flag = n > 0;
  final list = [1, if (flag) 2 else 3, for (var x in c.items) x * 2, ...c.items, ...?null];
  final map = {'a': 1, if (flag) 'b': 2};
  final set = {1, 2, 3};
  print('$list $map $set ${describe(c)}');
}
