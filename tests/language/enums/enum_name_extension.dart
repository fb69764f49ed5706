// `EnumName` is dart:core's extension for an enum value's name: it can be applied
// explicitly, and it still gives the declared name when an enum has a field of its own
// called `name` (dartrs had no `EnumName`: "Method not found").

enum Planet {
  earth('Earth'),
  mars('Mars');

  const Planet(this.name);
  final String name;
}

enum Size { small, large }

void main() {
  print(EnumName(Size.large).name);
  print(Planet.mars.name);
  print(EnumName(Planet.mars).name);
  print([for (final p in Planet.values) '${EnumName(p).name}=${p.name}']);
  print(Size.values.byName('small'));
  print(Size.values.asNameMap());
}
