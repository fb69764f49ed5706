// Extensions on nullable types apply to locals whose static type is nullable even when
// they were declared with an initialiser (dartrs read such locals as `dynamic`, so the
// call went to the object's own class and threw, or to `int.+` with a null argument).

extension NullableText on String? {
  bool get isNullOrEmpty => this == null || this!.isEmpty;
  String orDefault(String fallback) => this ?? fallback;
}

extension NullableArithmetic on int? {
  int? operator +(int? other) =>
      (this != null && other != null) ? this! + other : null;
  int? operator -() => this == null ? null : -this!;
  int? operator [](int factor) => this == null ? null : this! * factor;
}

extension on int {
  int twice() => this * 2;
}

String? lookup(Map<String, String> m, String key) => m[key];

int? parsed(String s) => int.tryParse(s);

void main() {
  final settings = {'name': 'dartrs', 'empty': ''};
  String? name = lookup(settings, 'name');
  String? missing = lookup(settings, 'colour');
  String? empty = lookup(settings, 'empty');
  print('${name.isNullOrEmpty} ${missing.isNullOrEmpty} ${empty.isNullOrEmpty}');
  print('${name.orDefault('?')} ${missing.orDefault('?')}');

  int? one = parsed('1');
  int? none = parsed('x');
  print(one + 1);
  print(one + null);
  print(none + 1);
  print(-one);
  print(-none);
  print(one[7]);
  print([?one + 1, ?one + null, ?none]);

  // A non-null initialiser promotes the local: members of `int` and extensions on
  // `int` apply.
  int? promoted = 20;
  print(promoted.twice());
  print(promoted + 1);
}
