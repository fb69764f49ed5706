// gc-stress
// JSON round trips of nested data: jsonEncode/jsonDecode, JsonEncoder.withIndent,
// toJson and toEncodable, revivers, Dart's int/double rules, and the encoder's errors.
import 'dart:convert';

class Point {
  final int x, y;
  Point(this.x, this.y);
  Map<String, Object?> toJson() => {'x': x, 'y': y};
}

class Opaque {}

void main() {
  final data = {
    'name': 'dartrs',
    'version': 3,
    'ratio': 0.75,
    'tags': ['vm', 'jit', 'aot'],
    'nested': {
      'empty': {},
      'list': [],
      'nulls': [null, true, false],
      'quote': 'say "hi"\n\t\\ é 😀',
    },
  };
  final text = jsonEncode(data);
  print(text);
  final back = jsonDecode(text) as Map<String, dynamic>;
  print(back);
  print(jsonEncode(back) == text);
  print(back['tags'] is List<dynamic>);
  print(back['nested'].runtimeType);
  print(const JsonEncoder.withIndent('  ').convert(back['nested']));
  print(const JsonEncoder.withIndent('\t').convert([1, [2, []], {}]));

  // Numbers: ints stay ints, fractions and exponents are doubles.
  final numbers = jsonDecode('[0, -0, 1.0, -0.0, 1e3, 2E-2, 123456789012345678901, '
      '9007199254740993, -9223372036854775808, 1.5e400]') as List;
  for (final n in numbers) {
    print('$n ${n.runtimeType}');
  }
  print(jsonEncode([1.0, -0.0, 1e21, 0.1 + 0.2, 100]));

  // toJson, toEncodable, reviver.
  print(jsonEncode({'p': Point(1, 2), 'ps': [Point(3, 4)]}));
  print(jsonEncode([Opaque(), const Duration(seconds: 5)],
      toEncodable: (o) => o is Duration ? o.inSeconds : 'opaque'));
  final revived = jsonDecode('{"a": [1, 2], "b": {"c": 3}}', reviver: (key, value) {
    print('revive $key: $value');
    return value is int ? value * 10 : value;
  });
  print(revived);
  print(const JsonCodec().decode('"\\u00e9\\ud83d\\ude00"'));

  // Errors.
  try {
    jsonEncode(Opaque());
  } on JsonUnsupportedObjectError catch (e) {
    print(e);
    print(e.cause.runtimeType);
  }
  try {
    jsonEncode([double.nan]);
  } on JsonUnsupportedObjectError catch (e) {
    print(e);
  }
  final cyclic = <Object?>[1];
  cyclic.add(cyclic);
  try {
    jsonEncode(cyclic);
  } on JsonCyclicError catch (e) {
    print(e);
  }
  try {
    jsonEncode({1: 2});
  } on JsonUnsupportedObjectError catch (e) {
    print(e);
  }
}
