extension IntX on int {
  int get doubled => this * 2;
  bool isMultipleOf(int k) => this % k == 0;
  static int zero() => 0;
}

extension StringX on String {
  String get shout => '${toUpperCase()}!';
  String repeat(int n) => List.filled(n, this).join();
  int get vowels {
    var n = 0;
    for (final c in split('')) {
      if ('aeiou'.contains(c)) n++;
    }
    return n;
  }
}

extension ListSum<T extends num> on List<T> {
  num get sum => fold<num>(0, (a, b) => a + b);
  T get second => this[1];
}

class Box {
  int v = 1;
}

extension BoxOps on Box {
  int get twice => v * 2;
  set twice(int x) => v = x ~/ 2;
  void bump() {
    v++;
    print('bumped to $v, twice is $twice');
  }
}

extension on bool {
  String get yesNo => this ? 'yes' : 'no';
}

void main() {
  print(21.doubled);
  print(10.isMultipleOf(5));
  print('abc'.shout);
  print('ab'.repeat(3));
  print('education'.vowels);
  print([1, 2, 3.5].sum);
  print([7, 8, 9].second);
  final b = Box();
  b.twice = 10;
  print(b.v);
  b.twice += 4;
  print(b.v);
  b.bump();
  print(true.yesNo);
  print(IntX.zero());
  print(StringX('hey').shout);
  print(7 ~/ 2);
}
