// `const` variables, and `final` top-level and static variables that are not `late`
// or `external`, must be initialised where they are declared.

const int limit;
final String name;
late final int later;
external final int provided;

class Settings {
  static const int size;
  static final bool verbose;
  static late final bool lazy;
  final int id;
  Settings(this.id);
}

void main() {
  print(limit);
}
