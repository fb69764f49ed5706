import 'cycle_b.dart';
export 'cycle_b.dart' show pong;

int ping(int n) => n <= 0 ? 0 : pong(n - 1) + 1;
