// Spectral norm of an infinite matrix (the Computer Language Benchmarks Game
// algorithm): nested loops of double arithmetic over lists.

import 'dart:math' as math;

double a(int i, int j) {
  return 1.0 / (((i + j) * (i + j + 1) >> 1) + i + 1);
}

void multiplyAv(int n, List<double> v, List<double> av) {
  for (int i = 0; i < n; i++) {
    double sum = 0.0;
    for (int j = 0; j < n; j++) {
      sum += a(i, j) * v[j];
    }
    av[i] = sum;
  }
}

void multiplyAtv(int n, List<double> v, List<double> atv) {
  for (int i = 0; i < n; i++) {
    double sum = 0.0;
    for (int j = 0; j < n; j++) {
      sum += a(j, i) * v[j];
    }
    atv[i] = sum;
  }
}

void multiplyAtAv(int n, List<double> v, List<double> out, List<double> tmp) {
  multiplyAv(n, v, tmp);
  multiplyAtv(n, tmp, out);
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 1500;
  final u = List<double>.filled(n, 1.0);
  final v = List<double>.filled(n, 0.0);
  final tmp = List<double>.filled(n, 0.0);
  for (int i = 0; i < 10; i++) {
    multiplyAtAv(n, u, v, tmp);
    multiplyAtAv(n, v, u, tmp);
  }
  double vBv = 0.0, vv = 0.0;
  for (int i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  print('spectralnorm $n ${math.sqrt(vBv / vv).toStringAsFixed(9)}');
}
