// Throwing an object whose class does not override toString: the VM prints
// "Instance of 'ClassName'".

class Glitch {
  final int code;
  Glitch(this.code);
}

int compute(int x) {
  if (x > 2) throw Glitch(x);
  return x * x;
}

void main() {
  for (var i = 0; i < 5; i++) {
    print(compute(i));
  }
}
