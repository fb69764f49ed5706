// User-defined exception and error classes, exception hierarchies caught by
// their supertype, and exceptions carrying data.

class BankException implements Exception {
  final String message;
  BankException(this.message);
  @override
  String toString() => 'BankException: $message';
}

class InsufficientFunds extends BankException {
  final int needed;
  InsufficientFunds(this.needed) : super('insufficient funds');
  @override
  String toString() => '${super.toString()} (need $needed more)';
}

class AccountLocked extends BankException {
  AccountLocked(String id) : super('account $id is locked');
}

class InvariantError extends Error {
  final String detail;
  InvariantError(this.detail);
  @override
  String toString() => 'InvariantError: $detail';
}

class NoToString implements Exception {}

class Account {
  final String id;
  int balance;
  bool locked = false;
  Account(this.id, this.balance);

  void withdraw(int amount) {
    if (locked) throw AccountLocked(id);
    if (amount > balance) throw InsufficientFunds(amount - balance);
    balance -= amount;
    if (balance < 0) throw InvariantError('negative balance');
  }
}

void main() {
  var acct = Account('A-1', 100);
  for (var amount in [30, 100, 50]) {
    try {
      acct.withdraw(amount);
      print('withdrew $amount, balance ${acct.balance}');
    } on InsufficientFunds catch (e) {
      print('caught: $e; needed=${e.needed}');
    }
  }

  acct.locked = true;
  try {
    acct.withdraw(1);
  } on BankException catch (e) {
    print('caught as BankException: $e');
    print('is AccountLocked: ${e is AccountLocked}');
    print('message: ${e.message}');
  }

  try {
    throw InvariantError('forced');
  } on Exception {
    print('wrong handler');
  } on Error catch (e) {
    print('caught error: $e');
  }

  try {
    throw NoToString();
  } catch (e) {
    print(e);
    print(e is Exception);
  }

  var failures = <BankException>[];
  var accounts = [Account('B', 10), Account('C', 500), Account('D', 0)];
  accounts[2].locked = true;
  for (var a in accounts) {
    try {
      a.withdraw(20);
    } on BankException catch (e) {
      failures.add(e);
    }
  }
  print(failures.length);
  for (var f in failures) {
    print(f.runtimeType == InsufficientFunds ? 'funds' : 'locked');
  }
  print(accounts.map((a) => a.balance).toList());
}
