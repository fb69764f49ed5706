// @dart=2.19
// A library from before class modifiers: its plain classes may be mixed in.

class Legacy {
  String legacy() => 'legacy';
}
