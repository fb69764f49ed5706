// Flow-sensitive type promotion of nullable locals (null checks, early
// returns, `is` tests), nullable fields copied to locals, and nullable
// collections.

class Box {
  int? value;
  Box([this.value]);

  int doubled() {
    var v = value;
    if (v == null) return 0;
    return v * 2;
  }
}

int lengthOrZero(String? s) {
  if (s == null) return 0;
  return s.length;
}

String describe(Object? o) {
  if (o is int) return 'int ${o + 1}';
  if (o is String && o.isNotEmpty) return 'string starting with ${o[0]}';
  if (o is List<int>) return 'list of ${o.length} ints';
  if (o == null) return 'null';
  return 'something else: $o';
}

int sumNonNull(List<int?> items) {
  var total = 0;
  for (var item in items) {
    if (item != null) total += item;
  }
  return total;
}

void main() {
  print(lengthOrZero(null));
  print(lengthOrZero('four'));

  for (var o in [5, 'hey', '', [1, 2], null, 2.5]) {
    print(describe(o));
  }

  print(Box().doubled());
  print(Box(21).doubled());

  print(sumNonNull([1, null, 2, null, 3]));
  var maybe = <String?>['a', null, 'c'];
  print(maybe.whereType<String>().toList());
  print(maybe.map((s) => s ?? '-').join());

  String? name;
  if (DateTimeLike.now().isEven) {
    name = 'even';
  }
  if (name != null) {
    print('name has ${name.length} chars');
  } else {
    print('no name');
  }

  int? x = 10;
  x = x + 5;
  print(x.isOdd);

  Object thing = 'a string';
  if (thing is! String) {
    print('not a string');
    return;
  }
  print(thing.toUpperCase());
}

class DateTimeLike {
  final int ticks;
  DateTimeLike(this.ticks);
  factory DateTimeLike.now() => DateTimeLike(4);
  bool get isEven => ticks.isEven;
}
