int f() => 1;

void main() {
  var x = await f();
  print(x);
}
