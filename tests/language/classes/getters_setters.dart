// Getters and setters: computed properties, validation in setters,
// private backing fields, and compound assignment through setters.

class Account {
  final String owner;
  int _cents = 0;
  final List<String> history = [];

  Account(this.owner);

  double get balance => _cents / 100;

  set balance(double value) {
    if (value < 0) {
      history.add('rejected ${value.toStringAsFixed(2)}');
      return;
    }
    _cents = (value * 100).round();
    history.add('set ${value.toStringAsFixed(2)}');
  }

  String get summary => '$owner has \$${balance.toStringAsFixed(2)}';
}

class Rectangle {
  double width;
  double height;
  Rectangle(this.width, this.height);

  double get area => width * height;
  double get perimeter => 2 * (width + height);

  double get aspect => width / height;
  set aspect(double ratio) {
    width = height * ratio;
  }
}

class Celsius {
  double _degrees = 0;
  int writes = 0;

  double get degrees => _degrees;
  set degrees(double d) {
    writes++;
    _degrees = d;
  }
}

void main() {
  var acct = Account('ann');
  acct.balance = 12.5;
  print(acct.summary);
  acct.balance = -3;
  print(acct.balance);
  acct.balance += 0.25;
  print(acct.summary);
  print(acct.history);

  var r = Rectangle(3, 4);
  print('area ${r.area} perimeter ${r.perimeter}');
  r.aspect = 2;
  print('width ${r.width} aspect ${r.aspect}');
  r.width *= 1.5;
  print(r.area);

  var t = Celsius();
  t.degrees = 20;
  t.degrees += 5;
  t.degrees -= 1.5;
  print('${t.degrees} after ${t.writes} writes');
}
