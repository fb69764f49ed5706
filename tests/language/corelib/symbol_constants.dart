// Symbol.unaryMinus and Symbol.empty are constants, usable as constant patterns.
String name(Symbol s) => switch (s) {
      #+ => 'plus',
      Symbol.unaryMinus => 'unary minus',
      Symbol.empty => 'empty',
      _ => 'other $s',
    };
void main() {
  print(Symbol.unaryMinus);
  print(Symbol.empty);
  print(identical(Symbol.unaryMinus, #unary-));
  print(name(#unary-));
  print(name(const Symbol('')));
  print(name(#+));
  print(name(#foo));
}
