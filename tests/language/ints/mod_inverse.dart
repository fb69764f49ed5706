// int.modInverse: small and 64-bit moduli (checked with Python pow(a, -1, m)), a
// negative receiver, modulus 1, no inverse, and a non-positive modulus.
main() {
  print(3.modInverse(11));
  print(7.modInverse(1));
  print((-3).modInverse(11));
  print(123456789.modInverse(1000000007));
  print(0x7fffffff.modInverse(0x7ffffffffffffff7));
  try { 2.modInverse(4); } catch (e) { print(e); }
  try { 3.modInverse(0); } catch (e) { print(e); }
}
