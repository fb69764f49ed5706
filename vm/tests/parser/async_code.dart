Future<int> compute() async {
  await Future.delayed(Duration(seconds: 1));
  final value = await fetch();
  var sum = await a + await b;
  return value;
}

Stream<int> countTo(int n) async* {
  for (var i = 0; i < n; i++) {
    yield i;
  }
  yield* otherStream();
}

Iterable<int> naturals() sync* {
  var k = 0;
  while (true) yield k++;
}

Future<void> consume(Stream<int> s) async {
  await for (final x in s) {
    print(x);
  }
  await for (var (a, b) in pairs) {}
  final results = [await for (var x in s) x];
}

void notAsync() {
  var await = 1;
  var yield = 2;
  print(await + yield);
  var async = 3;
}

Future<int> arrow() async => 42;
Stream<int> arrowStream() async* {}
main() async {
  var f = () async => await compute();
  var g = () async* { yield 1; };
  var h = () sync* { yield 1; };
  var h2 = () async { await null; };
}
