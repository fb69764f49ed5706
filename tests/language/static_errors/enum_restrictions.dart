// Enums can't be supertypes, classes implementing Enum must be abstract, and
// neither can declare `values` or a concrete `index`, `hashCode` or `==`.

enum Suit { hearts, spades }

class Card implements Suit {}

class Fake implements Enum {}

abstract class Indexed implements Enum {
  int get index => 0;
  int get values => 0;
}

mixin Hashing on Enum {
  int get hashCode => 1;
}

enum Rank {
  ace;

  int get values => 1;
  bool operator ==(Object other) => false;
}

abstract class Listing {
  List<int> get values;
}

enum Size implements Listing { small }

void main() {
  print('unreachable');
}
