// Constant expressions whose evaluation fails: the Dart front end rejects them at
// compile time ("Constant evaluation error:" with the reason as context).

class Money {
  final int cents;
  const Money(this.cents);
  Money operator +(Money other) => Money(cents + other.cents);
}

class Doubled {
  final Object value;
  const Doubled(dynamic v) : value = v + v;
}

const quotient = 7 ~/ 0;
const remainder = 7 % 0;
const shifted = 1 << -1;
const joined = "a" + 1;
const masked = 1.5 & 1;
const total = Money(1) + Money(2);
const negated = -"text";
const either = true || 0;
const count = 12.length;
const doubled = Doubled([1]);
const cast = 12345 as String;
const spread = [...(Money(1) is Money ? 123 : [])];

void main() {
  print(quotient);
}
