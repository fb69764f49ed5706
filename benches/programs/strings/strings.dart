// Strings: building strings with StringBuffer and interpolation, int-to-string
// conversion, split/join, case conversion, searching, substrings and replacement.
// All text is ASCII.

int hashString(String s) {
  int h = 0;
  for (int i = 0; i < s.length; i++) {
    h = (h * 31 + s.codeUnitAt(i)) % 1000000007;
  }
  return h;
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 100000;
  int total = 0;
  for (int i = 0; i < n; i++) {
    final sb = StringBuffer();
    for (int j = 0; j < 8; j++) {
      sb.write('item');
      sb.write(i + j);
      sb.write(',');
    }
    final s = sb.toString();
    final parts = s.split(',');
    final joined = parts.join('-');
    final upper = joined.toUpperCase();
    final index = upper.indexOf('ITEM${i + 5}');
    final sub = joined.substring(3, 13);
    final replaced = joined.replaceAll('item', '#');
    final line = 'n=$i sub=$sub len=${joined.length}';
    final found = joined.contains('m${i % 10}-') ? 1 : 0;
    total = (total +
            parts.length +
            index +
            hashString(sub) +
            hashString(upper) % 1000 +
            replaced.length +
            line.length +
            found) %
        1000000007;
  }
  print('strings $n $total');
}
