-- Strings: building strings with a buffer table and concatenation, int-to-string
-- conversion, split/join, case conversion, searching, substrings and replacement.
-- All text is ASCII. Split and the plain-text searches use string.find with
-- plain = true (Lua has no split).

local byte, find, sub, upper, gsub, concat, format =
  string.byte, string.find, string.sub, string.upper, string.gsub, table.concat, string.format

local function hashString(s)
  local h = 0
  for i = 1, #s do h = (h * 31 + byte(s, i)) % 1000000007 end
  return h
end

-- Like Dart's and JS's split: keeps empty fields, including a trailing one.
local function split(s, sep)
  local parts, n, start = {}, 0, 1
  while true do
    local i = find(s, sep, start, true)
    n = n + 1
    if i == nil then
      parts[n] = sub(s, start)
      return parts
    end
    parts[n] = sub(s, start, i - 1)
    start = i + #sep
  end
end

-- 0-based index of the first occurrence, or -1.
local function indexOf(s, pattern)
  local i = find(s, pattern, 1, true)
  if i == nil then return -1 end
  return i - 1
end

local n = tonumber(arg and arg[1]) or 100000
local total = 0
for i = 0, n - 1 do
  local sb = {}
  for j = 0, 7 do
    sb[#sb + 1] = "item"
    sb[#sb + 1] = format("%d", i + j)
    sb[#sb + 1] = ","
  end
  local s = concat(sb)
  local parts = split(s, ",")
  local joined = concat(parts, "-")
  local up = upper(joined)
  local index = indexOf(up, "ITEM" .. format("%d", i + 5))
  local piece = sub(joined, 4, 13)
  local replaced = gsub(joined, "item", "#")
  local line = "n=" .. format("%d", i) .. " sub=" .. piece .. " len=" .. format("%d", #joined)
  local found = find(joined, "m" .. format("%d", i % 10) .. "-", 1, true) and 1 or 0
  total = (total + #parts + index + hashString(piece) + hashString(up) % 1000 + #replaced +
    #line + found) % 1000000007
end
io.write(format("strings %d %d\n", n, total))
