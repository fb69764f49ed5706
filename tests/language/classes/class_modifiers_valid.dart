// What class modifiers allow across libraries: implementing an interface class,
// extending a base class with a base subclass, final subclasses, mixing in a mixin
// class, and subtyping a sealed class's public subclass.
import '../static_errors/class_modifiers_lib.dart';

class QuietListener implements Listener {
  @override
  void notify(String event) => print('quiet: $event');
}

base class FileResource extends Resource {
  @override
  String get id => 'file';
}

final class LockedResource extends Resource {}

sealed class Variant extends Resource {}

base class Concrete extends Variant {}

class BigCircle extends Circle {}

class Helped with Helpers {}

class Plain2 extends Plain {}

void main() {
  Listener().notify('a');
  QuietListener().notify('b');
  print(FileResource().id);
  print(LockedResource().id);
  print(Concrete().id);
  print(BigCircle() is Shape);
  print(Helped().help());
  print(Plain2() is Plain);
  final Shape s = Circle();
  print(switch (s) { Circle() => 'circle' });
}
