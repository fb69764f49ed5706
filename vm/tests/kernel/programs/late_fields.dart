int calls = 0;
int compute() {
  calls++;
  return 42;
}

class C {
  late int retries = compute();
  late final String label = 'label-$retries';
  int other = 1;
}

void main() {
  final c = C();
  print(calls);
  print(c.retries);
  print(c.retries);
  print(calls);
  c.retries = 7;
  print(c.retries);
  print(c.label);
  print(calls);
}
