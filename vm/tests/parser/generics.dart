class Box<T> {
  T value;
  Box(this.value);
  R map<R>(R Function(T) f) => f(value);
  static Box<S> of<S>(S value) => Box<S>(value);
}

class Bounded<K extends Comparable<K>, V extends List<Map<K, V>>> {}

Map<String, List<List<int>>> nested = {};
List<List<List<int>>> tripleNested = [];
Map<String, Map<String, List<int>>>? nullableNested;

void main() {
  var a = <int>[];
  var b = <String, List<int>>{};
  var c = Box<List<Box<int>>>(<Box<int>>[]);
  List<List<int>> d = [[1]];
  var e = identity<int>(1);
  var f = c.map<String>((x) => x.toString());
  var g = a.isEmpty ? 1 : 2;
  var h = a.length < 2 && a.length > 0;
  bool i = e < 2 || f.length > 3;
  print(x < y, z > (w));
  print(x<y, z>(w));
  var j = 1 >> 2 >>> 3;
  j >>= 1;
  j >>>= 2;
  T first<T>(List<T> list) => list[0];
  var k = first<List<Map<int, int>>>([]);
  var tearOff = identity<String>;
  var m = Box<int>.of;
  var n = List<int>.filled;
  var typeLit = List<int>;
  if (x is Map<String, List<int>>) {}
  var cast = x as List<List<int>>;
}
