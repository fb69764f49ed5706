// JSON: a hand-written encoder and recursive-descent decoder (no library JSON).
// Builds a document of records from a deterministic generator, encodes it, decodes
// the text, re-encodes the result and checks that both texts are equal. Numbers are
// integers only, so every language prints the same text.

class Rng {
  int seed;
  Rng(this.seed);

  /// Park-Miller minimal standard generator; exact in doubles too.
  int next() {
    seed = seed * 16807 % 2147483647;
    return seed;
  }
}

const String hexDigits = '0123456789abcdef';

Map<String, Object?> makeRecord(Rng rng, int i) {
  final tagCount = rng.next() % 4;
  final tags = <Object?>[];
  for (int j = 0; j < tagCount; j++) {
    tags.add('tag${rng.next() % 100}');
  }
  final active = rng.next() % 2 == 0;
  final score = rng.next() % 100000 - 50000;
  final code = 'c${rng.next() % 1000}';
  final control = String.fromCharCode(rng.next() % 32);
  final nested = <String, Object?>{
    'code': code,
    'text': 'line\tone\nline "two" \\ $control end',
    'empty': <Object?>[],
  };
  return <String, Object?>{
    'id': i,
    'name': 'item $i',
    'active': active,
    'score': score,
    'tags': tags,
    'parent': i % 5 == 0 ? null : i - 1,
    'nested': nested,
  };
}

List<Object?> makeDocument(int n) {
  final rng = Rng(42);
  final records = <Object?>[];
  for (int i = 0; i < n; i++) {
    records.add(makeRecord(rng, i));
  }
  return records;
}

// Encoder ------------------------------------------------------------------

void encodeString(String s, StringBuffer out) {
  out.write('"');
  int start = 0;
  for (int i = 0; i < s.length; i++) {
    final c = s.codeUnitAt(i);
    if (c >= 0x20 && c != 0x22 && c != 0x5C) continue;
    if (i > start) out.write(s.substring(start, i));
    start = i + 1;
    if (c == 0x22) {
      out.write('\\"');
    } else if (c == 0x5C) {
      out.write('\\\\');
    } else if (c == 0x0A) {
      out.write('\\n');
    } else if (c == 0x09) {
      out.write('\\t');
    } else if (c == 0x0D) {
      out.write('\\r');
    } else {
      out.write('\\u00');
      out.write(hexDigits[c >> 4]);
      out.write(hexDigits[c & 15]);
    }
  }
  if (s.length > start) out.write(s.substring(start));
  out.write('"');
}

void encodeValue(Object? v, StringBuffer out) {
  if (v == null) {
    out.write('null');
  } else if (v is bool) {
    out.write(v ? 'true' : 'false');
  } else if (v is int) {
    out.write(v.toString());
  } else if (v is String) {
    encodeString(v, out);
  } else if (v is List<Object?>) {
    out.write('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) out.write(',');
      encodeValue(v[i], out);
    }
    out.write(']');
  } else if (v is Map<String, Object?>) {
    out.write('{');
    bool first = true;
    for (final key in v.keys) {
      if (!first) out.write(',');
      first = false;
      encodeString(key, out);
      out.write(':');
      encodeValue(v[key], out);
    }
    out.write('}');
  } else {
    throw ArgumentError('cannot encode $v');
  }
}

String encode(Object? v) {
  final out = StringBuffer();
  encodeValue(v, out);
  return out.toString();
}

// Decoder ------------------------------------------------------------------

class Parser {
  final String s;
  int pos = 0;
  Parser(this.s);

  FormatException error(String what) => FormatException('$what at $pos');

  void skipWhitespace() {
    while (pos < s.length) {
      final c = s.codeUnitAt(pos);
      if (c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09) return;
      pos++;
    }
  }

  Object? parseValue() {
    skipWhitespace();
    if (pos >= s.length) throw error('unexpected end');
    final c = s.codeUnitAt(pos);
    if (c == 0x7B) return parseObject();
    if (c == 0x5B) return parseArray();
    if (c == 0x22) return parseString();
    if (c == 0x2D || (c >= 0x30 && c <= 0x39)) return parseInt();
    if (s.startsWith('true', pos)) {
      pos += 4;
      return true;
    }
    if (s.startsWith('false', pos)) {
      pos += 5;
      return false;
    }
    if (s.startsWith('null', pos)) {
      pos += 4;
      return null;
    }
    throw error('unexpected character');
  }

  void expect(int c) {
    skipWhitespace();
    if (pos >= s.length || s.codeUnitAt(pos) != c) {
      throw error('expected ${String.fromCharCode(c)}');
    }
    pos++;
  }

  Map<String, Object?> parseObject() {
    final result = <String, Object?>{};
    pos++;
    skipWhitespace();
    if (s.codeUnitAt(pos) == 0x7D) {
      pos++;
      return result;
    }
    while (true) {
      skipWhitespace();
      final key = parseString();
      expect(0x3A);
      result[key] = parseValue();
      skipWhitespace();
      final c = s.codeUnitAt(pos);
      pos++;
      if (c == 0x7D) return result;
      if (c != 0x2C) throw error('expected , or }');
    }
  }

  List<Object?> parseArray() {
    final result = <Object?>[];
    pos++;
    skipWhitespace();
    if (s.codeUnitAt(pos) == 0x5D) {
      pos++;
      return result;
    }
    while (true) {
      result.add(parseValue());
      skipWhitespace();
      final c = s.codeUnitAt(pos);
      pos++;
      if (c == 0x5D) return result;
      if (c != 0x2C) throw error('expected , or ]');
    }
  }

  String parseString() {
    if (s.codeUnitAt(pos) != 0x22) throw error('expected string');
    pos++;
    final out = StringBuffer();
    int start = pos;
    while (true) {
      if (pos >= s.length) throw error('unterminated string');
      final c = s.codeUnitAt(pos);
      if (c == 0x22) {
        out.write(s.substring(start, pos));
        pos++;
        return out.toString();
      }
      if (c != 0x5C) {
        pos++;
        continue;
      }
      out.write(s.substring(start, pos));
      final e = s.codeUnitAt(pos + 1);
      pos += 2;
      if (e == 0x6E) {
        out.write('\n');
      } else if (e == 0x74) {
        out.write('\t');
      } else if (e == 0x72) {
        out.write('\r');
      } else if (e == 0x62) {
        out.write('\b');
      } else if (e == 0x66) {
        out.write('\f');
      } else if (e == 0x75) {
        int code = 0;
        for (int k = 0; k < 4; k++) {
          code = code * 16 + hexValue(s.codeUnitAt(pos + k));
        }
        pos += 4;
        out.writeCharCode(code);
      } else {
        out.writeCharCode(e); // \" \\ \/
      }
      start = pos;
    }
  }

  int hexValue(int c) {
    if (c >= 0x30 && c <= 0x39) return c - 0x30;
    if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
    if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
    throw error('bad hex digit');
  }

  int parseInt() {
    bool negative = false;
    if (s.codeUnitAt(pos) == 0x2D) {
      negative = true;
      pos++;
    }
    int value = 0;
    while (pos < s.length) {
      final c = s.codeUnitAt(pos);
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + (c - 0x30);
      pos++;
    }
    return negative ? -value : value;
  }
}

Object? decode(String s) {
  final parser = Parser(s);
  final v = parser.parseValue();
  parser.skipWhitespace();
  if (parser.pos != s.length) throw parser.error('trailing text');
  return v;
}

// Checksums ----------------------------------------------------------------

int hashString(String s) {
  int h = 0;
  for (int i = 0; i < s.length; i++) {
    h = (h * 31 + s.codeUnitAt(i)) % 1000000007;
  }
  return h;
}

/// Number of values plus the sum of all integer magnitudes and string lengths.
int walk(Object? v) {
  if (v is int) return 1 + (v < 0 ? -v : v);
  if (v is String) return 1 + v.length;
  if (v is List<Object?>) {
    int sum = 1;
    for (final item in v) {
      sum += walk(item);
    }
    return sum;
  }
  if (v is Map<String, Object?>) {
    int sum = 1;
    for (final key in v.keys) {
      sum += key.length + walk(v[key]);
    }
    return sum;
  }
  return 1;
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 2000;
  final document = makeDocument(n);
  int checksum = 0;
  int length = 0;
  for (int round = 0; round < 10; round++) {
    final text = encode(document);
    final decoded = decode(text);
    final again = encode(decoded);
    if (again != text) throw StateError('round trip changed the text');
    length = text.length;
    checksum = (checksum + hashString(text) + walk(decoded)) % 1000000007;
  }
  print('json $n $length $checksum');
}
