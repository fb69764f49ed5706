// Spreads that must be accepted: iterables into lists and sets, maps into maps,
// nullable values with `?`, `dynamic` values, and `{...}` literals decided by their
// elements or context.

List<int>? maybeNumbers(bool give) => give ? [7, 8] : null;

void main() {
  var numbers = [1, 2];
  var moreNumbers = {3, 4};
  var table = {'a': 1};
  List<int>? none;
  dynamic anything = [5, 6];
  Iterable<int> lazy = numbers.map((n) => n * 10);
  print([...numbers, ...moreNumbers, ...lazy, ...?none, ...?maybeNumbers(true)]);
  print({...numbers, ...moreNumbers});
  print({...table, 'b': 2});
  print([...anything]);
  Map<String, int> fromContext = {...table};
  Set<int> setFromContext = {...?none};
  print(fromContext);
  print(setFromContext);
  print({...?maybeNumbers(false), 9});
  print(<num>[...numbers]);
  print(<Object, num>{...table});
  Map<int, int> decidedByContext = {...anything.asMap()};
  print(decidedByContext);
  var text = 'hi';
  print([...text.split('')]);
}
