import 'cycle_a.dart';

int pong(int n) => n <= 0 ? 0 : ping(n - 1) + 1;
