// round/floor/ceil/truncate (to int and to double) with ties and negative
// values, plus rounding to a number of decimal places.

double roundTo(double x, int places) {
  var factor = 1;
  for (var i = 0; i < places; i++) {
    factor *= 10;
  }
  return (x * factor).round() / factor;
}

void main() {
  for (var v in [2.5, -2.5, 2.4, -2.6, 3.5, 0.5, -0.5, 7.0, 1e10 + 0.5]) {
    print('$v: round=${v.round()} floor=${v.floor()} '
        'ceil=${v.ceil()} truncate=${v.truncate()}');
  }

  print(2.5.roundToDouble());
  print((-2.5).roundToDouble());
  print(2.7.floorToDouble());
  print((-0.5).ceilToDouble());
  print((-0.5).truncateToDouble());
  print(0.4.roundToDouble());
  print(-2.5.round());
  print((-2.5).floor());
  print(-2.5.floor());

  print(roundTo(3.14159, 2));
  print(roundTo(2.71828, 3));
  print(roundTo(1.005, 2));
  print(roundTo(-1.2345, 1));

  var prices = [19.99, 5.01, 0.49, 100.5];
  var total = 0;
  for (var p in prices) {
    total += p.round();
  }
  print('rounded total: $total');
}
