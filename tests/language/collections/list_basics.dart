// gc-stress
// List literals and the basic mutating and querying operations.

void main() {
  var list = [1, 2, 3];
  print(list);
  print(list.length);
  list.add(4);
  list.addAll([5, 6]);
  print(list);
  list.insert(0, 0);
  list.insert(3, 99);
  print(list);
  print(list.remove(99));
  print(list.remove(42));
  print(list.removeAt(0));
  print(list.removeLast());
  print(list);
  list[0] = 10;
  list[list.length - 1] *= 100;
  print(list);
  print(list.first);
  print(list.last);
  print(list.indexOf(3));
  print(list.indexOf(7));
  print(list.contains(4));
  print(list.isEmpty);
  print(list.isNotEmpty);
  print(list.sublist(1, 3));
  print(list.sublist(2));
  print(list.reversed.toList());

  list.removeWhere((x) => x.isOdd);
  print(list);
  list.clear();
  print(list);
  print(list.length);

  var filled = List.filled(3, 'x');
  print(filled);
  var generated = List.generate(6, (i) => i * i);
  print(generated);
  var growable = List<int>.empty(growable: true);
  growable.add(1);
  print(growable);

  var strings = <String>['b', 'a'];
  strings.add('c');
  print(strings);
  var nested = [
    [1, 2],
    [3],
    <int>[]
  ];
  print(nested);
  print(nested[0][1]);
  var mixed = <Object?>[1, 'two', 3.0, null, true, [4]];
  print(mixed);

  var big = <int>[];
  for (var i = 0; i < 10000; i++) {
    big.add(i * 2);
  }
  var sum = 0;
  for (var v in big) {
    sum += v;
  }
  print('${big.length} $sum ${big[9999]}');
  while (big.length > 3) {
    big.removeLast();
  }
  print(big);

  var a = [1, 2];
  var b = a;
  b.add(3);
  print(a);
  var c = [...a];
  c.add(4);
  print('$a $c');
  print([1, 2] == [1, 2]);
}
