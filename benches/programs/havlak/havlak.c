/* Havlak loop recognition (after Hundt's "Loop Recognition in C++/Java/Go/Scala"),
 * reduced in size: builds a synthetic control-flow graph of nested loops, then runs
 * Havlak's union-find based loop finder over it several times and builds the loop
 * nesting tree. The depth-first numbering uses an explicit stack. The small ordered
 * integer sets (non-back predecessors) are arrays with a linear membership test. */
#include <stdio.h>
#include <stdlib.h>

enum { BB_NONHEADER = 1, BB_REDUCIBLE, BB_SELF, BB_IRREDUCIBLE, BB_DEAD };
#define UNVISITED (-1)

typedef struct {
  void **items;
  int len, cap;
} PtrVec;

typedef struct {
  int *items;
  int len, cap;
} IntVec;

static void ptrPush(PtrVec *v, void *x) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 4;
    v->items = realloc(v->items, v->cap * sizeof(void *));
  }
  v->items[v->len++] = x;
}

static int ptrContains(const PtrVec *v, const void *x) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == x) return 1;
  return 0;
}

static void intPush(IntVec *v, int x) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 4;
    v->items = realloc(v->items, v->cap * sizeof(int));
  }
  v->items[v->len++] = x;
}

/* Ordered set add. */
static void intSetAdd(IntVec *v, int x) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == x) return;
  intPush(v, x);
}

typedef struct BasicBlock {
  int name;
  PtrVec inEdges, outEdges;
} BasicBlock;

typedef struct {
  PtrVec blocks;
  BasicBlock *startNode;
  int numEdges;
} ControlFlowGraph;

static BasicBlock *createNode(ControlFlowGraph *cfg, int name) {
  if (name < cfg->blocks.len) return cfg->blocks.items[name];
  if (name != cfg->blocks.len) {
    fprintf(stderr, "blocks must be created in order: %d\n", name);
    exit(1);
  }
  BasicBlock *node = calloc(1, sizeof(BasicBlock));
  node->name = name;
  ptrPush(&cfg->blocks, node);
  if (cfg->startNode == NULL) cfg->startNode = node;
  return node;
}

static void addEdge(ControlFlowGraph *cfg, BasicBlock *from, BasicBlock *to) {
  ptrPush(&from->outEdges, to);
  ptrPush(&to->inEdges, from);
  cfg->numEdges++;
}

typedef struct SimpleLoop {
  PtrVec basicBlocks, children;
  struct SimpleLoop *parent;
  BasicBlock *header;
  int isReducible, isRoot, counter, nestingLevel, depthLevel;
} SimpleLoop;

static SimpleLoop *newLoop(BasicBlock *header, int isReducible) {
  SimpleLoop *loop = calloc(1, sizeof(SimpleLoop));
  loop->header = header;
  loop->isReducible = isReducible;
  if (header != NULL) ptrPush(&loop->basicBlocks, header);
  return loop;
}

static void setParent(SimpleLoop *loop, SimpleLoop *p) {
  loop->parent = p;
  ptrPush(&p->children, loop);
}

static void setNestingLevel(SimpleLoop *loop, int level) {
  loop->nestingLevel = level;
  if (level == 0) loop->isRoot = 1;
}

typedef struct {
  PtrVec loops;
  SimpleLoop *root;
  int loopCounter;
} LoopStructureGraph;

static void lsgInit(LoopStructureGraph *lsg) {
  lsg->loops = (PtrVec){0};
  lsg->root = newLoop(NULL, 1);
  lsg->loopCounter = 0;
  setNestingLevel(lsg->root, 0);
  lsg->root->counter = lsg->loopCounter++;
  ptrPush(&lsg->loops, lsg->root);
}

static SimpleLoop *createNewLoop(LoopStructureGraph *lsg, BasicBlock *bb, int isReducible) {
  SimpleLoop *loop = newLoop(bb, isReducible);
  loop->counter = lsg->loopCounter++;
  ptrPush(&lsg->loops, loop);
  return loop;
}

static void calculateNestingLevelRec(SimpleLoop *loop, int depth) {
  loop->depthLevel = depth;
  for (int i = 0; i < loop->children.len; i++) {
    SimpleLoop *child = loop->children.items[i];
    calculateNestingLevelRec(child, depth + 1);
    if (1 + child->nestingLevel > loop->nestingLevel) setNestingLevel(loop, 1 + child->nestingLevel);
  }
}

static void calculateNestingLevel(LoopStructureGraph *lsg) {
  for (int i = 0; i < lsg->loops.len; i++) {
    SimpleLoop *loop = lsg->loops.items[i];
    if (!loop->isRoot && loop->parent == NULL) setParent(loop, lsg->root);
  }
  calculateNestingLevelRec(lsg->root, 0);
}

static long lsgChecksum(LoopStructureGraph *lsg) {
  long sum = lsg->loops.len;
  for (int i = 0; i < lsg->loops.len; i++) {
    SimpleLoop *loop = lsg->loops.items[i];
    sum += loop->basicBlocks.len * 3 + loop->nestingLevel * 7 + loop->depthLevel * 11 + loop->children.len;
    if (loop->isReducible) sum += 1;
  }
  return sum;
}

static void lsgFree(LoopStructureGraph *lsg) {
  for (int i = 0; i < lsg->loops.len; i++) {
    SimpleLoop *loop = lsg->loops.items[i];
    free(loop->basicBlocks.items);
    free(loop->children.items);
    free(loop);
  }
  free(lsg->loops.items);
}

typedef struct UnionFindNode {
  struct UnionFindNode *parent;
  BasicBlock *bb;
  SimpleLoop *loop;
  int dfsNumber;
} UnionFindNode;

static void initNode(UnionFindNode *n, BasicBlock *bb, int dfsNumber) {
  n->parent = n;
  n->bb = bb;
  n->dfsNumber = dfsNumber;
  n->loop = NULL;
}

static UnionFindNode *findSet(UnionFindNode *self) {
  PtrVec nodeList = {0};
  UnionFindNode *node = self;
  UnionFindNode *parent = node->parent;
  while (node != parent) {
    if (parent != parent->parent) ptrPush(&nodeList, node);
    node = parent;
    parent = node->parent;
  }
  for (int i = 0; i < nodeList.len; i++) ((UnionFindNode *)nodeList.items[i])->parent = parent;
  free(nodeList.items);
  return node;
}

typedef struct {
  ControlFlowGraph *cfg;
  LoopStructureGraph *lsg;
  IntVec *nonBackPreds;
  IntVec *backPreds;
  int *number, *header, *types, *last;
  UnionFindNode *nodes;
} HavlakLoopFinder;

static int isAncestor(HavlakLoopFinder *f, int w, int v) { return w <= v && v <= f->last[w]; }

static void doDFS(HavlakLoopFinder *f, BasicBlock *start, int size) {
  BasicBlock **stackNodes = malloc(size * sizeof(BasicBlock *));
  int *stackEdges = malloc(size * sizeof(int));
  int sp = 0;
  stackNodes[sp] = start;
  stackEdges[sp] = 0;
  sp++;
  int current = 0;
  initNode(&f->nodes[0], start, 0);
  f->number[start->name] = 0;
  while (sp > 0) {
    int top = sp - 1;
    BasicBlock *node = stackNodes[top];
    int edge = stackEdges[top];
    if (edge < node->outEdges.len) {
      stackEdges[top] = edge + 1;
      BasicBlock *target = node->outEdges.items[edge];
      if (f->number[target->name] == UNVISITED) {
        current++;
        initNode(&f->nodes[current], target, current);
        f->number[target->name] = current;
        stackNodes[sp] = target;
        stackEdges[sp] = 0;
        sp++;
      }
    } else {
      f->last[f->number[node->name]] = current;
      sp--;
    }
  }
  free(stackNodes);
  free(stackEdges);
}

static void processEdges(HavlakLoopFinder *f, BasicBlock *nodeW, int w) {
  for (int i = 0; i < nodeW->inEdges.len; i++) {
    BasicBlock *nodeV = nodeW->inEdges.items[i];
    int v = f->number[nodeV->name];
    if (v != UNVISITED) {
      if (isAncestor(f, w, v)) {
        intPush(&f->backPreds[w], v);
      } else {
        intSetAdd(&f->nonBackPreds[w], v);
      }
    }
  }
}

static int findLoops(ControlFlowGraph *cfg, LoopStructureGraph *lsg) {
  BasicBlock *start = cfg->startNode;
  if (start == NULL) return 0;
  int size = cfg->blocks.len;
  HavlakLoopFinder fs, *f = &fs;
  f->cfg = cfg;
  f->lsg = lsg;
  f->nonBackPreds = calloc(size, sizeof(IntVec));
  f->backPreds = calloc(size, sizeof(IntVec));
  f->number = malloc(size * sizeof(int));
  f->header = calloc(size, sizeof(int));
  f->types = calloc(size, sizeof(int));
  f->last = calloc(size, sizeof(int));
  f->nodes = calloc(size, sizeof(UnionFindNode));
  for (int i = 0; i < size; i++) f->number[i] = UNVISITED;

  doDFS(f, start, size);

  for (int w = 0; w < size; w++) {
    f->header[w] = 0;
    f->types[w] = BB_NONHEADER;
    BasicBlock *nodeW = f->nodes[w].bb;
    if (nodeW == NULL) {
      f->types[w] = BB_DEAD;
    } else {
      processEdges(f, nodeW, w);
    }
  }
  f->header[0] = 0;

  PtrVec nodePool = {0}, workList = {0};
  for (int w = size - 1; w >= 0; w--) {
    BasicBlock *nodeW = f->nodes[w].bb;
    if (nodeW == NULL) continue;
    nodePool.len = 0;
    workList.len = 0;
    IntVec *bp = &f->backPreds[w];
    for (int i = 0; i < bp->len; i++) {
      int v = bp->items[i];
      if (v != w) {
        ptrPush(&nodePool, findSet(&f->nodes[v]));
      } else {
        f->types[w] = BB_SELF;
      }
    }
    for (int i = 0; i < nodePool.len; i++) ptrPush(&workList, nodePool.items[i]);
    if (nodePool.len > 0) f->types[w] = BB_REDUCIBLE;
    for (int k = 0; k < workList.len; k++) {
      UnionFindNode *x = workList.items[k];
      IntVec *preds = &f->nonBackPreds[x->dfsNumber];
      for (int i = 0; i < preds->len; i++) {
        UnionFindNode *ydash = findSet(&f->nodes[preds->items[i]]);
        if (!isAncestor(f, w, ydash->dfsNumber)) {
          f->types[w] = BB_IRREDUCIBLE;
          intSetAdd(&f->nonBackPreds[w], ydash->dfsNumber);
        } else if (ydash->dfsNumber != w && !ptrContains(&nodePool, ydash)) {
          ptrPush(&workList, ydash);
          ptrPush(&nodePool, ydash);
        }
      }
    }
    if (nodePool.len > 0 || f->types[w] == BB_SELF) {
      SimpleLoop *loop = createNewLoop(lsg, nodeW, f->types[w] != BB_IRREDUCIBLE);
      f->nodes[w].loop = loop;
      for (int i = 0; i < nodePool.len; i++) {
        UnionFindNode *node = nodePool.items[i];
        f->header[node->dfsNumber] = w;
        node->parent = &f->nodes[w];
        if (node->loop != NULL) {
          setParent(node->loop, loop);
        } else {
          ptrPush(&loop->basicBlocks, node->bb);
        }
      }
    }
  }
  free(nodePool.items);
  free(workList.items);
  for (int i = 0; i < size; i++) {
    free(f->nonBackPreds[i].items);
    free(f->backPreds[i].items);
  }
  free(f->nonBackPreds);
  free(f->backPreds);
  free(f->number);
  free(f->header);
  free(f->types);
  free(f->last);
  free(f->nodes);
  return lsg->loops.len;
}

static void buildConnect(ControlFlowGraph *cfg, int start, int end) {
  BasicBlock *from = createNode(cfg, start);
  BasicBlock *to = createNode(cfg, end);
  addEdge(cfg, from, to);
}

static int buildStraight(ControlFlowGraph *cfg, int start, int n) {
  for (int i = 0; i < n; i++) buildConnect(cfg, start + i, start + i + 1);
  return start + n;
}

static int buildDiamond(ControlFlowGraph *cfg, int start) {
  buildConnect(cfg, start, start + 1);
  buildConnect(cfg, start, start + 2);
  buildConnect(cfg, start + 1, start + 3);
  buildConnect(cfg, start + 2, start + 3);
  return start + 3;
}

static int buildBaseLoop(ControlFlowGraph *cfg, int from) {
  int header = buildStraight(cfg, from, 1);
  int diamond1 = buildDiamond(cfg, header);
  int d11 = buildStraight(cfg, diamond1, 1);
  int diamond2 = buildDiamond(cfg, d11);
  int footer = buildStraight(cfg, diamond2, 1);
  buildConnect(cfg, diamond2, d11);
  buildConnect(cfg, diamond1, header);
  buildConnect(cfg, footer, from);
  footer = buildStraight(cfg, footer, 1);
  return footer;
}

static ControlFlowGraph *buildGraph(int treeSize) {
  ControlFlowGraph *cfg = calloc(1, sizeof(ControlFlowGraph));
  createNode(cfg, 0);
  buildBaseLoop(cfg, 0);
  createNode(cfg, 1);
  buildConnect(cfg, 0, 2);
  int n = 2;
  for (int parLoopTrees = 0; parLoopTrees < 10; parLoopTrees++) {
    createNode(cfg, n + 1);
    buildConnect(cfg, 2, n + 1);
    n = n + 1;
    for (int i = 0; i < treeSize; i++) {
      int top = n;
      n = buildStraight(cfg, n, 1);
      for (int j = 0; j < 25; j++) n = buildBaseLoop(cfg, n);
      int bottom = buildStraight(cfg, n, 1);
      buildConnect(cfg, n, top);
      n = bottom;
    }
    buildConnect(cfg, n, 1);
  }
  return cfg;
}

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 20;
  ControlFlowGraph *cfg = buildGraph(10);
  long checksum = cfg->blocks.len + cfg->numEdges;
  for (long i = 0; i < iterations; i++) {
    LoopStructureGraph lsg;
    lsgInit(&lsg);
    int numLoops = findLoops(cfg, &lsg);
    calculateNestingLevel(&lsg);
    checksum += numLoops + lsgChecksum(&lsg);
    lsgFree(&lsg);
  }
  printf("havlak %ld %d %ld\n", iterations, cfg->blocks.len, checksum);
  for (int i = 0; i < cfg->blocks.len; i++) {
    BasicBlock *bb = cfg->blocks.items[i];
    free(bb->inEdges.items);
    free(bb->outEdges.items);
    free(bb);
  }
  free(cfg->blocks.items);
  free(cfg);
  return 0;
}
