void main() {
  try {
    f();
  }
  print(1);
}
