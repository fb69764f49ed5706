/* Mandelbrot set bitmap (the Computer Language Benchmarks Game algorithm). Instead of
 * writing the PBM image, the packed bitmap bytes are folded into a checksum. */
#include <stdio.h>
#include <stdlib.h>

static long mandelbrot(long n) {
  long checksum = 0;
  for (long y = 0; y < n; y++) {
    long bits = 0;
    int bitCount = 0;
    double ci = 2.0 * y / n - 1.0;
    for (long x = 0; x < n; x++) {
      double cr = 2.0 * x / n - 1.5;
      double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
      int i = 0;
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
      if (bitCount == 8) {
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

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000;
  printf("mandelbrot %ld %ld\n", n, mandelbrot(n));
  return 0;
}
