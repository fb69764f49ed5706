-- Binary trees (the Computer Language Benchmarks Game algorithm): allocation of many
-- short-lived small objects plus one long-lived tree. A node is { left, right }.

local function bottomUpTree(depth)
  if depth > 0 then
    depth = depth - 1
    return { bottomUpTree(depth), bottomUpTree(depth) }
  end
  return {}
end

local function check(node)
  local l, r = node[1], node[2]
  if l == nil or r == nil then return 1 end
  return 1 + check(l) + check(r)
end

local n = tonumber(arg and arg[1]) or 16
local minDepth = 4
local maxDepth = n < minDepth + 2 and minDepth + 2 or n
local total = check(bottomUpTree(maxDepth + 1))
local longLived = bottomUpTree(maxDepth)
for depth = minDepth, maxDepth, 2 do
  local iterations = 2 ^ (maxDepth - depth + minDepth)
  local c = 0
  for _ = 1, iterations do c = c + check(bottomUpTree(depth)) end
  total = total + c
end
total = total + check(longLived)
io.write(string.format("binarytrees %d %d\n", n, total))
