'use strict';
// Closures and higher-order code: function values built by composition, currying and
// capture of mutable locals, passed to hand-written map/filter/fold and to a merge
// sort that takes its comparison as a closure (the same sort in every language).

const compose = (f, g) => (x) => f(g(x));
const adder = (n) => (x) => x + n;
const multiplier = (n) => (x) => x * n % 1000003;

function makeCounter() {
  let count = 0;
  return () => {
    count++;
    return count;
  };
}

function mapList(xs, f) {
  const result = new Array(xs.length).fill(0);
  for (let i = 0; i < xs.length; i++) result[i] = f(xs[i]);
  return result;
}

function filterList(xs, keep) {
  const result = [];
  for (let i = 0; i < xs.length; i++) {
    if (keep(xs[i])) result.push(xs[i]);
  }
  return result;
}

function fold(xs, initial, combine) {
  let acc = initial;
  for (let i = 0; i < xs.length; i++) acc = combine(acc, xs[i]);
  return acc;
}

// Top-down merge sort of xs[lo, hi) using tmp as scratch space.
function mergeSort(xs, tmp, lo, hi, compare) {
  if (hi - lo < 2) return;
  const mid = Math.floor((lo + hi) / 2);
  mergeSort(xs, tmp, lo, mid, compare);
  mergeSort(xs, tmp, mid, hi, compare);
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) {
    if (compare(xs[i], xs[j]) <= 0) {
      tmp[k++] = xs[i++];
    } else {
      tmp[k++] = xs[j++];
    }
  }
  while (i < mid) tmp[k++] = xs[i++];
  while (j < hi) tmp[k++] = xs[j++];
  for (let m = lo; m < hi; m++) xs[m] = tmp[m];
}

function runRound(round) {
  const base = Array.from({ length: 2000 }, (_, i) => (i * 7919 + round) % 10007);
  const f = compose(adder(round % 13), multiplier(3));
  const mapped = mapList(base, f);
  const divisor = 3 + round % 4;
  const filtered = filterList(mapped, (x) => x % divisor !== 0);
  const comparisons = makeCounter();
  const tmp = new Array(filtered.length).fill(0);
  mergeSort(filtered, tmp, 0, filtered.length, (a, b) => {
    comparisons();
    return a - b;
  });
  const hash = fold(filtered, 0, (acc, x) => (acc * 31 + x) % 1000000007);
  return (hash + comparisons()) % 1000000007;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 1000;
let checksum = 0;
for (let round = 0; round < n; round++) checksum = (checksum + runRound(round)) % 1000000007;
console.log(`closures ${n} ${checksum}`);
