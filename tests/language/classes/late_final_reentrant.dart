// A `late final` instance field read inside its own initialiser runs the initialiser
// again; when the outer evaluation finishes, the field is already bound and the read
// throws LateInitializationError (dartrs stored the outer value over the inner one).
// A `late` (non-final) field is simply rebound.

int runs = 0;

class Settings {
  late final int size = compute(() => size);
  late int weight = compute(() => weight);
}

int compute(int Function() readAgain) {
  runs++;
  final run = runs;
  if (run == 1) print('run 1 reads again: ${readAgain()}');
  return run * 100;
}

void main() {
  final s = Settings();
  try {
    print(s.size);
  } on Error catch (e) {
    print(e);
  }
  print('size afterwards: ${s.size}');
  runs = 0;
  print('weight: ${s.weight}');
}
