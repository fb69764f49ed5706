/* Strings: building strings with a growable buffer, int-to-string conversion,
 * split/join, case conversion, searching, substrings and replacement, each producing
 * a new heap string as the other languages do. All text is ASCII. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *data;
  long len, cap;
} StringBuilder;

static void sbWriteN(StringBuilder *sb, const char *s, long n) {
  if (sb->len + n + 1 > sb->cap) {
    while (sb->len + n + 1 > sb->cap) sb->cap = sb->cap ? sb->cap * 2 : 16;
    sb->data = realloc(sb->data, sb->cap);
  }
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = 0;
}

static void sbWrite(StringBuilder *sb, const char *s) { sbWriteN(sb, s, strlen(s)); }

static char *copyN(const char *s, long n) {
  char *r = malloc(n + 1);
  memcpy(r, s, n);
  r[n] = 0;
  return r;
}

static long hashString(const char *s) {
  long h = 0;
  for (; *s; s++) h = (h * 31 + (unsigned char)*s) % 1000000007;
  return h;
}

/* Like Dart's split: keeps empty fields, including a trailing one. */
static char **split(const char *s, char sep, int *count) {
  int n = 1;
  for (const char *p = s; *p; p++)
    if (*p == sep) n++;
  char **parts = malloc(n * sizeof(char *));
  int k = 0;
  const char *start = s;
  for (const char *p = s;; p++) {
    if (*p == sep || *p == 0) {
      parts[k++] = copyN(start, p - start);
      if (*p == 0) break;
      start = p + 1;
    }
  }
  *count = n;
  return parts;
}

static char *join(char **parts, int n, const char *sep) {
  StringBuilder sb = {0};
  for (int i = 0; i < n; i++) {
    if (i > 0) sbWrite(&sb, sep);
    sbWrite(&sb, parts[i]);
  }
  if (sb.data == NULL) return copyN("", 0);
  return sb.data;
}

static char *toUpper(const char *s) {
  long n = strlen(s);
  char *r = malloc(n + 1);
  for (long i = 0; i <= n; i++) r[i] = (s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i];
  return r;
}

static char *replaceAll(const char *s, const char *from, const char *to) {
  StringBuilder sb = {0};
  long fromLen = strlen(from);
  const char *p = s;
  for (;;) {
    const char *hit = strstr(p, from);
    if (hit == NULL) break;
    sbWriteN(&sb, p, hit - p);
    sbWrite(&sb, to);
    p = hit + fromLen;
  }
  sbWrite(&sb, p);
  return sb.data;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  long total = 0;
  char buf[64];
  for (long i = 0; i < n; i++) {
    StringBuilder sb = {0};
    for (long j = 0; j < 8; j++) {
      sbWrite(&sb, "item");
      snprintf(buf, sizeof buf, "%ld", i + j);
      sbWrite(&sb, buf);
      sbWrite(&sb, ",");
    }
    char *s = sb.data;
    int partCount;
    char **parts = split(s, ',', &partCount);
    char *joined = join(parts, partCount, "-");
    char *upper = toUpper(joined);
    snprintf(buf, sizeof buf, "ITEM%ld", i + 5);
    char *hit = strstr(upper, buf);
    long index = hit ? hit - upper : -1;
    char *sub = copyN(joined + 3, 10);
    char *replaced = replaceAll(joined, "item", "#");
    long joinedLen = strlen(joined);
    StringBuilder line = {0};
    sbWrite(&line, "n=");
    snprintf(buf, sizeof buf, "%ld", i);
    sbWrite(&line, buf);
    sbWrite(&line, " sub=");
    sbWrite(&line, sub);
    sbWrite(&line, " len=");
    snprintf(buf, sizeof buf, "%ld", joinedLen);
    sbWrite(&line, buf);
    snprintf(buf, sizeof buf, "m%ld-", i % 10);
    long found = strstr(joined, buf) ? 1 : 0;
    total = (total + partCount + index + hashString(sub) + hashString(upper) % 1000 + (long)strlen(replaced) +
             line.len + found) %
            1000000007;
    for (int k = 0; k < partCount; k++) free(parts[k]);
    free(parts);
    free(s);
    free(joined);
    free(upper);
    free(sub);
    free(replaced);
    free(line.data);
  }
  printf("strings %ld %ld\n", n, total);
  return 0;
}
