mixin Walker {
  void walk() => print('walking');
}
mixin Swimmer on Animal implements Comparable<Swimmer> {
  void swim() {}
}
base mixin Flyer<T> on Animal, Walker {
  T? payload;
}
mixin Empty {}
abstract class Animal {}
class Duck extends Animal with Walker, Swimmer, Flyer<int> {
  int compareTo(Swimmer other) => 0;
}
class MixedIn = Animal with Walker, Swimmer;
abstract final class MixedIn2<T> = Animal with Flyer<T> implements Comparable<int>;
