/* JSON: a hand-written encoder and recursive-descent decoder (no library JSON).
 * Builds a document of records from a deterministic generator, encodes it, decodes
 * the text, re-encodes the result and checks that both texts are equal. Numbers are
 * integers only. Strings carry their length (they may contain NUL). Objects keep
 * their keys in insertion order, like Dart's default Map. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { J_NULL, J_BOOL, J_INT, J_STRING, J_ARRAY, J_OBJECT };

typedef struct Value {
  int type;
  long num; /* bool or int */
  char *str;
  long len;
  struct Value **items; /* array items or object values */
  struct Value **keys;  /* object keys (strings) */
  int count, cap;
} Value;

typedef struct {
  char *data;
  long len, cap;
} StringBuilder;

static void sbWrite(StringBuilder *sb, const char *s, long n) {
  if (sb->len + n > sb->cap) {
    while (sb->len + n > sb->cap) sb->cap = sb->cap ? sb->cap * 2 : 64;
    sb->data = realloc(sb->data, sb->cap);
  }
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
}

static void sbPuts(StringBuilder *sb, const char *s) { sbWrite(sb, s, strlen(s)); }
static void sbChar(StringBuilder *sb, char c) { sbWrite(sb, &c, 1); }

static long seed = 42;
/* Park-Miller minimal standard generator. */
static long nextRandom(void) {
  seed = seed * 16807 % 2147483647;
  return seed;
}

static Value *newValue(int type) {
  Value *v = calloc(1, sizeof(Value));
  v->type = type;
  return v;
}

static Value *newInt(long n) {
  Value *v = newValue(J_INT);
  v->num = n;
  return v;
}

static Value *newBool(int b) {
  Value *v = newValue(J_BOOL);
  v->num = b;
  return v;
}

static Value *newString(const char *s, long len) {
  Value *v = newValue(J_STRING);
  v->str = malloc(len + 1);
  memcpy(v->str, s, len);
  v->str[len] = 0;
  v->len = len;
  return v;
}

static Value *newCString(const char *s) { return newString(s, strlen(s)); }

static void addItem(Value *container, Value *key, Value *item) {
  if (container->count == container->cap) {
    container->cap = container->cap ? container->cap * 2 : 4;
    container->items = realloc(container->items, container->cap * sizeof(Value *));
    if (container->type == J_OBJECT) container->keys = realloc(container->keys, container->cap * sizeof(Value *));
  }
  if (container->type == J_OBJECT) container->keys[container->count] = key;
  container->items[container->count++] = item;
}

static void freeValue(Value *v) {
  for (int i = 0; i < v->count; i++) {
    freeValue(v->items[i]);
    if (v->type == J_OBJECT) freeValue(v->keys[i]);
  }
  free(v->items);
  free(v->keys);
  free(v->str);
  free(v);
}

static Value *makeRecord(long i) {
  char buf[64];
  long tagCount = nextRandom() % 4;
  Value *tags = newValue(J_ARRAY);
  for (long j = 0; j < tagCount; j++) {
    snprintf(buf, sizeof buf, "tag%ld", nextRandom() % 100);
    addItem(tags, NULL, newCString(buf));
  }
  int active = nextRandom() % 2 == 0;
  long score = nextRandom() % 100000 - 50000;
  snprintf(buf, sizeof buf, "c%ld", nextRandom() % 1000);
  Value *code = newCString(buf);
  char control = (char)(nextRandom() % 32);
  char text[64];
  const char *a = "line\tone\nline \"two\" \\ ";
  long n = strlen(a);
  memcpy(text, a, n);
  text[n++] = control;
  memcpy(text + n, " end", 4);
  n += 4;
  Value *nested = newValue(J_OBJECT);
  addItem(nested, newCString("code"), code);
  addItem(nested, newCString("text"), newString(text, n));
  addItem(nested, newCString("empty"), newValue(J_ARRAY));
  Value *record = newValue(J_OBJECT);
  addItem(record, newCString("id"), newInt(i));
  snprintf(buf, sizeof buf, "item %ld", i);
  addItem(record, newCString("name"), newCString(buf));
  addItem(record, newCString("active"), newBool(active));
  addItem(record, newCString("score"), newInt(score));
  addItem(record, newCString("tags"), tags);
  addItem(record, newCString("parent"), i % 5 == 0 ? newValue(J_NULL) : newInt(i - 1));
  addItem(record, newCString("nested"), nested);
  return record;
}

static Value *makeDocument(long n) {
  seed = 42;
  Value *records = newValue(J_ARRAY);
  for (long i = 0; i < n; i++) addItem(records, NULL, makeRecord(i));
  return records;
}

/* Encoder ------------------------------------------------------------------ */

static const char HEX_DIGITS[] = "0123456789abcdef";

static void encodeString(const char *s, long len, StringBuilder *out) {
  sbChar(out, '"');
  long start = 0;
  for (long i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != 0x22 && c != 0x5C) continue;
    if (i > start) sbWrite(out, s + start, i - start);
    start = i + 1;
    if (c == 0x22) {
      sbPuts(out, "\\\"");
    } else if (c == 0x5C) {
      sbPuts(out, "\\\\");
    } else if (c == 0x0A) {
      sbPuts(out, "\\n");
    } else if (c == 0x09) {
      sbPuts(out, "\\t");
    } else if (c == 0x0D) {
      sbPuts(out, "\\r");
    } else {
      sbPuts(out, "\\u00");
      sbChar(out, HEX_DIGITS[c >> 4]);
      sbChar(out, HEX_DIGITS[c & 15]);
    }
  }
  if (len > start) sbWrite(out, s + start, len - start);
  sbChar(out, '"');
}

static void encodeValue(const Value *v, StringBuilder *out) {
  char buf[32];
  switch (v->type) {
    case J_NULL:
      sbPuts(out, "null");
      break;
    case J_BOOL:
      sbPuts(out, v->num ? "true" : "false");
      break;
    case J_INT:
      snprintf(buf, sizeof buf, "%ld", v->num);
      sbPuts(out, buf);
      break;
    case J_STRING:
      encodeString(v->str, v->len, out);
      break;
    case J_ARRAY:
      sbChar(out, '[');
      for (int i = 0; i < v->count; i++) {
        if (i > 0) sbChar(out, ',');
        encodeValue(v->items[i], out);
      }
      sbChar(out, ']');
      break;
    case J_OBJECT:
      sbChar(out, '{');
      for (int i = 0; i < v->count; i++) {
        if (i > 0) sbChar(out, ',');
        encodeString(v->keys[i]->str, v->keys[i]->len, out);
        sbChar(out, ':');
        encodeValue(v->items[i], out);
      }
      sbChar(out, '}');
      break;
  }
}

static StringBuilder encode(const Value *v) {
  StringBuilder out = {0};
  encodeValue(v, &out);
  return out;
}

/* Decoder ------------------------------------------------------------------ */

typedef struct {
  const char *s;
  long len, pos;
} Parser;

static void parseError(Parser *p, const char *what) {
  fprintf(stderr, "%s at %ld\n", what, p->pos);
  exit(1);
}

static void skipWhitespace(Parser *p) {
  while (p->pos < p->len) {
    char c = p->s[p->pos];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
    p->pos++;
  }
}

static Value *parseValue(Parser *p);

static int hexValue(Parser *p, int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  parseError(p, "bad hex digit");
  return 0;
}

static Value *parseString(Parser *p) {
  if (p->s[p->pos] != '"') parseError(p, "expected string");
  p->pos++;
  StringBuilder out = {0};
  long start = p->pos;
  for (;;) {
    if (p->pos >= p->len) parseError(p, "unterminated string");
    char c = p->s[p->pos];
    if (c == '"') {
      sbWrite(&out, p->s + start, p->pos - start);
      p->pos++;
      Value *v = newValue(J_STRING);
      sbChar(&out, 0);
      v->str = out.data;
      v->len = out.len - 1;
      return v;
    }
    if (c != '\\') {
      p->pos++;
      continue;
    }
    sbWrite(&out, p->s + start, p->pos - start);
    char e = p->s[p->pos + 1];
    p->pos += 2;
    if (e == 'n') {
      sbChar(&out, '\n');
    } else if (e == 't') {
      sbChar(&out, '\t');
    } else if (e == 'r') {
      sbChar(&out, '\r');
    } else if (e == 'b') {
      sbChar(&out, '\b');
    } else if (e == 'f') {
      sbChar(&out, '\f');
    } else if (e == 'u') {
      int code = 0;
      for (int k = 0; k < 4; k++) code = code * 16 + hexValue(p, p->s[p->pos + k]);
      p->pos += 4;
      sbChar(&out, (char)code); /* the generator only makes codes below 0x20 */
    } else {
      sbChar(&out, e); /* \" \\ \/ */
    }
    start = p->pos;
  }
}

static Value *parseInt(Parser *p) {
  int negative = 0;
  if (p->s[p->pos] == '-') {
    negative = 1;
    p->pos++;
  }
  long value = 0;
  while (p->pos < p->len) {
    char c = p->s[p->pos];
    if (c < '0' || c > '9') break;
    value = value * 10 + (c - '0');
    p->pos++;
  }
  return newInt(negative ? -value : value);
}

static void expect(Parser *p, char c) {
  skipWhitespace(p);
  if (p->pos >= p->len || p->s[p->pos] != c) parseError(p, "expected delimiter");
  p->pos++;
}

static Value *parseObject(Parser *p) {
  Value *result = newValue(J_OBJECT);
  p->pos++;
  skipWhitespace(p);
  if (p->s[p->pos] == '}') {
    p->pos++;
    return result;
  }
  for (;;) {
    skipWhitespace(p);
    Value *key = parseString(p);
    expect(p, ':');
    Value *value = parseValue(p);
    addItem(result, key, value);
    skipWhitespace(p);
    char c = p->s[p->pos];
    p->pos++;
    if (c == '}') return result;
    if (c != ',') parseError(p, "expected , or }");
  }
}

static Value *parseArray(Parser *p) {
  Value *result = newValue(J_ARRAY);
  p->pos++;
  skipWhitespace(p);
  if (p->s[p->pos] == ']') {
    p->pos++;
    return result;
  }
  for (;;) {
    addItem(result, NULL, parseValue(p));
    skipWhitespace(p);
    char c = p->s[p->pos];
    p->pos++;
    if (c == ']') return result;
    if (c != ',') parseError(p, "expected , or ]");
  }
}

static int startsWith(Parser *p, const char *word) {
  long n = strlen(word);
  return p->pos + n <= p->len && memcmp(p->s + p->pos, word, n) == 0;
}

static Value *parseValue(Parser *p) {
  skipWhitespace(p);
  if (p->pos >= p->len) parseError(p, "unexpected end");
  char c = p->s[p->pos];
  if (c == '{') return parseObject(p);
  if (c == '[') return parseArray(p);
  if (c == '"') return parseString(p);
  if (c == '-' || (c >= '0' && c <= '9')) return parseInt(p);
  if (startsWith(p, "true")) {
    p->pos += 4;
    return newBool(1);
  }
  if (startsWith(p, "false")) {
    p->pos += 5;
    return newBool(0);
  }
  if (startsWith(p, "null")) {
    p->pos += 4;
    return newValue(J_NULL);
  }
  parseError(p, "unexpected character");
  return NULL;
}

static Value *decode(const char *s, long len) {
  Parser p = {s, len, 0};
  Value *v = parseValue(&p);
  skipWhitespace(&p);
  if (p.pos != len) parseError(&p, "trailing text");
  return v;
}

/* Checksums ---------------------------------------------------------------- */

static long hashString(const char *s, long len) {
  long h = 0;
  for (long i = 0; i < len; i++) h = (h * 31 + (unsigned char)s[i]) % 1000000007;
  return h;
}

static long walk(const Value *v) {
  long sum = 1;
  switch (v->type) {
    case J_INT:
      return 1 + (v->num < 0 ? -v->num : v->num);
    case J_STRING:
      return 1 + v->len;
    case J_ARRAY:
      for (int i = 0; i < v->count; i++) sum += walk(v->items[i]);
      return sum;
    case J_OBJECT:
      for (int i = 0; i < v->count; i++) sum += v->keys[i]->len + walk(v->items[i]);
      return sum;
  }
  return 1;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000;
  Value *document = makeDocument(n);
  long checksum = 0, length = 0;
  for (int round = 0; round < 10; round++) {
    StringBuilder text = encode(document);
    Value *decoded = decode(text.data, text.len);
    StringBuilder again = encode(decoded);
    if (again.len != text.len || memcmp(again.data, text.data, text.len) != 0) {
      fprintf(stderr, "round trip changed the text\n");
      return 1;
    }
    length = text.len;
    checksum = (checksum + hashString(text.data, text.len) + walk(decoded)) % 1000000007;
    freeValue(decoded);
    free(text.data);
    free(again.data);
  }
  freeValue(document);
  printf("json %ld %ld %ld\n", n, length, checksum);
  return 0;
}
