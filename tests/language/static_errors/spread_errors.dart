// Spreads the Dart front end rejects: a value that is not an Iterable (not a Map in a
// map literal), `null` without `?`, elements that don't fit the written type arguments,
// and `{...}` literals that are both a set and a map, or that nothing decides.

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
  var wide = <num>[1, 2.5];
  var narrow = <int>[...wide];
  var byValue = <String, String>{...scores};
  dynamic untyped = <int>[];
  var undecided = {...untyped};
  print([fromInt, letters, listOfMap, setWithMap, mapWithList, both, unknown, spreadNull]);
  print([narrow, byValue, undecided]);
}
