// Extension types with operators, `implements` of other extension types (whose
// members they inherit) and of the representation's supertypes, and static members.

extension type const Money(int cents) {
  static const zero = Money(0);
  Money operator +(Money other) => Money(cents + other.cents);
  Money operator -(Money other) => Money(cents - other.cents);
  Money operator *(int factor) => Money(cents * factor);
  Money operator -() => Money(-cents);
  bool operator >(Money other) => cents > other.cents;
  String get text {
    final sign = cents < 0 ? '-' : '';
    final abs = cents.abs();
    return '$sign\$${abs ~/ 100}.${(abs % 100).toString().padLeft(2, '0')}';
  }
}

extension type Price(Money amount) implements Money {
  Price.euros(int e) : this(Money(e * 100));
  Price withTax() => Price(Money(amount.cents * 12 ~/ 10));
}

extension type Temperature(double celsius) implements double {
  double get fahrenheit => celsius * 9 / 5 + 32;
}

extension type Grid(List<List<int>> rows) {
  int operator [](int i) => rows[i ~/ 10][i % 10];
  void operator []=(int i, int v) => rows[i ~/ 10][i % 10] = v;
  int get size => rows.length;
}

void main() {
  var total = Money.zero;
  total += Money(250);
  total = total + Money(199) * 2;
  print(total.text);
  print((-total).text);
  print((total - Money(1000)).text);
  print(total > Money(600));

  final p = Price.euros(5);
  print(p.text); // inherited from Money
  print(p.cents); // Money's representation getter
  print(p.amount.cents);
  print((p + Money(50)).text); // Money's operator, a Money result
  print(p.withTax().text);
  Money asMoney = p.withTax();
  print(asMoney.text);

  final t = Temperature(21.5);
  print(t.fahrenheit);
  print(t + 1); // double's own operator
  print(t.round());
  print(t.isNegative);

  final g = Grid([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  print(g[11]);
  g[12] = 60;
  g[0] += 100;
  print(g.rows);
  print(g.size);
  membersStayOnTheirType();
}

// Members of an extension type apply to that type only, never to values of its
// representation type.
extension type Shout(String s) {
  String get length => 'LOUD';
  String call() => s.toUpperCase();
}

extension type Whisper(String s) {
  String call() => s.toLowerCase();
}

void membersStayOnTheirType() {
  const text = 'Hello';
  print(text.length);
  print(Shout(text).length);
  print(Shout(text).s.length);
  print(Shout(text)());
  print(Whisper(text)());
  String Function() f = Whisper(text);
  print(f());
}
