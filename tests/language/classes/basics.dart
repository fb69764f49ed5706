// Classes with fields, this-parameters, methods, default toString
// ("Instance of 'X'"), overridden toString and objects referencing objects.

class Plain {
  int value = 0;
}

class Counter {
  final String name;
  int count = 0;

  Counter(this.name);

  void increment([int by = 1]) {
    count += by;
  }

  bool get isZero => count == 0;

  @override
  String toString() => '$name: $count';
}

class Node {
  final int value;
  Node? next;
  Node(this.value, [this.next]);
}

class LinkedStack {
  Node? _top;
  int _size = 0;

  void push(int v) {
    _top = Node(v, _top);
    _size++;
  }

  int pop() {
    var top = _top!;
    _top = top.next;
    _size--;
    return top.value;
  }

  int get size => _size;
  bool get isEmpty => _top == null;

  @override
  String toString() {
    var parts = <int>[];
    for (var n = _top; n != null; n = n.next) {
      parts.add(n.value);
    }
    return 'Stack$parts';
  }
}

void main() {
  var p = Plain();
  print(p);
  print(p.value);
  p.value = 7;
  print(p.value);
  print(p.toString() == 'Instance of \'Plain\'');

  var c = Counter('clicks');
  print(c.isZero);
  c.increment();
  c.increment(5);
  print(c);
  print(c.isZero);
  print('counter says ${c.count}');

  var a = Counter('a');
  var b = a;
  b.increment(2);
  print('$a and $b are the same object: ${identical(a, b)}');

  var stack = LinkedStack();
  for (var i = 1; i <= 4; i++) {
    stack.push(i * i);
  }
  print(stack);
  print('size ${stack.size}');
  print(stack.pop());
  print(stack.pop());
  print(stack);
  while (!stack.isEmpty) {
    stack.pop();
  }
  print('${stack.size} ${stack.isEmpty} $stack');
}
