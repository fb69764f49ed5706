// Overrides that are not compatible with the member they override.

class Animal {
  String speak(int times, [String suffix = '!']) => 'Animal';
  void feed({required String food, int grams = 10}) {}
  num get weight => 1;
  set owner(String name) {}
  String describe() => 'animal';
  int legs() => 4;
}

class Dog extends Animal {
  String speak(int times) => 'Woof';
  void feed({String food = 'bones', int grams = 10, required bool wet}) {}
  String get weight => 'heavy';
  set owner(int id) {}
  void describe() {}
  int get legs => 4;
}

class Cat extends Animal {
  String speak(int times, String suffix) => 'Meow';
  void feed({required String food}) {}
}

abstract interface class Greeter {
  String greet(String name);
}

class Robot implements Greeter {
  String greet(int serial) => 'beep';
}

void main() {
  print('unreachable');
}
