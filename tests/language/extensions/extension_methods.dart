// Extension methods, getters and operators on built-in types, generic
// extensions, extensions on nullable types, explicit extension application
// and extensions with static members.

extension StringTools on String {
  String get reversed => split('').reversed.join();
  bool get isPalindrome {
    var clean = toLowerCase().replaceAll(' ', '');
    return clean == clean.split('').reversed.join();
  }

  String capitalize() => isEmpty ? this : this[0].toUpperCase() + substring(1);
  String operator -(String other) => replaceAll(other, '');
  int count(String ch) => split('').where((c) => c == ch).length;
}

extension IntTools on int {
  bool get isPrime {
    if (this < 2) return false;
    for (var d = 2; d * d <= this; d++) {
      if (this % d == 0) return false;
    }
    return true;
  }

  List<int> to(int end) => [for (var i = this; i <= end; i++) i];
  int get factorial => this <= 1 ? 1 : this * (this - 1).factorial;
}

extension Stats on List<num> {
  num get total => fold<num>(0, (a, b) => a + b);
  double get mean => total / length;
}

extension FirstOr<T> on Iterable<T> {
  T firstOr(T fallback) => isEmpty ? fallback : first;
  Map<K, List<T>> groupBy<K>(K Function(T) key) {
    var out = <K, List<T>>{};
    for (var e in this) {
      out.putIfAbsent(key(e), () => []).add(e);
    }
    return out;
  }
}

extension NullableText on String? {
  bool get isBlank => this == null || this!.trim().isEmpty;
  String orDefault(String d) => isBlank ? d : this!;
}

extension Temperature on double {
  static const double freezing = 32.0;
  double get toCelsius => (this - freezing) * 5 / 9;
}

void main() {
  print('hello'.reversed);
  print('Never odd or even'.isPalindrome);
  print('dart'.isPalindrome);
  print('world'.capitalize());
  print(''.capitalize().isEmpty);
  print('banana' - 'an');
  print('mississippi'.count('s'));

  print(17.isPrime);
  print(21.isPrime);
  print(1.to(20).where((n) => n.isPrime).toList());
  print(3.to(6));
  print(10.factorial);

  print([1, 2, 3, 4].total);
  print([1, 2, 3, 4].mean);
  print(<num>[1.5, 2.5].total);

  print(<int>[].firstOr(-1));
  print([7, 8].firstOr(-1));
  var words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry'];
  print(words.groupBy((w) => w[0]));
  print(words.groupBy((w) => w.length));

  String? nothing;
  print(nothing.isBlank);
  print('  '.isBlank);
  print(nothing.orDefault('n/a'));
  print('value'.orDefault('n/a'));

  print(StringTools('explicit').reversed);
  print(IntTools(5).factorial);
  print(212.0.toCelsius);
  print(Temperature.freezing);
}
