// Constructors that forward their arguments — redirecting factories and the implicit
// constructors of mixin applications — leave an omitted optional argument to the
// target's default value (dartrs passed null), at run time and in constants.

class Point {
  final num x;
  final num y;
  final String label;
  const Point(this.x, [this.y = 0, this.label = 'p']);
  const Point.named({this.x = 1, this.y = 2, this.label = 'n'});
  factory Point.origin(num x, [num y]) = Point;
  factory Point.labelled({num x, num y, String label}) = Point.named;
  String toString() => '$label($x, $y)';
}

mixin Tagged {
  String get tag => 'tagged';
}

class TaggedPoint = Point with Tagged;

class Account {
  final String owner;
  final int balance;
  Account(this.owner, {this.balance = 100});
}

mixin Audited {
  final List<String> log = [];
}

class AuditedAccount = Account with Audited;

void main() {
  print(Point.origin(1, 2));
  print(Point.origin(3));
  print(Point.labelled());
  print(Point.labelled(label: 'q'));
  print(TaggedPoint(5));
  print(TaggedPoint(5, 6, 'r'));
  const c = TaggedPoint(7);
  print('$c ${c.tag}');
  print(identical(c, const TaggedPoint(7, 0)));
  final a = AuditedAccount('ann');
  print('${a.owner} ${a.balance} ${a.log}');
  print(AuditedAccount('bob', balance: 5).balance);
}
