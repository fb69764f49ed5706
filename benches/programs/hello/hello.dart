// Start-up time: the smallest program that prints.

void main() {
  print('Hello, World!');
}
