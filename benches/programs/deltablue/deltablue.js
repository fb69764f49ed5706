'use strict';
// DeltaBlue: the incremental one-way constraint solver of the classic benchmark
// (Freeman-Benson, Maloney, Borning), run on a chain and a projection problem.
// Constraints form a class hierarchy with virtual methods; variables hold arrays of
// constraints.

class Strength {
  constructor(value, name) {
    this.value = value;
    this.name = name;
  }

  // As in the original benchmark, REQUIRED is followed by WEAKEST, so
  // incrementalRemove re-adds only required constraints.
  nextWeaker() {
    switch (this.value) {
      case 0: return WEAKEST;
      case 1: return WEAK_DEFAULT;
      case 2: return NORMAL;
      case 3: return STRONG_DEFAULT;
      case 4: return PREFERRED;
      case 5: return REQUIRED;
    }
    throw new Error(`no strength weaker than ${this.name}`);
  }

  static stronger(s1, s2) { return s1.value < s2.value; }
  static weaker(s1, s2) { return s1.value > s2.value; }
  static weakestOf(s1, s2) { return Strength.weaker(s1, s2) ? s1 : s2; }
}

const REQUIRED = new Strength(0, 'required');
const STRONG_PREFERRED = new Strength(1, 'strongPreferred');
const PREFERRED = new Strength(2, 'preferred');
const STRONG_DEFAULT = new Strength(3, 'strongDefault');
const NORMAL = new Strength(4, 'normal');
const WEAK_DEFAULT = new Strength(5, 'weakDefault');
const WEAKEST = new Strength(6, 'weakest');

const DIRECTION_NONE = 1;
const DIRECTION_FORWARD = 2;
const DIRECTION_BACKWARD = 0;

let planner = null;

class Constraint {
  constructor(strength) {
    this.strength = strength;
  }

  addConstraint() {
    this.addToGraph();
    planner.incrementalAdd(this);
  }

  satisfy(mark) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength === REQUIRED) {
        throw new Error('Could not satisfy a required constraint!');
      }
      return null;
    }
    this.markInputs(mark);
    const out = this.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!planner.addPropagate(this, mark)) throw new Error('Cycle encountered');
    out.mark = mark;
    return overridden;
  }

  destroyConstraint() {
    if (this.isSatisfied()) planner.incrementalRemove(this);
    this.removeFromGraph();
  }

  isInput() { return false; }
}

class UnaryConstraint extends Constraint {
  constructor(v, strength) {
    super(strength);
    this.myOutput = v;
    this.satisfied = false;
    this.addConstraint();
  }

  addToGraph() {
    this.myOutput.addConstraint(this);
    this.satisfied = false;
  }

  chooseMethod(mark) {
    this.satisfied = this.myOutput.mark !== mark &&
      Strength.stronger(this.strength, this.myOutput.walkStrength);
  }

  isSatisfied() { return this.satisfied; }
  markInputs(mark) {}
  output() { return this.myOutput; }

  recalculate() {
    this.myOutput.walkStrength = this.strength;
    this.myOutput.stay = !this.isInput();
    if (this.myOutput.stay) this.execute();
  }

  markUnsatisfied() { this.satisfied = false; }
  inputsKnown(mark) { return true; }

  removeFromGraph() {
    this.myOutput.removeConstraint(this);
    this.satisfied = false;
  }
}

class StayConstraint extends UnaryConstraint {
  execute() {}
}

class EditConstraint extends UnaryConstraint {
  isInput() { return true; }
  execute() {}
}

class BinaryConstraint extends Constraint {
  // Subclasses with more fields set them in init() so that they exist before
  // addConstraint runs (as Dart initializer lists do).
  constructor(v1, v2, strength, init) {
    super(strength);
    this.v1 = v1;
    this.v2 = v2;
    this.direction = DIRECTION_NONE;
    if (init) init(this);
    this.addConstraint();
  }

  chooseMethod(mark) {
    if (this.v1.mark === mark) {
      this.direction = (this.v2.mark !== mark && Strength.stronger(this.strength, this.v2.walkStrength))
        ? DIRECTION_FORWARD
        : DIRECTION_NONE;
    }
    if (this.v2.mark === mark) {
      this.direction = (this.v1.mark !== mark && Strength.stronger(this.strength, this.v1.walkStrength))
        ? DIRECTION_BACKWARD
        : DIRECTION_NONE;
    }
    if (Strength.weaker(this.v1.walkStrength, this.v2.walkStrength)) {
      this.direction = Strength.stronger(this.strength, this.v1.walkStrength)
        ? DIRECTION_BACKWARD
        : DIRECTION_NONE;
    } else {
      this.direction = Strength.stronger(this.strength, this.v2.walkStrength)
        ? DIRECTION_FORWARD
        : DIRECTION_BACKWARD;
    }
  }

  addToGraph() {
    this.v1.addConstraint(this);
    this.v2.addConstraint(this);
    this.direction = DIRECTION_NONE;
  }

  isSatisfied() { return this.direction !== DIRECTION_NONE; }

  markInputs(mark) { this.input().mark = mark; }

  input() { return this.direction === DIRECTION_FORWARD ? this.v1 : this.v2; }
  output() { return this.direction === DIRECTION_FORWARD ? this.v2 : this.v1; }

  recalculate() {
    const ihn = this.input();
    const out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay;
    if (out.stay) this.execute();
  }

  markUnsatisfied() { this.direction = DIRECTION_NONE; }

  inputsKnown(mark) {
    const i = this.input();
    return i.mark === mark || i.stay || i.determinedBy === null;
  }

  removeFromGraph() {
    this.v1.removeConstraint(this);
    this.v2.removeConstraint(this);
    this.direction = DIRECTION_NONE;
  }
}

class ScaleConstraint extends BinaryConstraint {
  constructor(src, scale, offset, dest, strength) {
    super(src, dest, strength, (self) => {
      self.scale = scale;
      self.offset = offset;
    });
  }

  addToGraph() {
    super.addToGraph();
    this.scale.addConstraint(this);
    this.offset.addConstraint(this);
  }

  removeFromGraph() {
    super.removeFromGraph();
    this.scale.removeConstraint(this);
    this.offset.removeConstraint(this);
  }

  markInputs(mark) {
    super.markInputs(mark);
    this.scale.mark = mark;
    this.offset.mark = mark;
  }

  execute() {
    if (this.direction === DIRECTION_FORWARD) {
      this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    } else {
      this.v1.value = Math.trunc((this.v2.value - this.offset.value) / this.scale.value);
    }
  }

  recalculate() {
    const ihn = this.input();
    const out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

class EqualityConstraint extends BinaryConstraint {
  execute() {
    this.output().value = this.input().value;
  }
}

class Variable {
  constructor(name, value) {
    this.constraints = [];
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = WEAKEST;
    this.stay = true;
    this.value = value;
    this.name = name;
  }

  addConstraint(c) {
    this.constraints.push(c);
  }

  removeConstraint(c) {
    const i = this.constraints.indexOf(c);
    if (i >= 0) this.constraints.splice(i, 1);
    if (this.determinedBy === c) this.determinedBy = null;
  }
}

class Plan {
  constructor() {
    this.list = [];
  }

  addConstraint(c) { this.list.push(c); }
  size() { return this.list.length; }

  execute() {
    for (let i = 0; i < this.list.length; i++) this.list[i].execute();
  }
}

class Planner {
  constructor() {
    this.currentMark = 0;
  }

  incrementalAdd(c) {
    const mark = this.newMark();
    let overridden = c.satisfy(mark);
    while (overridden !== null) overridden = overridden.satisfy(mark);
  }

  incrementalRemove(c) {
    const out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    let strength = REQUIRED;
    do {
      for (let i = 0; i < unsatisfied.length; i++) {
        const u = unsatisfied[i];
        if (u.strength === strength) this.incrementalAdd(u);
      }
      strength = strength.nextWeaker();
    } while (strength !== WEAKEST);
  }

  newMark() { return ++this.currentMark; }

  makePlan(sources) {
    const mark = this.newMark();
    const plan = new Plan();
    const todo = sources;
    while (todo.length > 0) {
      const c = todo.pop();
      if (c.output().mark !== mark && c.inputsKnown(mark)) {
        plan.addConstraint(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }

  extractPlanFromConstraints(constraints) {
    const sources = [];
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      if (c.isInput() && c.isSatisfied()) sources.push(c);
    }
    return this.makePlan(sources);
  }

  addPropagate(c, mark) {
    const todo = [c];
    while (todo.length > 0) {
      const d = todo.pop();
      if (d.output().mark === mark) {
        this.incrementalRemove(c);
        return false;
      }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }

  removePropagateFrom(out) {
    out.determinedBy = null;
    out.walkStrength = WEAKEST;
    out.stay = true;
    const unsatisfied = [];
    const todo = [out];
    while (todo.length > 0) {
      const v = todo.pop();
      for (let i = 0; i < v.constraints.length; i++) {
        const c = v.constraints[i];
        if (!c.isSatisfied()) unsatisfied.push(c);
      }
      const determining = v.determinedBy;
      for (let i = 0; i < v.constraints.length; i++) {
        const next = v.constraints[i];
        if (next !== determining && next.isSatisfied()) {
          next.recalculate();
          todo.push(next.output());
        }
      }
    }
    return unsatisfied;
  }

  addConstraintsConsumingTo(v, coll) {
    const determining = v.determinedBy;
    for (let i = 0; i < v.constraints.length; i++) {
      const c = v.constraints[i];
      if (c !== determining && c.isSatisfied()) coll.push(c);
    }
  }
}

function chainTest(n) {
  planner = new Planner();
  const variables = [];
  for (let i = 0; i <= n; i++) {
    const v = new Variable(`v${i}`, 0);
    if (i > 0) new EqualityConstraint(variables[i - 1], v, REQUIRED);
    variables.push(v);
  }
  const first = variables[0];
  const last = variables[n];
  new StayConstraint(last, STRONG_DEFAULT);
  const edit = new EditConstraint(first, PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  let sum = 0;
  for (let i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    if (last.value !== i) throw new Error('Chain test failed.');
    sum += last.value;
  }
  return sum + planner.currentMark;
}

function projectionTest(n) {
  planner = new Planner();
  const scale = new Variable('scale', 10);
  const offset = new Variable('offset', 1000);
  const dests = [];
  let src = scale;
  let dst = scale;
  for (let i = 0; i < n; i++) {
    src = new Variable(`src${i}`, i);
    dst = new Variable(`dst${i}`, i);
    dests.push(dst);
    new StayConstraint(src, NORMAL);
    new ScaleConstraint(src, scale, offset, dst, REQUIRED);
  }
  let sum = 0;
  change(src, 17);
  if (dst.value !== 1170) throw new Error('Projection 1 failed');
  sum += dst.value;
  change(dst, 1050);
  if (src.value !== 5) throw new Error('Projection 2 failed');
  sum += src.value;
  change(scale, 5);
  for (let i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 1000) throw new Error('Projection 3 failed');
    sum += dests[i].value;
  }
  change(offset, 2000);
  for (let i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 2000) throw new Error('Projection 4 failed');
    sum += dests[i].value;
  }
  return sum + planner.currentMark;
}

function change(v, newValue) {
  const edit = new EditConstraint(v, PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  for (let i = 0; i < 10; i++) {
    v.value = newValue;
    plan.execute();
  }
  edit.destroyConstraint();
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 2000;
let checksum = 0;
for (let i = 0; i < n; i++) {
  checksum += chainTest(100);
  checksum += projectionTest(100);
}
console.log(`deltablue ${n} ${checksum}`);
