// A character outside the BMP written as its UTF-16 surrogate pair in escapes is the
// same string as the character itself and as the \u{...} escape.
void main() {
  const pair = '\uD83D\uDE00';
  print(pair == '😀');
  print(pair == '\u{1F600}');
  print(pair.length);
  print(pair.codeUnits);
  print(pair.runes.toList());
  print('smile: \uD83D\uDE00!'.length);
  print('\uD83C\uDF89 \u0041'.codeUnitAt(3));
}
