// Tear-offs of top-level functions, static methods, instance methods,
// getters-free methods of built-in types and constructors; tear-off equality.

int triple(int x) => x * 3;

class Formatter {
  final String prefix;
  Formatter(this.prefix);
  String format(Object o) => '$prefix$o';
  static String shout(String s) => '${s.toUpperCase()}!';
}

class Item {
  final String name;
  Item(this.name);
  Item.unnamed() : name = '?';
  @override
  String toString() => 'Item($name)';
}

void main() {
  [1, 2, 3].forEach(print);

  var f = triple;
  print(f(5));
  print([1, 2, 3].map(triple).toList());

  var fmt = Formatter('> ');
  var method = fmt.format;
  print(method(42));
  print(['a', 'b'].map(fmt.format).join(' '));
  print(['hi', 'yo'].map(Formatter.shout).toList());

  print(['1', '22', '333'].map(int.parse).toList());
  var words = ['pear', 'fig', 'banana'];
  var lengths = words.map((w) => w.length).toList();
  print(lengths);
  var upper = words.map((w) => w.toUpperCase());
  print(upper.toList());

  var makeItem = Item.new;
  var items = ['x', 'y'].map(makeItem).toList();
  print(items);
  var blank = Item.unnamed;
  print(blank());

  var sb = StringBuffer();
  var write = sb.write;
  write('tear');
  write('-');
  write('off');
  print(sb.toString());

  print(fmt.format == fmt.format);
  print(fmt.format == Formatter('> ').format);
  print(triple == triple);

  var list = <int>[];
  var add = list.add;
  add(3);
  add(1);
  add(2);
  list.sort();
  print(list);
}
