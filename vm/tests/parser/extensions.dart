extension StringExtras on String {
  String get shout => toUpperCase();
  bool isBlank() => trim().isEmpty;
  static String make() => '';
  String operator -(String other) => replaceAll(other, '');
}
extension on int {
  int get doubled => this * 2;
}
extension ListExtras<T extends Comparable<T>> on List<T> {
  T? get firstOrNull => isEmpty ? null : this[0];
  void sortDesc() => sort((a, b) => b.compareTo(a));
}
extension on List<int> {}
