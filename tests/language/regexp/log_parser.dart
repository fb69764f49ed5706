// gc-stress
// Parsing log lines with named groups, multiLine anchors and backreferences.

const log = '''2026-11-21 08:15:02 INFO  [http] GET /index.html 200 12ms
2026-11-21 08:15:03 WARN  [db] slow query: 1503ms
2026-11-21 08:15:07 ERROR [http] POST /api/items 500 230ms
not a log line
2026-11-21 08:16:00 INFO  [http] GET /api/items?page=2 200 8ms''';

void main() {
  final line = RegExp(
      r'^(?<date>\d{4}-\d{2}-\d{2}) (?<time>[\d:]{8}) (?<level>[A-Z]+)\s+\[(?<module>\w+)\] (?<msg>.*)$',
      multiLine: true);
  print(line.isMultiLine);
  final counts = <String, int>{};
  for (final m in line.allMatches(log)) {
    final level = m.namedGroup('level')!;
    counts[level] = (counts[level] ?? 0) + 1;
    print('${m.namedGroup('time')} ${level.padRight(5)} ${m.namedGroup('module')}: ${m.namedGroup('msg')}');
  }
  print(counts);
  print(line.allMatches(log).length);

  // Without multiLine, ^ and $ only match at the ends of the input.
  final single = RegExp(line.pattern);
  print(single.hasMatch(log));
  print(single.hasMatch(log.split('\n').first));

  final request = RegExp(r'(GET|POST) (\S+) (\d{3}) (\d+)ms');
  var total = 0;
  for (final m in request.allMatches(log)) {
    total += int.parse(m.group(4)!);
    print(m.groups([1, 2, 3]));
  }
  print('total ${total}ms');

  final status = RegExp(r' (?<code>[45]\d\d) ');
  final failure = status.firstMatch(log)!;
  print('${failure.namedGroup('code')} at ${failure.start}..${failure.end}');
  print(log.substring(log.lastIndexOf('\n', failure.start) + 1, log.indexOf('\n', failure.start)));

  // Lookbehind and lookahead pick numbers by their unit.
  print(RegExp(r'(?<=\s)\d+(?=ms)').allMatches(log).map((m) => m[0]).toList());
  print(RegExp(r'(?<!\d)\d{3}(?!\d)').allMatches('1234 567 89 012').map((m) => m[0]).toList());

  // Repeated words with a backreference (case-insensitive).
  final repeated = RegExp(r'\b(\w+)\s+\1\b', caseSensitive: false);
  print(repeated.allMatches('This is is a test. The the end, end.').map((m) => m[0]).toList());

  try {
    line.firstMatch(log)!.namedGroup('nope');
  } on ArgumentError catch (e) {
    print(e);
  }
  print(line.firstMatch(log)!.groupCount);
}
