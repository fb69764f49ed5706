/* Tokenizer: a hand-written lexer for a small C-like language run over generated
 * source text: identifiers and keywords (keywords found through a small string hash
 * set), decimal integers, string literals with escapes, one- and two-character
 * operators, line and block comments. Character-at-a-time scanning; identifiers are
 * looked up by (pointer, length) without copying. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long seed = 42;
static long nextRandom(void) {
  seed = seed * 16807 % 2147483647;
  return seed;
}

static const char *WORDS[] = {
    "if",    "else", "while", "for",   "return", "var",   "final", "class",  "void",   "int",
    "alpha", "beta", "gamma", "delta", "count",  "value", "index", "result", "buffer", "node_2",
};

static const char *OPERATORS[] = {
    "+", "-", "*", "/", "=", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "(", ")", "{", "}", ";", ",", ".",
};

typedef struct {
  char *data;
  long len, cap;
} StringBuilder;

static void sbWrite(StringBuilder *sb, const char *s) {
  long n = strlen(s);
  if (sb->len + n + 1 > sb->cap) {
    while (sb->len + n + 1 > sb->cap) sb->cap = sb->cap ? sb->cap * 2 : 1024;
    sb->data = realloc(sb->data, sb->cap);
  }
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = 0;
}

static StringBuilder generate(long lines) {
  StringBuilder out = {0};
  char buf[32];
  for (long line = 0; line < lines; line++) {
    for (int t = 0; t < 8; t++) {
      long r = nextRandom() % 10;
      if (r < 4) {
        sbWrite(&out, WORDS[nextRandom() % 20]);
        if (nextRandom() % 3 == 0) {
          snprintf(buf, sizeof buf, "%ld", nextRandom() % 100);
          sbWrite(&out, buf);
        }
      } else if (r < 6) {
        snprintf(buf, sizeof buf, "%ld", nextRandom() % 100000);
        sbWrite(&out, buf);
      } else if (r < 9) {
        sbWrite(&out, OPERATORS[nextRandom() % 20]);
      } else {
        sbWrite(&out, "\"s");
        snprintf(buf, sizeof buf, "%ld", nextRandom() % 1000);
        sbWrite(&out, buf);
        sbWrite(&out, " \\\"q\\\" \\\\ x\"");
      }
      sbWrite(&out, " ");
    }
    if (line % 5 == 0) {
      sbWrite(&out, "// comment ");
      snprintf(buf, sizeof buf, "%ld", line);
      sbWrite(&out, buf);
    }
    if (line % 7 == 0) sbWrite(&out, "/* block\n comment */");
    sbWrite(&out, "\n");
  }
  return out;
}

/* A string set: open addressing over FNV-1a hashes. */
#define SET_CAPACITY 64
typedef struct {
  const char *keys[SET_CAPACITY];
  long lens[SET_CAPACITY];
} StringSet;

static unsigned long hashBytes(const char *s, long n) {
  unsigned long h = 1469598103934665603UL;
  for (long i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211UL;
  return h;
}

static void setAdd(StringSet *set, const char *s) {
  long n = strlen(s);
  unsigned long i = hashBytes(s, n) & (SET_CAPACITY - 1);
  while (set->keys[i] != NULL) {
    if (set->lens[i] == n && memcmp(set->keys[i], s, n) == 0) return;
    i = (i + 1) & (SET_CAPACITY - 1);
  }
  set->keys[i] = s;
  set->lens[i] = n;
}

static int setContains(const StringSet *set, const char *s, long n) {
  unsigned long i = hashBytes(s, n) & (SET_CAPACITY - 1);
  while (set->keys[i] != NULL) {
    if (set->lens[i] == n && memcmp(set->keys[i], s, n) == 0) return 1;
    i = (i + 1) & (SET_CAPACITY - 1);
  }
  return 0;
}

enum { KIND_IDENTIFIER, KIND_KEYWORD, KIND_NUMBER, KIND_STRING, KIND_OPERATOR, KIND_COMMENT };

static int isLetter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int isDigit(int c) { return c >= '0' && c <= '9'; }
/* Two-character operators: == != <= >= && || */
static int isPair(int c, int d) {
  return (d == '=' && (c == '=' || c == '!' || c == '<' || c == '>')) || (c == '&' && d == '&') ||
         (c == '|' && d == '|');
}

static long tokenize(const char *text, long n, const StringSet *keywords) {
  long counts[6] = {0};
  long identifierHash = 0, numberSum = 0, stringChars = 0, operatorHash = 0;
  long pos = 0;
  while (pos < n) {
    int c = (unsigned char)text[pos];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      pos++;
    } else if (isLetter(c)) {
      long start = pos;
      pos++;
      while (pos < n) {
        int d = (unsigned char)text[pos];
        if (!isLetter(d) && !isDigit(d)) break;
        pos++;
      }
      long len = pos - start;
      if (setContains(keywords, text + start, len)) {
        counts[KIND_KEYWORD]++;
      } else {
        counts[KIND_IDENTIFIER]++;
        identifierHash = (identifierHash * 31 + len * 7 + c) % 1000000007;
      }
    } else if (isDigit(c)) {
      long value = 0;
      while (pos < n) {
        int d = (unsigned char)text[pos];
        if (!isDigit(d)) break;
        value = value * 10 + (d - '0');
        pos++;
      }
      counts[KIND_NUMBER]++;
      numberSum = (numberSum + value) % 1000000007;
    } else if (c == '"') {
      pos++;
      long length = 0;
      for (;;) {
        int d = text[pos];
        if (d == '"') break;
        if (d == '\\') pos++;
        pos++;
        length++;
      }
      pos++;
      counts[KIND_STRING]++;
      stringChars += length;
    } else if (c == '/' && pos + 1 < n && text[pos + 1] == '/') {
      while (pos < n && text[pos] != '\n') pos++;
      counts[KIND_COMMENT]++;
    } else if (c == '/' && pos + 1 < n && text[pos + 1] == '*') {
      pos += 2;
      while (!(text[pos] == '*' && text[pos + 1] == '/')) pos++;
      pos += 2;
      counts[KIND_COMMENT]++;
    } else {
      long op = c;
      if (pos + 1 < n && isPair(c, (unsigned char)text[pos + 1])) {
        op = c * 256 + (unsigned char)text[pos + 1];
        pos += 2;
      } else {
        pos++;
      }
      counts[KIND_OPERATOR]++;
      operatorHash = (operatorHash * 31 + op) % 1000000007;
    }
  }
  long sum = 0;
  for (int k = 0; k < 6; k++) sum = (sum * 1000 + counts[k]) % 1000000007;
  return (sum + identifierHash + numberSum + stringChars + operatorHash) % 1000000007;
}

int main(int argc, char **argv) {
  long lines = argc > 1 ? atol(argv[1]) : 60000;
  StringBuilder text = generate(lines);
  StringSet keywords = {{0}, {0}};
  for (int i = 0; i < 10; i++) setAdd(&keywords, WORDS[i]);
  long checksum = 0;
  for (int round = 0; round < 5; round++) {
    checksum = (checksum + tokenize(text.data, text.len, &keywords)) % 1000000007;
  }
  printf("tokenizer %ld %ld %ld\n", lines, text.len, checksum);
  free(text.data);
  return 0;
}
