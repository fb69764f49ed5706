// Code units and characters: codeUnitAt, codeUnits, String.fromCharCode(s),
// a Caesar cipher and a run-length encoder.

String caesar(String text, int shift) {
  var out = StringBuffer();
  for (var i = 0; i < text.length; i++) {
    var c = text.codeUnitAt(i);
    if (c >= 65 && c <= 90) {
      out.writeCharCode((c - 65 + shift) % 26 + 65);
    } else if (c >= 97 && c <= 122) {
      out.writeCharCode((c - 97 + shift) % 26 + 97);
    } else {
      out.writeCharCode(c);
    }
  }
  return out.toString();
}

String runLength(String s) {
  if (s.isEmpty) return '';
  var out = StringBuffer();
  var current = s[0];
  var count = 1;
  for (var i = 1; i < s.length; i++) {
    if (s[i] == current) {
      count++;
    } else {
      out.write('$count$current');
      current = s[i];
      count = 1;
    }
  }
  out.write('$count$current');
  return out.toString();
}

void main() {
  print('A'.codeUnitAt(0));
  print('abc'.codeUnits);
  print(String.fromCharCode(90));
  print(String.fromCharCodes([68, 97, 114, 116]));
  print('z'.codeUnitAt(0) - 'a'.codeUnitAt(0));

  var secret = caesar('Hello, World!', 3);
  print(secret);
  print(caesar(secret, -3));
  print(caesar('xyz XYZ', 30));

  print(runLength('aaabccddddde'));
  print(runLength('abc'));
  print(runLength(''));

  var vowels = 0;
  for (var ch in 'Programming Language'.toLowerCase().split('')) {
    if ('aeiou'.contains(ch)) vowels++;
  }
  print('vowels: $vowels');

  var digits = '4a7b1';
  var sum = 0;
  for (var unit in digits.codeUnits) {
    if (unit >= 48 && unit <= 57) sum += unit - 48;
  }
  print('digit sum: $sum');
}
