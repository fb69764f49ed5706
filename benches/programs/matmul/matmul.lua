-- Dense matrix multiply, C = A * B, with B transposed first so the inner loop walks
-- both operands in order. Matrices are flat row-major tables indexed from 0.

local function makeMatrix(n, seed)
  local m = {}
  local tmp = seed / n / n
  for i = 0, n - 1 do
    for j = 0, n - 1 do m[i * n + j] = tmp * (i - j) * (i + j) end
  end
  return m
end

local function multiply(n, a, b)
  local bt = {}
  for i = 0, n - 1 do
    for j = 0, n - 1 do bt[j * n + i] = b[i * n + j] end
  end
  local c = {}
  for i = 0, n - 1 do
    local rowA = i * n
    for j = 0, n - 1 do
      local rowB = j * n
      local sum = 0.0
      for k = 0, n - 1 do sum = sum + a[rowA + k] * bt[rowB + k] end
      c[rowA + j] = sum
    end
  end
  return c
end

local n = tonumber(arg and arg[1]) or 500
local a = makeMatrix(n, 1.0)
local b = makeMatrix(n, 2.0)
local c = multiply(n, a, b)
local trace = 0.0
for i = 0, n - 1 do trace = trace + c[i * n + i] end
local mid = math.floor(n / 2)
io.write(string.format("matmul %d %.6f %.6f\n", n, c[mid * n + mid], trace))
