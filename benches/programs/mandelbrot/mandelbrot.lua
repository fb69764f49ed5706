-- Mandelbrot set bitmap (the Computer Language Benchmarks Game algorithm). Instead of
-- writing the PBM image, the packed bitmap bytes are folded into a checksum.

local function mandelbrot(n)
  local checksum = 0
  for y = 0, n - 1 do
    local bits = 0
    local bitCount = 0
    local ci = 2.0 * y / n - 1.0
    for x = 0, n - 1 do
      local cr = 2.0 * x / n - 1.5
      local zr, zi, tr, ti = 0.0, 0.0, 0.0, 0.0
      local i = 0
      while i < 50 and tr + ti <= 4.0 do
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        i = i + 1
      end
      bits = bits * 2
      if tr + ti <= 4.0 then bits = bits + 1 end
      bitCount = bitCount + 1
      if bitCount == 8 then
        checksum = (checksum * 31 + bits) % 1000000007
        bits = 0
        bitCount = 0
      end
    end
    if bitCount > 0 then
      for _ = bitCount, 7 do bits = bits * 2 end
      checksum = (checksum * 31 + bits) % 1000000007
    end
  end
  return checksum
end

local n = tonumber(arg and arg[1]) or 2000
io.write(string.format("mandelbrot %d %d\n", n, mandelbrot(n)))
