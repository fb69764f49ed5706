// An uncaught Exception terminates the program with exit code 255 after
// printing "Unhandled exception:" and the exception to stderr. Output
// printed before the throw is still flushed to stdout.

void process(List<int> items) {
  for (var item in items) {
    if (item < 0) {
      throw Exception('boom');
    }
    print('processed $item');
  }
}

void main() {
  print('start');
  process([1, 2, -3, 4]);
  print('never printed');
}
