void main() {
  var a = 1;
  var a = 2;
  print(a);
}

void f() {}
void f() {}
