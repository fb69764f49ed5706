void main() {
  var a = ;
  var b = 1 +;
  print(a b);
  if (a {
  }
  return 1
}
