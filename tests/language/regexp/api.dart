// RegExp's API: flags, toString, escape, groups, empty matches, errors.

void show(Object? o) => print(o);

void main() {
  final re = RegExp(r'a(b)?', caseSensitive: false);
  print(re);
  print(RegExp(r'x', multiLine: true, dotAll: true));
  print(RegExp(r'x', unicode: true));
  print('${re.pattern} ${re.isCaseSensitive} ${re.isMultiLine} ${re.isUnicode} ${re.isDotAll}');
  print(re is Pattern);
  print(re.firstMatch('xAbA')!.pattern == re);

  final m = re.firstMatch('xxA')!;
  print('${m[0]} ${m[1]} ${m.groupCount} ${m.input} ${m.start}..${m.end}');
  print(m.groups([0, 1]));
  try {
    m.group(2);
  } on RangeError catch (e) {
    print(e);
  }
  try {
    m.group(-1);
  } on RangeError catch (e) {
    print(e);
  }

  // Empty matches advance by one code unit.
  print(RegExp(r'\b').allMatches('ab cd').map((m) => m.start).toList());
  print(RegExp(r'x*').allMatches('axxb').map((m) => '${m.start}:${m[0]}').toList());
  print(RegExp(r'x*').allMatches('axxb', 2).map((m) => '${m.start}:${m[0]}').toList());
  print('axxb'.replaceAll(RegExp(r'x*'), '-'));
  print('abc'.split(RegExp(r'')));
  print(''.split(RegExp(r'')));
  print(''.split(RegExp(r'x')));
  print('a,b;;c'.split(RegExp(r'[,;]')));
  print(' a  b '.split(RegExp(r'\s+')));
  try {
    re.allMatches('abc', 4);
  } on RangeError catch (e) {
    print(e);
  }

  // Dot, multiLine and dotAll.
  print(RegExp(r'^.+$').hasMatch('a\nb'));
  print(RegExp(r'^.+$', dotAll: true).stringMatch('a\nb')!.length);
  print(RegExp(r'^\w$', multiLine: true).allMatches('a\nb\r\nc').map((m) => m[0]).toList());

  // Quantifiers, classes, alternation, non-greedy, escapes.
  print(RegExp(r'<.+?>').allMatches('<a><bb>').map((m) => m[0]).toList());
  print(RegExp(r'[^aeiou\s]+').allMatches('hello world').map((m) => m[0]).join('|'));
  print(RegExp(r'\x41\u0042\t').hasMatch('AB\t'));
  print(RegExp(r'colou?r|gr[ae]y').allMatches('color grey colour gray').length);
  print(RegExp(r'a{2,3}').allMatches('aaaaaaa').map((m) => m[0]).toList());

  // matchAsPrefix only matches at the given offset.
  final word = RegExp(r'[a-z]+');
  print(word.matchAsPrefix('12ab'));
  print(word.matchAsPrefix('12ab', 2)![0]);
  print(RegExp(r'(?<=2)a').matchAsPrefix('12ab', 2)?.start);
  print(RegExp(r'^a').matchAsPrefix('12ab', 2));
  print(RegExp(r'(x)\1').matchAsPrefix('axx', 1)?.end);

  // String methods with a RegExp.
  print('Hello World'.replaceFirst(RegExp(r'o'), '0'));
  print('Hello World'.replaceFirst(RegExp(r'o'), '0', 5));
  print('Hello World'.replaceFirstMapped(RegExp(r'[A-Z]'), (m) => '_${m[0]!.toLowerCase()}', 1));
  print('Hello World'.indexOf(RegExp(r'o'), 5));
  print('Hello World'.lastIndexOf(RegExp(r'o')));
  print('Hello World'.lastIndexOf(RegExp(r'o'), 6));
  print('Hello World'.startsWith(RegExp(r'W'), 6));
  print('Hello World'.contains(RegExp(r'^W'), 6));
  print('price: \$5'.replaceAll(RegExp(r'\$(\d)'), r'$1'));

  print(RegExp.escape(r'1+1=2? (yes) [a-z] {3} ^$ | a\b.'));
  print(RegExp(RegExp.escape('a.c')).hasMatch('abc'));

  // Invalid patterns throw FormatException with the Dart VM's messages.
  for (final source in ['(', 'a)', '?', '[b-a]', 'x{2,1}', r'\', '(?<n>a)(?<n>b)', '[a', '(?i:a)']) {
    try {
      RegExp(source);
      print('no error for $source');
    } on FormatException catch (e) {
      print(e.message);
    }
  }
}
