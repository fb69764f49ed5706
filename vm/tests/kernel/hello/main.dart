void main() {
  print('Hello, World!');
}
