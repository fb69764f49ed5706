int len(String? s) => s.length;
String up(String? s) => s.toUpperCase();
int add(int? a) => a + 1;

void main() {
  print(len(null));
  print(up("a"));
}
