// An interpolation of constant strings is itself a constant string, canonicalised like
// a literal: `identical` holds between equal ones.

const hello = 'hello, ';
const world = 'world';
const helloWorld = 'hello, world';

void main() {
  print(identical('$hello$world', helloWorld));
  print(identical('${hello}world', 'hello, world'));
  print(identical('$world$hello', helloWorld));
  print('$world$hello');
  var n = 3;
  print(identical('$hello$n', 'hello, 3'));
  print('$hello$n' == 'hello, 3');
}
