// Match offsets are UTF-16 code unit indices: astral characters (surrogate pairs) count
// twice, and a unicode RegExp treats a pair as one character.

void main() {
  const text = 'I 😀 Dart, ça va? 🎯x';
  print(text.length);
  print(text.runes.length);

  final words = RegExp(r'[\wç]+');
  for (final m in words.allMatches(text)) {
    print('${m[0]} ${m.start}..${m.end}');
  }
  print(text.indexOf(RegExp('Dart')));
  print(text.indexOf('🎯'));
  print(text.substring(text.indexOf('🎯')));

  // Without `unicode`, '.' matches one code unit: half of a pair.
  final dotPlain = RegExp(r'^I (.)');
  final dotUnicode = RegExp(r'^I (.)', unicode: true);
  print(dotPlain.firstMatch(text)![1]!.length);
  print(dotUnicode.firstMatch(text)![1]!.length);
  print(dotUnicode.firstMatch(text)![1] == '😀');

  // Astral ranges and \u{...} escapes need `unicode`.
  final emoji = RegExp(r'[\u{1F300}-\u{1FAFF}]', unicode: true);
  print(emoji.allMatches(text).map((m) => '${m.start}:${m.end}').toList());
  print(text.replaceAll(emoji, '<e>'));
  print(RegExp(r'\u{1F600}', unicode: true).hasMatch(text));
  print(RegExp(r'\p{L}+', unicode: true).allMatches('über straße').map((m) => m[0]).toList());

  // Empty matches step over whole pairs in unicode mode, one unit otherwise.
  print(RegExp('', unicode: true).allMatches('a😀b').map((m) => m.start).toList());
  print(RegExp('').allMatches('a😀b').map((m) => m.start).toList());
  print('a😀b'.split(RegExp('', unicode: true)).length);
  print('a😀b'.split('').length);
  print('a😀b'.splitMapJoin('', onMatch: (m) => '|', onNonMatch: (s) => s));

  // Case-insensitive matching of non-ASCII letters.
  print(RegExp('ÇA', caseSensitive: false).firstMatch(text)?.start);
  print(RegExp('σ', caseSensitive: false).allMatches('ΣσςΣ').length);

  // Latin-1 and UTF-16 inputs give the same indices.
  print(RegExp(r'é+').firstMatch('caféé!')!.end);
  print(RegExp(r'é+').firstMatch('日本caféé!')!.end);
}
