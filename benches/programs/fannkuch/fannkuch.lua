-- Fannkuch-redux (the Computer Language Benchmarks Game algorithm): permutations of a
-- small int array, counting pancake flips. Arrays are indexed from 0 as in the others.

local function main(n)
  local perm, perm1, count = {}, {}, {}
  for i = 0, n - 1 do perm[i] = 0; perm1[i] = i; count[i] = 0 end
  local maxFlips, checksum, permCount = 0, 0, 0
  local r = n
  while true do
    while r ~= 1 do
      count[r - 1] = r
      r = r - 1
    end
    for i = 0, n - 1 do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[0]
    while k ~= 0 do
      local i, j = 0, k
      while i < j do
        perm[i], perm[j] = perm[j], perm[i]
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[0]
    end
    if flips > maxFlips then maxFlips = flips end
    if permCount % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end

    -- Next permutation in the order of the original algorithm.
    while true do
      if r == n then
        io.write(string.format("fannkuch %d %d %d\n", n, checksum, maxFlips))
        return
      end
      local perm0 = perm1[0]
      for i = 0, r - 1 do perm1[i] = perm1[i + 1] end
      perm1[r] = perm0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    permCount = permCount + 1
  end
end

main(tonumber(arg and arg[1]) or 10)
