class Plain {}
abstract class Shape {}
base class Base {}
final class Final {}
interface class Interface {}
sealed class Sealed {}
mixin class MixinClass {}
abstract base class AbstractBase {}
abstract interface class AbstractInterface {}
abstract final class AbstractFinal {}
base mixin class BaseMixinClass {}
abstract mixin class AbstractMixinClass {}
class Sub extends Shape with MixinClass implements Interface, Comparable<Sub> {
  int compareTo(Sub other) => 0;
}
class Generic<T extends Comparable<T>, U> extends Base implements Interface {}
