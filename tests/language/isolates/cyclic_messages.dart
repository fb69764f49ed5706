// gc-stress
// Messages keep cycles and sharing, and copy user objects, maps, sets, records,
// closures and enums; SendPorts and Capabilities stay equal across isolates.
import 'dart:isolate';

enum Color { red, green, blue }

class Node {
  final String name;
  Node? next;
  List<Node> children = [];
  Node(this.name);
}

class Box<T> {
  final T value;
  Box(this.value);
}

void echo(SendPort reply) {
  final port = RawReceivePort();
  port.handler = (Object? message) {
    reply.send(message);
    if (message == 'last') port.close();
  };
  reply.send(port.sendPort);
}

Future<void> main() async {
  final replies = ReceivePort();
  final queue = <Object?>[];
  final waiters = <void Function()>[];
  replies.listen((m) {
    queue.add(m);
    if (waiters.isNotEmpty) waiters.removeAt(0)();
  });
  Future<Object?> next() async {
    while (queue.isEmpty) {
      await Future.delayed(const Duration(milliseconds: 1));
    }
    return queue.removeAt(0);
  }

  await Isolate.spawn(echo, replies.sendPort);
  final child = await next() as SendPort;

  // A cycle: a -> b -> a, and shared children.
  final a = Node('a');
  final b = Node('b');
  a.next = b;
  b.next = a;
  final shared = Node('shared');
  a.children.addAll([shared, shared]);
  child.send(a);
  final a2 = await next() as Node;
  print('${a2.name} -> ${a2.next!.name} -> ${a2.next!.next!.name}');
  print('cycle kept: ${identical(a2.next!.next, a2)}');
  print('sharing kept: ${identical(a2.children[0], a2.children[1])}');
  print('copied, not shared: ${!identical(a2, a)}');

  // A list containing itself.
  final self = <Object?>[1, 'two'];
  self.add(self);
  child.send(self);
  final self2 = await next() as List;
  print('self-containing list: ${identical(self2[2], self2)} ${self2[0]} ${self2[1]}');

  // Maps, sets, records, enums, big ints, doubles, nested generics.
  final map = <Object, Object?>{
    Color.green: [1.5, -0.0, 9007199254740993],
    'k': {1, 2, 3},
    (1, name: 'r'): null,
  };
  for (var i = 0; i < 20; i++) {
    map[i] = 'v$i';
  }
  child.send(map);
  final map2 = await next() as Map;
  print(map2[Color.green]);
  print('enum identical: ${identical(map2.keys.first, Color.green)}');
  print(map2['k']);
  print(map2.containsKey((1, name: 'r')));
  print(map2[19]);
  print(map2.length);

  final box = Box<List<String>>(['x', 'y']);
  child.send(box);
  final box2 = await next();
  print('${box2.runtimeType} ${(box2 as Box<List<String>>).value}');

  // Closures with captured state, tear-offs.
  var counter = 10;
  int bump(int by) => counter += by;
  child.send([bump, int.parse, 'abcdef'.substring, print]);
  final fns = await next() as List;
  print((fns[0] as int Function(int))(5));
  print((fns[0] as int Function(int))(5));
  print('original counter untouched: $counter');
  print((fns[1] as int Function(String))('42') + 1);
  print((fns[2] as String Function(int, [int?]))(2, 4));
  (fns[3] as void Function(Object?))('printed through a copied tear-off');

  // Ports and capabilities.
  final cap = Capability();
  child.send([replies.sendPort, cap]);
  final ports = await next() as List;
  print('SendPort equal: ${ports[0] == replies.sendPort}');
  print('Capability equal: ${ports[1] == cap}');
  print('hashCode equal: ${ports[0].hashCode == replies.sendPort.hashCode}');

  final trace = StackTrace.fromString('#0 somewhere');
  child.send(trace);
  print('stack trace text: ${await next()}');

  child.send('last');
  print(await next());
  replies.close();
}
