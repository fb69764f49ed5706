class C {
  C() : x = 1 {
  }
  get => 1;
  operator (int x) => 1;
}
enum E { a, b c }
