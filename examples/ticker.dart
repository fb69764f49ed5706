// A long-running program to try hot reload on (see README: "Try it: hot reload").
//
//   dartrs run --debug examples/ticker.dart
//
// Every half second it records a tick and prints a status line. While it runs, edit
// `describe` below (say, change 'tick' to 'TICK' or print the average) and save: the next
// line comes from the new code, and the count goes on from where it was. `r` reloads by
// hand, `R` restarts from `main`, `q` quits.

import 'dart:async';

class Stats {
  int ticks = 0;
  int total = 0;

  void record(int value) {
    ticks++;
    total += value;
  }

  String describe() => 'tick $ticks (total $total)';
}

final stats = Stats();

void main() {
  print('ticker: edit describe() in examples/ticker.dart and save');
  Timer.periodic(const Duration(milliseconds: 500), (_) {
    stats.record(stats.ticks % 7);
    print(stats.describe());
  });
}
