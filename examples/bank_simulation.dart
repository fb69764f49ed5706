// A deterministic bank simulation: accounts with different rules, random
// transactions driven by a hand-written linear congruential generator,
// failed operations reported through exceptions, and monthly statements.
// All money is kept in integer cents.

class Lcg {
  int _state;
  Lcg(this._state);

  int next(int bound) {
    _state = (_state * 1103515245 + 12345) % 2147483648;
    return (_state >> 8) % bound;
  }
}

String money(int cents) {
  var sign = cents < 0 ? '-' : '';
  var abs = cents.abs();
  var dollars = abs ~/ 100;
  var rest = (abs % 100).toString().padLeft(2, '0');
  return '$sign\$$dollars.$rest';
}

class BankError implements Exception {
  final String reason;
  BankError(this.reason);
  @override
  String toString() => reason;
}

abstract class Account {
  final String id;
  final String owner;
  int balance = 0;
  int operations = 0;

  Account(this.id, this.owner, int opening) {
    balance = opening;
  }

  String get kind;
  int get available => balance;

  void deposit(int cents) {
    if (cents <= 0) throw BankError('invalid amount ${money(cents)}');
    balance += cents;
    operations++;
  }

  void withdraw(int cents) {
    if (cents > available) {
      throw BankError('$id cannot cover ${money(cents)}');
    }
    balance -= cents;
    operations++;
  }

  /// Applies the monthly rule and returns a description of what happened.
  String monthEnd();

  @override
  String toString() => '$kind $id ($owner): ${money(balance)}';
}

class Checking extends Account {
  final int overdraft;
  Checking(String id, String owner, int opening, this.overdraft)
      : super(id, owner, opening);

  @override
  String get kind => 'checking';

  @override
  int get available => balance + overdraft;

  @override
  String monthEnd() {
    var fee = operations > 4 ? 0 : 500;
    if (balance < 0) fee += 2500;
    balance -= fee;
    operations = 0;
    return fee == 0 ? 'no fee' : 'fee ${money(fee)}';
  }
}

class Savings extends Account {
  final int rateBasisPoints;
  int withdrawalsThisMonth = 0;
  Savings(String id, String owner, int opening, this.rateBasisPoints)
      : super(id, owner, opening);

  @override
  String get kind => 'savings';

  @override
  void withdraw(int cents) {
    if (withdrawalsThisMonth == 2) {
      throw BankError('$id reached its withdrawal limit');
    }
    super.withdraw(cents);
    withdrawalsThisMonth++;
  }

  @override
  String monthEnd() {
    var interest = balance * rateBasisPoints ~/ 10000;
    balance += interest;
    withdrawalsThisMonth = 0;
    operations = 0;
    return 'interest ${money(interest)}';
  }
}

class Bank {
  final List<Account> accounts = [];
  final List<String> failures = [];
  int moved = 0;

  void transfer(Account from, Account to, int cents) {
    if (identical(from, to)) throw BankError('${from.id} cannot pay itself');
    from.withdraw(cents);
    to.deposit(cents);
    moved += cents;
  }

  void run(Lcg rng, int month) {
    for (var step = 0; step < 10; step++) {
      var a = accounts[rng.next(accounts.length)];
      var b = accounts[rng.next(accounts.length)];
      var amount = (rng.next(1500) + 1) * 100;
      var action = rng.next(3);
      try {
        if (action == 0) {
          a.deposit(amount);
        } else if (action == 1) {
          a.withdraw(amount);
        } else {
          transfer(a, b, amount);
        }
      } on BankError catch (e) {
        failures.add('month $month: $e');
      }
    }
  }
}

void main() {
  var bank = Bank();
  bank.accounts.addAll([
    Checking('C-1', 'Ada', 120000, 50000),
    Savings('S-1', 'Ada', 500000, 40),
    Checking('C-2', 'Bo', 30000, 0),
    Savings('S-2', 'Cy', 80000, 75),
  ]);
  var rng = Lcg(7);
  for (var month = 1; month <= 4; month++) {
    bank.run(rng, month);
    print('== month $month ==');
    for (var acct in bank.accounts) {
      var note = acct.monthEnd();
      print('  ${acct.id.padRight(4)} ${money(acct.balance).padLeft(11)}  $note');
    }
  }
  print('failed operations: ${bank.failures.length}');
  for (var f in bank.failures) {
    print('  $f');
  }
  print('total moved by transfers: ${money(bank.moved)}');
  var total = bank.accounts.fold(0, (sum, a) => sum + a.balance);
  print('bank holds ${money(total)}');
  var richest = bank.accounts.reduce((x, y) => x.balance >= y.balance ? x : y);
  print('largest account: $richest');
}
