// num.clamp: integer ranges, mixed int/double limits, -0.0 and NaN ordered as
// compareTo orders them, and an empty range (lower above upper) is an ArgumentError.
void main() {
  print([5.clamp(1, 3), 0.clamp(1, 3), 2.clamp(1, 3)]);
  print([10.5.clamp(5, 10.0), 0.75.clamp(5, 10.0), (-10).clamp(-5, 5.0)]);
  print([(-0.0).clamp(-5, 5.0), (-0.0).clamp(0.0, 1.0), 0.0.clamp(-1.0, -0.0)]);
  print([double.nan.clamp(0, 1), 3.clamp(double.nan, double.nan)]);
  for (final limits in [[3, 1], [0.5, 0], [0.0, -0.0]]) {
    try {
      print(1.clamp(limits[0], limits[1]));
    } on ArgumentError catch (e) {
      print(e);
    }
  }
}
