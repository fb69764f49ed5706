import 'dart:math';
import 'dart:io';
import 'dart:collection';
import 'dart:async';

void main() {
  final r = Random(42);
  final q = Queue<int>();
  q.add(r.nextInt(10));
  stdout.writeln('${max(3, 4)} ${sqrt(16)} ${q.length}');
  final m = LinkedHashMap<String, int>();
  m['a'] = 1;
  exit(0);
}
