// Fannkuch-redux (the Computer Language Benchmarks Game algorithm): permutations of a
// small int list, counting pancake flips.

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 10;
  final perm = List<int>.filled(n, 0);
  final perm1 = List<int>.generate(n, (i) => i);
  final count = List<int>.filled(n, 0);
  int maxFlips = 0;
  int checksum = 0;
  int permCount = 0;
  int r = n;
  while (true) {
    while (r != 1) {
      count[r - 1] = r;
      r--;
    }
    for (int i = 0; i < n; i++) {
      perm[i] = perm1[i];
    }
    int flips = 0;
    int k = perm[0];
    while (k != 0) {
      int i = 0;
      int j = k;
      while (i < j) {
        final t = perm[i];
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

    // Next permutation in the order of the original algorithm.
    while (true) {
      if (r == n) {
        print('fannkuch $n $checksum $maxFlips');
        return;
      }
      final perm0 = perm1[0];
      for (int i = 0; i < r; i++) {
        perm1[i] = perm1[i + 1];
      }
      perm1[r] = perm0;
      count[r] = count[r] - 1;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}
