void main() {
  if (a b) {}
  while (c d) {}
  switch (e) { case 1 print(1); }
  var f = g[1 2];
}
