'use strict';
// Collections: hash maps and sets under insertion, lookup, update, removal and
// iteration: Map counting, Set intersection, string-keyed word counts. Every checksum
// is order-independent (sums and sizes), so languages whose tables iterate in a
// different order agree.

class Rng {
  constructor(seed) { this.seed = seed; }
  next() {
    this.seed = this.seed * 16807 % 2147483647;
    return this.seed;
  }
}

function round(rng) {
  const counts = new Map();
  for (let i = 0; i < 20000; i++) {
    const k = rng.next() % 5000;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }

  const a = new Set();
  const b = new Set();
  for (let i = 0; i < 10000; i++) {
    a.add(rng.next() % 20000);
    b.add(rng.next() % 20000);
  }
  let common = 0;
  for (const x of a) {
    if (b.has(x)) common++;
  }
  for (let x = 0; x < 20000; x += 2) b.delete(x);

  for (let k = 0; k < 5000; k += 3) counts.delete(k);
  let valueSum = 0;
  let keySum = 0;
  for (const key of counts.keys()) {
    keySum += key;
    valueSum += counts.get(key);
  }

  const words = new Map();
  for (let i = 0; i < 10000; i++) {
    const w = `w${rng.next() % 2000}`;
    words.set(w, (words.get(w) ?? 0) + i % 7);
  }
  let wordSum = 0;
  words.forEach((value, key) => {
    wordSum += value * key.length;
  });
  let hits = 0;
  for (let i = 0; i < 2000; i += 7) {
    if (words.has(`w${i}`)) hits++;
  }

  return counts.size + valueSum + keySum + a.size + b.size + common + words.size + wordSum + hits;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 100;
const rng = new Rng(42);
let checksum = 0;
for (let i = 0; i < n; i++) checksum = (checksum + round(rng)) % 1000000007;
console.log(`collections ${n} ${checksum}`);
