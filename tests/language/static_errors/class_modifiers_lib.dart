// Declarations with Dart 3 class modifiers, used from class_modifiers.dart and
// classes/class_modifiers_valid.dart (another library).

final class Token {}

interface class Listener {
  void notify(String event) => print('notified: $event');
}

base class Resource {
  String get id => 'resource';
}

sealed class Shape {}

class Circle extends Shape {}

class Plain {}

mixin class Helpers {
  String help() => 'helped';
}

base mixin Audited {
  String audit() => 'audited';
}
