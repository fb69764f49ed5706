// Typed ID wrappers: zero-cost extension types over int and String. At run time a
// value *is* its representation (`is`, `runtimeType`, `as`, collections), while the
// static type gives it its own members and constructors.

extension type UserId(int value) {
  UserId.parse(String text) : this(int.parse(text.substring(5)));
  factory UserId.guest() => UserId(0);
  static const prefix = 'user-';
  static int created = 0;

  bool get isGuest => value == 0;
  UserId next() => UserId(value + 1);
  String format() => '$prefix$value';
}

extension type OrderId._(String code) {
  OrderId(int n) : this._('ord-${n.toString().padLeft(4, '0')}');
  OrderId.copy(OrderId other) : code = other.code;
  int get number => int.parse(code.substring(4));
  bool operator <(OrderId other) => number < other.number;
}

String describe(UserId id) => id.isGuest ? 'guest' : id.format();

void main() {
  final alice = UserId(41);
  print(alice.value);
  print(describe(alice));
  print(describe(alice.next()));
  print(describe(UserId.guest()));
  print(UserId.parse('user-7').next().value);
  print(UserId.prefix);
  UserId.created++;
  UserId.created += 2;
  print(UserId.created);

  // Erased at run time.
  print(alice is int);
  print(alice.runtimeType);
  Object boxed = alice;
  print(boxed is UserId);
  print(boxed is String);
  print((7 as UserId).format());
  print(alice == UserId(41));
  print(identical(alice, 41));
  print(alice.hashCode == 41.hashCode);
  print(alice.toString());

  // Through dynamic only the representation's own members exist.
  dynamic d = alice;
  print(d.isOdd);
  try {
    d.format();
  } on NoSuchMethodError {
    print('no format() on an int');
  }

  final orders = [OrderId(12), OrderId(3), OrderId.copy(OrderId(40))];
  print(orders.map((o) => o.code).toList());
  print(orders[1] < orders[0]);
  orders.sort((a, b) => a < b ? -1 : (b < a ? 1 : 0));
  print(orders);
  final Object erased = orders;
  print(erased is List<String>);

  final byId = <UserId, String>{UserId(1): 'one', UserId(2): 'two'};
  print(byId[UserId(2)]);
  print(byId.keys.map((k) => k.format()).join(','));
}
