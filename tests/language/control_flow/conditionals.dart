// if / else-if chains, conditional expressions (including nested ones),
// short-circuit evaluation of && and || and evaluation order.

var trace = <String>[];

bool check(String label, bool value) {
  trace.add(label);
  return value;
}

String fizzBuzz(int n) {
  if (n % 15 == 0) {
    return 'FizzBuzz';
  } else if (n % 3 == 0) {
    return 'Fizz';
  } else if (n % 5 == 0) {
    return 'Buzz';
  } else {
    return '$n';
  }
}

String bmiCategory(double bmi) =>
    bmi < 18.5 ? 'under' : bmi < 25 ? 'normal' : bmi < 30 ? 'over' : 'obese';

void main() {
  var out = <String>[];
  for (var i = 1; i <= 15; i++) {
    out.add(fizzBuzz(i));
  }
  print(out.join(' '));

  for (var b in [17.0, 22.5, 27.1, 31.0]) {
    print('$b -> ${bmiCategory(b)}');
  }

  if (check('a', false) && check('b', true)) {
    print('unexpected');
  }
  print(trace);
  trace.clear();

  if (check('c', true) || check('d', true)) {
    print('or short-circuited');
  }
  print(trace);
  trace.clear();

  var r = check('e', true) && check('f', false) || check('g', true);
  print('$r $trace');
  trace.clear();

  var v = check('h', false) ? check('i', true) : check('j', false);
  print('$v $trace');

  var temperature = 21;
  String feel;
  if (temperature < 0)
    feel = 'freezing';
  else if (temperature < 15)
    feel = 'cold';
  else if (temperature < 25)
    feel = 'pleasant';
  else
    feel = 'hot';
  print(feel);

  var x = 5;
  var size = x > 10 ? 'big' : (x > 3 ? 'medium' : 'small');
  print(size);
  print(!(x > 3) ? 'not greater' : 'greater');
  print(x.isOdd && x > 0 ? 'positive odd' : 'other');
}
