// Closures capturing and mutating variables: independent counters,
// shared state between several closures, and memoization.

int Function() makeCounter([int start = 0]) {
  var count = start;
  return () => ++count;
}

class Account {
  final void Function(int) deposit;
  final bool Function(int) withdraw;
  final int Function() balance;
  Account(this.deposit, this.withdraw, this.balance);
}

Account openAccount(int initial) {
  var balance = initial;
  return Account(
    (amount) {
      balance += amount;
    },
    (amount) {
      if (amount > balance) return false;
      balance -= amount;
      return true;
    },
    () => balance,
  );
}

int Function(int) memoize(int Function(int) f, List<String> log) {
  var cache = <int, int>{};
  return (n) {
    if (cache.containsKey(n)) {
      log.add('hit $n');
      return cache[n]!;
    }
    log.add('miss $n');
    var v = f(n);
    cache[n] = v;
    return v;
  };
}

void main() {
  var c1 = makeCounter();
  var c2 = makeCounter(100);
  print(c1());
  print(c1());
  print(c2());
  print(c1());
  print(c2());

  var acct = openAccount(50);
  acct.deposit(25);
  print(acct.withdraw(100));
  print(acct.withdraw(30));
  print(acct.balance());

  var log = <String>[];
  var slowSquare = memoize((n) => n * n, log);
  print(slowSquare(4));
  print(slowSquare(5));
  print(slowSquare(4));
  print(log);

  var x = 1;
  void bump() {
    x *= 3;
  }

  bump();
  bump();
  print(x);
  x = 10;
  bump();
  print(x);

  var adders = <int Function(int)>[];
  for (var step in [1, 10, 100]) {
    adders.add((v) => v + step);
  }
  var value = 0;
  for (var add in adders) {
    value = add(value);
  }
  print(value);
}
