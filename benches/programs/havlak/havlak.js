'use strict';
// Havlak loop recognition (after Hundt's "Loop Recognition in C++/Java/Go/Scala"),
// reduced in size: builds a synthetic control-flow graph of nested loops, then runs
// Havlak's union-find based loop finder over it several times and builds the loop
// nesting tree. The depth-first numbering uses an explicit stack so that no language
// needs a deep native stack.

const BB_NONHEADER = 1;
const BB_REDUCIBLE = 2;
const BB_SELF = 3;
const BB_IRREDUCIBLE = 4;
const BB_DEAD = 5;
const UNVISITED = -1;

class BasicBlock {
  constructor(name) {
    this.name = name;
    this.inEdges = [];
    this.outEdges = [];
  }
}

class ControlFlowGraph {
  constructor() {
    this.basicBlocks = [];
    this.startNode = null;
    this.numEdges = 0;
  }

  createNode(name) {
    if (name < this.basicBlocks.length) return this.basicBlocks[name];
    if (name !== this.basicBlocks.length) {
      throw new Error(`blocks must be created in order: ${name}`);
    }
    const node = new BasicBlock(name);
    this.basicBlocks.push(node);
    if (this.startNode === null) this.startNode = node;
    return node;
  }

  addEdge(from, to) {
    from.outEdges.push(to);
    to.inEdges.push(from);
    this.numEdges++;
  }

  numNodes() { return this.basicBlocks.length; }
}

class SimpleLoop {
  constructor(header, isReducible) {
    this.basicBlocks = [];
    this.children = [];
    this.parent = null;
    this.header = header;
    this.isReducible = isReducible;
    this.isRoot = false;
    this.counter = 0;
    this.nestingLevel = 0;
    this.depthLevel = 0;
    if (header !== null) this.basicBlocks.push(header);
  }

  addNode(bb) { this.basicBlocks.push(bb); }

  setParent(p) {
    this.parent = p;
    p.children.push(this);
  }

  setNestingLevel(level) {
    this.nestingLevel = level;
    if (level === 0) this.isRoot = true;
  }
}

class LoopStructureGraph {
  constructor() {
    this.loops = [];
    this.root = new SimpleLoop(null, true);
    this.loopCounter = 0;
    this.root.setNestingLevel(0);
    this.root.counter = this.loopCounter++;
    this.loops.push(this.root);
  }

  createNewLoop(bb, isReducible) {
    const loop = new SimpleLoop(bb, isReducible);
    loop.counter = this.loopCounter++;
    this.loops.push(loop);
    return loop;
  }

  calculateNestingLevel() {
    for (const loop of this.loops) {
      if (!loop.isRoot && loop.parent === null) loop.setParent(this.root);
    }
    this.calculateNestingLevelRec(this.root, 0);
  }

  calculateNestingLevelRec(loop, depth) {
    loop.depthLevel = depth;
    for (const child of loop.children) {
      this.calculateNestingLevelRec(child, depth + 1);
      if (1 + child.nestingLevel > loop.nestingLevel) {
        loop.setNestingLevel(1 + child.nestingLevel);
      }
    }
  }

  numLoops() { return this.loops.length; }

  checksum() {
    let sum = this.loops.length;
    for (const loop of this.loops) {
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
  constructor() {
    this.parent = null;
    this.bb = null;
    this.loop = null;
    this.dfsNumber = 0;
  }

  initNode(bb, dfsNumber) {
    this.parent = this;
    this.bb = bb;
    this.dfsNumber = dfsNumber;
    this.loop = null;
  }

  findSet() {
    const nodeList = [];
    let node = this;
    let parent = node.parent;
    while (node !== parent) {
      if (parent !== parent.parent) nodeList.push(node);
      node = parent;
      parent = node.parent;
    }
    for (const iter of nodeList) iter.union(parent);
    return node;
  }

  union(basicBlock) { this.parent = basicBlock; }
}

class HavlakLoopFinder {
  constructor(cfg, lsg) {
    this.cfg = cfg;
    this.lsg = lsg;
    this.nonBackPreds = [];
    this.backPreds = [];
    this.number = [];
    this.header = [];
    this.types = [];
    this.last = [];
    this.nodes = [];
  }

  isAncestor(w, v) { return w <= v && v <= this.last[w]; }

  doDFS(start) {
    const stackNodes = [start];
    const stackEdges = [0];
    let current = 0;
    this.nodes[0].initNode(start, 0);
    this.number[start.name] = 0;
    while (stackNodes.length > 0) {
      const top = stackNodes.length - 1;
      const node = stackNodes[top];
      const edge = stackEdges[top];
      if (edge < node.outEdges.length) {
        stackEdges[top] = edge + 1;
        const target = node.outEdges[edge];
        if (this.number[target.name] === UNVISITED) {
          current++;
          this.nodes[current].initNode(target, current);
          this.number[target.name] = current;
          stackNodes.push(target);
          stackEdges.push(0);
        }
      } else {
        this.last[this.number[node.name]] = current;
        stackNodes.pop();
        stackEdges.pop();
      }
    }
  }

  processEdges(nodeW, w) {
    for (const nodeV of nodeW.inEdges) {
      const v = this.number[nodeV.name];
      if (v !== UNVISITED) {
        if (this.isAncestor(w, v)) {
          this.backPreds[w].push(v);
        } else {
          this.nonBackPreds[w].add(v);
        }
      }
    }
  }

  findLoops() {
    const start = this.cfg.startNode;
    if (start === null) return 0;
    const size = this.cfg.numNodes();
    for (let i = 0; i < size; i++) {
      this.nonBackPreds.push(new Set());
      this.backPreds.push([]);
      this.number.push(UNVISITED);
      this.header.push(0);
      this.types.push(0);
      this.last.push(0);
      this.nodes.push(new UnionFindNode());
    }

    this.doDFS(start);

    for (let w = 0; w < size; w++) {
      this.header[w] = 0;
      this.types[w] = BB_NONHEADER;
      const nodeW = this.nodes[w].bb;
      if (nodeW === null) {
        this.types[w] = BB_DEAD;
      } else {
        this.processEdges(nodeW, w);
      }
    }
    this.header[0] = 0;

    for (let w = size - 1; w >= 0; w--) {
      const nodeW = this.nodes[w].bb;
      if (nodeW === null) continue;
      const nodePool = [];
      for (const v of this.backPreds[w]) {
        if (v !== w) {
          nodePool.push(this.nodes[v].findSet());
        } else {
          this.types[w] = BB_SELF;
        }
      }
      const workList = nodePool.slice();
      if (nodePool.length > 0) this.types[w] = BB_REDUCIBLE;
      for (let k = 0; k < workList.length; k++) {
        const x = workList[k];
        for (const iter of this.nonBackPreds[x.dfsNumber]) {
          const ydash = this.nodes[iter].findSet();
          if (!this.isAncestor(w, ydash.dfsNumber)) {
            this.types[w] = BB_IRREDUCIBLE;
            this.nonBackPreds[w].add(ydash.dfsNumber);
          } else if (ydash.dfsNumber !== w && !nodePool.includes(ydash)) {
            workList.push(ydash);
            nodePool.push(ydash);
          }
        }
      }
      if (nodePool.length > 0 || this.types[w] === BB_SELF) {
        const loop = this.lsg.createNewLoop(nodeW, this.types[w] !== BB_IRREDUCIBLE);
        this.nodes[w].loop = loop;
        for (const node of nodePool) {
          this.header[node.dfsNumber] = w;
          node.union(this.nodes[w]);
          const nodeLoop = node.loop;
          if (nodeLoop !== null) {
            nodeLoop.setParent(loop);
          } else {
            loop.addNode(node.bb);
          }
        }
      }
    }
    return this.lsg.numLoops();
  }
}

function buildConnect(cfg, start, end) {
  const from = cfg.createNode(start);
  const to = cfg.createNode(end);
  cfg.addEdge(from, to);
}

function buildStraight(cfg, start, n) {
  for (let i = 0; i < n; i++) buildConnect(cfg, start + i, start + i + 1);
  return start + n;
}

function buildDiamond(cfg, start) {
  buildConnect(cfg, start, start + 1);
  buildConnect(cfg, start, start + 2);
  buildConnect(cfg, start + 1, start + 3);
  buildConnect(cfg, start + 2, start + 3);
  return start + 3;
}

function buildBaseLoop(cfg, from) {
  const header = buildStraight(cfg, from, 1);
  const diamond1 = buildDiamond(cfg, header);
  const d11 = buildStraight(cfg, diamond1, 1);
  const diamond2 = buildDiamond(cfg, d11);
  let footer = buildStraight(cfg, diamond2, 1);
  buildConnect(cfg, diamond2, d11);
  buildConnect(cfg, diamond1, header);
  buildConnect(cfg, footer, from);
  footer = buildStraight(cfg, footer, 1);
  return footer;
}

function buildGraph(treeSize) {
  const cfg = new ControlFlowGraph();
  cfg.createNode(0);
  buildBaseLoop(cfg, 0);
  cfg.createNode(1);
  buildConnect(cfg, 0, 2);
  let n = 2;
  for (let parLoopTrees = 0; parLoopTrees < 10; parLoopTrees++) {
    cfg.createNode(n + 1);
    buildConnect(cfg, 2, n + 1);
    n = n + 1;
    for (let i = 0; i < treeSize; i++) {
      const top = n;
      n = buildStraight(cfg, n, 1);
      for (let j = 0; j < 25; j++) n = buildBaseLoop(cfg, n);
      const bottom = buildStraight(cfg, n, 1);
      buildConnect(cfg, n, top);
      n = bottom;
    }
    buildConnect(cfg, n, 1);
  }
  return cfg;
}

const iterations = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 20;
const cfg = buildGraph(10);
let checksum = cfg.numNodes() + cfg.numEdges;
for (let i = 0; i < iterations; i++) {
  const lsg = new LoopStructureGraph();
  const finder = new HavlakLoopFinder(cfg, lsg);
  const numLoops = finder.findLoops();
  lsg.calculateNestingLevel();
  checksum += numLoops + lsg.checksum();
}
console.log(`havlak ${iterations} ${cfg.numNodes()} ${checksum}`);
