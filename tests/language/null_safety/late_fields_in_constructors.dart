// `late` instance fields initialised by a constructor: an initializing formal
// (`this.x`), an initializer-list entry (`y = ...`) and a late field of a
// subclass of a library class whose private field has the same name.
import 'dart:async';

class Account {
  late final String owner;
  late int balance;
  late String label = 'account of $owner';

  Account(this.owner, int opening) : balance = opening;
  Account.empty() {
    owner = 'nobody';
  }
}

class Wrapped extends Stream<int> {
  late Stream<int> _stream;
  Wrapped(this._stream);

  @override
  StreamSubscription<int> listen(void onData(int event)?,
          {Function? onError, void onDone()?, bool? cancelOnError}) =>
      _stream.listen(onData,
          onError: onError, onDone: onDone, cancelOnError: cancelOnError);
}

Future<void> main() async {
  final a = Account('ada', 10);
  a.balance += 5;
  print('${a.owner} ${a.balance} ${a.label}');
  try {
    a.owner = 'bob';
  } on Error catch (e) {
    print(e);
  }
  final b = Account.empty();
  print(b.owner);
  try {
    print(b.balance);
  } on Error catch (e) {
    print(e);
  }
  await for (final x in Wrapped(Stream.fromIterable([1, 2, 3]))) {
    print('got $x');
  }
}
