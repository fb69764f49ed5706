abstract class Members {
  static const int maxCount = 10;
  static final Map<String, int> cache = {};
  static int instances = 0;
  static late String lazyStatic;
  int plain = 0;
  int? nullable;
  final String name;
  late final int computed = compute();
  late String assignedLater;
  covariant Object item;
  external int external_;
  external static int staticExternal;
  var untyped = 1, another;
  final List<int> list = [], other = const [];
  abstract int abstractField;
  abstract final String abstractFinal;

  Members(this.name, this.item);

  int compute() => 1;
  void doNothing();
  static int staticMethod(int x) => x * 2;
  Future<void> asyncMethod() async {}
  T generic<T extends num>(T x) => x;
  int get length => name.length;
  set length(int value) {}
  static String get staticGetter => 'g';
  static set staticSetter(String v) {}
  external void externalMethod();
  void withCovariant(covariant int x) {}
  int get;
  int set;
  void get2() {}
}
