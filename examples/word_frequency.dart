// A text-processing tool: splits an embedded text into words by hand
// (letters and apostrophes), counts word frequencies, and prints a sorted
// report with a bar chart plus a few statistics.

const text = '''
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way - in short, the period was so
far like the present period, that some of its noisiest authorities insisted
on its being received, for good or for evil, in the superlative degree of
comparison only.
''';

const stopWords = {'the', 'of', 'it', 'was', 'we', 'in', 'to', 'or', 'so'};

bool isWordChar(String ch) =>
    ch == "'" || ch.toLowerCase() != ch.toUpperCase();

List<String> splitWords(String input) {
  var words = <String>[];
  var current = StringBuffer();
  for (var i = 0; i < input.length; i++) {
    var ch = input[i];
    if (isWordChar(ch)) {
      current.write(ch.toLowerCase());
    } else if (current.isNotEmpty) {
      words.add(current.toString());
      current.clear();
    }
  }
  if (current.isNotEmpty) words.add(current.toString());
  return words;
}

Map<String, int> countWords(List<String> words) {
  var counts = <String, int>{};
  for (var w in words) {
    counts[w] = (counts[w] ?? 0) + 1;
  }
  return counts;
}

List<String> rank(Map<String, int> counts) {
  var keys = counts.keys.toList();
  keys.sort((a, b) {
    var byCount = counts[b]!.compareTo(counts[a]!);
    return byCount != 0 ? byCount : a.compareTo(b);
  });
  return keys;
}

void main() {
  var lines = text.trim().split('\n');
  var words = splitWords(text);
  var counts = countWords(words);
  print('lines: ${lines.length}');
  print('words: ${words.length}');
  print('distinct words: ${counts.length}');

  var totalLetters = words.fold(0, (sum, w) => sum + w.length);
  print('average word length: ${(totalLetters / words.length).toStringAsFixed(2)}');

  var longest = words.reduce((a, b) => b.length > a.length ? b : a);
  print('longest word: $longest (${longest.length} letters)');

  print('');
  print('top words:');
  var ranked = rank(counts);
  for (var w in ranked.take(8)) {
    var n = counts[w]!;
    print('${w.padRight(8)} ${n.toString().padLeft(2)} ${'#' * n}');
  }

  print('');
  print('top content words:');
  var content = ranked.where((w) => !stopWords.contains(w)).take(6).toList();
  print(content.join(', '));

  var byLength = <int, List<String>>{};
  for (var w in counts.keys) {
    byLength.putIfAbsent(w.length, () => []).add(w);
  }
  var lengths = byLength.keys.toList();
  lengths.sort();
  print('');
  print('distinct words by length:');
  for (var len in lengths) {
    var group = byLength[len]!;
    group.sort();
    var shown = group.length > 5 ? '${group.sublist(0, 5).join(' ')} ...' : group.join(' ');
    print('${len.toString().padLeft(2)}: ${group.length.toString().padLeft(2)}  $shown');
  }

  var once = counts.keys.where((w) => counts[w] == 1).length;
  print('');
  print('words used once: $once of ${counts.length}');
  var firstLetters = <String>{};
  for (var w in words) {
    firstLetters.add(w[0]);
  }
  var letters = firstLetters.toList();
  letters.sort();
  print('initial letters: ${letters.join()}');
  print('lines containing "season": '
      '${lines.where((l) => l.contains('season')).length}');
}
