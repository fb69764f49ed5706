// A small expression tokenizer: one RegExp per token kind, tried with matchAsPrefix at
// the current offset (the usual way to write a lexer with dart:core).

class Token {
  final String kind;
  final String text;
  final int offset;
  Token(this.kind, this.text, this.offset);
  String toString() => '$kind(${text})@$offset';
}

final rules = <String, RegExp>{
  'ws': RegExp(r'\s+'),
  'number': RegExp(r'\d+(?:\.\d+)?(?:[eE][+-]?\d+)?'),
  'ident': RegExp(r'[A-Za-z_]\w*'),
  'string': RegExp(r'"(?:[^"\\]|\\.)*"'),
  'op': RegExp(r'==|!=|<=|>=|&&|\|\||[-+*/%<>=!(){},;]'),
};

List<Token> tokenize(String source) {
  final tokens = <Token>[];
  var pos = 0;
  outer:
  while (pos < source.length) {
    for (final entry in rules.entries) {
      final m = entry.value.matchAsPrefix(source, pos);
      if (m != null) {
        if (entry.key != 'ws') tokens.add(Token(entry.key, m[0]!, pos));
        pos = m.end;
        continue outer;
      }
    }
    throw FormatException('unexpected character', source, pos);
  }
  return tokens;
}

void main() {
  for (final t in tokenize('let x = foo(3.25e2, "a \\"q\\"") >= 10 && !done;')) {
    print(t);
  }
  print(tokenize('a+b*c').map((t) => t.text).join(' '));
  try {
    tokenize('x = 1 # 2');
  } on FormatException catch (e) {
    print(e);
  }
  // A single alternation with named groups, walked with allMatches.
  final lexer = RegExp(r'(?<num>\d+)|(?<id>[a-z]+)|(?<op>[+*])|(?<bad>\S)');
  for (final m in lexer.allMatches('12 + ab * 3 ?')) {
    final kind = m.groupNames.firstWhere((n) => m.namedGroup(n) != null);
    print('$kind ${m[0]} ${m.start}');
  }
}
