// A tiny template engine on replaceAllMapped and splitMapJoin, plus the Pattern members
// with String patterns.

String render(String template, Map<String, Object?> values) {
  return template.replaceAllMapped(RegExp(r'\{\{\s*(\w+)(?:\s*\|\s*(\w+))?\s*\}\}'), (m) {
    final name = m[1]!;
    final filter = m[2];
    if (!values.containsKey(name)) return '<missing $name>';
    final text = '${values[name]}';
    switch (filter) {
      case null:
        return text;
      case 'upper':
        return text.toUpperCase();
      case 'len':
        return '${text.length}';
      default:
        return '<unknown filter $filter>';
    }
  });
}

void main() {
  print(render('Hello, {{name}}! You have {{ count }} new {{ what|upper }}.',
      {'name': 'Ada', 'count': 3, 'what': 'messages'}));
  print(render('{{a}}{{b | len}}{{c}}{{a|bogus}}', {'a': 1, 'b': 'four'}));
  print(render('no placeholders', {}));

  // splitMapJoin: mark numbers, bracket the rest.
  print('12 apples and 7 pears'.splitMapJoin(RegExp(r'\d+'),
      onMatch: (m) => '#${m[0]}', onNonMatch: (s) => s.isEmpty ? '' : '[$s]'));
  print('a-b-c'.splitMapJoin('-', onMatch: (m) => '+'));
  print('a-b-c'.splitMapJoin('-', onNonMatch: (s) => s.toUpperCase()));

  // Word wrapping with allMatches.
  const text = 'The quick brown fox jumps over the lazy dog near the riverbank';
  final lines = <String>[];
  var current = '';
  for (final m in RegExp(r'\S+').allMatches(text)) {
    final word = m[0]!;
    if (current.isNotEmpty && current.length + 1 + word.length > 16) {
      lines.add(current);
      current = word;
    } else {
      current = current.isEmpty ? word : '$current $word';
    }
  }
  lines.add(current);
  print(lines.join('\n'));

  // String patterns: allMatches and matchAsPrefix return Match objects too.
  print('aaaa'.allMatches('aa').length);
  print('aa'.allMatches('aaaa').map((m) => '${m.start}-${m.end}').toList());
  print(''.allMatches('abc').map((m) => m.start).toList());
  final prefix = 'ab'.matchAsPrefix('xabc', 1)!;
  print('${prefix.start} ${prefix.end} ${prefix[0]} ${prefix.groupCount} ${prefix.pattern}');
  print('ab'.matchAsPrefix('xabc'));
  print('ab'.allMatches('abab', 1).first.start);
  print('a.b.c'.replaceAllMapped('.', (m) => '(${m.start})'));
  print('a.b.c'.replaceFirstMapped('.', (m) => '!', 2));
  print('one two'.replaceRange(4, null, '2'));
  print('x'.splitMapJoin('', onMatch: (m) => '<${m.start}>'));
  try {
    'abc'.replaceFirst('b', 'x', 4);
  } on RangeError catch (e) {
    print(e);
  }
  try {
    'abc'.startsWith('a', 5);
  } on RangeError catch (e) {
    print(e);
  }
}
