-- DeltaBlue: the incremental one-way constraint solver of the classic benchmark
-- (Freeman-Benson, Maloney, Borning), run on a chain and a projection problem.
-- Constraints form a class hierarchy (metatables with __index inheritance);
-- variables hold arrays of constraints.

local floor, ceil = math.floor, math.ceil

local function class(super)
  local c = {}
  c.__index = c
  if super then setmetatable(c, { __index = super }) end
  return c
end

-- Strength -------------------------------------------------------------------

local Strength = class()

function Strength.new(value, name)
  return setmetatable({ value = value, name = name }, Strength)
end

local REQUIRED = Strength.new(0, "required")
local STRONG_PREFERRED = Strength.new(1, "strongPreferred")
local PREFERRED = Strength.new(2, "preferred")
local STRONG_DEFAULT = Strength.new(3, "strongDefault")
local NORMAL = Strength.new(4, "normal")
local WEAK_DEFAULT = Strength.new(5, "weakDefault")
local WEAKEST = Strength.new(6, "weakest")

-- As in the original benchmark, REQUIRED is followed by WEAKEST, so
-- incrementalRemove re-adds only required constraints.
function Strength:nextWeaker()
  local v = self.value
  if v == 0 then return WEAKEST
  elseif v == 1 then return WEAK_DEFAULT
  elseif v == 2 then return NORMAL
  elseif v == 3 then return STRONG_DEFAULT
  elseif v == 4 then return PREFERRED
  elseif v == 5 then return REQUIRED
  end
  error("no strength weaker than " .. self.name)
end

local function stronger(s1, s2) return s1.value < s2.value end
local function weaker(s1, s2) return s1.value > s2.value end
local function weakestOf(s1, s2) if weaker(s1, s2) then return s1 else return s2 end end

local DIRECTION_NONE = 1
local DIRECTION_FORWARD = 2
local DIRECTION_BACKWARD = 0

local planner

-- Constraint -----------------------------------------------------------------

local Constraint = class()

function Constraint:addConstraint()
  self:addToGraph()
  planner:incrementalAdd(self)
end

function Constraint:satisfy(mark)
  self:chooseMethod(mark)
  if not self:isSatisfied() then
    if self.strength == REQUIRED then
      error("Could not satisfy a required constraint!")
    end
    return nil
  end
  self:markInputs(mark)
  local out = self:output()
  local overridden = out.determinedBy
  if overridden ~= nil then overridden:markUnsatisfied() end
  out.determinedBy = self
  if not planner:addPropagate(self, mark) then error("Cycle encountered") end
  out.mark = mark
  return overridden
end

function Constraint:destroyConstraint()
  if self:isSatisfied() then planner:incrementalRemove(self) end
  self:removeFromGraph()
end

function Constraint:isInput() return false end

-- UnaryConstraint ------------------------------------------------------------

local UnaryConstraint = class(Constraint)

local function initUnary(self, v, strength)
  self.strength = strength
  self.myOutput = v
  self.satisfied = false
  self:addConstraint()
  return self
end

function UnaryConstraint:addToGraph()
  self.myOutput:addConstraint(self)
  self.satisfied = false
end

function UnaryConstraint:chooseMethod(mark)
  self.satisfied = self.myOutput.mark ~= mark and
    stronger(self.strength, self.myOutput.walkStrength)
end

function UnaryConstraint:isSatisfied() return self.satisfied end
function UnaryConstraint:markInputs(mark) end
function UnaryConstraint:output() return self.myOutput end

function UnaryConstraint:recalculate()
  self.myOutput.walkStrength = self.strength
  self.myOutput.stay = not self:isInput()
  if self.myOutput.stay then self:execute() end
end

function UnaryConstraint:markUnsatisfied() self.satisfied = false end
function UnaryConstraint:inputsKnown(mark) return true end

function UnaryConstraint:removeFromGraph()
  self.myOutput:removeConstraint(self)
  self.satisfied = false
end

local StayConstraint = class(UnaryConstraint)
function StayConstraint.new(v, strength)
  return initUnary(setmetatable({}, StayConstraint), v, strength)
end
function StayConstraint:execute() end

local EditConstraint = class(UnaryConstraint)
function EditConstraint.new(v, strength)
  return initUnary(setmetatable({}, EditConstraint), v, strength)
end
function EditConstraint:isInput() return true end
function EditConstraint:execute() end

-- BinaryConstraint -----------------------------------------------------------

local BinaryConstraint = class(Constraint)

local function initBinary(self, v1, v2, strength)
  self.strength = strength
  self.v1 = v1
  self.v2 = v2
  self.direction = DIRECTION_NONE
  self:addConstraint()
  return self
end

function BinaryConstraint:chooseMethod(mark)
  local v1, v2 = self.v1, self.v2
  if v1.mark == mark then
    if v2.mark ~= mark and stronger(self.strength, v2.walkStrength) then
      self.direction = DIRECTION_FORWARD
    else
      self.direction = DIRECTION_NONE
    end
  end
  if v2.mark == mark then
    if v1.mark ~= mark and stronger(self.strength, v1.walkStrength) then
      self.direction = DIRECTION_BACKWARD
    else
      self.direction = DIRECTION_NONE
    end
  end
  if weaker(v1.walkStrength, v2.walkStrength) then
    if stronger(self.strength, v1.walkStrength) then
      self.direction = DIRECTION_BACKWARD
    else
      self.direction = DIRECTION_NONE
    end
  else
    if stronger(self.strength, v2.walkStrength) then
      self.direction = DIRECTION_FORWARD
    else
      self.direction = DIRECTION_BACKWARD
    end
  end
end

function BinaryConstraint:addToGraph()
  self.v1:addConstraint(self)
  self.v2:addConstraint(self)
  self.direction = DIRECTION_NONE
end

function BinaryConstraint:isSatisfied() return self.direction ~= DIRECTION_NONE end
function BinaryConstraint:markInputs(mark) self:input().mark = mark end

function BinaryConstraint:input()
  if self.direction == DIRECTION_FORWARD then return self.v1 else return self.v2 end
end

function BinaryConstraint:output()
  if self.direction == DIRECTION_FORWARD then return self.v2 else return self.v1 end
end

function BinaryConstraint:recalculate()
  local ihn = self:input()
  local out = self:output()
  out.walkStrength = weakestOf(self.strength, ihn.walkStrength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end

function BinaryConstraint:markUnsatisfied() self.direction = DIRECTION_NONE end

function BinaryConstraint:inputsKnown(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determinedBy == nil
end

function BinaryConstraint:removeFromGraph()
  self.v1:removeConstraint(self)
  self.v2:removeConstraint(self)
  self.direction = DIRECTION_NONE
end

local ScaleConstraint = class(BinaryConstraint)

function ScaleConstraint.new(src, scale, offset, dest, strength)
  local self = setmetatable({ scale = scale, offset = offset }, ScaleConstraint)
  return initBinary(self, src, dest, strength)
end

function ScaleConstraint:addToGraph()
  BinaryConstraint.addToGraph(self)
  self.scale:addConstraint(self)
  self.offset:addConstraint(self)
end

function ScaleConstraint:removeFromGraph()
  BinaryConstraint.removeFromGraph(self)
  self.scale:removeConstraint(self)
  self.offset:removeConstraint(self)
end

function ScaleConstraint:markInputs(mark)
  BinaryConstraint.markInputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end

function ScaleConstraint:execute()
  if self.direction == DIRECTION_FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    local q = (self.v2.value - self.offset.value) / self.scale.value
    if q >= 0 then q = floor(q) else q = ceil(q) end
    self.v1.value = q
  end
end

function ScaleConstraint:recalculate()
  local ihn = self:input()
  local out = self:output()
  out.walkStrength = weakestOf(self.strength, ihn.walkStrength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

local EqualityConstraint = class(BinaryConstraint)

function EqualityConstraint.new(v1, v2, strength)
  return initBinary(setmetatable({}, EqualityConstraint), v1, v2, strength)
end

function EqualityConstraint:execute()
  self:output().value = self:input().value
end

-- Variable, Plan, Planner ----------------------------------------------------

local Variable = class()

function Variable.new(name, value)
  return setmetatable({ constraints = {}, determinedBy = nil, mark = 0,
                        walkStrength = WEAKEST, stay = true, value = value,
                        name = name }, Variable)
end

function Variable:addConstraint(c)
  local cs = self.constraints
  cs[#cs + 1] = c
end

function Variable:removeConstraint(c)
  local cs = self.constraints
  for i = 1, #cs do
    if cs[i] == c then
      table.remove(cs, i)
      break
    end
  end
  if self.determinedBy == c then self.determinedBy = nil end
end

local Plan = class()

function Plan.new() return setmetatable({ list = {} }, Plan) end
function Plan:addConstraint(c) self.list[#self.list + 1] = c end
function Plan:size() return #self.list end

function Plan:execute()
  local list = self.list
  for i = 1, #list do list[i]:execute() end
end

local Planner = class()

function Planner.new() return setmetatable({ currentMark = 0 }, Planner) end

function Planner:incrementalAdd(c)
  local mark = self:newMark()
  local overridden = c:satisfy(mark)
  while overridden ~= nil do overridden = overridden:satisfy(mark) end
end

function Planner:incrementalRemove(c)
  local out = c:output()
  c:markUnsatisfied()
  c:removeFromGraph()
  local unsatisfied = self:removePropagateFrom(out)
  local strength = REQUIRED
  repeat
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.strength == strength then self:incrementalAdd(u) end
    end
    strength = strength:nextWeaker()
  until strength == WEAKEST
end

function Planner:newMark()
  self.currentMark = self.currentMark + 1
  return self.currentMark
end

function Planner:makePlan(sources)
  local mark = self:newMark()
  local plan = Plan.new()
  local todo = sources
  while #todo > 0 do
    local c = table.remove(todo)
    if c:output().mark ~= mark and c:inputsKnown(mark) then
      plan:addConstraint(c)
      c:output().mark = mark
      self:addConstraintsConsumingTo(c:output(), todo)
    end
  end
  return plan
end

function Planner:extractPlanFromConstraints(constraints)
  local sources = {}
  for i = 1, #constraints do
    local c = constraints[i]
    if c:isInput() and c:isSatisfied() then sources[#sources + 1] = c end
  end
  return self:makePlan(sources)
end

function Planner:addPropagate(c, mark)
  local todo = { c }
  while #todo > 0 do
    local d = table.remove(todo)
    if d:output().mark == mark then
      self:incrementalRemove(c)
      return false
    end
    d:recalculate()
    self:addConstraintsConsumingTo(d:output(), todo)
  end
  return true
end

function Planner:removePropagateFrom(out)
  out.determinedBy = nil
  out.walkStrength = WEAKEST
  out.stay = true
  local unsatisfied = {}
  local todo = { out }
  while #todo > 0 do
    local v = table.remove(todo)
    local cs = v.constraints
    for i = 1, #cs do
      local c = cs[i]
      if not c:isSatisfied() then unsatisfied[#unsatisfied + 1] = c end
    end
    local determining = v.determinedBy
    for i = 1, #cs do
      local nxt = cs[i]
      if nxt ~= determining and nxt:isSatisfied() then
        nxt:recalculate()
        todo[#todo + 1] = nxt:output()
      end
    end
  end
  return unsatisfied
end

function Planner:addConstraintsConsumingTo(v, coll)
  local determining = v.determinedBy
  local cs = v.constraints
  for i = 1, #cs do
    local c = cs[i]
    if c ~= determining and c:isSatisfied() then coll[#coll + 1] = c end
  end
end

-- The two tests --------------------------------------------------------------

local function chainTest(n)
  planner = Planner.new()
  local variables = {}
  for i = 0, n do
    local v = Variable.new("v" .. i, 0)
    if i > 0 then EqualityConstraint.new(variables[i], v, REQUIRED) end
    variables[i + 1] = v
  end
  local first = variables[1]
  local last = variables[n + 1]
  StayConstraint.new(last, STRONG_DEFAULT)
  local edit = EditConstraint.new(first, PREFERRED)
  local plan = planner:extractPlanFromConstraints({ edit })
  local sum = 0
  for i = 0, 99 do
    first.value = i
    plan:execute()
    if last.value ~= i then error("Chain test failed.") end
    sum = sum + last.value
  end
  return sum + planner.currentMark
end

local function change(v, newValue)
  local edit = EditConstraint.new(v, PREFERRED)
  local plan = planner:extractPlanFromConstraints({ edit })
  for _ = 1, 10 do
    v.value = newValue
    plan:execute()
  end
  edit:destroyConstraint()
end

local function projectionTest(n)
  planner = Planner.new()
  local scale = Variable.new("scale", 10)
  local offset = Variable.new("offset", 1000)
  local dests = {}
  local src, dst = scale, scale
  for i = 0, n - 1 do
    src = Variable.new("src" .. i, i)
    dst = Variable.new("dst" .. i, i)
    dests[i] = dst
    StayConstraint.new(src, NORMAL)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED)
  end
  local sum = 0
  change(src, 17)
  if dst.value ~= 1170 then error("Projection 1 failed") end
  sum = sum + dst.value
  change(dst, 1050)
  if src.value ~= 5 then error("Projection 2 failed") end
  sum = sum + src.value
  change(scale, 5)
  for i = 0, n - 2 do
    if dests[i].value ~= i * 5 + 1000 then error("Projection 3 failed") end
    sum = sum + dests[i].value
  end
  change(offset, 2000)
  for i = 0, n - 2 do
    if dests[i].value ~= i * 5 + 2000 then error("Projection 4 failed") end
    sum = sum + dests[i].value
  end
  return sum + planner.currentMark
end

local n = tonumber(arg and arg[1]) or 2000
local checksum = 0
for _ = 1, n do
  checksum = checksum + chainTest(100)
  checksum = checksum + projectionTest(100)
end
io.write(string.format("deltablue %d %d\n", n, checksum))
