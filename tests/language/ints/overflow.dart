// 64-bit two's complement wrap-around of int arithmetic, used by real code
// such as hash functions and linear congruential generators.

int fnv1a(String s) {
  var hash = -3750763034362895579; // 0xcbf29ce484222325 as a signed value
  const prime = 1099511628211;
  for (var i = 0; i < s.length; i++) {
    hash ^= s.codeUnitAt(i);
    hash *= prime;
  }
  return hash;
}

void main() {
  var max = 9223372036854775807;
  var min = -max - 1;
  print(max);
  print(min);
  print(max + 1);
  print(max + 1 == min);
  print(min - 1);
  print(max * 2);
  print(max * max);
  print(min * -1);
  print(-min);
  print(min + min);
  print(max + max + 2);

  var f = 1;
  for (var i = 1; i <= 25; i++) {
    f *= i;
    if (i >= 19) print('$i! = $f');
  }

  var p = 1;
  for (var i = 0; i < 66; i++) {
    if (i >= 61) print('2^$i = $p');
    p *= 2;
  }

  for (var word in ['', 'a', 'hello', 'Dart VM']) {
    print('fnv1a("$word") = ${fnv1a(word)}');
  }

  var state = 42;
  var outputs = <int>[];
  for (var i = 0; i < 5; i++) {
    state = state * 6364136223846793005 + 1442695040888963407;
    outputs.add(state >>> 40);
  }
  print(outputs);
  print(state);
}
