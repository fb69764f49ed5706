// An Error thrown several frames deep, passing through finally blocks that
// still run, and escaping main.

class Machine {
  String state = 'idle';

  void transition(String to) {
    try {
      if (state == 'stopped') {
        throw StateError('cannot go from $state to $to');
      }
      print('$state -> $to');
      state = to;
    } finally {
      print('checked transition to $to');
    }
  }
}

void run(Machine m, List<String> steps) {
  for (var s in steps) {
    m.transition(s);
  }
}

void main() {
  var m = Machine();
  try {
    run(m, ['running', 'stopped', 'running']);
  } on FormatException {
    print('not this handler');
  } finally {
    print('main finally');
  }
  print('never printed');
}
