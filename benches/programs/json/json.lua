-- JSON: a hand-written encoder and recursive-descent decoder (no library JSON).
-- Builds a document of records from a deterministic generator, encodes it, decodes
-- the text, re-encodes the result and checks that both texts are equal. Numbers are
-- integers only, so every language prints the same text.
-- Values: NULL (a sentinel), booleans, numbers, strings,
-- arrays { kind = ARRAY, n, items } and objects { kind = OBJECT, n, keys, values }
-- (objects keep insertion order, like Dart's default Map).

local byte, sub, char, concat = string.byte, string.sub, string.char, table.concat

local NULL = {}
local ARRAY, OBJECT = 1, 2

local function newArray() return { kind = ARRAY, n = 0, items = {} } end
local function arrayAdd(a, v)
  a.n = a.n + 1
  a.items[a.n] = v
end
local function newObject() return { kind = OBJECT, n = 0, keys = {}, values = {} } end
local function objectSet(o, k, v)
  o.n = o.n + 1
  o.keys[o.n] = k
  o.values[o.n] = v
end

local seed = 42
-- Park-Miller minimal standard generator; exact in doubles.
local function nextRandom()
  seed = seed * 16807 % 2147483647
  return seed
end

local HEX_DIGITS = "0123456789abcdef"

local function makeRecord(i)
  local tagCount = nextRandom() % 4
  local tags = newArray()
  for _ = 1, tagCount do arrayAdd(tags, "tag" .. (nextRandom() % 100)) end
  local active = nextRandom() % 2 == 0
  local score = nextRandom() % 100000 - 50000
  local code = "c" .. (nextRandom() % 1000)
  local control = char(nextRandom() % 32)
  local nested = newObject()
  objectSet(nested, "code", code)
  objectSet(nested, "text", "line\tone\nline \"two\" \\ " .. control .. " end")
  objectSet(nested, "empty", newArray())
  local record = newObject()
  objectSet(record, "id", i)
  objectSet(record, "name", "item " .. i)
  objectSet(record, "active", active)
  objectSet(record, "score", score)
  objectSet(record, "tags", tags)
  if i % 5 == 0 then objectSet(record, "parent", NULL) else objectSet(record, "parent", i - 1) end
  objectSet(record, "nested", nested)
  return record
end

local function makeDocument(n)
  seed = 42
  local records = newArray()
  for i = 0, n - 1 do arrayAdd(records, makeRecord(i)) end
  return records
end

-- Encoder ------------------------------------------------------------------

-- out is a table of string pieces; out.n counts them.
local function write(out, s)
  local n = out.n + 1
  out.n = n
  out[n] = s
end

local function encodeString(s, out)
  write(out, '"')
  local start = 1
  local len = #s
  for i = 1, len do
    local c = byte(s, i)
    if not (c >= 0x20 and c ~= 0x22 and c ~= 0x5C) then
      if i > start then write(out, sub(s, start, i - 1)) end
      start = i + 1
      if c == 0x22 then
        write(out, '\\"')
      elseif c == 0x5C then
        write(out, "\\\\")
      elseif c == 0x0A then
        write(out, "\\n")
      elseif c == 0x09 then
        write(out, "\\t")
      elseif c == 0x0D then
        write(out, "\\r")
      else
        write(out, "\\u00")
        local hi = math.floor(c / 16)
        local lo = c % 16
        write(out, sub(HEX_DIGITS, hi + 1, hi + 1))
        write(out, sub(HEX_DIGITS, lo + 1, lo + 1))
      end
    end
  end
  if len >= start then write(out, sub(s, start)) end
  write(out, '"')
end

local function encodeValue(v, out)
  local t = type(v)
  if v == NULL then
    write(out, "null")
  elseif t == "boolean" then
    write(out, v and "true" or "false")
  elseif t == "number" then
    write(out, string.format("%d", v))
  elseif t == "string" then
    encodeString(v, out)
  elseif v.kind == ARRAY then
    write(out, "[")
    local items = v.items
    for i = 1, v.n do
      if i > 1 then write(out, ",") end
      encodeValue(items[i], out)
    end
    write(out, "]")
  elseif v.kind == OBJECT then
    write(out, "{")
    local keys, values = v.keys, v.values
    for i = 1, v.n do
      if i > 1 then write(out, ",") end
      encodeString(keys[i], out)
      write(out, ":")
      encodeValue(values[i], out)
    end
    write(out, "}")
  else
    error("cannot encode value")
  end
end

local function encode(v)
  local out = { n = 0 }
  encodeValue(v, out)
  return concat(out)
end

-- Decoder ------------------------------------------------------------------

local s, pos, slen -- the text being parsed and the 1-based position

local function parseError(what) error(what .. " at " .. (pos - 1)) end

local function skipWhitespace()
  while pos <= slen do
    local c = byte(s, pos)
    if c ~= 0x20 and c ~= 0x0A and c ~= 0x0D and c ~= 0x09 then return end
    pos = pos + 1
  end
end

local parseValue

local function hexValue(c)
  if c >= 0x30 and c <= 0x39 then return c - 0x30 end
  if c >= 0x61 and c <= 0x66 then return c - 0x61 + 10 end
  if c >= 0x41 and c <= 0x46 then return c - 0x41 + 10 end
  parseError("bad hex digit")
end

local function parseString()
  if byte(s, pos) ~= 0x22 then parseError("expected string") end
  pos = pos + 1
  local out = { n = 0 }
  local start = pos
  while true do
    if pos > slen then parseError("unterminated string") end
    local c = byte(s, pos)
    if c == 0x22 then
      write(out, sub(s, start, pos - 1))
      pos = pos + 1
      return concat(out)
    end
    if c ~= 0x5C then
      pos = pos + 1
    else
      write(out, sub(s, start, pos - 1))
      local e = byte(s, pos + 1)
      pos = pos + 2
      if e == 0x6E then
        write(out, "\n")
      elseif e == 0x74 then
        write(out, "\t")
      elseif e == 0x72 then
        write(out, "\r")
      elseif e == 0x62 then
        write(out, "\b")
      elseif e == 0x66 then
        write(out, "\f")
      elseif e == 0x75 then
        local code = 0
        for k = 0, 3 do code = code * 16 + hexValue(byte(s, pos + k)) end
        pos = pos + 4
        write(out, char(code))
      else
        write(out, char(e)) -- \" \\ \/
      end
      start = pos
    end
  end
end

local function parseInt()
  local negative = false
  if byte(s, pos) == 0x2D then
    negative = true
    pos = pos + 1
  end
  local value = 0
  while pos <= slen do
    local c = byte(s, pos)
    if c < 0x30 or c > 0x39 then break end
    value = value * 10 + (c - 0x30)
    pos = pos + 1
  end
  if negative then return -value end
  return value
end

local function expect(c)
  skipWhitespace()
  if pos > slen or byte(s, pos) ~= c then parseError("expected " .. char(c)) end
  pos = pos + 1
end

local function parseObject()
  local result = newObject()
  pos = pos + 1
  skipWhitespace()
  if byte(s, pos) == 0x7D then
    pos = pos + 1
    return result
  end
  while true do
    skipWhitespace()
    local key = parseString()
    expect(0x3A)
    objectSet(result, key, parseValue())
    skipWhitespace()
    local c = byte(s, pos)
    pos = pos + 1
    if c == 0x7D then return result end
    if c ~= 0x2C then parseError("expected , or }") end
  end
end

local function parseArray()
  local result = newArray()
  pos = pos + 1
  skipWhitespace()
  if byte(s, pos) == 0x5D then
    pos = pos + 1
    return result
  end
  while true do
    arrayAdd(result, parseValue())
    skipWhitespace()
    local c = byte(s, pos)
    pos = pos + 1
    if c == 0x5D then return result end
    if c ~= 0x2C then parseError("expected , or ]") end
  end
end

parseValue = function()
  skipWhitespace()
  if pos > slen then parseError("unexpected end") end
  local c = byte(s, pos)
  if c == 0x7B then return parseObject() end
  if c == 0x5B then return parseArray() end
  if c == 0x22 then return parseString() end
  if c == 0x2D or (c >= 0x30 and c <= 0x39) then return parseInt() end
  if sub(s, pos, pos + 3) == "true" then
    pos = pos + 4
    return true
  end
  if sub(s, pos, pos + 4) == "false" then
    pos = pos + 5
    return false
  end
  if sub(s, pos, pos + 3) == "null" then
    pos = pos + 4
    return NULL
  end
  parseError("unexpected character")
end

local function decode(text)
  s, pos, slen = text, 1, #text
  local v = parseValue()
  skipWhitespace()
  if pos ~= slen + 1 then parseError("trailing text") end
  return v
end

-- Checksums ----------------------------------------------------------------

local function hashString(str)
  local h = 0
  for i = 1, #str do h = (h * 31 + byte(str, i)) % 1000000007 end
  return h
end

local function walk(v)
  local t = type(v)
  if t == "number" then
    if v < 0 then return 1 - v end
    return 1 + v
  end
  if t == "string" then return 1 + #v end
  if t == "table" and v.kind == ARRAY then
    local sum = 1
    for i = 1, v.n do sum = sum + walk(v.items[i]) end
    return sum
  end
  if t == "table" and v.kind == OBJECT then
    local sum = 1
    for i = 1, v.n do sum = sum + #v.keys[i] + walk(v.values[i]) end
    return sum
  end
  return 1
end

local n = tonumber(arg and arg[1]) or 2000
local document = makeDocument(n)
local checksum = 0
local length = 0
for _ = 1, 10 do
  local text = encode(document)
  local decoded = decode(text)
  local again = encode(decoded)
  if again ~= text then error("round trip changed the text") end
  length = #text
  checksum = (checksum + hashString(text) + walk(decoded)) % 1000000007
end
io.write(string.format("json %d %d %d\n", n, length, checksum))
