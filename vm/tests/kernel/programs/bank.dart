import 'dart:math' as math;

class InsufficientFunds implements Exception {
  final int needed;
  InsufficientFunds(this.needed);
  @override
  String toString() => 'InsufficientFunds: need $needed more';
}

abstract class Account {
  static int _nextId = 1;
  final int id;
  final String owner;
  int _balance = 0;
  final List<String> history = [];

  Account(this.owner) : id = _nextId++;

  int get balance => _balance;

  void deposit(int amount) {
    if (amount <= 0) throw ArgumentError.value(amount, 'amount', 'must be positive');
    _balance += amount;
    history.add('deposit $amount');
  }

  void withdraw(int amount) {
    if (amount > _balance) throw InsufficientFunds(amount - _balance);
    _balance -= amount;
    history.add('withdraw $amount');
  }

  double interestRate();

  @override
  String toString() => '$runtimeType#$id($owner, $_balance)';
}

class Savings extends Account {
  Savings(super.owner);
  @override
  double interestRate() => 0.02;
}

class Checking extends Account {
  final int overdraft;
  Checking(String owner, {this.overdraft = 100}) : super(owner);
  @override
  double interestRate() => 0.0;
  @override
  void withdraw(int amount) {
    if (amount > balance + overdraft) {
      super.withdraw(amount);
    }
    _balance -= amount;
  }
}

class Bank {
  final Map<int, Account> _accounts = {};
  Account open(String owner, {bool savings = true}) {
    final a = savings ? Savings(owner) : Checking(owner);
    _accounts[a.id] = a;
    return a;
  }

  Account? find(int id) => _accounts[id];

  int get total => _accounts.values.fold(0, (sum, a) => sum + a.balance);

  List<Account> richest(int n) {
    final sorted = _accounts.values.toList()..sort((a, b) => b.balance.compareTo(a.balance));
    return sorted.take(n).toList();
  }
}

String pad(Object o, [int width = 8]) => o.toString().padLeft(width);

void main() {
  final bank = Bank();
  final alice = bank.open('alice');
  final bob = bank.open('bob', savings: false);
  alice.deposit(500);
  bob.deposit(50);
  try {
    alice.withdraw(1000);
  } on InsufficientFunds catch (e) {
    print(e);
  }
  try {
    alice.deposit(-1);
  } catch (e, st) {
    print('error: $e');
    print(st.toString().isNotEmpty);
  }
  bob.withdraw(120);
  final found = bank.find(alice.id);
  print(found?.balance ?? 0);
  print(bank.find(99)?.owner);
  print(bank.total);
  for (final a in bank.richest(2)) {
    print('${pad(a.owner)} ${pad(a.balance)} ${a.interestRate()}');
  }
  final words = 'the quick brown fox'.split(' ');
  final lengths = words.map((w) => w.length).toList();
  final longest = words.reduce((a, b) => a.length >= b.length ? a : b);
  print('$lengths $longest ${math.max(3, 7)} ${math.sqrt(2).toStringAsFixed(3)}');
  final counts = <String, int>{};
  for (final c in 'mississippi'.split('')) {
    counts[c] = (counts[c] ?? 0) + 1;
  }
  counts.forEach((k, v) => print('$k=$v'));
  final buffer = StringBuffer();
  for (var i = 0; i < 5; i++) {
    if (i.isEven) continue;
    buffer
      ..write(i)
      ..write(',');
  }
  print(buffer.toString());
  var fib = List<int>.filled(10, 0);
  fib[1] = 1;
  for (var i = 2; i < fib.length; i++) {
    fib[i] = fib[i - 1] + fib[i - 2];
  }
  print(fib.where((x) => x % 2 == 0).join(' '));
  final set = {...fib}..remove(0);
  print(set.length);
  int? maybe;
  maybe ??= 42;
  print(maybe.isEven);
  dynamic d = 'dyn';
  print(d.length);
  Object o = 3;
  if (o is int) print(o + 1);
  final sw = Stopwatch()..start();
  print(sw.elapsedMilliseconds >= 0);
  assert(fib.isNotEmpty, 'fib must not be empty');
}
