-- Collections: hash tables used as maps and sets under insertion, lookup, update,
-- removal and iteration: integer-keyed counting, set intersection, string-keyed word
-- counts. Lua tables iterate in no particular order; every checksum is
-- order-independent (sums and sizes). Sizes are counted as entries are added and
-- removed, since # does not count hash entries.

local format = string.format

local seed = 42
local function nextRandom()
  seed = seed * 16807 % 2147483647
  return seed
end

local function round()
  local counts, countsSize = {}, 0
  for _ = 1, 20000 do
    local k = nextRandom() % 5000
    local c = counts[k]
    if c == nil then
      countsSize = countsSize + 1
      c = 0
    end
    counts[k] = c + 1
  end

  local a, aSize, b, bSize = {}, 0, {}, 0
  for _ = 1, 10000 do
    local x = nextRandom() % 20000
    if not a[x] then
      a[x] = true
      aSize = aSize + 1
    end
    local y = nextRandom() % 20000
    if not b[y] then
      b[y] = true
      bSize = bSize + 1
    end
  end
  local common = 0
  for x in pairs(a) do
    if b[x] then common = common + 1 end
  end
  for x = 0, 19999, 2 do
    if b[x] then
      b[x] = nil
      bSize = bSize - 1
    end
  end

  for k = 0, 4999, 3 do
    if counts[k] ~= nil then
      counts[k] = nil
      countsSize = countsSize - 1
    end
  end
  local valueSum, keySum = 0, 0
  for key, value in pairs(counts) do
    keySum = keySum + key
    valueSum = valueSum + value
  end

  local words, wordsSize = {}, 0
  for i = 0, 9999 do
    local w = "w" .. format("%d", nextRandom() % 2000)
    local c = words[w]
    if c == nil then
      wordsSize = wordsSize + 1
      c = 0
    end
    words[w] = c + i % 7
  end
  local wordSum = 0
  for key, value in pairs(words) do wordSum = wordSum + value * #key end
  local hits = 0
  for i = 0, 1999, 7 do
    if words["w" .. format("%d", i)] ~= nil then hits = hits + 1 end
  end

  return countsSize + valueSum + keySum + aSize + bSize + common + wordsSize + wordSum + hits
end

local n = tonumber(arg and arg[1]) or 100
local checksum = 0
for _ = 1, n do checksum = (checksum + round()) % 1000000007 end
io.write(format("collections %d %d\n", n, checksum))
