final top = 1;

void main() {
  final x = 1;
  x = 2;
  const y = 3;
  y += 1;
}
