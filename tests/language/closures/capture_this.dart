// Closures that capture `this` (implicitly through fields and methods),
// callbacks stored in other objects, and an observer pattern.

class EventBus {
  final Map<String, List<void Function(String)>> _handlers = {};

  void on(String event, void Function(String) handler) {
    _handlers.putIfAbsent(event, () => []).add(handler);
  }

  void emit(String event, String payload) {
    var list = _handlers[event];
    if (list == null) {
      print('no handlers for $event');
      return;
    }
    for (var h in list) {
      h(payload);
    }
  }
}

class Inbox {
  final String owner;
  final List<String> messages = [];
  Inbox(this.owner, EventBus bus) {
    bus.on('mail', (m) => messages.add(m));
    bus.on('mail', _announce);
    bus.on('clear', (_) {
      print('$owner clears ${messages.length} messages');
      messages.clear();
    });
  }

  void _announce(String m) {
    print('$owner got "$m" (${messages.length} total)');
  }
}

class Ticker {
  int ticks = 0;
  void Function() makeTick(int amount) => () {
        ticks += amount;
      };
  String Function() reporter() => () => 'ticks=$ticks';
}

void main() {
  var bus = EventBus();
  var inbox = Inbox('ann', bus);
  bus.emit('mail', 'hello');
  bus.emit('mail', 'lunch?');
  bus.emit('clear', '');
  bus.emit('ping', 'x');
  print(inbox.messages);
  bus.emit('mail', 'again');
  print(inbox.messages);

  var t = Ticker();
  var small = t.makeTick(1);
  var big = t.makeTick(10);
  var report = t.reporter();
  small();
  big();
  small();
  print(report());
  t.ticks = 0;
  big();
  print(report());
}
