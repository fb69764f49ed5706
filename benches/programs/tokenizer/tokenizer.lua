-- Tokenizer: a hand-written lexer for a small C-like language run over generated
-- source text: identifiers and keywords (keywords found through a table used as a
-- set), decimal integers, string literals with escapes, one- and two-character
-- operators, line and block comments. Byte-at-a-time scanning with byte/sub.

local byte, sub = string.byte, string.sub

local seed = 42
local function nextRandom()
  seed = seed * 16807 % 2147483647
  return seed
end

local WORDS = {
  "if", "else", "while", "for", "return", "var", "final", "class", "void", "int",
  "alpha", "beta", "gamma", "delta", "count", "value", "index", "result", "buffer",
  "node_2",
}

local OPERATORS = {
  "+", "-", "*", "/", "=", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "(", ")",
  "{", "}", ";", ",", ".",
}

local function generate(lines)
  seed = 42
  local out, n = {}, 0
  local function write(s)
    n = n + 1
    out[n] = s
  end
  for line = 0, lines - 1 do
    for _ = 1, 8 do
      local r = nextRandom() % 10
      if r < 4 then
        write(WORDS[nextRandom() % 20 + 1])
        if nextRandom() % 3 == 0 then write(string.format("%d", nextRandom() % 100)) end
      elseif r < 6 then
        write(string.format("%d", nextRandom() % 100000))
      elseif r < 9 then
        write(OPERATORS[nextRandom() % 20 + 1])
      else
        write('"s')
        write(string.format("%d", nextRandom() % 1000))
        write(' \\"q\\" \\\\ x"')
      end
      write(" ")
    end
    if line % 5 == 0 then
      write("// comment ")
      write(string.format("%d", line))
    end
    if line % 7 == 0 then write("/* block\n comment */") end
    write("\n")
  end
  return table.concat(out)
end

local KIND_IDENTIFIER, KIND_KEYWORD, KIND_NUMBER, KIND_STRING, KIND_OPERATOR, KIND_COMMENT =
  1, 2, 3, 4, 5, 6

local function isLetter(c)
  return (c >= 0x61 and c <= 0x7A) or (c >= 0x41 and c <= 0x5A) or c == 0x5F
end
local function isDigit(c) return c >= 0x30 and c <= 0x39 end
-- Two-character operators: == != <= >= && ||
local function isPair(c, d)
  return (d == 0x3D and (c == 0x3D or c == 0x21 or c == 0x3C or c == 0x3E)) or
    (c == 0x26 and d == 0x26) or
    (c == 0x7C and d == 0x7C)
end

local function tokenize(text, keywords)
  local counts = { 0, 0, 0, 0, 0, 0 }
  local identifierHash, numberSum, stringChars, operatorHash = 0, 0, 0, 0
  local n = #text
  local pos = 1
  while pos <= n do
    local c = byte(text, pos)
    if c == 0x20 or c == 0x0A or c == 0x09 or c == 0x0D then
      pos = pos + 1
    elseif isLetter(c) then
      local start = pos
      pos = pos + 1
      while pos <= n do
        local d = byte(text, pos)
        if not isLetter(d) and not isDigit(d) then break end
        pos = pos + 1
      end
      local word = sub(text, start, pos - 1)
      if keywords[word] then
        counts[KIND_KEYWORD] = counts[KIND_KEYWORD] + 1
      else
        counts[KIND_IDENTIFIER] = counts[KIND_IDENTIFIER] + 1
        identifierHash = (identifierHash * 31 + #word * 7 + c) % 1000000007
      end
    elseif isDigit(c) then
      local value = 0
      while pos <= n do
        local d = byte(text, pos)
        if not isDigit(d) then break end
        value = value * 10 + (d - 0x30)
        pos = pos + 1
      end
      counts[KIND_NUMBER] = counts[KIND_NUMBER] + 1
      numberSum = (numberSum + value) % 1000000007
    elseif c == 0x22 then
      pos = pos + 1
      local length = 0
      while true do
        local d = byte(text, pos)
        if d == 0x22 then break end
        if d == 0x5C then pos = pos + 1 end
        pos = pos + 1
        length = length + 1
      end
      pos = pos + 1
      counts[KIND_STRING] = counts[KIND_STRING] + 1
      stringChars = stringChars + length
    elseif c == 0x2F and pos + 1 <= n and byte(text, pos + 1) == 0x2F then
      while pos <= n and byte(text, pos) ~= 0x0A do pos = pos + 1 end
      counts[KIND_COMMENT] = counts[KIND_COMMENT] + 1
    elseif c == 0x2F and pos + 1 <= n and byte(text, pos + 1) == 0x2A then
      pos = pos + 2
      while not (byte(text, pos) == 0x2A and byte(text, pos + 1) == 0x2F) do pos = pos + 1 end
      pos = pos + 2
      counts[KIND_COMMENT] = counts[KIND_COMMENT] + 1
    else
      local op = c
      if pos + 1 <= n and isPair(c, byte(text, pos + 1)) then
        op = c * 256 + byte(text, pos + 1)
        pos = pos + 2
      else
        pos = pos + 1
      end
      counts[KIND_OPERATOR] = counts[KIND_OPERATOR] + 1
      operatorHash = (operatorHash * 31 + op) % 1000000007
    end
  end
  local sum = 0
  for k = 1, 6 do sum = (sum * 1000 + counts[k]) % 1000000007 end
  return (sum + identifierHash + numberSum + stringChars + operatorHash) % 1000000007
end

local lines = tonumber(arg and arg[1]) or 60000
local text = generate(lines)
local keywords = {}
for i = 1, 10 do keywords[WORDS[i]] = true end
local checksum = 0
for _ = 1, 5 do
  checksum = (checksum + tokenize(text, keywords)) % 1000000007
end
io.write(string.format("tokenizer %d %d %d\n", lines, #text, checksum))
