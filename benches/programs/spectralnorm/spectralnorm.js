'use strict';
// Spectral norm of an infinite matrix (the Computer Language Benchmarks Game
// algorithm): nested loops of double arithmetic over arrays.

function a(i, j) {
  return 1.0 / ((((i + j) * (i + j + 1)) >> 1) + i + 1);
}

function multiplyAv(n, v, av) {
  for (let i = 0; i < n; i++) {
    let sum = 0.0;
    for (let j = 0; j < n; j++) sum += a(i, j) * v[j];
    av[i] = sum;
  }
}

function multiplyAtv(n, v, atv) {
  for (let i = 0; i < n; i++) {
    let sum = 0.0;
    for (let j = 0; j < n; j++) sum += a(j, i) * v[j];
    atv[i] = sum;
  }
}

function multiplyAtAv(n, v, out, tmp) {
  multiplyAv(n, v, tmp);
  multiplyAtv(n, tmp, out);
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 1500;
const u = new Array(n).fill(1.0);
const v = new Array(n).fill(0.0);
const tmp = new Array(n).fill(0.0);
for (let i = 0; i < 10; i++) {
  multiplyAtAv(n, u, v, tmp);
  multiplyAtAv(n, v, u, tmp);
}
let vBv = 0.0, vv = 0.0;
for (let i = 0; i < n; i++) {
  vBv += u[i] * v[i];
  vv += v[i] * v[i];
}
console.log(`spectralnorm ${n} ${Math.sqrt(vBv / vv).toFixed(9)}`);
