// gc-stress
// Each iteration of a for loop gets a fresh copy of the loop variable, so
// closures created in different iterations see different variables.
// A variable declared outside a while loop is shared by all closures.

void main() {
  var fns = <int Function()>[];
  for (var i = 0; i < 3; i++) {
    fns.add(() => i);
  }
  print(fns.map((f) => f()).toList());

  var fromForIn = <String Function()>[];
  for (var s in ['a', 'b', 'c']) {
    fromForIn.add(() => s * 2);
  }
  print(fromForIn.map((f) => f()).join(','));

  var shared = <int Function()>[];
  var j = 0;
  while (j < 3) {
    shared.add(() => j);
    j++;
  }
  print(shared.map((f) => f()).toList());

  // The increment runs on the fresh copy, after the body's closure
  // captured the previous iteration's variable.
  var mutated = <int Function()>[];
  for (var k = 0; k < 6; k++) {
    mutated.add(() => k);
    k++;
  }
  print(mutated.map((f) => f()).toList());

  // Closures can also write to the per-iteration variable.
  var setters = <void Function(int)>[];
  var getters = <int Function()>[];
  for (var n = 0; n < 2; n++) {
    setters.add((v) {
      n = v;
    });
    getters.add(() => n);
  }
  setters[0](42);
  print([getters[0](), getters[1]()]);

  var blockScoped = <int Function()>[];
  for (var i = 0; i < 3; i++) {
    var square = i * i;
    blockScoped.add(() => square + i);
  }
  print(blockScoped.map((f) => f()).toList());
}
