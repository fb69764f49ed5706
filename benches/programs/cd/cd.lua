-- CD: collision detection in the style of the CD benchmark (aircraft simulation with
-- voxel hashing), reduced. Each frame moves every aircraft, turns its old and new
-- positions into a motion, hashes the motions into a 2-D voxel grid (broad phase),
-- and tests every pair sharing a voxel for a closest approach under the collision
-- radius (narrow phase, a quadratic in time). Motion is straight with bounces so that
-- only + - * / and sqrt are used: every language computes identical doubles.

local floor, sqrt = math.floor, math.sqrt

local WORLD_SIZE = 120.0
local RADIUS = 1.0
local VOXEL_SIZE = 2.0 * RADIUS
local VOXEL_BIAS = 1000

local Vector3D = {}
Vector3D.__index = Vector3D

local function vec(x, y, z) return setmetatable({ x = x, y = y, z = z }, Vector3D) end
function Vector3D:plus(o) return vec(self.x + o.x, self.y + o.y, self.z + o.z) end
function Vector3D:minus(o) return vec(self.x - o.x, self.y - o.y, self.z - o.z) end
function Vector3D:times(s) return vec(self.x * s, self.y * s, self.z * s) end
function Vector3D:squaredMagnitude() return self.x * self.x + self.y * self.y + self.z * self.z end

local Motion = {}
Motion.__index = Motion

function Motion.new(callsign, posOne, posTwo)
  return setmetatable({ callsign = callsign, posOne = posOne, posTwo = posTwo }, Motion)
end

function Motion:delta() return self.posTwo:minus(self.posOne) end

function Motion:findIntersection(other)
  local init1 = self.posOne
  local init2 = other.posOne
  local vec1 = self:delta()
  local vec2 = other:delta()
  local a = vec2:minus(vec1):squaredMagnitude()
  if a ~= 0.0 then
    local b = 2.0 *
      ((init1.x - init2.x) * (vec1.x - vec2.x) +
        (init1.y - init2.y) * (vec1.y - vec2.y) +
        (init1.z - init2.z) * (vec1.z - vec2.z))
    local c = init2:minus(init1):squaredMagnitude() - RADIUS * RADIUS
    local discr = b * b - 4.0 * a * c
    if discr < 0.0 then return nil end
    local root = sqrt(discr)
    local v1 = (-b - root) / (2.0 * a)
    local v2 = (-b + root) / (2.0 * a)
    if v1 <= v2 and
      ((v1 <= 1.0 and 1.0 <= v2) or
        (v1 <= 0.0 and 0.0 <= v2) or
        (0.0 <= v1 and v2 <= 1.0)) then
      local v = v1 <= 0.0 and 0.0 or v1
      local result1 = init1:plus(vec1:times(v))
      local result2 = init2:plus(vec2:times(v))
      return result1:plus(result2):times(0.5)
    end
    return nil
  end
  local dist = init2:minus(init1):squaredMagnitude()
  if dist <= RADIUS * RADIUS then return init1:plus(init2):times(0.5) end
  return nil
end

local Aircraft = {}
Aircraft.__index = Aircraft

function Aircraft.new(callsign, x, y, z, vx, vy)
  return setmetatable({ callsign = callsign, x = x, y = y, z = z, vx = vx, vy = vy }, Aircraft)
end

function Aircraft:move()
  self.x = self.x + self.vx
  if self.x < 0.0 then
    self.x = -self.x
    self.vx = -self.vx
  elseif self.x > WORLD_SIZE then
    self.x = WORLD_SIZE - (self.x - WORLD_SIZE)
    self.vx = -self.vx
  end
  self.y = self.y + self.vy
  if self.y < 0.0 then
    self.y = -self.y
    self.vy = -self.vy
  elseif self.y > WORLD_SIZE then
    self.y = WORLD_SIZE - (self.y - WORLD_SIZE)
    self.vy = -self.vy
  end
end

local seed = 42
local function nextRandom()
  seed = seed * 16807 % 2147483647
  return seed
end

-- The voxel map: buckets by key, plus the buckets in insertion order.
local collisions, pairSum, voxelCount = 0, 0, 0

local function drawMotion(voxelMap, order, motion)
  local p1 = motion.posOne
  local p2 = motion.posTwo
  local lowX = (p1.x < p2.x and p1.x or p2.x) - RADIUS
  local highX = (p1.x < p2.x and p2.x or p1.x) + RADIUS
  local lowY = (p1.y < p2.y and p1.y or p2.y) - RADIUS
  local highY = (p1.y < p2.y and p2.y or p1.y) + RADIUS
  local vx0 = floor(lowX / VOXEL_SIZE)
  local vx1 = floor(highX / VOXEL_SIZE)
  local vy0 = floor(lowY / VOXEL_SIZE)
  local vy1 = floor(highY / VOXEL_SIZE)
  for vx = vx0, vx1 do
    for vy = vy0, vy1 do
      local key = (vx + VOXEL_BIAS) * 100000 + (vy + VOXEL_BIAS)
      local bucket = voxelMap[key]
      if bucket == nil then
        bucket = {}
        voxelMap[key] = bucket
        order[#order + 1] = bucket
      end
      bucket[#bucket + 1] = motion
    end
  end
end

local function handleFrame(motions)
  local voxelMap, order = {}, {}
  for i = 1, #motions do drawMotion(voxelMap, order, motions[i]) end
  voxelCount = voxelCount + #order
  for k = 1, #order do
    local bucket = order[k]
    local n = #bucket
    for i = 1, n do
      local m1 = bucket[i]
      for j = i + 1, n do
        local m2 = bucket[j]
        local hit = m1:findIntersection(m2)
        if hit ~= nil then
          collisions = collisions + 1
          local lo = m1.callsign < m2.callsign and m1.callsign or m2.callsign
          local hi = m1.callsign < m2.callsign and m2.callsign or m1.callsign
          pairSum = (pairSum + lo * 1000 + hi) % 1000000007
        end
      end
    end
  end
end

local frames = tonumber(arg and arg[1]) or 1000
local NUM_AIRCRAFT = 600
local aircraft = {}
for i = 0, NUM_AIRCRAFT - 1 do
  local x = (nextRandom() % 120000) / 1000.0
  local y = (nextRandom() % 120000) / 1000.0
  local vx = (nextRandom() % 2001 - 1000) / 1000.0
  local vy = (nextRandom() % 2001 - 1000) / 1000.0
  aircraft[#aircraft + 1] = Aircraft.new(i, x, y, 5.0 + (i % 4) * 0.25, vx, vy)
end
for _ = 1, frames do
  local motions = {}
  for i = 1, #aircraft do
    local a = aircraft[i]
    local before = vec(a.x, a.y, a.z)
    a:move()
    motions[i] = Motion.new(a.callsign, before, vec(a.x, a.y, a.z))
  end
  handleFrame(motions)
end
io.write(string.format("cd %d %d %d %d\n", frames, collisions, pairSum, voxelCount))
