/* Start-up time: the smallest program that prints. */
#include <stdio.h>

int main(void) {
  puts("Hello, World!");
  return 0;
}
