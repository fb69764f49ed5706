// Dense matrix multiply, C = A * B, with B transposed first so the inner loop walks
// both operands in order. Matrices are flat row-major List<double> (growable-list
// storage for now; a Float64List variant belongs with typed_data support).

List<double> makeMatrix(int n, double seed) {
  final m = List<double>.filled(n * n, 0.0);
  final tmp = seed / n / n;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      m[i * n + j] = tmp * (i - j) * (i + j);
    }
  }
  return m;
}

List<double> multiply(int n, List<double> a, List<double> b) {
  final bt = List<double>.filled(n * n, 0.0);
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      bt[j * n + i] = b[i * n + j];
    }
  }
  final c = List<double>.filled(n * n, 0.0);
  for (int i = 0; i < n; i++) {
    final rowA = i * n;
    for (int j = 0; j < n; j++) {
      final rowB = j * n;
      double sum = 0.0;
      for (int k = 0; k < n; k++) {
        sum += a[rowA + k] * bt[rowB + k];
      }
      c[rowA + j] = sum;
    }
  }
  return c;
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 500;
  final a = makeMatrix(n, 1.0);
  final b = makeMatrix(n, 2.0);
  final c = multiply(n, a, b);
  double trace = 0.0;
  for (int i = 0; i < n; i++) {
    trace += c[i * n + i];
  }
  final mid = n ~/ 2;
  print('matmul $n ${c[mid * n + mid].toStringAsFixed(6)} ${trace.toStringAsFixed(6)}');
}
