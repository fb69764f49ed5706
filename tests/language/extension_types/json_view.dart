// A typed view over decoded JSON: extension types wrap `Map<String, dynamic>` and
// `List<dynamic>` without copying, give them typed getters, and expose selected
// members of the representation through `implements`.

import 'dart:convert';

extension type Json(Map<String, dynamic> _raw) {
  String string(String key) => _raw[key] as String;
  int integer(String key) => _raw[key] as int;
  Json object(String key) => Json(_raw[key] as Map<String, dynamic>);
  JsonList list(String key) => JsonList(_raw[key] as List<dynamic>);
  bool has(String key) => _raw.containsKey(key);
}

extension type JsonList(List<dynamic> _items) implements Iterable<dynamic> {
  Json objectAt(int i) => Json(_items[i] as Map<String, dynamic>);
}

extension type Person(Json json) {
  String get name => json.string('name');
  int get age => json.integer('age');
  Address get address => Address(json.object('address'));
  List<String> get tags => [for (final t in json.list('tags')) t as String];
}

extension type Address(Json json) {
  String get city => json.string('city');
  String get zip => json.has('zip') ? json.string('zip') : '?';
}

const source = '''
{"people": [
  {"name": "Ada", "age": 36, "address": {"city": "London", "zip": "N1"},
   "tags": ["math", "engines"]},
  {"name": "Grace", "age": 85, "address": {"city": "Arlington"}, "tags": []}
]}''';

void main() {
  final root = Json(jsonDecode(source) as Map<String, dynamic>);
  final people = root.list('people');
  print(people.length);
  print(people.isEmpty);
  for (var i = 0; i < people.length; i++) {
    final p = Person(people.objectAt(i));
    print('${p.name} (${p.age}) lives in ${p.address.city} ${p.address.zip}');
    print('tags: ${p.tags}');
  }
  final oldest = [
    for (var i = 0; i < people.length; i++) Person(people.objectAt(i))
  ].reduce((a, b) => a.age >= b.age ? a : b);
  print('oldest: ${oldest.name}');
  // The view is the map itself.
  print(root is Map<String, dynamic>);
  print(jsonEncode(oldest.address));
}
