// Labeled break and continue across nested loops, and breaking out of a
// labeled block.

void main() {
  var grid = [
    [1, 2, 3],
    [4, 42, 6],
    [7, 8, 9],
  ];

  var foundAt = 'nowhere';
  outer:
  for (var r = 0; r < grid.length; r++) {
    for (var c = 0; c < grid[r].length; c++) {
      if (grid[r][c] == 42) {
        foundAt = '($r, $c)';
        break outer;
      }
      print('checked ${grid[r][c]}');
    }
  }
  print('found 42 at $foundAt');

  var pairs = <String>[];
  rows:
  for (var i = 1; i <= 4; i++) {
    for (var j = 1; j <= 4; j++) {
      if (j > i) continue rows;
      if ((i + j) % 3 == 0) continue;
      pairs.add('$i$j');
    }
  }
  print(pairs.join(' '));

  var primes = <int>[];
  candidates:
  for (var n = 2; primes.length < 10; n++) {
    for (var p in primes) {
      if (p * p > n) break;
      if (n % p == 0) continue candidates;
    }
    primes.add(n);
  }
  print(primes);

  var log = <String>[];
  block:
  {
    log.add('first');
    if (log.length == 1) break block;
    log.add('never');
  }
  log.add('after block');
  print(log);

  var count = 0;
  loop:
  while (true) {
    count++;
    switch (count) {
      case 3:
        break loop;
      default:
        print('iteration $count');
    }
  }
  print('left loop at $count');
}
