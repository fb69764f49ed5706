// An integer literal in a double context must denote a double exactly.

void main() {
  double d = 9007199254740993;
  print(d);
}
