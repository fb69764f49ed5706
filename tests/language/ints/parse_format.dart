// int.parse / tryParse / num.parse and integer formatting helpers.

String group(int n) {
  var digits = n.abs().toString();
  var out = StringBuffer();
  for (var i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 == 0) out.write(',');
    out.write(digits[i]);
  }
  return n < 0 ? '-$out' : out.toString();
}

void main() {
  print(int.parse('42'));
  print(int.parse('-17'));
  print(int.parse('+8'));
  print(int.parse('007'));
  print(int.parse('ff', radix: 16));
  print(int.parse('777', radix: 8));
  print(int.parse('zz', radix: 36));
  print(int.parse('-101', radix: 2));
  print(int.tryParse('12abc'));
  print(int.tryParse(''));
  print(int.tryParse('9223372036854775807'));
  print(int.tryParse('9223372036854775808'));
  print(int.tryParse('-9223372036854775808'));
  try {
    int.parse('abc');
    print('not reached');
  } on FormatException {
    print('FormatException for abc');
  }
  print(double.parse('3.25'));
  print(double.parse('1e3'));
  print(num.parse('12'));
  print(num.parse('12.5'));
  print(num.parse('12') is int);
  print(int.parse('10') + int.parse('20'));

  print(255.toRadixString(16));
  print(255.toRadixString(2));
  print((-10).toRadixString(3));
  print(35.toRadixString(36));
  print(42.toString().padLeft(6, '0'));
  print(1234567.toString().length);
  print(7.toStringAsFixed(2));
  print((-3).toString());

  for (var n in [0, 999, 1000, 1234567, -9876543210, 9223372036854775807]) {
    print(group(n));
  }

  var total = 0;
  for (var s in '10 20 x 30 -5 4.5'.split(' ')) {
    var v = int.tryParse(s);
    if (v == null) {
      print('skipping "$s"');
      continue;
    }
    total += v;
  }
  print('total = $total');
}
