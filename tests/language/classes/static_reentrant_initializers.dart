// Reading a static or top-level variable while its initialiser runs evaluates the
// initialiser again (the language's late-initialised getter): a non-final variable is
// simply bound by the outermost evaluation; a final one bound meanwhile is a
// LateInitializationError when the outer evaluation finishes. dartrs threw a cyclic
// initialisation error on the first nested read.

int depth = 0;

int? nest(int? Function() read) {
  depth++;
  final level = depth;
  if (level < 3) {
    print('level $level reads again: ${read()}');
  }
  depth--;
  return level * 10;
}

int? counter = nest(() => counter);
final int? frozen = nest(() => frozen);

class Config {
  static int? value = nest(() => value);
}

void main() {
  print('counter = $counter');
  depth = 0;
  try {
    print('frozen = $frozen');
  } on Error catch (e) {
    print(e);
  }
  depth = 0;
  print('Config.value = ${Config.value}');
}
