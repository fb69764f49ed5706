// DeltaBlue: the incremental one-way constraint solver of the classic benchmark
// (Freeman-Benson, Maloney, Borning), run on a chain and a projection problem.
// Constraints form a class hierarchy with virtual methods; variables hold lists of
// constraints.

class Strength {
  final int value;
  final String name;
  Strength(this.value, this.name);

  /// As in the original benchmark, `required` is followed by `weakest`, so
  /// incrementalRemove re-adds only required constraints.
  Strength nextWeaker() {
    switch (value) {
      case 0:
        return weakestStrength;
      case 1:
        return weakDefaultStrength;
      case 2:
        return normalStrength;
      case 3:
        return strongDefaultStrength;
      case 4:
        return preferredStrength;
      case 5:
        return requiredStrength;
    }
    throw StateError('no strength weaker than $name');
  }

  static bool stronger(Strength s1, Strength s2) => s1.value < s2.value;
  static bool weaker(Strength s1, Strength s2) => s1.value > s2.value;
  static Strength weakestOf(Strength s1, Strength s2) => weaker(s1, s2) ? s1 : s2;
}

final Strength requiredStrength = Strength(0, 'required');
final Strength strongPreferredStrength = Strength(1, 'strongPreferred');
final Strength preferredStrength = Strength(2, 'preferred');
final Strength strongDefaultStrength = Strength(3, 'strongDefault');
final Strength normalStrength = Strength(4, 'normal');
final Strength weakDefaultStrength = Strength(5, 'weakDefault');
final Strength weakestStrength = Strength(6, 'weakest');

const int directionNone = 1;
const int directionForward = 2;
const int directionBackward = 0;

Planner planner = Planner();

abstract class Constraint {
  final Strength strength;
  Constraint(this.strength);

  bool isSatisfied();
  void markUnsatisfied();
  void addToGraph();
  void removeFromGraph();
  void chooseMethod(int mark);
  void markInputs(int mark);
  bool inputsKnown(int mark);
  Variable output();
  void execute();
  void recalculate();

  void addConstraint() {
    addToGraph();
    planner.incrementalAdd(this);
  }

  Constraint? satisfy(int mark) {
    chooseMethod(mark);
    if (!isSatisfied()) {
      if (strength == requiredStrength) {
        throw StateError('Could not satisfy a required constraint!');
      }
      return null;
    }
    markInputs(mark);
    final out = output();
    final overridden = out.determinedBy;
    if (overridden != null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!planner.addPropagate(this, mark)) {
      throw StateError('Cycle encountered');
    }
    out.mark = mark;
    return overridden;
  }

  void destroyConstraint() {
    if (isSatisfied()) planner.incrementalRemove(this);
    removeFromGraph();
  }

  bool isInput() => false;
}

abstract class UnaryConstraint extends Constraint {
  final Variable myOutput;
  bool satisfied = false;

  UnaryConstraint(this.myOutput, Strength strength) : super(strength) {
    addConstraint();
  }

  @override
  void addToGraph() {
    myOutput.addConstraint(this);
    satisfied = false;
  }

  @override
  void chooseMethod(int mark) {
    satisfied = myOutput.mark != mark &&
        Strength.stronger(strength, myOutput.walkStrength);
  }

  @override
  bool isSatisfied() => satisfied;

  @override
  void markInputs(int mark) {}

  @override
  Variable output() => myOutput;

  @override
  void recalculate() {
    myOutput.walkStrength = strength;
    myOutput.stay = !isInput();
    if (myOutput.stay) execute();
  }

  @override
  void markUnsatisfied() {
    satisfied = false;
  }

  @override
  bool inputsKnown(int mark) => true;

  @override
  void removeFromGraph() {
    myOutput.removeConstraint(this);
    satisfied = false;
  }
}

class StayConstraint extends UnaryConstraint {
  StayConstraint(Variable v, Strength str) : super(v, str);

  @override
  void execute() {}
}

class EditConstraint extends UnaryConstraint {
  EditConstraint(Variable v, Strength str) : super(v, str);

  @override
  bool isInput() => true;

  @override
  void execute() {}
}

abstract class BinaryConstraint extends Constraint {
  final Variable v1;
  final Variable v2;
  int direction = directionNone;

  BinaryConstraint(this.v1, this.v2, Strength strength) : super(strength) {
    addConstraint();
  }

  @override
  void chooseMethod(int mark) {
    if (v1.mark == mark) {
      direction = (v2.mark != mark && Strength.stronger(strength, v2.walkStrength))
          ? directionForward
          : directionNone;
    }
    if (v2.mark == mark) {
      direction = (v1.mark != mark && Strength.stronger(strength, v1.walkStrength))
          ? directionBackward
          : directionNone;
    }
    if (Strength.weaker(v1.walkStrength, v2.walkStrength)) {
      direction = Strength.stronger(strength, v1.walkStrength)
          ? directionBackward
          : directionNone;
    } else {
      direction = Strength.stronger(strength, v2.walkStrength)
          ? directionForward
          : directionBackward;
    }
  }

  @override
  void addToGraph() {
    v1.addConstraint(this);
    v2.addConstraint(this);
    direction = directionNone;
  }

  @override
  bool isSatisfied() => direction != directionNone;

  @override
  void markInputs(int mark) {
    input().mark = mark;
  }

  Variable input() => direction == directionForward ? v1 : v2;

  @override
  Variable output() => direction == directionForward ? v2 : v1;

  @override
  void recalculate() {
    final ihn = input();
    final out = output();
    out.walkStrength = Strength.weakestOf(strength, ihn.walkStrength);
    out.stay = ihn.stay;
    if (out.stay) execute();
  }

  @override
  void markUnsatisfied() {
    direction = directionNone;
  }

  @override
  bool inputsKnown(int mark) {
    final i = input();
    return i.mark == mark || i.stay || i.determinedBy == null;
  }

  @override
  void removeFromGraph() {
    v1.removeConstraint(this);
    v2.removeConstraint(this);
    direction = directionNone;
  }
}

class ScaleConstraint extends BinaryConstraint {
  final Variable scale;
  final Variable offset;

  ScaleConstraint(Variable src, this.scale, this.offset, Variable dest, Strength strength)
      : super(src, dest, strength);

  @override
  void addToGraph() {
    super.addToGraph();
    scale.addConstraint(this);
    offset.addConstraint(this);
  }

  @override
  void removeFromGraph() {
    super.removeFromGraph();
    scale.removeConstraint(this);
    offset.removeConstraint(this);
  }

  @override
  void markInputs(int mark) {
    super.markInputs(mark);
    scale.mark = mark;
    offset.mark = mark;
  }

  @override
  void execute() {
    if (direction == directionForward) {
      v2.value = v1.value * scale.value + offset.value;
    } else {
      v1.value = (v2.value - offset.value) ~/ scale.value;
    }
  }

  @override
  void recalculate() {
    final ihn = input();
    final out = output();
    out.walkStrength = Strength.weakestOf(strength, ihn.walkStrength);
    out.stay = ihn.stay && scale.stay && offset.stay;
    if (out.stay) execute();
  }
}

class EqualityConstraint extends BinaryConstraint {
  EqualityConstraint(Variable v1, Variable v2, Strength strength)
      : super(v1, v2, strength);

  @override
  void execute() {
    output().value = input().value;
  }
}

class Variable {
  final List<Constraint> constraints = <Constraint>[];
  Constraint? determinedBy;
  int mark = 0;
  Strength walkStrength = weakestStrength;
  bool stay = true;
  int value;
  final String name;

  Variable(this.name, this.value);

  void addConstraint(Constraint c) {
    constraints.add(c);
  }

  void removeConstraint(Constraint c) {
    constraints.remove(c);
    if (determinedBy == c) determinedBy = null;
  }
}

class Plan {
  final List<Constraint> list = <Constraint>[];

  void addConstraint(Constraint c) {
    list.add(c);
  }

  int size() => list.length;

  void execute() {
    for (int i = 0; i < list.length; i++) {
      list[i].execute();
    }
  }
}

class Planner {
  int currentMark = 0;

  void incrementalAdd(Constraint c) {
    final mark = newMark();
    Constraint? overridden = c.satisfy(mark);
    while (overridden != null) {
      overridden = overridden.satisfy(mark);
    }
  }

  void incrementalRemove(Constraint c) {
    final out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    final unsatisfied = removePropagateFrom(out);
    Strength strength = requiredStrength;
    do {
      for (int i = 0; i < unsatisfied.length; i++) {
        final u = unsatisfied[i];
        if (u.strength == strength) incrementalAdd(u);
      }
      strength = strength.nextWeaker();
    } while (strength != weakestStrength);
  }

  int newMark() => ++currentMark;

  Plan makePlan(List<Constraint> sources) {
    final mark = newMark();
    final plan = Plan();
    final todo = sources;
    while (todo.isNotEmpty) {
      final c = todo.removeLast();
      if (c.output().mark != mark && c.inputsKnown(mark)) {
        plan.addConstraint(c);
        c.output().mark = mark;
        addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }

  Plan extractPlanFromConstraints(List<Constraint> constraints) {
    final sources = <Constraint>[];
    for (int i = 0; i < constraints.length; i++) {
      final c = constraints[i];
      if (c.isInput() && c.isSatisfied()) sources.add(c);
    }
    return makePlan(sources);
  }

  bool addPropagate(Constraint c, int mark) {
    final todo = <Constraint>[c];
    while (todo.isNotEmpty) {
      final d = todo.removeLast();
      if (d.output().mark == mark) {
        incrementalRemove(c);
        return false;
      }
      d.recalculate();
      addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }

  List<Constraint> removePropagateFrom(Variable out) {
    out.determinedBy = null;
    out.walkStrength = weakestStrength;
    out.stay = true;
    final unsatisfied = <Constraint>[];
    final todo = <Variable>[out];
    while (todo.isNotEmpty) {
      final v = todo.removeLast();
      for (int i = 0; i < v.constraints.length; i++) {
        final c = v.constraints[i];
        if (!c.isSatisfied()) unsatisfied.add(c);
      }
      final determining = v.determinedBy;
      for (int i = 0; i < v.constraints.length; i++) {
        final next = v.constraints[i];
        if (next != determining && next.isSatisfied()) {
          next.recalculate();
          todo.add(next.output());
        }
      }
    }
    return unsatisfied;
  }

  void addConstraintsConsumingTo(Variable v, List<Constraint> coll) {
    final determining = v.determinedBy;
    for (int i = 0; i < v.constraints.length; i++) {
      final c = v.constraints[i];
      if (c != determining && c.isSatisfied()) coll.add(c);
    }
  }
}

/// A long chain of equality constraints, driven from its first variable.
int chainTest(int n) {
  planner = Planner();
  final variables = <Variable>[];
  for (int i = 0; i <= n; i++) {
    final v = Variable('v$i', 0);
    if (i > 0) EqualityConstraint(variables[i - 1], v, requiredStrength);
    variables.add(v);
  }
  final first = variables[0];
  final last = variables[n];
  StayConstraint(last, strongDefaultStrength);
  final edit = EditConstraint(first, preferredStrength);
  final plan = planner.extractPlanFromConstraints(<Constraint>[edit]);
  int sum = 0;
  for (int i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    if (last.value != i) throw StateError('Chain test failed.');
    sum += last.value;
  }
  return sum + planner.currentMark;
}

/// Scale constraints between many source/destination pairs, edited from both ends.
int projectionTest(int n) {
  planner = Planner();
  final scale = Variable('scale', 10);
  final offset = Variable('offset', 1000);
  final dests = <Variable>[];
  Variable src = scale;
  Variable dst = scale;
  for (int i = 0; i < n; i++) {
    src = Variable('src$i', i);
    dst = Variable('dst$i', i);
    dests.add(dst);
    StayConstraint(src, normalStrength);
    ScaleConstraint(src, scale, offset, dst, requiredStrength);
  }
  int sum = 0;
  change(src, 17);
  if (dst.value != 1170) throw StateError('Projection 1 failed');
  sum += dst.value;
  change(dst, 1050);
  if (src.value != 5) throw StateError('Projection 2 failed');
  sum += src.value;
  change(scale, 5);
  for (int i = 0; i < n - 1; i++) {
    if (dests[i].value != i * 5 + 1000) throw StateError('Projection 3 failed');
    sum += dests[i].value;
  }
  change(offset, 2000);
  for (int i = 0; i < n - 1; i++) {
    if (dests[i].value != i * 5 + 2000) throw StateError('Projection 4 failed');
    sum += dests[i].value;
  }
  return sum + planner.currentMark;
}

void change(Variable v, int newValue) {
  final edit = EditConstraint(v, preferredStrength);
  final plan = planner.extractPlanFromConstraints(<Constraint>[edit]);
  for (int i = 0; i < 10; i++) {
    v.value = newValue;
    plan.execute();
  }
  edit.destroyConstraint();
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 2000;
  int checksum = 0;
  for (int i = 0; i < n; i++) {
    checksum += chainTest(100);
    checksum += projectionTest(100);
  }
  print('deltablue $n $checksum');
}
