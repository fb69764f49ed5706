'use strict';
// Fannkuch-redux (the Computer Language Benchmarks Game algorithm): permutations of a
// small int array, counting pancake flips.

function main(n) {
  const perm = new Array(n).fill(0);
  const perm1 = [];
  for (let i = 0; i < n; i++) perm1.push(i);
  const count = new Array(n).fill(0);
  let maxFlips = 0;
  let checksum = 0;
  let permCount = 0;
  let r = n;
  while (true) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }
    for (let i = 0; i < n; i++) perm[i] = perm1[i];
    let flips = 0;
    let k = perm[0];
    while (k !== 0) {
      let i = 0;
      let j = k;
      while (i < j) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        i++;
        j--;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 === 0 ? flips : -flips;

    // Next permutation in the order of the original algorithm.
    while (true) {
      if (r === n) {
        console.log(`fannkuch ${n} ${checksum} ${maxFlips}`);
        return;
      }
      const perm0 = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = perm0;
      count[r] = count[r] - 1;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}

main(process.argv.length > 2 ? parseInt(process.argv[2], 10) : 10);
