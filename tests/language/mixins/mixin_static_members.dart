// A mixin's static methods, called unqualified and qualified from its instance methods
// (which are compiled once per application) and from outside.
mixin Shouting {
  static int calls = 0;
  static String shout(String s) {
    calls++;
    return "${s.toUpperCase()}!";
  }

  String get name;
  String greet() => shout("hello $name");
  String greetQualified() => Shouting.shout("hi $name");
}

class Person with Shouting {
  final String name;
  Person(this.name);
}

class Robot with Shouting {
  String get name => "r2";
}

void main() {
  print(Person("ada").greet());
  print(Robot().greet());
  print(Person("bob").greetQualified());
  print(Shouting.shout("direct"));
  print(Shouting.calls);
}
