extension type Id(int value) {}
void main() {
  final make = Id.new;
  print(make(3));
}
