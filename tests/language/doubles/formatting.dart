// toStringAsFixed, toStringAsExponential and toStringAsPrecision, used to
// print a small table of values.

void main() {
  print(3.14159.toStringAsFixed(2));
  print(2.0.toStringAsFixed(3));
  print(1234.5678.toStringAsFixed(1));
  print(0.000001234.toStringAsFixed(8));
  print(0.1.toStringAsFixed(20));
  print(1.45.toStringAsFixed(1));
  print(99.995.toStringAsFixed(2));
  print(123.0.toStringAsFixed(0));
  print((-3.7).toStringAsFixed(0));
  print(1e21.toStringAsFixed(2));
  print(5.toStringAsFixed(1));

  print(123.456.toStringAsExponential(2));
  print(0.00012345.toStringAsExponential(3));
  print(1.0.toStringAsExponential(0));
  print(98765.4321.toStringAsExponential(4));

  print(123.456.toStringAsPrecision(4));
  print(0.000123456.toStringAsPrecision(2));
  print(123456789.0.toStringAsPrecision(3));
  print(1000.0.toStringAsPrecision(3));
  print(1.0.toStringAsPrecision(5));
  print(0.00000012.toStringAsPrecision(2));

  var items = {'apple': 0.5, 'bread': 2.25, 'cheese': 7.999, 'dates': 12.0};
  var total = 0.0;
  for (var name in items.keys) {
    var price = items[name]!;
    total += price;
    print('${name.padRight(8)}${price.toStringAsFixed(2).padLeft(8)}');
  }
  print('${'total'.padRight(8)}${total.toStringAsFixed(2).padLeft(8)}');
  print('raw total: $total');

  for (var c = -10; c <= 40; c += 25) {
    var f = c * 9 / 5 + 32;
    print('$c C = ${f.toStringAsFixed(1)} F');
  }
}
