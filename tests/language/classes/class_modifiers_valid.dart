// What class modifiers allow across libraries: implementing an interface class,
// extending a base class with a base subclass, final subclasses, mixing in a mixin
// class, and subtyping a sealed class's public subclass.
import '../static_errors/class_modifiers_lib.dart';
import 'class_modifiers_legacy_lib.dart';

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

final class LocalToken {}

base class LocalResource {
  String get id => 'local';
}

// Enums are implicitly final: they may implement base and final classes of their own
// library and mix in base mixins.
enum Level with Audited implements LocalToken, LocalResource {
  low;

  @override
  String get id => 'level';
}

// A plain class from a pre-3.0 library can be mixed in.
class Modern with Legacy {}

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
  print('${Level.low.audit()} ${Level.low.id} ${Level.low is LocalToken}');
  print(Modern().legacy());
}
