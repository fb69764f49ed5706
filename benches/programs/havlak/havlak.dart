// Havlak loop recognition (after Hundt's "Loop Recognition in C++/Java/Go/Scala"),
// reduced in size: builds a synthetic control-flow graph of nested loops, then runs
// Havlak's union-find based loop finder over it several times and builds the loop
// nesting tree. The depth-first numbering uses an explicit stack so that no language
// needs a deep native stack.

const int bbNonHeader = 1;
const int bbReducible = 2;
const int bbSelf = 3;
const int bbIrreducible = 4;
const int bbDead = 5;
const int unvisited = -1;

class BasicBlock {
  final int name;
  final List<BasicBlock> inEdges = <BasicBlock>[];
  final List<BasicBlock> outEdges = <BasicBlock>[];
  BasicBlock(this.name);
}

class ControlFlowGraph {
  final List<BasicBlock> basicBlocks = <BasicBlock>[];
  BasicBlock? startNode;
  int numEdges = 0;

  BasicBlock createNode(int name) {
    if (name < basicBlocks.length) return basicBlocks[name];
    if (name != basicBlocks.length) {
      throw StateError('blocks must be created in order: $name');
    }
    final node = BasicBlock(name);
    basicBlocks.add(node);
    startNode ??= node;
    return node;
  }

  void addEdge(BasicBlock from, BasicBlock to) {
    from.outEdges.add(to);
    to.inEdges.add(from);
    numEdges++;
  }

  int numNodes() => basicBlocks.length;
}

class SimpleLoop {
  final List<BasicBlock> basicBlocks = <BasicBlock>[];
  final List<SimpleLoop> children = <SimpleLoop>[];
  SimpleLoop? parent;
  final BasicBlock? header;
  final bool isReducible;
  bool isRoot = false;
  int counter = 0;
  int nestingLevel = 0;
  int depthLevel = 0;

  SimpleLoop(this.header, this.isReducible) {
    final h = header;
    if (h != null) basicBlocks.add(h);
  }

  void addNode(BasicBlock bb) {
    basicBlocks.add(bb);
  }

  void setParent(SimpleLoop p) {
    parent = p;
    p.children.add(this);
  }

  void setNestingLevel(int level) {
    nestingLevel = level;
    if (level == 0) isRoot = true;
  }
}

class LoopStructureGraph {
  final List<SimpleLoop> loops = <SimpleLoop>[];
  final SimpleLoop root = SimpleLoop(null, true);
  int loopCounter = 0;

  LoopStructureGraph() {
    root.setNestingLevel(0);
    root.counter = loopCounter++;
    loops.add(root);
  }

  SimpleLoop createNewLoop(BasicBlock? bb, bool isReducible) {
    final loop = SimpleLoop(bb, isReducible);
    loop.counter = loopCounter++;
    loops.add(loop);
    return loop;
  }

  void calculateNestingLevel() {
    for (final loop in loops) {
      if (!loop.isRoot && loop.parent == null) loop.setParent(root);
    }
    calculateNestingLevelRec(root, 0);
  }

  void calculateNestingLevelRec(SimpleLoop loop, int depth) {
    loop.depthLevel = depth;
    for (final child in loop.children) {
      calculateNestingLevelRec(child, depth + 1);
      if (1 + child.nestingLevel > loop.nestingLevel) {
        loop.setNestingLevel(1 + child.nestingLevel);
      }
    }
  }

  int numLoops() => loops.length;

  /// Folds the shape of the loop forest into one number.
  int checksum() {
    int sum = loops.length;
    for (final loop in loops) {
      sum += loop.basicBlocks.length * 3 +
          loop.nestingLevel * 7 +
          loop.depthLevel * 11 +
          loop.children.length;
      if (loop.isReducible) sum += 1;
    }
    return sum;
  }
}

class UnionFindNode {
  UnionFindNode? parent;
  BasicBlock? bb;
  SimpleLoop? loop;
  int dfsNumber = 0;

  void initNode(BasicBlock bb, int dfsNumber) {
    parent = this;
    this.bb = bb;
    this.dfsNumber = dfsNumber;
    loop = null;
  }

  UnionFindNode findSet() {
    final nodeList = <UnionFindNode>[];
    UnionFindNode node = this;
    UnionFindNode parent = node.parent!;
    while (node != parent) {
      if (parent != parent.parent) nodeList.add(node);
      node = parent;
      parent = node.parent!;
    }
    for (final iter in nodeList) {
      iter.union(parent);
    }
    return node;
  }

  void union(UnionFindNode basicBlock) {
    parent = basicBlock;
  }
}

class HavlakLoopFinder {
  final ControlFlowGraph cfg;
  final LoopStructureGraph lsg;
  final List<Set<int>> nonBackPreds = <Set<int>>[];
  final List<List<int>> backPreds = <List<int>>[];
  final List<int> number = <int>[];
  final List<int> header = <int>[];
  final List<int> types = <int>[];
  final List<int> last = <int>[];
  final List<UnionFindNode> nodes = <UnionFindNode>[];

  HavlakLoopFinder(this.cfg, this.lsg);

  bool isAncestor(int w, int v) => w <= v && v <= last[w];

  /// Depth-first numbering from [start]; last[n] is the largest number in n's subtree.
  void doDFS(BasicBlock start) {
    final stackNodes = <BasicBlock>[start];
    final stackEdges = <int>[0];
    int current = 0;
    nodes[0].initNode(start, 0);
    number[start.name] = 0;
    while (stackNodes.isNotEmpty) {
      final top = stackNodes.length - 1;
      final node = stackNodes[top];
      final edge = stackEdges[top];
      if (edge < node.outEdges.length) {
        stackEdges[top] = edge + 1;
        final target = node.outEdges[edge];
        if (number[target.name] == unvisited) {
          current++;
          nodes[current].initNode(target, current);
          number[target.name] = current;
          stackNodes.add(target);
          stackEdges.add(0);
        }
      } else {
        last[number[node.name]] = current;
        stackNodes.removeLast();
        stackEdges.removeLast();
      }
    }
  }

  void processEdges(BasicBlock nodeW, int w) {
    for (final nodeV in nodeW.inEdges) {
      final v = number[nodeV.name];
      if (v != unvisited) {
        if (isAncestor(w, v)) {
          backPreds[w].add(v);
        } else {
          nonBackPreds[w].add(v);
        }
      }
    }
  }

  int findLoops() {
    final start = cfg.startNode;
    if (start == null) return 0;
    final size = cfg.numNodes();
    for (int i = 0; i < size; i++) {
      nonBackPreds.add(<int>{});
      backPreds.add(<int>[]);
      number.add(unvisited);
      header.add(0);
      types.add(0);
      last.add(0);
      nodes.add(UnionFindNode());
    }

    doDFS(start);

    for (int w = 0; w < size; w++) {
      header[w] = 0;
      types[w] = bbNonHeader;
      final nodeW = nodes[w].bb;
      if (nodeW == null) {
        types[w] = bbDead;
      } else {
        processEdges(nodeW, w);
      }
    }
    header[0] = 0;

    for (int w = size - 1; w >= 0; w--) {
      final nodeW = nodes[w].bb;
      if (nodeW == null) continue;
      final nodePool = <UnionFindNode>[];
      for (final v in backPreds[w]) {
        if (v != w) {
          nodePool.add(nodes[v].findSet());
        } else {
          types[w] = bbSelf;
        }
      }
      final workList = List<UnionFindNode>.of(nodePool);
      if (nodePool.isNotEmpty) types[w] = bbReducible;
      for (int k = 0; k < workList.length; k++) {
        final x = workList[k];
        for (final iter in nonBackPreds[x.dfsNumber]) {
          final ydash = nodes[iter].findSet();
          if (!isAncestor(w, ydash.dfsNumber)) {
            types[w] = bbIrreducible;
            nonBackPreds[w].add(ydash.dfsNumber);
          } else if (ydash.dfsNumber != w && !nodePool.contains(ydash)) {
            workList.add(ydash);
            nodePool.add(ydash);
          }
        }
      }
      if (nodePool.isNotEmpty || types[w] == bbSelf) {
        final loop = lsg.createNewLoop(nodeW, types[w] != bbIrreducible);
        nodes[w].loop = loop;
        for (final node in nodePool) {
          header[node.dfsNumber] = w;
          node.union(nodes[w]);
          final nodeLoop = node.loop;
          if (nodeLoop != null) {
            nodeLoop.setParent(loop);
          } else {
            loop.addNode(node.bb!);
          }
        }
      }
    }
    return lsg.numLoops();
  }
}

void buildConnect(ControlFlowGraph cfg, int start, int end) {
  final from = cfg.createNode(start);
  final to = cfg.createNode(end);
  cfg.addEdge(from, to);
}

int buildStraight(ControlFlowGraph cfg, int start, int n) {
  for (int i = 0; i < n; i++) {
    buildConnect(cfg, start + i, start + i + 1);
  }
  return start + n;
}

int buildDiamond(ControlFlowGraph cfg, int start) {
  buildConnect(cfg, start, start + 1);
  buildConnect(cfg, start, start + 2);
  buildConnect(cfg, start + 1, start + 3);
  buildConnect(cfg, start + 2, start + 3);
  return start + 3;
}

int buildBaseLoop(ControlFlowGraph cfg, int from) {
  final header = buildStraight(cfg, from, 1);
  final diamond1 = buildDiamond(cfg, header);
  final d11 = buildStraight(cfg, diamond1, 1);
  final diamond2 = buildDiamond(cfg, d11);
  int footer = buildStraight(cfg, diamond2, 1);
  buildConnect(cfg, diamond2, d11);
  buildConnect(cfg, diamond1, header);
  buildConnect(cfg, footer, from);
  footer = buildStraight(cfg, footer, 1);
  return footer;
}

ControlFlowGraph buildGraph(int treeSize) {
  final cfg = ControlFlowGraph();
  cfg.createNode(0);
  buildBaseLoop(cfg, 0);
  cfg.createNode(1);
  buildConnect(cfg, 0, 2);
  int n = 2;
  for (int parLoopTrees = 0; parLoopTrees < 10; parLoopTrees++) {
    cfg.createNode(n + 1);
    buildConnect(cfg, 2, n + 1);
    n = n + 1;
    for (int i = 0; i < treeSize; i++) {
      final top = n;
      n = buildStraight(cfg, n, 1);
      for (int j = 0; j < 25; j++) {
        n = buildBaseLoop(cfg, n);
      }
      final bottom = buildStraight(cfg, n, 1);
      buildConnect(cfg, n, top);
      n = bottom;
    }
    buildConnect(cfg, n, 1);
  }
  return cfg;
}

void main(List<String> args) {
  final iterations = args.isNotEmpty ? int.parse(args[0]) : 20;
  final cfg = buildGraph(10);
  int checksum = cfg.numNodes() + cfg.numEdges;
  for (int i = 0; i < iterations; i++) {
    final lsg = LoopStructureGraph();
    final finder = HavlakLoopFinder(cfg, lsg);
    final numLoops = finder.findLoops();
    lsg.calculateNestingLevel();
    checksum += numLoops + lsg.checksum();
  }
  print('havlak $iterations ${cfg.numNodes()} $checksum');
}
