int x = 1;
+ 2;
void main() {}
