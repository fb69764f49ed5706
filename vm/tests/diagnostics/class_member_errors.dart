class A {
  int x = 1;
  + ;
  void m() {}
}
class B extends {}
