-- Havlak loop recognition (after Hundt's "Loop Recognition in C++/Java/Go/Scala"),
-- reduced in size: builds a synthetic control-flow graph of nested loops, then runs
-- Havlak's union-find based loop finder over it several times and builds the loop
-- nesting tree. The depth-first numbering uses an explicit stack so that no language
-- needs a deep native stack. Node numbers are 0-based as in the other versions;
-- arrays indexed by them are tables with keys from 0.

local BB_NONHEADER = 1
local BB_REDUCIBLE = 2
local BB_SELF = 3
local BB_IRREDUCIBLE = 4
local BB_DEAD = 5
local UNVISITED = -1

-- An insertion-ordered set of integers: items in order, has for membership.
local function newIntSet() return { items = {}, has = {} } end
local function setAdd(s, x)
  if not s.has[x] then
    s.has[x] = true
    s.items[#s.items + 1] = x
  end
end

local function newBasicBlock(name)
  return { name = name, inEdges = {}, outEdges = {} }
end

-- ControlFlowGraph -----------------------------------------------------------

local ControlFlowGraph = {}
ControlFlowGraph.__index = ControlFlowGraph

function ControlFlowGraph.new()
  return setmetatable({ basicBlocks = {}, count = 0, startNode = nil, numEdges = 0 },
                      ControlFlowGraph)
end

function ControlFlowGraph:createNode(name)
  if name < self.count then return self.basicBlocks[name] end
  if name ~= self.count then error("blocks must be created in order: " .. name) end
  local node = newBasicBlock(name)
  self.basicBlocks[name] = node
  self.count = self.count + 1
  if self.startNode == nil then self.startNode = node end
  return node
end

function ControlFlowGraph:addEdge(from, to)
  from.outEdges[#from.outEdges + 1] = to
  to.inEdges[#to.inEdges + 1] = from
  self.numEdges = self.numEdges + 1
end

function ControlFlowGraph:numNodes() return self.count end

-- SimpleLoop and LoopStructureGraph ------------------------------------------

local SimpleLoop = {}
SimpleLoop.__index = SimpleLoop

function SimpleLoop.new(header, isReducible)
  local loop = setmetatable({ basicBlocks = {}, children = {}, parent = nil,
                              header = header, isReducible = isReducible, isRoot = false,
                              counter = 0, nestingLevel = 0, depthLevel = 0 }, SimpleLoop)
  if header ~= nil then loop.basicBlocks[1] = header end
  return loop
end

function SimpleLoop:addNode(bb) self.basicBlocks[#self.basicBlocks + 1] = bb end

function SimpleLoop:setParent(p)
  self.parent = p
  p.children[#p.children + 1] = self
end

function SimpleLoop:setNestingLevel(level)
  self.nestingLevel = level
  if level == 0 then self.isRoot = true end
end

local LoopStructureGraph = {}
LoopStructureGraph.__index = LoopStructureGraph

function LoopStructureGraph.new()
  local lsg = setmetatable({ loops = {}, root = SimpleLoop.new(nil, true), loopCounter = 0 },
                           LoopStructureGraph)
  lsg.root:setNestingLevel(0)
  lsg.root.counter = lsg.loopCounter
  lsg.loopCounter = lsg.loopCounter + 1
  lsg.loops[1] = lsg.root
  return lsg
end

function LoopStructureGraph:createNewLoop(bb, isReducible)
  local loop = SimpleLoop.new(bb, isReducible)
  loop.counter = self.loopCounter
  self.loopCounter = self.loopCounter + 1
  self.loops[#self.loops + 1] = loop
  return loop
end

function LoopStructureGraph:calculateNestingLevelRec(loop, depth)
  loop.depthLevel = depth
  local children = loop.children
  for i = 1, #children do
    local child = children[i]
    self:calculateNestingLevelRec(child, depth + 1)
    if 1 + child.nestingLevel > loop.nestingLevel then
      loop:setNestingLevel(1 + child.nestingLevel)
    end
  end
end

function LoopStructureGraph:calculateNestingLevel()
  local loops = self.loops
  for i = 1, #loops do
    local loop = loops[i]
    if not loop.isRoot and loop.parent == nil then loop:setParent(self.root) end
  end
  self:calculateNestingLevelRec(self.root, 0)
end

function LoopStructureGraph:numLoops() return #self.loops end

function LoopStructureGraph:checksum()
  local loops = self.loops
  local sum = #loops
  for i = 1, #loops do
    local loop = loops[i]
    sum = sum + #loop.basicBlocks * 3 + loop.nestingLevel * 7 + loop.depthLevel * 11 +
      #loop.children
    if loop.isReducible then sum = sum + 1 end
  end
  return sum
end

-- UnionFindNode --------------------------------------------------------------

local UnionFindNode = {}
UnionFindNode.__index = UnionFindNode

function UnionFindNode.new()
  return setmetatable({ parent = nil, bb = nil, loop = nil, dfsNumber = 0 }, UnionFindNode)
end

function UnionFindNode:initNode(bb, dfsNumber)
  self.parent = self
  self.bb = bb
  self.dfsNumber = dfsNumber
  self.loop = nil
end

function UnionFindNode:findSet()
  local nodeList = {}
  local node = self
  local parent = node.parent
  while node ~= parent do
    if parent ~= parent.parent then nodeList[#nodeList + 1] = node end
    node = parent
    parent = node.parent
  end
  for i = 1, #nodeList do nodeList[i]:union(parent) end
  return node
end

function UnionFindNode:union(basicBlock) self.parent = basicBlock end

-- HavlakLoopFinder -----------------------------------------------------------

local HavlakLoopFinder = {}
HavlakLoopFinder.__index = HavlakLoopFinder

function HavlakLoopFinder.new(cfg, lsg)
  return setmetatable({ cfg = cfg, lsg = lsg, nonBackPreds = {}, backPreds = {},
                        number = {}, header = {}, types = {}, last = {}, nodes = {} },
                      HavlakLoopFinder)
end

function HavlakLoopFinder:isAncestor(w, v)
  return w <= v and v <= self.last[w]
end

function HavlakLoopFinder:doDFS(start)
  local nodes, number, last = self.nodes, self.number, self.last
  local stackNodes = { start }
  local stackEdges = { 0 }
  local current = 0
  nodes[0]:initNode(start, 0)
  number[start.name] = 0
  while #stackNodes > 0 do
    local top = #stackNodes
    local node = stackNodes[top]
    local edge = stackEdges[top]
    if edge < #node.outEdges then
      stackEdges[top] = edge + 1
      local target = node.outEdges[edge + 1]
      if number[target.name] == UNVISITED then
        current = current + 1
        nodes[current]:initNode(target, current)
        number[target.name] = current
        stackNodes[top + 1] = target
        stackEdges[top + 1] = 0
      end
    else
      last[number[node.name]] = current
      stackNodes[top] = nil
      stackEdges[top] = nil
    end
  end
end

function HavlakLoopFinder:processEdges(nodeW, w)
  local inEdges = nodeW.inEdges
  for i = 1, #inEdges do
    local v = self.number[inEdges[i].name]
    if v ~= UNVISITED then
      if self:isAncestor(w, v) then
        local bp = self.backPreds[w]
        bp[#bp + 1] = v
      else
        setAdd(self.nonBackPreds[w], v)
      end
    end
  end
end

local function contains(list, x)
  for i = 1, #list do
    if list[i] == x then return true end
  end
  return false
end

function HavlakLoopFinder:findLoops()
  local start = self.cfg.startNode
  if start == nil then return 0 end
  local size = self.cfg:numNodes()
  local nonBackPreds, backPreds, types, header = self.nonBackPreds, self.backPreds, self.types, self.header
  local nodes = self.nodes
  for i = 0, size - 1 do
    nonBackPreds[i] = newIntSet()
    backPreds[i] = {}
    self.number[i] = UNVISITED
    header[i] = 0
    types[i] = 0
    self.last[i] = 0
    nodes[i] = UnionFindNode.new()
  end

  self:doDFS(start)

  for w = 0, size - 1 do
    header[w] = 0
    types[w] = BB_NONHEADER
    local nodeW = nodes[w].bb
    if nodeW == nil then
      types[w] = BB_DEAD
    else
      self:processEdges(nodeW, w)
    end
  end
  header[0] = 0

  for w = size - 1, 0, -1 do
    local nodeW = nodes[w].bb
    if nodeW ~= nil then
      local nodePool = {}
      local bp = backPreds[w]
      for i = 1, #bp do
        local v = bp[i]
        if v ~= w then
          nodePool[#nodePool + 1] = nodes[v]:findSet()
        else
          types[w] = BB_SELF
        end
      end
      local workList = {}
      for i = 1, #nodePool do workList[i] = nodePool[i] end
      if #nodePool > 0 then types[w] = BB_REDUCIBLE end
      local k = 1
      while k <= #workList do
        local x = workList[k]
        local preds = nonBackPreds[x.dfsNumber].items
        for i = 1, #preds do
          local ydash = nodes[preds[i]]:findSet()
          if not self:isAncestor(w, ydash.dfsNumber) then
            types[w] = BB_IRREDUCIBLE
            setAdd(nonBackPreds[w], ydash.dfsNumber)
          elseif ydash.dfsNumber ~= w and not contains(nodePool, ydash) then
            workList[#workList + 1] = ydash
            nodePool[#nodePool + 1] = ydash
          end
        end
        k = k + 1
      end
      if #nodePool > 0 or types[w] == BB_SELF then
        local loop = self.lsg:createNewLoop(nodeW, types[w] ~= BB_IRREDUCIBLE)
        nodes[w].loop = loop
        for i = 1, #nodePool do
          local node = nodePool[i]
          header[node.dfsNumber] = w
          node:union(nodes[w])
          local nodeLoop = node.loop
          if nodeLoop ~= nil then
            nodeLoop:setParent(loop)
          else
            loop:addNode(node.bb)
          end
        end
      end
    end
  end
  return self.lsg:numLoops()
end

-- Building the graph ---------------------------------------------------------

local function buildConnect(cfg, start, finish)
  local from = cfg:createNode(start)
  local to = cfg:createNode(finish)
  cfg:addEdge(from, to)
end

local function buildStraight(cfg, start, n)
  for i = 0, n - 1 do buildConnect(cfg, start + i, start + i + 1) end
  return start + n
end

local function buildDiamond(cfg, start)
  buildConnect(cfg, start, start + 1)
  buildConnect(cfg, start, start + 2)
  buildConnect(cfg, start + 1, start + 3)
  buildConnect(cfg, start + 2, start + 3)
  return start + 3
end

local function buildBaseLoop(cfg, from)
  local header = buildStraight(cfg, from, 1)
  local diamond1 = buildDiamond(cfg, header)
  local d11 = buildStraight(cfg, diamond1, 1)
  local diamond2 = buildDiamond(cfg, d11)
  local footer = buildStraight(cfg, diamond2, 1)
  buildConnect(cfg, diamond2, d11)
  buildConnect(cfg, diamond1, header)
  buildConnect(cfg, footer, from)
  footer = buildStraight(cfg, footer, 1)
  return footer
end

local function buildGraph(treeSize)
  local cfg = ControlFlowGraph.new()
  cfg:createNode(0)
  buildBaseLoop(cfg, 0)
  cfg:createNode(1)
  buildConnect(cfg, 0, 2)
  local n = 2
  for _ = 1, 10 do
    cfg:createNode(n + 1)
    buildConnect(cfg, 2, n + 1)
    n = n + 1
    for _ = 1, treeSize do
      local top = n
      n = buildStraight(cfg, n, 1)
      for _ = 1, 25 do n = buildBaseLoop(cfg, n) end
      local bottom = buildStraight(cfg, n, 1)
      buildConnect(cfg, n, top)
      n = bottom
    end
    buildConnect(cfg, n, 1)
  end
  return cfg
end

local iterations = tonumber(arg and arg[1]) or 20
local cfg = buildGraph(10)
local checksum = cfg:numNodes() + cfg.numEdges
for _ = 1, iterations do
  local lsg = LoopStructureGraph.new()
  local finder = HavlakLoopFinder.new(cfg, lsg)
  local numLoops = finder:findLoops()
  lsg:calculateNestingLevel()
  checksum = checksum + numLoops + lsg:checksum()
end
io.write(string.format("havlak %d %d %d\n", iterations, cfg:numNodes(), checksum))
