void main() {
  var class = 1;
  int if = 2;
}
