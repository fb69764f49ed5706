static int x = 1;
abstract void f() {}
var s = #unary-;
