void main() {
  var s = 'abc;
  var t = "def;
}
