main();
int f(int x)
void g() {}
