// Spread (...), null-aware spread (...?), collection if/else and
// collection for in list, set and map literals.

List<String> menu(bool vegetarian, bool kids, List<String>? specials) {
  return [
    'soup',
    if (!vegetarian) 'steak' else 'tofu',
    if (kids) ...['fries', 'nuggets'],
    ...?specials,
    for (var i = 1; i <= 2; i++) 'dessert $i',
  ];
}

void main() {
  var a = [1, 2];
  var b = [3, 4];
  print([...a, ...b]);
  print([0, ...a, 99, ...b, 100]);
  List<int>? none;
  print([...?none, 5]);
  print([...a.map((x) => x * 10), ...b.where((x) => x > 3)]);

  print(menu(false, true, null));
  print(menu(true, false, ['chef pie']));

  var squares = [for (var i = 0; i < 6; i++) i * i];
  print(squares);
  var evens = [for (var x in squares) if (x.isEven) x];
  print(evens);
  var pairs = [
    for (var i = 1; i <= 3; i++)
      for (var j = i; j <= 3; j++) '$i$j'
  ];
  print(pairs);

  var set = {...a, ...b, 2, 3, if (a.length > 1) 42};
  print(set);

  var base = {'host': 'localhost', 'port': '80'};
  var debug = true;
  var config = {
    ...base,
    'port': '8080',
    if (debug) 'log': 'verbose',
    for (var k in ['x', 'y']) 'key_$k': k.toUpperCase(),
  };
  print(config);

  var matrix = [
    for (var r = 0; r < 3; r++) [for (var c = 0; c < 3; c++) r == c ? 1 : 0]
  ];
  print(matrix);

  var flattened = [for (var row in matrix) ...row];
  print(flattened);
  print(flattened.length);
}
