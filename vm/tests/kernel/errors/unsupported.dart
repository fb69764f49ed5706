Stream<int> f() async* {}

void main() {
  print(f());
}
