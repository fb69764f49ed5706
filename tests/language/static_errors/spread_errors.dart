// Spreads the Dart front end rejects: a value that is not an Iterable (not a Map in a
// map literal), `null` without `?`, and `{...}` literals that cannot be a set and a map
// at once.

void main() {
  var count = 3;
  var word = 'abc';
  var scores = {'a': 1};
  var names = ['x', 'y'];
  List fromInt = [...count];
  Set<String> letters = {...word};
  var listOfMap = [...scores];
  var setWithMap = {'z', ...scores};
  var mapWithList = {'k': 1, ...names};
  var both = {...names, ...scores};
  var unknown = {...?null};
  var spreadNull = [...null];
  print([fromInt, letters, listOfMap, setWithMap, mapWithList, both, unknown, spreadNull]);
}
