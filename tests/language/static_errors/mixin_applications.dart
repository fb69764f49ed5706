// Mixin applications the Dart front end rejects.

class Reader {
  bool get ready => false;
  String read(int count) => '';
}

mixin class Ready {
  int ready() => 1;
}

mixin class Chunked {
  String read() => '';
}

class Buffered extends Reader with Ready {}

class Stream = Reader with Chunked;

class Base {}

mixin class Derived extends Base {}

class Logger {
  Logger();
}

class Service with Logger {}

void main() {
  print('unreachable');
}
