-- Polymorphic call sites: a list of shapes of eight classes (metatables), so every
-- call site in the loop sees all eight receivers (megamorphic method dispatch), plus
-- allocation of scaled copies.

local floor = math.floor

local function class()
  local c = {}
  c.__index = c
  return c
end

local Square = class()
function Square.new(s) return setmetatable({ s = s }, Square) end
function Square:area() return self.s * self.s end
function Square:perimeter() return 4 * self.s end
function Square:sides() return 4 end
function Square:scaled(k) return Square.new(self.s * k) end

local Rect = class()
function Rect.new(w, h) return setmetatable({ w = w, h = h }, Rect) end
function Rect:area() return self.w * self.h end
function Rect:perimeter() return 2 * (self.w + self.h) end
function Rect:sides() return 4 end
function Rect:scaled(k) return Rect.new(self.w * k, self.h * k) end

local Circle = class()
function Circle.new(r) return setmetatable({ r = r }, Circle) end
function Circle:area() return 3 * self.r * self.r end
function Circle:perimeter() return 6 * self.r end
function Circle:sides() return 0 end
function Circle:scaled(k) return Circle.new(self.r * k) end

local Triangle = class()
function Triangle.new(b, h) return setmetatable({ b = b, h = h }, Triangle) end
function Triangle:area() return floor(self.b * self.h / 2) end
function Triangle:perimeter()
  return self.b + self.h + (self.b > self.h and self.b or self.h)
end
function Triangle:sides() return 3 end
function Triangle:scaled(k) return Triangle.new(self.b * k, self.h * k) end

local Hexagon = class()
function Hexagon.new(s) return setmetatable({ s = s }, Hexagon) end
function Hexagon:area() return floor(26 * self.s * self.s / 10) end
function Hexagon:perimeter() return 6 * self.s end
function Hexagon:sides() return 6 end
function Hexagon:scaled(k) return Hexagon.new(self.s * k) end

local Ellipse = class()
function Ellipse.new(a, b) return setmetatable({ a = a, b = b }, Ellipse) end
function Ellipse:area() return 3 * self.a * self.b end
function Ellipse:perimeter() return 3 * (self.a + self.b) end
function Ellipse:sides() return 0 end
function Ellipse:scaled(k) return Ellipse.new(self.a * k, self.b * k) end

local Pentagon = class()
function Pentagon.new(s) return setmetatable({ s = s }, Pentagon) end
function Pentagon:area() return floor(17 * self.s * self.s / 10) end
function Pentagon:perimeter() return 5 * self.s end
function Pentagon:sides() return 5 end
function Pentagon:scaled(k) return Pentagon.new(self.s * k) end

local Segment = class()
function Segment.new(l) return setmetatable({ l = l }, Segment) end
function Segment:area() return 0 end
function Segment:perimeter() return 2 * self.l end
function Segment:sides() return 1 end
function Segment:scaled(k) return Segment.new(self.l * k) end

local seed = 42
local function nextRandom()
  seed = seed * 16807 % 2147483647
  return seed
end

local function makeShape(kind, a, b)
  if kind == 0 then return Square.new(a)
  elseif kind == 1 then return Rect.new(a, b)
  elseif kind == 2 then return Circle.new(a)
  elseif kind == 3 then return Triangle.new(a, b)
  elseif kind == 4 then return Hexagon.new(a)
  elseif kind == 5 then return Ellipse.new(a, b)
  elseif kind == 6 then return Pentagon.new(a)
  end
  return Segment.new(a)
end

local n = tonumber(arg and arg[1]) or 10000
local shapes = {}
for i = 1, 1000 do
  local kind = nextRandom() % 8
  local a = nextRandom() % 100 + 1
  local b = nextRandom() % 100 + 1
  shapes[i] = makeShape(kind, a, b)
end
local total = 0
for round = 0, n - 1 do
  for i = 0, #shapes - 1 do
    local s = shapes[i + 1]
    total = total + s:area() + s:perimeter() + s:sides()
    if i % 16 == round % 16 then total = total + s:scaled(2):area() end
  end
  total = total % 1000000007
end
io.write(string.format("dispatch %d %d\n", n, total))
