// gc-stress
// async functions and await: synchronous start, interleaving at each await, await in
// loops and nested expressions, values and futures returned, closures and methods.
//
// SDK code relied on (dart-lang/sdk): sdk/lib/_internal/vm/lib/async_patch.dart —
// an async function runs synchronously until its first await; `_SuspendState._await`
// of a non-future (or a completed `_Future`) resumes the function from a microtask, of an
// incomplete `_Future` from a listener that runs when that future completes
// (`_thenAwait`); `_returnAsync` completes the function's future synchronously
// (`_completeWithValue`), so an awaiting caller resumes inside that call;
// future_impl.dart — listeners run synchronously on completion.
import 'dart:async';

Future<void> worker(String name, int n) async {
  for (var i = 0; i < n; i++) {
    print('$name $i');
    await null;
  }
  print('$name done');
}

Future<int> square(int x) async => x * x;

Future<int> sumOfSquares(List<int> xs) async {
  var total = 0;
  for (var x in xs) {
    total += await square(x);
  }
  return total;
}

Future<String> describe(int n) async {
  // An await in the middle of an expression keeps the operands computed before it.
  return 'n=' + n.toString() + ', square=' + (await square(n)).toString() + '!';
}

Future<int> viaFuture() async {
  return Future.delayed(Duration(milliseconds: 5), () => 42);
}

class Account {
  int balance = 0;
  final List<String> log = [];

  Future<void> deposit(int amount) async {
    log.add('deposit $amount requested');
    await Future.delayed(Duration.zero);
    balance += amount;
    log.add('deposit $amount done');
  }
}

Future<void> main() async {
  print('main start');
  var a = worker('a', 2);
  var b = worker('b', 2);
  print('both started');
  await a;
  await b;
  print('all done');

  print(await sumOfSquares([1, 2, 3, 4]));
  print(await describe(7));
  print(await viaFuture());

  var account = Account();
  await Future.wait([account.deposit(10), account.deposit(5)]);
  print('balance ${account.balance}');
  account.log.forEach(print);

  var adder = (int x, int y) async {
    await Future.delayed(Duration(milliseconds: 1));
    return x + y;
  };
  print(await adder(20, 22));

  var results = <int>[];
  for (var i = 0; i < 3; i++) {
    results.add(await Future.value(i * 10));
  }
  print(results);

  var nested = await Future.value(Future.value('nested'));
  print(nested);
  print('main end');
}
