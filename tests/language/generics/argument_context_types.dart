// An argument gets its parameter's type as context: a generic constructor or factory
// call with no type arguments of its own builds the parameter's type, through plain,
// named, initializing-formal and `late` field parameters.
class Inventory {
  final List<num> counts;
  late Map<String, Object> extra;
  Inventory(this.counts, Map<String, Object> extra) {
    this.extra = extra;
  }
  Inventory.late(this.counts, this.extra);
}

void describe(List<num> values, {required Set<Object> tags}) {
  print('${values.runtimeType} ${tags.runtimeType}');
  if (values.isEmpty) {
    values.add(1.5);
  } else {
    values[0] = 1.5;
  }
  tags.add('late tag');
  print('$values $tags');
}

Stream<int> numbers(Stream<int> s) => s;

Future<void> main() async {
  describe(List.filled(2, 0), tags: Set.of([1]));
  describe(List.empty(growable: true), tags: Set());
  final inv = Inventory(List.generate(2, (i) => i), Map());
  inv.counts.add(2.5);
  inv.extra['k'] = 'v';
  print('${inv.counts} ${inv.extra} ${inv.extra.runtimeType}');
  final later = Inventory.late(List.empty(growable: true), Map.of({'a': 1}));
  later.counts.add(0.5);
  later.extra['b'] = true;
  print('${later.counts} ${later.extra}');
  await for (final n in numbers(Stream.fromIterable([1, 2]))) {
    print(n.isEven);
  }
}
