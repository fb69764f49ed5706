-- Closures and higher-order code: function values built by composition, currying and
-- capture of mutable locals, passed to hand-written map/filter/fold and to a merge
-- sort that takes its comparison as a closure (the same sort in every language).
-- Lists are tables indexed from 0 so that the index arithmetic matches the others.

local floor = math.floor

local function compose(f, g) return function(x) return f(g(x)) end end
local function adder(n) return function(x) return x + n end end
local function multiplier(n) return function(x) return x * n % 1000003 end end

local function makeCounter()
  local count = 0
  return function()
    count = count + 1
    return count
  end
end

-- A list is { n = length, [0] .. [n-1] }.
local function mapList(xs, f)
  local result = { n = xs.n }
  for i = 0, xs.n - 1 do result[i] = f(xs[i]) end
  return result
end

local function filterList(xs, keep)
  local result = { n = 0 }
  for i = 0, xs.n - 1 do
    if keep(xs[i]) then
      result[result.n] = xs[i]
      result.n = result.n + 1
    end
  end
  return result
end

local function fold(xs, initial, combine)
  local acc = initial
  for i = 0, xs.n - 1 do acc = combine(acc, xs[i]) end
  return acc
end

-- Top-down merge sort of xs[lo, hi) using tmp as scratch space.
local function mergeSort(xs, tmp, lo, hi, compare)
  if hi - lo < 2 then return end
  local mid = floor((lo + hi) / 2)
  mergeSort(xs, tmp, lo, mid, compare)
  mergeSort(xs, tmp, mid, hi, compare)
  local i, j, k = lo, mid, lo
  while i < mid and j < hi do
    if compare(xs[i], xs[j]) <= 0 then
      tmp[k] = xs[i]
      i = i + 1
    else
      tmp[k] = xs[j]
      j = j + 1
    end
    k = k + 1
  end
  while i < mid do
    tmp[k] = xs[i]
    i = i + 1
    k = k + 1
  end
  while j < hi do
    tmp[k] = xs[j]
    j = j + 1
    k = k + 1
  end
  for m = lo, hi - 1 do xs[m] = tmp[m] end
end

local function generate(count, f)
  local result = { n = count }
  for i = 0, count - 1 do result[i] = f(i) end
  return result
end

local function runRound(round)
  local base = generate(2000, function(i) return (i * 7919 + round) % 10007 end)
  local f = compose(adder(round % 13), multiplier(3))
  local mapped = mapList(base, f)
  local divisor = 3 + round % 4
  local filtered = filterList(mapped, function(x) return x % divisor ~= 0 end)
  local comparisons = makeCounter()
  local tmp = generate(filtered.n, function() return 0 end)
  mergeSort(filtered, tmp, 0, filtered.n, function(a, b)
    comparisons()
    return a - b
  end)
  local hash = fold(filtered, 0, function(acc, x) return (acc * 31 + x) % 1000000007 end)
  return (hash + comparisons()) % 1000000007
end

local n = tonumber(arg and arg[1]) or 1000
local checksum = 0
for round = 0, n - 1 do checksum = (checksum + runRound(round)) % 1000000007 end
io.write(string.format("closures %d %d\n", n, checksum))
