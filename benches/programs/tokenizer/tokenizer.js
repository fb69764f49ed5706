'use strict';
// Tokenizer: a hand-written lexer for a small C-like language run over generated
// source text: identifiers and keywords (keywords found through a Set), decimal
// integers, string literals with escapes, one- and two-character operators, line and
// block comments. Character-at-a-time scanning with charCodeAt/substring.

class Rng {
  constructor(seed) { this.seed = seed; }
  next() {
    this.seed = this.seed * 16807 % 2147483647;
    return this.seed;
  }
}

const WORDS = [
  'if', 'else', 'while', 'for', 'return', 'var', 'final', 'class', 'void', 'int',
  'alpha', 'beta', 'gamma', 'delta', 'count', 'value', 'index', 'result', 'buffer',
  'node_2',
];

const OPERATORS = [
  '+', '-', '*', '/', '=', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '(', ')',
  '{', '}', ';', ',', '.',
];

function generate(lines) {
  const rng = new Rng(42);
  let out = '';
  for (let line = 0; line < lines; line++) {
    for (let t = 0; t < 8; t++) {
      const r = rng.next() % 10;
      if (r < 4) {
        out += WORDS[rng.next() % 20];
        if (rng.next() % 3 === 0) out += String(rng.next() % 100);
      } else if (r < 6) {
        out += String(rng.next() % 100000);
      } else if (r < 9) {
        out += OPERATORS[rng.next() % 20];
      } else {
        out += '"s';
        out += String(rng.next() % 1000);
        out += ' \\"q\\" \\\\ x"';
      }
      out += ' ';
    }
    if (line % 5 === 0) {
      out += '// comment ';
      out += String(line);
    }
    if (line % 7 === 0) out += '/* block\n comment */';
    out += '\n';
  }
  return out;
}

const KIND_IDENTIFIER = 0;
const KIND_KEYWORD = 1;
const KIND_NUMBER = 2;
const KIND_STRING = 3;
const KIND_OPERATOR = 4;
const KIND_COMMENT = 5;

function isLetter(c) {
  return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c === 0x5F;
}
function isDigit(c) { return c >= 0x30 && c <= 0x39; }
// Two-character operators: == != <= >= && ||
function isPair(c, d) {
  return (d === 0x3D && (c === 0x3D || c === 0x21 || c === 0x3C || c === 0x3E)) ||
    (c === 0x26 && d === 0x26) ||
    (c === 0x7C && d === 0x7C);
}

class Tokenizer {
  constructor(text, keywords) {
    this.text = text;
    this.keywords = keywords;
    this.counts = new Array(6).fill(0);
    this.identifierHash = 0;
    this.numberSum = 0;
    this.stringChars = 0;
    this.operatorHash = 0;
  }

  run() {
    const text = this.text;
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0A || c === 0x09 || c === 0x0D) {
        pos++;
      } else if (isLetter(c)) {
        const start = pos;
        pos++;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (!isLetter(d) && !isDigit(d)) break;
          pos++;
        }
        const word = text.substring(start, pos);
        if (this.keywords.has(word)) {
          this.counts[KIND_KEYWORD]++;
        } else {
          this.counts[KIND_IDENTIFIER]++;
          this.identifierHash = (this.identifierHash * 31 + word.length * 7 + c) % 1000000007;
        }
      } else if (isDigit(c)) {
        let value = 0;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (!isDigit(d)) break;
          value = value * 10 + (d - 0x30);
          pos++;
        }
        this.counts[KIND_NUMBER]++;
        this.numberSum = (this.numberSum + value) % 1000000007;
      } else if (c === 0x22) {
        pos++;
        let length = 0;
        while (true) {
          const d = text.charCodeAt(pos);
          if (d === 0x22) break;
          if (d === 0x5C) pos++;
          pos++;
          length++;
        }
        pos++;
        this.counts[KIND_STRING]++;
        this.stringChars += length;
      } else if (c === 0x2F && pos + 1 < n && text.charCodeAt(pos + 1) === 0x2F) {
        while (pos < n && text.charCodeAt(pos) !== 0x0A) pos++;
        this.counts[KIND_COMMENT]++;
      } else if (c === 0x2F && pos + 1 < n && text.charCodeAt(pos + 1) === 0x2A) {
        pos += 2;
        while (!(text.charCodeAt(pos) === 0x2A && text.charCodeAt(pos + 1) === 0x2F)) pos++;
        pos += 2;
        this.counts[KIND_COMMENT]++;
      } else {
        let op = c;
        if (pos + 1 < n && isPair(c, text.charCodeAt(pos + 1))) {
          op = c * 256 + text.charCodeAt(pos + 1);
          pos += 2;
        } else {
          pos++;
        }
        this.counts[KIND_OPERATOR]++;
        this.operatorHash = (this.operatorHash * 31 + op) % 1000000007;
      }
    }
  }
}

const lines = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 60000;
const text = generate(lines);
const keywords = new Set();
for (let i = 0; i < 10; i++) keywords.add(WORDS[i]);
let checksum = 0;
for (let round = 0; round < 5; round++) {
  const t = new Tokenizer(text, keywords);
  t.run();
  let sum = 0;
  for (let k = 0; k < 6; k++) sum = (sum * 1000 + t.counts[k]) % 1000000007;
  checksum = (checksum + sum + t.identifierHash + t.numberSum +
    t.stringChars + t.operatorHash) % 1000000007;
}
console.log(`tokenizer ${lines} ${text.length} ${checksum}`);
