void main() {
  print(255.toSigned(8));
  print(127.toSigned(8));
  print((-1).toUnsigned(8));
  print(0x1ff.toUnsigned(8));
  print((-129).toSigned(8));
  print(0xffffffff.toSigned(32));
  print((-5).toUnsigned(64));
  print(12345.toSigned(64));
  print(3.toSigned(1));
  print(2.toSigned(2));
}
