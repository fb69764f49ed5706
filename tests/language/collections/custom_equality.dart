// Hash maps and sets with custom equality, identity, and isValidKey.
import 'dart:collection';

class Point {
  final int x, y;
  const Point(this.x, this.y);
  bool operator ==(Object other) => other is Point && other.x == x && other.y == y;
  int get hashCode => Object.hash(x, y);
  String toString() => "($x,$y)";
}

int equalsCalls = 0;

bool caseInsensitiveEquals(String a, String b) {
  equalsCalls++;
  return a.toLowerCase() == b.toLowerCase();
}

int caseInsensitiveHash(String s) => s.toLowerCase().hashCode;

void main() {
  // A case-insensitive header map.
  final headers = LinkedHashMap<String, String>(
      equals: caseInsensitiveEquals, hashCode: caseInsensitiveHash);
  headers["Content-Type"] = "text/html";
  headers["ACCEPT"] = "*/*";
  headers["content-type"] = "application/json";
  print(headers);
  print(headers["CONTENT-TYPE"]);
  print(headers.containsKey("accept"));
  print(headers.containsKey(42));
  print(headers[42]);
  print(headers.remove("Accept"));
  print(headers);
  print(equalsCalls > 0);
  headers.putIfAbsent("X-Id", () => "7");
  headers.putIfAbsent("x-id", () => "8");
  headers.update("x-ID", (v) => "$v!");
  print(headers);
  print(headers.keys.contains("X-ID"));
  print(headers.entries.map((e) => "${e.key}=${e.value}").join("; "));

  // isValidKey guards lookups of foreign keys.
  final lengths = HashMap<String, int>(
      equals: (a, b) => a.length == b.length,
      hashCode: (s) => s.length,
      isValidKey: (k) => k is String && k.isNotEmpty);
  lengths["one"] = 1;
  lengths["three"] = 3;
  print(lengths["two"]);
  print(lengths[""]);
  print(lengths.containsKey(3));
  print(lengths.length);

  // Identity collections: equal but distinct points are different keys.
  final p1 = Point(1, 2);
  final p2 = Point(1, 2);
  final byValue = <Point, String>{p1: "first"};
  byValue[p2] = "second";
  print(byValue);
  final byIdentity = Map<Point, String>.identity();
  byIdentity[p1] = "first";
  byIdentity[p2] = "second";
  print(byIdentity.length);
  print(byIdentity[p1]);
  print(byIdentity[Point(1, 2)]);
  final seen = Set<Point>.identity()..addAll([p1, p2, p1]);
  print(seen.length);
  print(seen.contains(p2));
  print(seen.contains(const Point(1, 2)));
  final hashIdentity = HashSet<Point>.identity()..add(p1);
  print(hashIdentity.contains(p2));
  print(LinkedHashMap<Point, int>(equals: identical, hashCode: identityHashCode)
      ..[p1] = 1
      ..[p2] = 2);

  // A custom set keeps its equality in toSet, union and intersection.
  final words = LinkedHashSet<String>(
      equals: caseInsensitiveEquals, hashCode: caseInsensitiveHash)
    ..addAll(["Apple", "banana", "APPLE", "Cherry"]);
  print(words);
  print(words.lookup("BANANA"));
  print(words.toSet()..add("cherry"));
  print(words.union({"apple", "date"}));
  print(words.intersection({"cherry", "BANANA", "fig"}));
  print(words.difference({"apple"}));
  words.removeWhere((w) => w.startsWith("b"));
  print(words);
  print(words.first);
  print(words.last);

  // HashSet iterates in bucket order (ints hash to themselves).
  final hs = HashSet<int>()..addAll([12, 3, 8, 5, 1]);
  print(hs);
  print(HashSet<int>.from([40, 2, 33]).toList());
  final hm = HashMap<int, String>.fromIterables([9, 1, 17], ["nine", "one", "seventeen"]);
  print(hm);
  print(hm is HashMap<int, String>);
  print(hm is LinkedHashMap);
  try {
    hm.forEach((k, v) {
      hm.remove(k);
    });
  } catch (e) {
    print(e);
  }
}
