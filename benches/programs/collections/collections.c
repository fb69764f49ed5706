/* Collections: hash maps and sets under insertion, lookup, update, removal and
 * iteration: integer-keyed counting, set intersection, string-keyed word counts.
 * Open-addressing hash tables (linear probing, tombstones for removal, growth at
 * half full), written here since C has none. Every checksum is order-independent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long seed = 42;
static long nextRandom(void) {
  seed = seed * 16807 % 2147483647;
  return seed;
}

/* Integer-keyed map (a set is a map whose values are ignored). */
enum { EMPTY, FULL, DELETED };
typedef struct {
  long *keys;
  long *values;
  char *state;
  long capacity, size, used; /* used = full + deleted */
} IntMap;

static void intMapInit(IntMap *m, long capacity) {
  m->capacity = capacity;
  m->size = m->used = 0;
  m->keys = malloc(capacity * sizeof(long));
  m->values = malloc(capacity * sizeof(long));
  m->state = calloc(capacity, 1);
}

static void intMapFree(IntMap *m) {
  free(m->keys);
  free(m->values);
  free(m->state);
}

static unsigned long hashInt(long k) { return ((unsigned long)k * 0x9E3779B97F4A7C15UL) >> 17; }

static long intMapFind(const IntMap *m, long key) {
  long i = hashInt(key) & (m->capacity - 1);
  while (m->state[i] != EMPTY) {
    if (m->state[i] == FULL && m->keys[i] == key) return i;
    i = (i + 1) & (m->capacity - 1);
  }
  return -1;
}

static void intMapPut(IntMap *m, long key, long value);

static void intMapGrow(IntMap *m) {
  IntMap old = *m;
  intMapInit(m, old.size * 4 > 16 ? old.size * 4 : 16);
  for (long i = 0; i < old.capacity; i++)
    if (old.state[i] == FULL) intMapPut(m, old.keys[i], old.values[i]);
  intMapFree(&old);
}

static void intMapPut(IntMap *m, long key, long value) {
  long found = intMapFind(m, key);
  if (found >= 0) {
    m->values[found] = value;
    return;
  }
  if (2 * (m->used + 1) > m->capacity) intMapGrow(m);
  long i = hashInt(key) & (m->capacity - 1);
  while (m->state[i] == FULL) i = (i + 1) & (m->capacity - 1);
  if (m->state[i] == EMPTY) m->used++;
  m->state[i] = FULL;
  m->keys[i] = key;
  m->values[i] = value;
  m->size++;
}

static void intMapRemove(IntMap *m, long key) {
  long i = intMapFind(m, key);
  if (i < 0) return;
  m->state[i] = DELETED;
  m->size--;
}

/* String-keyed map; keys are owned copies. */
typedef struct {
  char **keys;
  long *lens;
  long *values;
  long capacity, size;
} StrMap;

static unsigned long hashBytes(const char *s, long n) {
  unsigned long h = 1469598103934665603UL;
  for (long i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211UL;
  return h;
}

static void strMapInit(StrMap *m, long capacity) {
  m->capacity = capacity;
  m->size = 0;
  m->keys = calloc(capacity, sizeof(char *));
  m->lens = malloc(capacity * sizeof(long));
  m->values = malloc(capacity * sizeof(long));
}

static long strMapSlot(const StrMap *m, const char *s, long n) {
  long i = hashBytes(s, n) & (m->capacity - 1);
  while (m->keys[i] != NULL) {
    if (m->lens[i] == n && memcmp(m->keys[i], s, n) == 0) return i;
    i = (i + 1) & (m->capacity - 1);
  }
  return i;
}

static void strMapGrow(StrMap *m) {
  StrMap old = *m;
  strMapInit(m, old.capacity * 2);
  for (long i = 0; i < old.capacity; i++) {
    if (old.keys[i] == NULL) continue;
    long j = strMapSlot(m, old.keys[i], old.lens[i]);
    m->keys[j] = old.keys[i];
    m->lens[j] = old.lens[i];
    m->values[j] = old.values[i];
    m->size++;
  }
  free(old.keys);
  free(old.lens);
  free(old.values);
}

/* Returns a pointer to the value for key, inserting 0 when absent. */
static long *strMapRef(StrMap *m, const char *s) {
  long n = strlen(s);
  long i = strMapSlot(m, s, n);
  if (m->keys[i] != NULL) return &m->values[i];
  if (2 * (m->size + 1) > m->capacity) {
    strMapGrow(m);
    i = strMapSlot(m, s, n);
  }
  m->keys[i] = malloc(n + 1);
  memcpy(m->keys[i], s, n + 1);
  m->lens[i] = n;
  m->values[i] = 0;
  m->size++;
  return &m->values[i];
}

static void strMapFree(StrMap *m) {
  for (long i = 0; i < m->capacity; i++) free(m->keys[i]);
  free(m->keys);
  free(m->lens);
  free(m->values);
}

static long roundOnce(void) {
  IntMap counts;
  intMapInit(&counts, 16);
  for (int i = 0; i < 20000; i++) {
    long k = nextRandom() % 5000;
    long at = intMapFind(&counts, k);
    intMapPut(&counts, k, (at >= 0 ? counts.values[at] : 0) + 1);
  }

  IntMap a, b;
  intMapInit(&a, 16);
  intMapInit(&b, 16);
  for (int i = 0; i < 10000; i++) {
    intMapPut(&a, nextRandom() % 20000, 1);
    intMapPut(&b, nextRandom() % 20000, 1);
  }
  long common = 0;
  for (long i = 0; i < a.capacity; i++)
    if (a.state[i] == FULL && intMapFind(&b, a.keys[i]) >= 0) common++;
  for (long x = 0; x < 20000; x += 2) intMapRemove(&b, x);

  for (long k = 0; k < 5000; k += 3) intMapRemove(&counts, k);
  long valueSum = 0, keySum = 0;
  for (long i = 0; i < counts.capacity; i++) {
    if (counts.state[i] != FULL) continue;
    keySum += counts.keys[i];
    valueSum += counts.values[i];
  }

  StrMap words;
  strMapInit(&words, 16);
  char buf[32];
  for (long i = 0; i < 10000; i++) {
    snprintf(buf, sizeof buf, "w%ld", nextRandom() % 2000);
    long *v = strMapRef(&words, buf);
    *v += i % 7;
  }
  long wordSum = 0;
  for (long i = 0; i < words.capacity; i++)
    if (words.keys[i] != NULL) wordSum += words.values[i] * words.lens[i];
  long hits = 0;
  for (long i = 0; i < 2000; i += 7) {
    snprintf(buf, sizeof buf, "w%ld", i);
    long n = strlen(buf);
    if (words.keys[strMapSlot(&words, buf, n)] != NULL) hits++;
  }

  long result = counts.size + valueSum + keySum + a.size + b.size + common + words.size + wordSum + hits;
  intMapFree(&counts);
  intMapFree(&a);
  intMapFree(&b);
  strMapFree(&words);
  return result;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100;
  long checksum = 0;
  for (long i = 0; i < n; i++) checksum = (checksum + roundOnce()) % 1000000007;
  printf("collections %ld %ld\n", n, checksum);
  return 0;
}
