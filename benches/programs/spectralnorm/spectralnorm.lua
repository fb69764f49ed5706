-- Spectral norm of an infinite matrix (the Computer Language Benchmarks Game
-- algorithm): nested loops of double arithmetic over arrays.
-- Indices run from 0 as in the other versions so that A(i, j) is the same.

local function A(i, j)
  local ij = i + j
  return 1.0 / (ij * (ij + 1) / 2 + i + 1)
end

local function multiplyAv(n, v, av)
  for i = 0, n - 1 do
    local sum = 0.0
    for j = 0, n - 1 do sum = sum + A(i, j) * v[j] end
    av[i] = sum
  end
end

local function multiplyAtv(n, v, atv)
  for i = 0, n - 1 do
    local sum = 0.0
    for j = 0, n - 1 do sum = sum + A(j, i) * v[j] end
    atv[i] = sum
  end
end

local function multiplyAtAv(n, v, out, tmp)
  multiplyAv(n, v, tmp)
  multiplyAtv(n, tmp, out)
end

local n = tonumber(arg and arg[1]) or 1500
local u, v, tmp = {}, {}, {}
for i = 0, n - 1 do u[i] = 1.0; v[i] = 0.0; tmp[i] = 0.0 end
for _ = 1, 10 do
  multiplyAtAv(n, u, v, tmp)
  multiplyAtAv(n, v, u, tmp)
end
local vBv, vv = 0.0, 0.0
for i = 0, n - 1 do
  vBv = vBv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
io.write(string.format("spectralnorm %d %.9f\n", n, math.sqrt(vBv / vv)))
