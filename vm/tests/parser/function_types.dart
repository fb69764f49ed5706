int Function(String) parser = int.parse;
int Function(String)? maybeParser;
void Function(int Function(String) f, [String Function()? g]) higher = (f, [g]) {};
Function untypedFunction = () {};
Function? nullableFunction;
T Function<T>(T) genericFn = <T>(T x) => x;
void Function({required int a, String b}) namedFn = ({required a, b = ''}) {};
int Function(int) Function(int) curried = (a) => (b) => a + b;
List<int Function()> listOfFns = [];
Map<String, void Function(int)?> mapOfFns = {};

void takesCallbacks(void callback(int x), int Function(int)? other, {required bool Function(String s) test}) {}
void functionTypedParam(int f(int a, [int b]), void g<T>(T x)?) {}

class C {
  void Function()? onDone;
  final int Function(int, {int scale}) transform;
  C(this.transform);
}
