// Code that only mentions streams (like co19's Utils/expect.dart) compiles and runs.
import 'dart:async';

Future<bool> collect<T>(List<T> into, Stream<T> stream) {
  Completer<bool> completer = Completer<bool>();
  StreamSubscription<T>? subscription;
  subscription = stream.listen((T value) {
    into.add(value);
  }, onError: (Object e) {}, onDone: () {
    completer.complete(true);
  });
  return completer.future;
}

void main() {
  print(collect is Function);
}
