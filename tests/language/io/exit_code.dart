// exit() from dart:io terminates immediately with the given exit code.
// Output printed before the call appears; finally blocks do not run and
// nothing after the call executes.
import 'dart:io';

void shutdown(int code) {
  print('shutting down with $code');
  exit(code);
}

void main() {
  print('working');
  var results = [for (var i = 1; i <= 3; i++) i * i];
  print('results: $results');
  try {
    if (results.last > 5) {
      shutdown(3);
    }
    print('not reached');
  } finally {
    print('finally is skipped by exit');
  }
}
