/* DeltaBlue: the incremental one-way constraint solver of the classic benchmark
 * (Freeman-Benson, Maloney, Borning), run on a chain and a projection problem.
 * Constraints are one struct with a kind; "virtual" methods switch on the kind.
 * Variables hold growable arrays of constraints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST };
/* As in the original benchmark, REQUIRED is followed by WEAKEST, so incrementalRemove
 * re-adds only required constraints. */
static const int nextWeaker[] = {WEAKEST, WEAK_DEFAULT, NORMAL, STRONG_DEFAULT, PREFERRED, REQUIRED};

#define stronger(s1, s2) ((s1) < (s2))
#define weaker(s1, s2) ((s1) > (s2))
#define weakestOf(s1, s2) (weaker(s1, s2) ? (s1) : (s2))

enum { DIRECTION_BACKWARD = 0, DIRECTION_NONE = 1, DIRECTION_FORWARD = 2 };
enum { STAY, EDIT, EQUALITY, SCALE };

typedef struct {
  void **items;
  int len, cap;
} Vec;

static void vecPush(Vec *v, void *x) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 4;
    v->items = realloc(v->items, v->cap * sizeof(void *));
  }
  v->items[v->len++] = x;
}

static void *vecPop(Vec *v) { return v->items[--v->len]; }

static void vecRemove(Vec *v, void *x) {
  for (int i = 0; i < v->len; i++) {
    if (v->items[i] == x) {
      memmove(&v->items[i], &v->items[i + 1], (v->len - i - 1) * sizeof(void *));
      v->len--;
      return;
    }
  }
}

typedef struct Constraint Constraint;

typedef struct Variable {
  Vec constraints;
  Constraint *determinedBy;
  int mark;
  int walkStrength;
  int stay;
  long value;
  char *name;
} Variable;

struct Constraint {
  int kind;
  int strength;
  Variable *myOutput; /* unary */
  int satisfied;
  Variable *v1, *v2; /* binary */
  int direction;
  Variable *scale, *offset; /* scale */
};

typedef struct {
  int currentMark;
} Planner;

static Planner planner;
static Vec allVariables, allConstraints;

static void incrementalAdd(Constraint *c);
static void incrementalRemove(Constraint *c);
static int addPropagate(Constraint *c, int mark);

static Variable *newVariable(const char *prefix, long index, long value) {
  Variable *v = calloc(1, sizeof(Variable));
  char buf[32];
  snprintf(buf, sizeof buf, "%s%ld", prefix, index);
  v->name = strdup(buf);
  v->walkStrength = WEAKEST;
  v->stay = 1;
  v->value = value;
  vecPush(&allVariables, v);
  return v;
}

static void variableRemoveConstraint(Variable *v, Constraint *c) {
  vecRemove(&v->constraints, c);
  if (v->determinedBy == c) v->determinedBy = NULL;
}

static int isUnary(Constraint *c) { return c->kind == STAY || c->kind == EDIT; }
static int isInput(Constraint *c) { return c->kind == EDIT; }

static int isSatisfied(Constraint *c) {
  return isUnary(c) ? c->satisfied : c->direction != DIRECTION_NONE;
}

static Variable *input(Constraint *c) { return c->direction == DIRECTION_FORWARD ? c->v1 : c->v2; }

static Variable *output(Constraint *c) {
  if (isUnary(c)) return c->myOutput;
  return c->direction == DIRECTION_FORWARD ? c->v2 : c->v1;
}

static void markUnsatisfied(Constraint *c) {
  if (isUnary(c))
    c->satisfied = 0;
  else
    c->direction = DIRECTION_NONE;
}

static void addToGraph(Constraint *c) {
  if (isUnary(c)) {
    vecPush(&c->myOutput->constraints, c);
    c->satisfied = 0;
    return;
  }
  vecPush(&c->v1->constraints, c);
  vecPush(&c->v2->constraints, c);
  c->direction = DIRECTION_NONE;
  if (c->kind == SCALE) {
    vecPush(&c->scale->constraints, c);
    vecPush(&c->offset->constraints, c);
  }
}

static void removeFromGraph(Constraint *c) {
  if (isUnary(c)) {
    variableRemoveConstraint(c->myOutput, c);
    c->satisfied = 0;
    return;
  }
  variableRemoveConstraint(c->v1, c);
  variableRemoveConstraint(c->v2, c);
  c->direction = DIRECTION_NONE;
  if (c->kind == SCALE) {
    variableRemoveConstraint(c->scale, c);
    variableRemoveConstraint(c->offset, c);
  }
}

static void chooseMethod(Constraint *c, int mark) {
  if (isUnary(c)) {
    c->satisfied = c->myOutput->mark != mark && stronger(c->strength, c->myOutput->walkStrength);
    return;
  }
  Variable *v1 = c->v1, *v2 = c->v2;
  if (v1->mark == mark) {
    c->direction = (v2->mark != mark && stronger(c->strength, v2->walkStrength)) ? DIRECTION_FORWARD
                                                                                 : DIRECTION_NONE;
  }
  if (v2->mark == mark) {
    c->direction = (v1->mark != mark && stronger(c->strength, v1->walkStrength)) ? DIRECTION_BACKWARD
                                                                                 : DIRECTION_NONE;
  }
  if (weaker(v1->walkStrength, v2->walkStrength)) {
    c->direction = stronger(c->strength, v1->walkStrength) ? DIRECTION_BACKWARD : DIRECTION_NONE;
  } else {
    c->direction = stronger(c->strength, v2->walkStrength) ? DIRECTION_FORWARD : DIRECTION_BACKWARD;
  }
}

static void markInputs(Constraint *c, int mark) {
  if (isUnary(c)) return;
  input(c)->mark = mark;
  if (c->kind == SCALE) {
    c->scale->mark = mark;
    c->offset->mark = mark;
  }
}

static int inputsKnown(Constraint *c, int mark) {
  if (isUnary(c)) return 1;
  Variable *i = input(c);
  return i->mark == mark || i->stay || i->determinedBy == NULL;
}

static void execute(Constraint *c) {
  switch (c->kind) {
    case STAY:
    case EDIT:
      break;
    case EQUALITY:
      output(c)->value = input(c)->value;
      break;
    case SCALE:
      if (c->direction == DIRECTION_FORWARD) {
        c->v2->value = c->v1->value * c->scale->value + c->offset->value;
      } else {
        c->v1->value = (c->v2->value - c->offset->value) / c->scale->value;
      }
      break;
  }
}

static void recalculate(Constraint *c) {
  if (isUnary(c)) {
    c->myOutput->walkStrength = c->strength;
    c->myOutput->stay = !isInput(c);
    if (c->myOutput->stay) execute(c);
    return;
  }
  Variable *ihn = input(c), *out = output(c);
  out->walkStrength = weakestOf(c->strength, ihn->walkStrength);
  out->stay = ihn->stay;
  if (c->kind == SCALE) out->stay = ihn->stay && c->scale->stay && c->offset->stay;
  if (out->stay) execute(c);
}

static Constraint *satisfy(Constraint *c, int mark) {
  chooseMethod(c, mark);
  if (!isSatisfied(c)) {
    if (c->strength == REQUIRED) {
      fprintf(stderr, "Could not satisfy a required constraint!\n");
      exit(1);
    }
    return NULL;
  }
  markInputs(c, mark);
  Variable *out = output(c);
  Constraint *overridden = out->determinedBy;
  if (overridden != NULL) markUnsatisfied(overridden);
  out->determinedBy = c;
  if (!addPropagate(c, mark)) {
    fprintf(stderr, "Cycle encountered\n");
    exit(1);
  }
  out->mark = mark;
  return overridden;
}

static Constraint *newConstraint(int kind, int strength) {
  Constraint *c = calloc(1, sizeof(Constraint));
  c->kind = kind;
  c->strength = strength;
  c->direction = DIRECTION_NONE;
  vecPush(&allConstraints, c);
  return c;
}

static void addConstraint(Constraint *c) {
  addToGraph(c);
  incrementalAdd(c);
}

static Constraint *newUnary(int kind, Variable *v, int strength) {
  Constraint *c = newConstraint(kind, strength);
  c->myOutput = v;
  addConstraint(c);
  return c;
}

static Constraint *newEquality(Variable *v1, Variable *v2, int strength) {
  Constraint *c = newConstraint(EQUALITY, strength);
  c->v1 = v1;
  c->v2 = v2;
  addConstraint(c);
  return c;
}

static Constraint *newScale(Variable *src, Variable *scale, Variable *offset, Variable *dest, int strength) {
  Constraint *c = newConstraint(SCALE, strength);
  c->v1 = src;
  c->v2 = dest;
  c->scale = scale;
  c->offset = offset;
  addConstraint(c);
  return c;
}

static void destroyConstraint(Constraint *c) {
  if (isSatisfied(c)) incrementalRemove(c);
  removeFromGraph(c);
}

static int newMark(void) { return ++planner.currentMark; }

static void incrementalAdd(Constraint *c) {
  int mark = newMark();
  Constraint *overridden = satisfy(c, mark);
  while (overridden != NULL) overridden = satisfy(overridden, mark);
}

static void addConstraintsConsumingTo(Variable *v, Vec *coll) {
  Constraint *determining = v->determinedBy;
  for (int i = 0; i < v->constraints.len; i++) {
    Constraint *c = v->constraints.items[i];
    if (c != determining && isSatisfied(c)) vecPush(coll, c);
  }
}

static Vec removePropagateFrom(Variable *out) {
  out->determinedBy = NULL;
  out->walkStrength = WEAKEST;
  out->stay = 1;
  Vec unsatisfied = {0}, todo = {0};
  vecPush(&todo, out);
  while (todo.len > 0) {
    Variable *v = vecPop(&todo);
    for (int i = 0; i < v->constraints.len; i++) {
      Constraint *c = v->constraints.items[i];
      if (!isSatisfied(c)) vecPush(&unsatisfied, c);
    }
    Constraint *determining = v->determinedBy;
    for (int i = 0; i < v->constraints.len; i++) {
      Constraint *next = v->constraints.items[i];
      if (next != determining && isSatisfied(next)) {
        recalculate(next);
        vecPush(&todo, output(next));
      }
    }
  }
  free(todo.items);
  return unsatisfied;
}

static void incrementalRemove(Constraint *c) {
  Variable *out = output(c);
  markUnsatisfied(c);
  removeFromGraph(c);
  Vec unsatisfied = removePropagateFrom(out);
  int strength = REQUIRED;
  do {
    for (int i = 0; i < unsatisfied.len; i++) {
      Constraint *u = unsatisfied.items[i];
      if (u->strength == strength) incrementalAdd(u);
    }
    strength = nextWeaker[strength];
  } while (strength != WEAKEST);
  free(unsatisfied.items);
}

static int addPropagate(Constraint *c, int mark) {
  Vec todo = {0};
  vecPush(&todo, c);
  while (todo.len > 0) {
    Constraint *d = vecPop(&todo);
    if (output(d)->mark == mark) {
      incrementalRemove(c);
      free(todo.items);
      return 0;
    }
    recalculate(d);
    addConstraintsConsumingTo(output(d), &todo);
  }
  free(todo.items);
  return 1;
}

/* A plan is a Vec of constraints. */
static Vec makePlan(Vec *sources) {
  int mark = newMark();
  Vec plan = {0};
  Vec *todo = sources;
  while (todo->len > 0) {
    Constraint *c = vecPop(todo);
    if (output(c)->mark != mark && inputsKnown(c, mark)) {
      vecPush(&plan, c);
      output(c)->mark = mark;
      addConstraintsConsumingTo(output(c), todo);
    }
  }
  return plan;
}

static Vec extractPlanFromConstraint(Constraint *c) {
  Vec sources = {0};
  if (isInput(c) && isSatisfied(c)) vecPush(&sources, c);
  Vec plan = makePlan(&sources);
  free(sources.items);
  return plan;
}

static void planExecute(Vec *plan) {
  for (int i = 0; i < plan->len; i++) execute(plan->items[i]);
}

static void freeAll(void) {
  for (int i = 0; i < allVariables.len; i++) {
    Variable *v = allVariables.items[i];
    free(v->constraints.items);
    free(v->name);
    free(v);
  }
  for (int i = 0; i < allConstraints.len; i++) free(allConstraints.items[i]);
  allVariables.len = 0;
  allConstraints.len = 0;
}

static long chainTest(int n) {
  planner.currentMark = 0;
  Variable **variables = malloc((n + 1) * sizeof(Variable *));
  for (int i = 0; i <= n; i++) {
    Variable *v = newVariable("v", i, 0);
    if (i > 0) newEquality(variables[i - 1], v, REQUIRED);
    variables[i] = v;
  }
  Variable *first = variables[0], *last = variables[n];
  newUnary(STAY, last, STRONG_DEFAULT);
  Constraint *edit = newUnary(EDIT, first, PREFERRED);
  Vec plan = extractPlanFromConstraint(edit);
  long sum = 0;
  for (int i = 0; i < 100; i++) {
    first->value = i;
    planExecute(&plan);
    if (last->value != i) {
      fprintf(stderr, "Chain test failed.\n");
      exit(1);
    }
    sum += last->value;
  }
  free(plan.items);
  free(variables);
  freeAll();
  return sum + planner.currentMark;
}

static void change(Variable *v, long newValue) {
  Constraint *edit = newUnary(EDIT, v, PREFERRED);
  Vec plan = extractPlanFromConstraint(edit);
  for (int i = 0; i < 10; i++) {
    v->value = newValue;
    planExecute(&plan);
  }
  free(plan.items);
  destroyConstraint(edit);
}

static void fail(const char *msg) {
  fprintf(stderr, "%s\n", msg);
  exit(1);
}

static long projectionTest(int n) {
  planner.currentMark = 0;
  Variable *scale = newVariable("scale", 0, 10);
  Variable *offset = newVariable("offset", 0, 1000);
  Variable **dests = malloc(n * sizeof(Variable *));
  Variable *src = scale, *dst = scale;
  for (int i = 0; i < n; i++) {
    src = newVariable("src", i, i);
    dst = newVariable("dst", i, i);
    dests[i] = dst;
    newUnary(STAY, src, NORMAL);
    newScale(src, scale, offset, dst, REQUIRED);
  }
  long sum = 0;
  change(src, 17);
  if (dst->value != 1170) fail("Projection 1 failed");
  sum += dst->value;
  change(dst, 1050);
  if (src->value != 5) fail("Projection 2 failed");
  sum += src->value;
  change(scale, 5);
  for (int i = 0; i < n - 1; i++) {
    if (dests[i]->value != i * 5 + 1000) fail("Projection 3 failed");
    sum += dests[i]->value;
  }
  change(offset, 2000);
  for (int i = 0; i < n - 1; i++) {
    if (dests[i]->value != i * 5 + 2000) fail("Projection 4 failed");
    sum += dests[i]->value;
  }
  free(dests);
  freeAll();
  return sum + planner.currentMark;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000;
  long checksum = 0;
  for (long i = 0; i < n; i++) {
    checksum += chainTest(100);
    checksum += projectionTest(100);
  }
  printf("deltablue %ld %ld\n", n, checksum);
  return 0;
}
