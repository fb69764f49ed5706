class Bar {
  int get size => 1;
}

void main() {
  Bar().foo();
  print(Bar().lenght);
  Bar().size = 3;
  print(Bar() + 1);
}
