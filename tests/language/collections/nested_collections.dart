// gc-stress
// Nested maps and lists: grouping records, aggregating, building an
// adjacency list and running a breadth-first search over it.

void main() {
  var records = [
    'math:ann:90',
    'math:bob:72',
    'art:ann:85',
    'art:cid:64',
    'math:cid:88',
    'music:bob:95',
    'art:bob:70',
  ];

  var bySubject = <String, Map<String, int>>{};
  for (var r in records) {
    var parts = r.split(':');
    bySubject.putIfAbsent(parts[0], () => {})[parts[1]] = int.parse(parts[2]);
  }
  print(bySubject);

  for (var subject in bySubject.keys) {
    var scores = bySubject[subject]!;
    var total = scores.values.fold(0, (a, b) => a + b);
    var avg = total / scores.length;
    var best = scores.entries.reduce((a, b) => a.value >= b.value ? a : b);
    print('$subject: avg ${avg.toStringAsFixed(1)}, best ${best.key} (${best.value})');
  }

  var byStudent = <String, List<int>>{};
  bySubject.forEach((subject, scores) {
    scores.forEach((student, score) {
      byStudent.putIfAbsent(student, () => []).add(score);
    });
  });
  var names = byStudent.keys.toList();
  names.sort();
  for (var name in names) {
    print('$name: ${byStudent[name]}');
  }

  var edges = [
    ['a', 'b'],
    ['a', 'c'],
    ['b', 'd'],
    ['c', 'd'],
    ['d', 'e'],
    ['f', 'g'],
  ];
  var graph = <String, List<String>>{};
  for (var e in edges) {
    graph.putIfAbsent(e[0], () => []).add(e[1]);
    graph.putIfAbsent(e[1], () => []).add(e[0]);
  }
  print(graph);

  Map<String, int> bfs(String start) {
    var dist = {start: 0};
    var queue = [start];
    var head = 0;
    while (head < queue.length) {
      var node = queue[head++];
      for (var next in graph[node]!) {
        if (!dist.containsKey(next)) {
          dist[next] = dist[node]! + 1;
          queue.add(next);
        }
      }
    }
    return dist;
  }

  print(bfs('a'));
  print(bfs('g'));

  var grid = List.generate(4, (r) => List.generate(5, (c) => (r * 5 + c) % 7));
  for (var row in grid) {
    print(row.join(' '));
  }
  var columnSums = List.filled(5, 0);
  for (var row in grid) {
    for (var c = 0; c < row.length; c++) {
      columnSums[c] += row[c];
    }
  }
  print(columnSums);

  var copies = <List<int>>[];
  for (var i = 0; i < 300; i++) {
    copies.add([for (var j = 0; j <= i % 10; j++) j]);
  }
  var totalLength = copies.fold(0, (sum, l) => sum + l.length);
  print('copies: ${copies.length}, total length: $totalLength');
}
