/* Polymorphic call sites: an array of shapes of eight kinds, each object pointing at
 * its kind's table of function pointers (a hand-made vtable), so every call site in
 * the loop is an indirect call that sees all eight targets; plus allocation of scaled
 * copies. */
#include <stdio.h>
#include <stdlib.h>

typedef struct Shape Shape;
typedef struct {
  long (*area)(const Shape *);
  long (*perimeter)(const Shape *);
  long (*sides)(const Shape *);
  Shape *(*scaled)(const Shape *, long k);
} VTable;

struct Shape {
  const VTable *vt;
  long a, b;
};

static Shape *newShape(const VTable *vt, long a, long b) {
  Shape *s = malloc(sizeof(Shape));
  s->vt = vt;
  s->a = a;
  s->b = b;
  return s;
}

#define SHAPE(name, AREA, PERIMETER, SIDES)                                            \
  static long name##Area(const Shape *s) { return AREA; }                            \
  static long name##Perimeter(const Shape *s) { return PERIMETER; }                  \
  static long name##Sides(const Shape *s) { (void)s; return SIDES; }                 \
  static Shape *name##Scaled(const Shape *s, long k);                                \
  static const VTable name##VTable = {name##Area, name##Perimeter, name##Sides, name##Scaled}; \
  static Shape *name##Scaled(const Shape *s, long k) { return newShape(&name##VTable, s->a * k, s->b * k); }

SHAPE(Square, s->a * s->a, 4 * s->a, 4)
SHAPE(Rect, s->a * s->b, 2 * (s->a + s->b), 4)
SHAPE(Circle, 3 * s->a * s->a, 6 * s->a, 0)
SHAPE(Triangle, s->a * s->b / 2, s->a + s->b + (s->a > s->b ? s->a : s->b), 3)
SHAPE(Hexagon, 26 * s->a * s->a / 10, 6 * s->a, 6)
SHAPE(Ellipse, 3 * s->a * s->b, 3 * (s->a + s->b), 0)
SHAPE(Pentagon, 17 * s->a * s->a / 10, 5 * s->a, 5)
SHAPE(Segment, ((void)s, 0), 2 * s->a, 1)

static long seed = 42;
static long nextRandom(void) {
  seed = seed * 16807 % 2147483647;
  return seed;
}

static Shape *makeShape(long kind, long a, long b) {
  switch (kind) {
    case 0: return newShape(&SquareVTable, a, 0);
    case 1: return newShape(&RectVTable, a, b);
    case 2: return newShape(&CircleVTable, a, 0);
    case 3: return newShape(&TriangleVTable, a, b);
    case 4: return newShape(&HexagonVTable, a, 0);
    case 5: return newShape(&EllipseVTable, a, b);
    case 6: return newShape(&PentagonVTable, a, 0);
    default: return newShape(&SegmentVTable, a, 0);
  }
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000;
  Shape *shapes[1000];
  for (int i = 0; i < 1000; i++) {
    long kind = nextRandom() % 8;
    long a = nextRandom() % 100 + 1;
    long b = nextRandom() % 100 + 1;
    shapes[i] = makeShape(kind, a, b);
  }
  long total = 0;
  for (long round = 0; round < n; round++) {
    for (int i = 0; i < 1000; i++) {
      const Shape *s = shapes[i];
      total += s->vt->area(s) + s->vt->perimeter(s) + s->vt->sides(s);
      if (i % 16 == round % 16) {
        Shape *t = s->vt->scaled(s, 2);
        total += t->vt->area(t);
        free(t);
      }
    }
    total %= 1000000007;
  }
  for (int i = 0; i < 1000; i++) free(shapes[i]);
  printf("dispatch %ld %ld\n", n, total);
  return 0;
}
