void main() {
  var a = () {};
  var b = () => 1;
  var c = (x) => x + 1;
  var d = (int x, int y) {
    return x + y;
  };
  var e = ([int x = 0]) => x;
  var f = ({required String name, int age = 0}) => name;
  var g = <T>(T x) => x;
  var h = <T extends num>(T x, [T? y]) => x;
  var i = () async {};
  var j = () async* {};
  var k = () sync* {};
  var l = (x) => (y) => x + y;
  list.forEach((e) {
    print(e);
  });
  list.map((e) => e * 2).where((e) => e > 2).toList();
  (() => 1)();
  var m = (int Function(int) f) => f(1);
  var n = (final x, var y) => x;
  var o = (a) async => await a;
  callback(() => print('hi'), onError: (e, s) {});
}
