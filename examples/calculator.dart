// A small calculator language: a tokenizer, a recursive-descent parser that
// builds a syntax tree, and a tree-walking evaluator with variables and a
// few built-in functions.
//
//   statement := IDENT '=' expr | expr
//   expr      := term (('+' | '-') term)*
//   term      := unary (('*' | '/' | '%') unary)*
//   unary     := '-' unary | power
//   power     := primary ('^' unary)?
//   primary   := NUMBER | IDENT | IDENT '(' args ')' | '(' expr ')'

class Token {
  final String kind; // num, ident, op, lparen, rparen, comma, eof
  final String text;
  final int pos;
  Token(this.kind, this.text, this.pos);
  @override
  String toString() => '$kind($text)';
}

class CalcError implements Exception {
  final String message;
  CalcError(this.message);
  @override
  String toString() => 'error: $message';
}

bool isDigit(String ch) => '0123456789'.contains(ch);
bool isLetter(String ch) => ch == '_' || ch.toLowerCase() != ch.toUpperCase();

List<Token> tokenize(String src) {
  var tokens = <Token>[];
  var kinds = {'(': 'lparen', ')': 'rparen', ',': 'comma'};
  var i = 0;
  while (i < src.length) {
    var ch = src[i];
    var start = i;
    if (ch == ' ') {
      i++;
    } else if (isDigit(ch)) {
      while (i < src.length && (isDigit(src[i]) || src[i] == '.')) i++;
      tokens.add(Token('num', src.substring(start, i), start));
    } else if (isLetter(ch)) {
      while (i < src.length && (isLetter(src[i]) || isDigit(src[i]))) i++;
      tokens.add(Token('ident', src.substring(start, i), start));
    } else if ('+-*/%^='.contains(ch)) {
      tokens.add(Token('op', ch, i++));
    } else if (kinds.containsKey(ch)) {
      tokens.add(Token(kinds[ch]!, ch, i++));
    } else {
      throw CalcError("unexpected character '$ch' at $i");
    }
  }
  tokens.add(Token('eof', '', src.length));
  return tokens;
}

abstract class Node {
  num eval(Map<String, num> env);
  String show();
}

class Literal extends Node {
  final String text;
  Literal(this.text);
  num eval(Map<String, num> env) =>
      text.contains('.') ? double.parse(text) : int.parse(text);
  String show() => text;
}

class Variable extends Node {
  final String name;
  Variable(this.name);
  num eval(Map<String, num> env) =>
      env[name] ?? (throw CalcError("unknown variable '$name'"));
  String show() => name;
}

class Binary extends Node {
  final String op;
  final Node left, right;
  Binary(this.op, this.left, this.right);
  num eval(Map<String, num> env) {
    var a = left.eval(env), b = right.eval(env);
    if (op == '+') return a + b;
    if (op == '-') return a - b;
    if (op == '*') return a * b;
    if ((op == '/' || op == '%') && b == 0) throw CalcError('division by zero');
    if (op == '/') return a / b;
    if (op == '%') return a % b;
    if (b is! int || b < 0) throw CalcError('exponent must be a natural number');
    num result = 1;
    for (var i = 0; i < b; i++) {
      result *= a;
    }
    return result;
  }
  String show() => '(${left.show()} $op ${right.show()})';
}

class Call extends Node {
  final String name;
  final List<Node> args;
  Call(this.name, this.args);
  num eval(Map<String, num> env) {
    var v = [for (var a in args) a.eval(env)];
    if (name == 'neg' && v.length == 1) return -v[0];
    if (name == 'abs' && v.length == 1) return v[0].abs();
    if (v.isEmpty) throw CalcError('$name needs arguments');
    if (name == 'max') return v.reduce((x, y) => x > y ? x : y);
    if (name == 'min') return v.reduce((x, y) => x < y ? x : y);
    if (name == 'avg') return v.fold<num>(0, (s, x) => s + x) / v.length;
    throw CalcError("unknown function '$name'");
  }
  String show() => '$name(${args.map((a) => a.show()).join(', ')})';
}

class Assign extends Node {
  final String name;
  final Node value;
  Assign(this.name, this.value);
  num eval(Map<String, num> env) => env[name] = value.eval(env);
  String show() => '$name = ${value.show()}';
}

class Parser {
  final List<Token> tokens;
  int index = 0;
  Parser(this.tokens);
  Token get current => tokens[index];
  Token advance() => tokens[index++];
  bool atOp(String text) => current.kind == 'op' && current.text == text;
  CalcError unexpected() => current.kind == 'eof'
      ? CalcError('unexpected end of input')
      : CalcError("unexpected '${current.text}' at ${current.pos}");
  void expect(String kind) {
    if (current.kind != kind) throw CalcError('expected $kind at ${current.pos}');
    advance();
  }
  Node parseStatement() {
    Node node;
    if (current.kind == 'ident' && tokens[index + 1].text == '=') {
      var target = advance().text;
      advance();
      node = Assign(target, parseBinary(0));
    } else {
      node = parseBinary(0);
    }
    if (current.kind != 'eof') throw unexpected();
    return node;
  }
  static const levels = [
    ['+', '-'],
    ['*', '/', '%'],
  ];
  Node parseBinary(int level) {
    if (level == levels.length) return parseUnary();
    var node = parseBinary(level + 1);
    while (current.kind == 'op' && levels[level].contains(current.text)) {
      var op = advance().text;
      node = Binary(op, node, parseBinary(level + 1));
    }
    return node;
  }
  Node parseUnary() {
    if (!atOp('-')) return parsePower();
    advance();
    return Call('neg', [parseUnary()]);
  }
  Node parsePower() {
    var base = parsePrimary();
    if (!atOp('^')) return base;
    advance();
    return Binary('^', base, parseUnary());
  }
  Node parsePrimary() {
    var tok = current;
    if (tok.kind == 'num') {
      advance();
      return Literal(tok.text);
    }
    if (tok.kind == 'lparen') {
      advance();
      var inner = parseBinary(0);
      expect('rparen');
      return inner;
    }
    if (tok.kind != 'ident') throw unexpected();
    advance();
    if (current.kind != 'lparen') return Variable(tok.text);
    advance();
    var args = <Node>[];
    while (current.kind != 'rparen') {
      if (args.isNotEmpty) expect('comma');
      args.add(parseBinary(0));
    }
    advance();
    return Call(tok.text, args);
  }
}

void main() {
  print(tokenize('area = 3.5 * (r + 1)'));
  var program = [
    '1 + 2 * 3', '(1 + 2) * 3', 'x = 10', 'y = x / 4', 'x * y - 3',
    '2 ^ 3 ^ 2', '-2 ^ 2', '17 % 5 + -3', '7 / 2 + 7 % 2', 'radius = 2.5',
    'area = 3.14159 * radius ^ 2', 'max(3, x, 7) + min(4, 2)',
    'abs(-7.5) + avg(1, 2, 3, 4)', '0.1 + 0.2', 'big = 2 ^ 62 + (2 ^ 62 - 1)',
    'z + 1', '10 / (5 - 5)', '3 +', '(1 + 2', '2 3', '4 # 4', 'foo(1)',
    'max()', '2 ^ -1', 'count = count + 1', 'total = x + y + area',
  ];
  var env = <String, num>{};
  var ok = 0, failed = 0;
  for (var line in program) {
    print('> $line');
    try {
      var tree = Parser(tokenize(line)).parseStatement();
      var value = tree.eval(env);
      print('  ${tree.show()}');
      print('  = $value');
      ok++;
    } on CalcError catch (e) {
      print('  $e');
      failed++;
    }
  }
  print('$ok evaluated, $failed failed');
  var names = env.keys.toList();
  names.sort();
  for (var name in names) {
    print('$name = ${env[name]}');
  }
}
