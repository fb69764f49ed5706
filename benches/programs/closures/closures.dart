// Closures and higher-order code: function values built by composition, currying and
// capture of mutable locals, passed to hand-written map/filter/fold and to a merge
// sort that takes its comparison as a closure (the same sort in every language).

typedef IntFn = int Function(int);
typedef IntPred = bool Function(int);
typedef IntOp = int Function(int, int);

IntFn compose(IntFn f, IntFn g) => (int x) => f(g(x));
IntFn adder(int n) => (int x) => x + n;
IntFn multiplier(int n) => (int x) => x * n % 1000003;

int Function() makeCounter() {
  int count = 0;
  return () {
    count++;
    return count;
  };
}

List<int> mapList(List<int> xs, IntFn f) {
  final result = List<int>.filled(xs.length, 0);
  for (int i = 0; i < xs.length; i++) {
    result[i] = f(xs[i]);
  }
  return result;
}

List<int> filterList(List<int> xs, IntPred keep) {
  final result = <int>[];
  for (int i = 0; i < xs.length; i++) {
    if (keep(xs[i])) result.add(xs[i]);
  }
  return result;
}

int fold(List<int> xs, int initial, IntOp combine) {
  int acc = initial;
  for (int i = 0; i < xs.length; i++) {
    acc = combine(acc, xs[i]);
  }
  return acc;
}

/// Top-down merge sort of xs[lo, hi) using tmp as scratch space.
void mergeSort(List<int> xs, List<int> tmp, int lo, int hi, IntOp compare) {
  if (hi - lo < 2) return;
  final mid = (lo + hi) ~/ 2;
  mergeSort(xs, tmp, lo, mid, compare);
  mergeSort(xs, tmp, mid, hi, compare);
  int i = lo;
  int j = mid;
  int k = lo;
  while (i < mid && j < hi) {
    if (compare(xs[i], xs[j]) <= 0) {
      tmp[k++] = xs[i++];
    } else {
      tmp[k++] = xs[j++];
    }
  }
  while (i < mid) {
    tmp[k++] = xs[i++];
  }
  while (j < hi) {
    tmp[k++] = xs[j++];
  }
  for (int m = lo; m < hi; m++) {
    xs[m] = tmp[m];
  }
}

int runRound(int round) {
  final base = List<int>.generate(2000, (int i) => (i * 7919 + round) % 10007);
  final f = compose(adder(round % 13), multiplier(3));
  final mapped = mapList(base, f);
  final divisor = 3 + round % 4;
  final filtered = filterList(mapped, (int x) => x % divisor != 0);
  final comparisons = makeCounter();
  final tmp = List<int>.filled(filtered.length, 0);
  mergeSort(filtered, tmp, 0, filtered.length, (int a, int b) {
    comparisons();
    return a - b;
  });
  final hash = fold(filtered, 0, (int acc, int x) => (acc * 31 + x) % 1000000007);
  return (hash + comparisons()) % 1000000007;
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 1000;
  int checksum = 0;
  for (int round = 0; round < n; round++) {
    checksum = (checksum + runRound(round)) % 1000000007;
  }
  print('closures $n $checksum');
}
