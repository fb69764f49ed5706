// String literal forms: escapes, raw strings, triple-quoted multi-line
// strings (with the leading-newline rule), unicode escapes and quotes.

void main() {
  print('tab:\tend');
  print('line1\nline2');
  print('back\\slash');
  print('it\'s');
  print("double \"quoted\"");
  print("it's fine");
  print('say "hi"');
  print('\u0041\u0042\u0043');
  print('\x44\x61\x72\x74');
  print('\u{48}\u{49}');
  print('a\$b');
  print('\v'.codeUnitAt(0));
  print('\r'.codeUnitAt(0));
  print('\b'.codeUnitAt(0));
  print('\f'.codeUnitAt(0));
  print('\0'.length);

  print(r'raw \n stays, $no interpolation');
  print(r"C:\path\to\file");

  var x = 42;
  var block = '''
First line
  indented line
x = $x''';
  print(block);
  print(block.split('\n').length);

  var keepNewline = '''

starts with an empty line''';
  print(keepNewline.length);
  print(keepNewline.startsWith('\n'));

  var dq = """He said "yes" and 'no'""";
  print(dq);

  var rawMulti = r'''
raw $x \t
done''';
  print(rawMulti);

  var unicode = 'héllo wörld';
  print(unicode);
  print(unicode.length);
  print(unicode.toUpperCase());
  var smile = '\u{1F600}';
  print(smile.length);
  print(smile.runes.length);
  print(smile.codeUnitAt(0));
  print(smile.runes.first);
}
