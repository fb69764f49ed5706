// split and join in their various forms, and a tiny CSV report built on top.

void main() {
  print('a,b,c'.split(','));
  print('a,b,,c,'.split(','));
  print('hello'.split(''));
  print('one  two'.split(' '));
  print('no separators'.split(';'));
  print(''.split(','));
  print(''.split(',').length);
  print('a::b::c'.split('::'));

  var parts = ['x', 'y', 'z'];
  print(parts.join());
  print(parts.join(', '));
  print(parts.join(' -> '));
  print([1, 2.5, true, null, 'str'].join('|'));
  print(<String>[].join(','));
  print(['solo'].join(', '));

  var csv = 'name,qty,price\n'
      'widget,4,2.50\n'
      'gadget,10,1.25\n'
      'doohickey,1,12.00';
  var lines = csv.split('\n');
  var header = lines.first.split(',');
  print('columns: ${header.join(' | ')}');
  var grand = 0.0;
  for (var line in lines.skip(1)) {
    var fields = line.split(',');
    var qty = int.parse(fields[1]);
    var price = double.parse(fields[2]);
    var cost = qty * price;
    grand += cost;
    print('${fields[0]}: $qty x $price = $cost');
  }
  print('grand total: $grand');

  var path = '/usr/local/lib/dart';
  var segments = path.split('/');
  print(segments);
  print(segments.where((s) => s.isNotEmpty).join('\\'));
}
