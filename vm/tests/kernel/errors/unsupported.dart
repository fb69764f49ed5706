Future<int> f() async => 1;

void main() {
  print(f());
}
