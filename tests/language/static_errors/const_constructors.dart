// `const` constructors whose initializer lists can never be constant, or that call a
// non-`const` super constructor; reported where they are declared, even if no constant
// instance is ever created.

int counter = 0;
int get next => counter + 1;
int compute() => 1;

class Mutable {
  Mutable();
}

class Base {
  final Object value;
  const Base(this.value);
  Base.plain() : value = 0;
}

class Derived extends Base {
  const Derived() : super.plain();
}

class FromMutable extends Mutable {
  const FromMutable();
}

class Holder {
  final Object value;
  static int total = 0;
  const Holder.list(int p) : value = [p];
  const Holder.call() : value = compute();
  const Holder.variable() : value = counter;
  const Holder.getter() : value = next;
  const Holder.shared() : value = Holder.total;
  const Holder.created() : value = new Mutable();
  const Holder.method(Object o) : value = o.toString();
  const Holder.checked(int p)
      : assert(p > counter),
        value = p;
}

void main() {
  print(Holder);
}
