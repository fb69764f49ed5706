'use strict';
// Dense matrix multiply, C = A * B, with B transposed first so the inner loop walks
// both operands in order. Matrices are flat row-major plain arrays of doubles.

function makeMatrix(n, seed) {
  const m = new Array(n * n).fill(0.0);
  const tmp = seed / n / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m[i * n + j] = tmp * (i - j) * (i + j);
  }
  return m;
}

function multiply(n, a, b) {
  const bt = new Array(n * n).fill(0.0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) bt[j * n + i] = b[i * n + j];
  }
  const c = new Array(n * n).fill(0.0);
  for (let i = 0; i < n; i++) {
    const rowA = i * n;
    for (let j = 0; j < n; j++) {
      const rowB = j * n;
      let sum = 0.0;
      for (let k = 0; k < n; k++) sum += a[rowA + k] * bt[rowB + k];
      c[rowA + j] = sum;
    }
  }
  return c;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 500;
const a = makeMatrix(n, 1.0);
const b = makeMatrix(n, 2.0);
const c = multiply(n, a, b);
let trace = 0.0;
for (let i = 0; i < n; i++) trace += c[i * n + i];
const mid = Math.floor(n / 2);
console.log(`matmul ${n} ${c[mid * n + mid].toFixed(6)} ${trace.toFixed(6)}`);
