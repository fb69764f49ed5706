void main() {
  print(x);
}
