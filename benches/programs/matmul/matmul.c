/* Dense matrix multiply, C = A * B, with B transposed first so the inner loop walks
 * both operands in order. Matrices are flat row-major double arrays. */
#include <stdio.h>
#include <stdlib.h>

static double *makeMatrix(long n, double seed) {
  double *m = malloc(n * n * sizeof(double));
  double tmp = seed / n / n;
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) m[i * n + j] = tmp * (double)(i - j) * (double)(i + j);
  return m;
}

static double *multiply(long n, const double *a, const double *b) {
  double *bt = malloc(n * n * sizeof(double));
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) bt[j * n + i] = b[i * n + j];
  double *c = malloc(n * n * sizeof(double));
  for (long i = 0; i < n; i++) {
    long rowA = i * n;
    for (long j = 0; j < n; j++) {
      long rowB = j * n;
      double sum = 0.0;
      for (long k = 0; k < n; k++) sum += a[rowA + k] * bt[rowB + k];
      c[rowA + j] = sum;
    }
  }
  free(bt);
  return c;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 500;
  double *a = makeMatrix(n, 1.0);
  double *b = makeMatrix(n, 2.0);
  double *c = multiply(n, a, b);
  double trace = 0.0;
  for (long i = 0; i < n; i++) trace += c[i * n + i];
  long mid = n / 2;
  printf("matmul %ld %.6f %.6f\n", n, c[mid * n + mid], trace);
  free(a);
  free(b);
  free(c);
  return 0;
}
