// Classic switch statements over ints and strings: grouped (empty) cases,
// default, return from inside a case, and switch inside a loop.

String dayKind(int day) {
  switch (day) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      return 'weekday';
    case 6:
    case 7:
      return 'weekend';
    default:
      return 'invalid';
  }
}

int evalRpn(String program) {
  var stack = <int>[];
  for (var token in program.split(' ')) {
    switch (token) {
      case '+':
        var b = stack.removeLast();
        var a = stack.removeLast();
        stack.add(a + b);
        break;
      case '-':
        var b = stack.removeLast();
        var a = stack.removeLast();
        stack.add(a - b);
      case '*':
        var b = stack.removeLast();
        var a = stack.removeLast();
        stack.add(a * b);
      case 'dup':
        stack.add(stack.last);
      default:
        stack.add(int.parse(token));
    }
  }
  return stack.single;
}

void main() {
  for (var d = 0; d <= 8; d += 2) {
    print('day $d: ${dayKind(d)}');
  }

  var counts = <String, int>{'vowel': 0, 'space': 0, 'other': 0};
  for (var ch in 'switch on strings'.split('')) {
    switch (ch) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        counts['vowel'] = counts['vowel']! + 1;
      case ' ':
        counts['space'] = counts['space']! + 1;
      default:
        counts['other'] = counts['other']! + 1;
    }
  }
  print(counts);

  print(evalRpn('3 4 + 2 *'));
  print(evalRpn('10 2 3 * -'));
  print(evalRpn('7 dup *'));

  var grade = 'B';
  switch (grade) {
    case 'A':
      print('excellent');
    case 'B':
      print('good');
    case 'C':
      print('fair');
    default:
      print('unknown');
  }

  var x = 3;
  switch (x) {
    case 1:
      print('one');
  }
  print('no match is fine');
}
