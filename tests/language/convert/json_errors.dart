// Malformed JSON: jsonDecode throws the Dart VM parser's FormatException, whose
// toString shows the message, the position and the offending line with a caret.
import 'dart:convert';

void check(String source) {
  try {
    final value = jsonDecode(source);
    print('ok: $value');
  } on FormatException catch (e) {
    print('--- ${jsonEncode(source)}');
    print('${e.message} @ ${e.offset}');
    print(e);
  }
}

void main() {
  check('{"a" 1}');
  check('[1, 2,]');
  check('');
  check('   ');
  check('[1, 2');
  check('{"key": "value}');
  check('"tab\there"');
  check('"bad \\x escape"');
  check('"\\u12G4"');
  check('-');
  check('-x');
  check('012');
  check('1.');
  check('1.e5');
  check('1e');
  check('1e+x');
  check('tru');
  check('nulL');
  check('{"a": 1} {"b": 2}');
  check('{\n  "a": 1,\n  "b": [1, 2,\n  ]\n}');
  check("{'single': 1}");
  check('[NaN]');
  check('\u{FEFF}{}');
  check('{"a":1, "a":2}');
}
