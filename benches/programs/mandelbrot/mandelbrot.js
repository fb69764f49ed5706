'use strict';
// Mandelbrot set bitmap (the Computer Language Benchmarks Game algorithm). Instead of
// writing the PBM image, the packed bitmap bytes are folded into a checksum.

function mandelbrot(n) {
  let checksum = 0;
  for (let y = 0; y < n; y++) {
    let bits = 0;
    let bitCount = 0;
    const ci = 2.0 * y / n - 1.0;
    for (let x = 0; x < n; x++) {
      const cr = 2.0 * x / n - 1.5;
      let zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
      let i = 0;
      while (i < 50 && tr + ti <= 4.0) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        i++;
      }
      bits = bits << 1;
      if (tr + ti <= 4.0) bits = bits | 1;
      bitCount++;
      if (bitCount === 8) {
        checksum = (checksum * 31 + bits) % 1000000007;
        bits = 0;
        bitCount = 0;
      }
    }
    if (bitCount > 0) {
      bits = bits << (8 - bitCount);
      checksum = (checksum * 31 + bits) % 1000000007;
    }
  }
  return checksum;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 2000;
console.log(`mandelbrot ${n} ${mandelbrot(n)}`);
