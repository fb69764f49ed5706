// `continue L` to a labelled switch case runs that case's body next (a small state
// machine); `break` still leaves the switch, and an unlabelled `continue` inside the
// switch still continues the enclosing loop.
String tokenize(String s) {
  final out = <String>[];
  for (var i = 0; i < s.length; i++) {
    final c = s[i];
    switch (c) {
      case ' ':
        continue; // the for loop
      digit:
      case '0' || '1' || '2' || '3':
        out.add('digit($c)');
        break;
      case 'x':
        out.add('hex-prefix');
        continue digit;
      other:
      default:
        out.add('other($c)');
    }
    out.add('|');
  }
  return out.join(' ');
}

String traffic(int steps) {
  final seen = <String>[];
  var n = 0;
  switch ('red') {
    red:
    case 'red':
      seen.add('red');
      if (++n < steps) continue green;
      break;
    green:
    case 'green':
      seen.add('green');
      if (++n < steps) continue amber;
      break;
    amber:
    case 'amber':
      seen.add('amber');
      if (++n < steps) continue red;
  }
  return seen.join(' -> ');
}

void main() {
  print(tokenize('1 x?2'));
  print(traffic(1));
  print(traffic(5));
}
