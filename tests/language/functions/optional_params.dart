// Optional positional parameters, named parameters with defaults,
// required named parameters and nullable parameters without defaults.

String greet(String name, [String greeting = 'Hello', String? punctuation]) {
  return '$greeting, $name${punctuation ?? '.'}';
}

int sum(int a, [int b = 0, int c = 0, int d = 0]) => a + b + c + d;

String describe({required String name, int age = 30, String? city}) {
  var s = '$name is $age';
  if (city != null) s += ' and lives in $city';
  return s;
}

String box(String content, {String left = '[', String right = ']', int pad = 0}) {
  var space = ' ' * pad;
  return '$left$space$content$space$right';
}

double area(double width, {double? height}) => width * (height ?? width);

int countItems([List<int> items = const []]) => items.length;

String range(int from, [int? to, int step = 1]) {
  var end = to ?? from + 3;
  var parts = <int>[];
  for (var i = from; i < end; i += step) {
    parts.add(i);
  }
  return parts.join(',');
}

void main() {
  print(greet('Ada'));
  print(greet('Bob', 'Hi'));
  print(greet('Cy', 'Hey', '!'));
  print(sum(1));
  print(sum(1, 2));
  print(sum(1, 2, 3));
  print(sum(1, 2, 3, 4));
  print(describe(name: 'Dana'));
  print(describe(age: 41, name: 'Eli'));
  print(describe(name: 'Fay', city: 'Oslo', age: 25));
  print(box('x'));
  print(box('x', pad: 2));
  print(box('x', right: '>', left: '<'));
  print(box(pad: 1, 'y'));
  print(area(3.0));
  print(area(3.0, height: 2.5));
  print(countItems());
  print(countItems([4, 5, 6]));
  print(range(5));
  print(range(0, 10, 3));
  print(range(2, 4));
}
