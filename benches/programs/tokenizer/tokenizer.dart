// Tokenizer: a hand-written lexer for a small C-like language run over generated
// source text: identifiers and keywords (keywords found through a Set<String>),
// decimal integers, string literals with escapes, one- and two-character operators,
// line and block comments. Character-at-a-time scanning with codeUnitAt/substring.

class Rng {
  int seed;
  Rng(this.seed);

  int next() {
    seed = seed * 16807 % 2147483647;
    return seed;
  }
}

final List<String> words = <String>[
  'if', 'else', 'while', 'for', 'return', 'var', 'final', 'class', 'void', 'int', //
  'alpha', 'beta', 'gamma', 'delta', 'count', 'value', 'index', 'result', 'buffer',
  'node_2',
];

final List<String> operators = <String>[
  '+', '-', '*', '/', '=', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '(', ')', //
  '{', '}', ';', ',', '.',
];

String generate(int lines) {
  final rng = Rng(42);
  final out = StringBuffer();
  for (int line = 0; line < lines; line++) {
    for (int t = 0; t < 8; t++) {
      final r = rng.next() % 10;
      if (r < 4) {
        out.write(words[rng.next() % 20]);
        if (rng.next() % 3 == 0) out.write(rng.next() % 100);
      } else if (r < 6) {
        out.write(rng.next() % 100000);
      } else if (r < 9) {
        out.write(operators[rng.next() % 20]);
      } else {
        out.write('"s');
        out.write(rng.next() % 1000);
        out.write(' \\"q\\" \\\\ x"');
      }
      out.write(' ');
    }
    if (line % 5 == 0) {
      out.write('// comment ');
      out.write(line);
    }
    if (line % 7 == 0) out.write('/* block\n comment */');
    out.write('\n');
  }
  return out.toString();
}

const int kindIdentifier = 0;
const int kindKeyword = 1;
const int kindNumber = 2;
const int kindString = 3;
const int kindOperator = 4;
const int kindComment = 5;

class Tokenizer {
  final String text;
  final Set<String> keywords;
  final List<int> counts = List<int>.filled(6, 0);
  int identifierHash = 0;
  int numberSum = 0;
  int stringChars = 0;
  int operatorHash = 0;

  Tokenizer(this.text, this.keywords);

  static bool isLetter(int c) =>
      (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F;
  static bool isDigit(int c) => c >= 0x30 && c <= 0x39;

  /// Two-character operators: == != <= >= && ||
  static bool isPair(int c, int d) =>
      (d == 0x3D && (c == 0x3D || c == 0x21 || c == 0x3C || c == 0x3E)) ||
      (c == 0x26 && d == 0x26) ||
      (c == 0x7C && d == 0x7C);

  void run() {
    final n = text.length;
    int pos = 0;
    while (pos < n) {
      final c = text.codeUnitAt(pos);
      if (c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D) {
        pos++;
      } else if (isLetter(c)) {
        final start = pos;
        pos++;
        while (pos < n) {
          final d = text.codeUnitAt(pos);
          if (!isLetter(d) && !isDigit(d)) break;
          pos++;
        }
        final word = text.substring(start, pos);
        if (keywords.contains(word)) {
          counts[kindKeyword]++;
        } else {
          counts[kindIdentifier]++;
          identifierHash = (identifierHash * 31 + word.length * 7 + c) % 1000000007;
        }
      } else if (isDigit(c)) {
        int value = 0;
        while (pos < n) {
          final d = text.codeUnitAt(pos);
          if (!isDigit(d)) break;
          value = value * 10 + (d - 0x30);
          pos++;
        }
        counts[kindNumber]++;
        numberSum = (numberSum + value) % 1000000007;
      } else if (c == 0x22) {
        pos++;
        int length = 0;
        while (true) {
          final d = text.codeUnitAt(pos);
          if (d == 0x22) break;
          if (d == 0x5C) pos++;
          pos++;
          length++;
        }
        pos++;
        counts[kindString]++;
        stringChars += length;
      } else if (c == 0x2F && pos + 1 < n && text.codeUnitAt(pos + 1) == 0x2F) {
        while (pos < n && text.codeUnitAt(pos) != 0x0A) {
          pos++;
        }
        counts[kindComment]++;
      } else if (c == 0x2F && pos + 1 < n && text.codeUnitAt(pos + 1) == 0x2A) {
        pos += 2;
        while (!(text.codeUnitAt(pos) == 0x2A && text.codeUnitAt(pos + 1) == 0x2F)) {
          pos++;
        }
        pos += 2;
        counts[kindComment]++;
      } else {
        int op = c;
        if (pos + 1 < n && isPair(c, text.codeUnitAt(pos + 1))) {
          op = c * 256 + text.codeUnitAt(pos + 1);
          pos += 2;
        } else {
          pos++;
        }
        counts[kindOperator]++;
        operatorHash = (operatorHash * 31 + op) % 1000000007;
      }
    }
  }
}

void main(List<String> args) {
  final lines = args.isNotEmpty ? int.parse(args[0]) : 60000;
  final text = generate(lines);
  final keywords = <String>{};
  for (int i = 0; i < 10; i++) {
    keywords.add(words[i]);
  }
  int checksum = 0;
  for (int round = 0; round < 5; round++) {
    final t = Tokenizer(text, keywords);
    t.run();
    int sum = 0;
    for (int k = 0; k < 6; k++) {
      sum = (sum * 1000 + t.counts[k]) % 1000000007;
    }
    checksum = (checksum + sum + t.identifierHash + t.numberSum +
            t.stringChars + t.operatorHash) %
        1000000007;
  }
  print('tokenizer $lines ${text.length} $checksum');
}
