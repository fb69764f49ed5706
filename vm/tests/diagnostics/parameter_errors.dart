void foo({}) {}
void bar([]) {}
void baz(int a = 1) {}
