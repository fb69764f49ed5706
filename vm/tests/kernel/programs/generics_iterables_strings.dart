import 'dart:collection';

class Stack<T> {
  final List<T> _items = [];
  void push(T item) => _items.add(item);
  T pop() => _items.removeLast();
  T? get top => _items.isEmpty ? null : _items.last;
  bool get isEmpty => _items.isEmpty;
  int get length => _items.length;
}

class Range extends Iterable<int> {
  final int start, end;
  Range(this.start, this.end);
  @override
  Iterator<int> get iterator => _RangeIterator(start, end);
}

class _RangeIterator implements Iterator<int> {
  int _current;
  final int _end;
  _RangeIterator(int start, this._end) : _current = start - 1;
  @override
  int get current => _current;
  @override
  bool moveNext() => ++_current < _end;
}

class Node {
  final int value;
  Node? left, right;
  Node(this.value);
  void insert(int v) {
    if (v < value) {
      left == null ? left = Node(v) : left!.insert(v);
    } else {
      if (right == null) {
        right = Node(v);
      } else {
        right!.insert(v);
      }
    }
  }

  Iterable<int> inorder() {
    final out = <int>[];
    void walk(Node? n) {
      if (n == null) return;
      walk(n.left);
      out.add(n.value);
      walk(n.right);
    }

    walk(this);
    return out;
  }
}

class Lazy {
  late final String value;
  late int count;
  void init() {
    value = 'set';
    count = 1;
  }
}

abstract class Animal {
  String get sound;
  String speak() => '$runtimeType says $sound';
}

class Dog extends Animal {
  @override
  String get sound => 'woof';
}

class Cat extends Animal {
  @override
  final String sound = 'meow';
}

T firstOf<T>(List<T> xs) => xs.first;

void main() {
  final s = Stack<String>();
  s.push('a');
  s.push('b');
  print('${s.pop()} ${s.top} ${s.length}');
  print(Range(0, 5).toList());
  print(Range(1, 4).map((x) => x * x).where((x) => x > 1).toList());
  print(Range(0, 3).contains(2));
  final root = Node(5);
  for (final v in [3, 8, 1, 4, 9, 7]) {
    root.insert(v);
  }
  print(root.inorder());
  final l = Lazy()..init();
  print('${l.value} ${l.count}');
  for (final a in <Animal>[Dog(), Cat()]) {
    print(a.speak());
  }
  print(firstOf([4, 5, 6]));
  final q = Queue<int>()
    ..add(1)
    ..add(2)
    ..addFirst(0);
  print('${q.removeFirst()} ${q.length}');
  final sb = StringBuffer('x');
  sb.writeAll([1, 2, 3], '-');
  sb.writeln('!');
  print(sb.toString().trim());
  final m = <String, List<int>>{};
  m.putIfAbsent('a', () => []).add(1);
  m.putIfAbsent('a', () => []).add(2);
  print(m);
  print('a,b,,c'.split(','));
  print('  padded '.trim().padLeft(10, '.'));
  print('hello world'.replaceAll('o', '0').substring(2, 8));
  print('abc'.codeUnitAt(1));
  print(String.fromCharCodes([72, 105]));
  print(3.14159.toStringAsFixed(2));
  print(10.0);
  print(1e21);
  print(0.1 + 0.2);
  print(100 ~/ 7 * 7 + 100 % 7);
  print((-3).abs());
  print(5.isOdd);
  print([5, 3, 9].reduce((a, b) => a > b ? a : b));
  print(Duration(milliseconds: 1500));
  print([for (var i = 0; i < 3; i++) i * 2]);
  print({for (final w in ['x', 'yy']) w: w.length});
}
