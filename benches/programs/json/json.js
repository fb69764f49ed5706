'use strict';
// JSON: a hand-written encoder and recursive-descent decoder (no library JSON).
// Builds a document of records from a deterministic generator, encodes it, decodes
// the text, re-encodes the result and checks that both texts are equal. Numbers are
// integers only, so every language prints the same text. Objects are Maps (ordered,
// like Dart's default Map).

class Rng {
  constructor(seed) { this.seed = seed; }
  // Park-Miller minimal standard generator; exact in doubles.
  next() {
    this.seed = this.seed * 16807 % 2147483647;
    return this.seed;
  }
}

const HEX_DIGITS = '0123456789abcdef';

function makeRecord(rng, i) {
  const tagCount = rng.next() % 4;
  const tags = [];
  for (let j = 0; j < tagCount; j++) tags.push(`tag${rng.next() % 100}`);
  const active = rng.next() % 2 === 0;
  const score = rng.next() % 100000 - 50000;
  const code = `c${rng.next() % 1000}`;
  const control = String.fromCharCode(rng.next() % 32);
  const nested = new Map();
  nested.set('code', code);
  nested.set('text', `line\tone\nline "two" \\ ${control} end`);
  nested.set('empty', []);
  const record = new Map();
  record.set('id', i);
  record.set('name', `item ${i}`);
  record.set('active', active);
  record.set('score', score);
  record.set('tags', tags);
  record.set('parent', i % 5 === 0 ? null : i - 1);
  record.set('nested', nested);
  return record;
}

function makeDocument(n) {
  const rng = new Rng(42);
  const records = [];
  for (let i = 0; i < n; i++) records.push(makeRecord(rng, i));
  return records;
}

// Encoder ------------------------------------------------------------------

class StringBuffer {
  constructor() { this.s = ''; }
  write(x) { this.s += x; }
  toString() { return this.s; }
}

function encodeString(s, out) {
  out.write('"');
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5C) continue;
    if (i > start) out.write(s.substring(start, i));
    start = i + 1;
    if (c === 0x22) {
      out.write('\\"');
    } else if (c === 0x5C) {
      out.write('\\\\');
    } else if (c === 0x0A) {
      out.write('\\n');
    } else if (c === 0x09) {
      out.write('\\t');
    } else if (c === 0x0D) {
      out.write('\\r');
    } else {
      out.write('\\u00');
      out.write(HEX_DIGITS[c >> 4]);
      out.write(HEX_DIGITS[c & 15]);
    }
  }
  if (s.length > start) out.write(s.substring(start));
  out.write('"');
}

function encodeValue(v, out) {
  if (v === null) {
    out.write('null');
  } else if (typeof v === 'boolean') {
    out.write(v ? 'true' : 'false');
  } else if (typeof v === 'number') {
    out.write(String(v));
  } else if (typeof v === 'string') {
    encodeString(v, out);
  } else if (Array.isArray(v)) {
    out.write('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.write(',');
      encodeValue(v[i], out);
    }
    out.write(']');
  } else if (v instanceof Map) {
    out.write('{');
    let first = true;
    for (const key of v.keys()) {
      if (!first) out.write(',');
      first = false;
      encodeString(key, out);
      out.write(':');
      encodeValue(v.get(key), out);
    }
    out.write('}');
  } else {
    throw new Error(`cannot encode ${v}`);
  }
}

function encode(v) {
  const out = new StringBuffer();
  encodeValue(v, out);
  return out.toString();
}

// Decoder ------------------------------------------------------------------

class Parser {
  constructor(s) {
    this.s = s;
    this.pos = 0;
  }

  error(what) { return new Error(`${what} at ${this.pos}`); }

  skipWhitespace() {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0A && c !== 0x0D && c !== 0x09) return;
      this.pos++;
    }
  }

  parseValue() {
    this.skipWhitespace();
    const s = this.s;
    if (this.pos >= s.length) throw this.error('unexpected end');
    const c = s.charCodeAt(this.pos);
    if (c === 0x7B) return this.parseObject();
    if (c === 0x5B) return this.parseArray();
    if (c === 0x22) return this.parseString();
    if (c === 0x2D || (c >= 0x30 && c <= 0x39)) return this.parseInt();
    if (s.startsWith('true', this.pos)) {
      this.pos += 4;
      return true;
    }
    if (s.startsWith('false', this.pos)) {
      this.pos += 5;
      return false;
    }
    if (s.startsWith('null', this.pos)) {
      this.pos += 4;
      return null;
    }
    throw this.error('unexpected character');
  }

  expect(c) {
    this.skipWhitespace();
    if (this.pos >= this.s.length || this.s.charCodeAt(this.pos) !== c) {
      throw this.error(`expected ${String.fromCharCode(c)}`);
    }
    this.pos++;
  }

  parseObject() {
    const result = new Map();
    this.pos++;
    this.skipWhitespace();
    if (this.s.charCodeAt(this.pos) === 0x7D) {
      this.pos++;
      return result;
    }
    while (true) {
      this.skipWhitespace();
      const key = this.parseString();
      this.expect(0x3A);
      result.set(key, this.parseValue());
      this.skipWhitespace();
      const c = this.s.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x7D) return result;
      if (c !== 0x2C) throw this.error('expected , or }');
    }
  }

  parseArray() {
    const result = [];
    this.pos++;
    this.skipWhitespace();
    if (this.s.charCodeAt(this.pos) === 0x5D) {
      this.pos++;
      return result;
    }
    while (true) {
      result.push(this.parseValue());
      this.skipWhitespace();
      const c = this.s.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x5D) return result;
      if (c !== 0x2C) throw this.error('expected , or ]');
    }
  }

  parseString() {
    const s = this.s;
    if (s.charCodeAt(this.pos) !== 0x22) throw this.error('expected string');
    this.pos++;
    const out = new StringBuffer();
    let start = this.pos;
    while (true) {
      if (this.pos >= s.length) throw this.error('unterminated string');
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        out.write(s.substring(start, this.pos));
        this.pos++;
        return out.toString();
      }
      if (c !== 0x5C) {
        this.pos++;
        continue;
      }
      out.write(s.substring(start, this.pos));
      const e = s.charCodeAt(this.pos + 1);
      this.pos += 2;
      if (e === 0x6E) {
        out.write('\n');
      } else if (e === 0x74) {
        out.write('\t');
      } else if (e === 0x72) {
        out.write('\r');
      } else if (e === 0x62) {
        out.write('\b');
      } else if (e === 0x66) {
        out.write('\f');
      } else if (e === 0x75) {
        let code = 0;
        for (let k = 0; k < 4; k++) code = code * 16 + this.hexValue(s.charCodeAt(this.pos + k));
        this.pos += 4;
        out.write(String.fromCharCode(code));
      } else {
        out.write(String.fromCharCode(e)); // \" \\ \/
      }
      start = this.pos;
    }
  }

  hexValue(c) {
    if (c >= 0x30 && c <= 0x39) return c - 0x30;
    if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
    if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
    throw this.error('bad hex digit');
  }

  parseInt() {
    const s = this.s;
    let negative = false;
    if (s.charCodeAt(this.pos) === 0x2D) {
      negative = true;
      this.pos++;
    }
    let value = 0;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + (c - 0x30);
      this.pos++;
    }
    return negative ? -value : value;
  }
}

function decode(s) {
  const parser = new Parser(s);
  const v = parser.parseValue();
  parser.skipWhitespace();
  if (parser.pos !== s.length) throw parser.error('trailing text');
  return v;
}

// Checksums ----------------------------------------------------------------

function hashString(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

function walk(v) {
  if (typeof v === 'number') return 1 + (v < 0 ? -v : v);
  if (typeof v === 'string') return 1 + v.length;
  if (Array.isArray(v)) {
    let sum = 1;
    for (const item of v) sum += walk(item);
    return sum;
  }
  if (v instanceof Map) {
    let sum = 1;
    for (const key of v.keys()) sum += key.length + walk(v.get(key));
    return sum;
  }
  return 1;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 2000;
const document = makeDocument(n);
let checksum = 0;
let length = 0;
for (let round = 0; round < 10; round++) {
  const text = encode(document);
  const decoded = decode(text);
  const again = encode(decoded);
  if (again !== text) throw new Error('round trip changed the text');
  length = text.length;
  checksum = (checksum + hashString(text) + walk(decoded)) % 1000000007;
}
console.log(`json ${n} ${length} ${checksum}`);
