/* Closures and higher-order code: function values built by composition, currying and
 * capture of mutable locals, passed to hand-written map/filter/fold and to a merge
 * sort that takes its comparison as a closure. C has no closures: a closure here is a
 * heap-allocated struct holding a code pointer and its captured environment, called
 * indirectly; a captured mutable local lives in a heap cell, as in a closure
 * compiler's conversion. */
#include <stdio.h>
#include <stdlib.h>

typedef struct Closure Closure;
struct Closure {
  long (*fn)(Closure *self, long a, long b);
  long n;             /* captured int */
  Closure *f, *g;     /* captured functions */
  long *cell;         /* captured mutable local */
  Closure *other;     /* captured closure (comparison counter) */
};

static Closure *newClosure(long (*fn)(Closure *, long, long)) {
  Closure *c = calloc(1, sizeof(Closure));
  c->fn = fn;
  return c;
}

#define CALL1(c, x) ((c)->fn((c), (x), 0))
#define CALL2(c, x, y) ((c)->fn((c), (x), (y)))

static long composeFn(Closure *self, long x, long unused) {
  (void)unused;
  return CALL1(self->f, CALL1(self->g, x));
}
static Closure *compose(Closure *f, Closure *g) {
  Closure *c = newClosure(composeFn);
  c->f = f;
  c->g = g;
  return c;
}

static long adderFn(Closure *self, long x, long unused) {
  (void)unused;
  return x + self->n;
}
static Closure *adder(long n) {
  Closure *c = newClosure(adderFn);
  c->n = n;
  return c;
}

static long multiplierFn(Closure *self, long x, long unused) {
  (void)unused;
  return x * self->n % 1000003;
}
static Closure *multiplier(long n) {
  Closure *c = newClosure(multiplierFn);
  c->n = n;
  return c;
}

static long counterFn(Closure *self, long a, long b) {
  (void)a;
  (void)b;
  (*self->cell)++;
  return *self->cell;
}
static Closure *makeCounter(void) {
  Closure *c = newClosure(counterFn);
  c->cell = calloc(1, sizeof(long));
  return c;
}

typedef struct {
  long *items;
  long len;
} List;

static List mapList(List xs, Closure *f) {
  List result = {malloc(xs.len * sizeof(long)), xs.len};
  for (long i = 0; i < xs.len; i++) result.items[i] = CALL1(f, xs.items[i]);
  return result;
}

static List filterList(List xs, Closure *keep) {
  List result = {malloc(xs.len * sizeof(long)), 0};
  for (long i = 0; i < xs.len; i++)
    if (CALL1(keep, xs.items[i])) result.items[result.len++] = xs.items[i];
  return result;
}

static long fold(List xs, long initial, Closure *combine) {
  long acc = initial;
  for (long i = 0; i < xs.len; i++) acc = CALL2(combine, acc, xs.items[i]);
  return acc;
}

/* Top-down merge sort of xs[lo, hi) using tmp as scratch space. */
static void mergeSort(long *xs, long *tmp, long lo, long hi, Closure *compare) {
  if (hi - lo < 2) return;
  long mid = (lo + hi) / 2;
  mergeSort(xs, tmp, lo, mid, compare);
  mergeSort(xs, tmp, mid, hi, compare);
  long i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    if (CALL2(compare, xs[i], xs[j]) <= 0) {
      tmp[k++] = xs[i++];
    } else {
      tmp[k++] = xs[j++];
    }
  }
  while (i < mid) tmp[k++] = xs[i++];
  while (j < hi) tmp[k++] = xs[j++];
  for (long m = lo; m < hi; m++) xs[m] = tmp[m];
}

static long baseFn(Closure *self, long i, long unused) {
  (void)unused;
  return (i * 7919 + self->n) % 10007;
}
static long keepFn(Closure *self, long x, long unused) {
  (void)unused;
  return x % self->n != 0;
}
static long compareFn(Closure *self, long a, long b) {
  CALL2(self->other, 0, 0);
  return a - b;
}
static long hashFn(Closure *self, long acc, long x) {
  (void)self;
  return (acc * 31 + x) % 1000000007;
}

static long runRound(long round) {
  Closure *generator = newClosure(baseFn);
  generator->n = round;
  List base = {malloc(2000 * sizeof(long)), 2000};
  for (long i = 0; i < base.len; i++) base.items[i] = CALL1(generator, i);
  Closure *add = adder(round % 13), *mul = multiplier(3);
  Closure *f = compose(add, mul);
  List mapped = mapList(base, f);
  Closure *keep = newClosure(keepFn);
  keep->n = 3 + round % 4;
  List filtered = filterList(mapped, keep);
  Closure *comparisons = makeCounter();
  long *tmp = calloc(filtered.len ? filtered.len : 1, sizeof(long));
  Closure *compare = newClosure(compareFn);
  compare->other = comparisons;
  mergeSort(filtered.items, tmp, 0, filtered.len, compare);
  Closure *hasher = newClosure(hashFn);
  long hash = fold(filtered, 0, hasher);
  long result = (hash + CALL2(comparisons, 0, 0)) % 1000000007;
  free(base.items);
  free(mapped.items);
  free(filtered.items);
  free(tmp);
  free(comparisons->cell);
  Closure *all[] = {generator, add, mul, f, keep, comparisons, compare, hasher};
  for (int i = 0; i < 8; i++) free(all[i]);
  return result;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000;
  long checksum = 0;
  for (long round = 0; round < n; round++) checksum = (checksum + runRound(round)) % 1000000007;
  printf("closures %ld %ld\n", n, checksum);
  return 0;
}
