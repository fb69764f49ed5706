void main() {
  var = 3;
  int;
}
