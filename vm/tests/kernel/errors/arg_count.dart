int add(int a) => a;
void named({required int x}) {}

void main() {
  add(1, 2);
  add();
  named();
  named(x: 1, y: 2);
}
