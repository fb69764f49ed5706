int twice(int x) => x * 2;
int secret() => 42;
