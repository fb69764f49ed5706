/* Fannkuch-redux (the Computer Language Benchmarks Game algorithm): permutations of a
 * small int array, counting pancake flips. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10;
  int *perm = calloc(n + 1, sizeof(int));
  int *perm1 = calloc(n + 1, sizeof(int));
  int *count = calloc(n + 1, sizeof(int));
  for (int i = 0; i < n; i++) perm1[i] = i;
  long maxFlips = 0, checksum = 0, permCount = 0;
  int r = n;
  for (;;) {
    while (r != 1) {
      count[r - 1] = r;
      r--;
    }
    for (int i = 0; i < n; i++) perm[i] = perm1[i];
    long flips = 0;
    int k = perm[0];
    while (k != 0) {
      int i = 0, j = k;
      while (i < j) {
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        i++;
        j--;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 == 0 ? flips : -flips;

    /* Next permutation in the order of the original algorithm. */
    for (;;) {
      if (r == n) {
        printf("fannkuch %d %ld %ld\n", n, checksum, maxFlips);
        free(perm);
        free(perm1);
        free(count);
        return 0;
      }
      int perm0 = perm1[0];
      for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = perm0;
      count[r] = count[r] - 1;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}
