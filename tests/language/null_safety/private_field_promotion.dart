// Dart 3.2 promotes private final fields after a test, through `this` or any other
// receiver of the same library: these reads compile and run.

class Account {
  final String? _owner;
  final num _balance;
  Account(this._owner, this._balance);

  String describe() {
    if (_owner != null && _balance is int) {
      return '${_owner.toUpperCase()} has ${_balance.isEven ? 'an even' : 'an odd'} balance';
    }
    if (this._owner == null) return 'nobody';
    return '${this._owner.length} letters, fractional balance';
  }
}

String audit(Account a) {
  if (a._owner == null) return 'unowned';
  return a._owner.trim();
}

void main() {
  print(Account('ada', 4).describe());
  print(Account('bob', 3).describe());
  print(Account(null, 1).describe());
  print(Account('cyd', 2.5).describe());
  print(audit(Account(' eve ', 0)));
  print(audit(Account(null, 0)));
}
