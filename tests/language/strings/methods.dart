// gc-stress
// Core String methods: length, indexing, substring, searching, case,
// trimming, padding, replacing, repetition and comparison.

void main() {
  var s = 'Hello, World';
  print(s.length);
  print(s[0]);
  print(s[s.length - 1]);
  print(s.substring(7));
  print(s.substring(0, 5));
  print(s.indexOf('o'));
  print(s.lastIndexOf('o'));
  print(s.indexOf('o', 5));
  print(s.indexOf('xyz'));
  print(s.contains('World'));
  print(s.contains('world'));
  print(s.startsWith('Hell'));
  print(s.endsWith('World'));
  print(s.toUpperCase());
  print(s.toLowerCase());
  print(s.isEmpty);
  print(''.isEmpty);
  print(' '.isNotEmpty);

  var padded = '   trim me  ';
  print('[${padded.trim()}]');
  print('[${padded.trimLeft()}]');
  print('[${padded.trimRight()}]');
  print('[${'7'.padLeft(3, '0')}]');
  print('[${'ab'.padRight(5, '.')}]');
  print('[${'abc'.padLeft(2)}]');
  print('[${'x'.padLeft(4)}]');

  print('banana'.replaceAll('a', 'o'));
  print('banana'.replaceFirst('a', 'A'));
  print('banana'.replaceAll('an', ''));
  print('a-b-c'.replaceAll('-', ' + '));
  print('ab' * 3);
  print('=' * 10);
  print('-' * 0 == '');

  print('apple'.compareTo('banana') < 0);
  print('b'.compareTo('a') > 0);
  print('same'.compareTo('same'));
  print('Zebra'.compareTo('apple') < 0);
  print('abc' == 'ab' + 'c');

  var word = 'racecar';
  var reversed = word.split('').reversed.join();
  print('$word reversed is $reversed, palindrome: ${word == reversed}');

  var sentence = 'the quick brown fox';
  var capitalized = sentence
      .split(' ')
      .map((w) => w[0].toUpperCase() + w.substring(1))
      .join(' ');
  print(capitalized);

  var count = 0;
  var idx = sentence.indexOf('o');
  while (idx != -1) {
    count++;
    idx = sentence.indexOf('o', idx + 1);
  }
  print('o appears $count times');
}
