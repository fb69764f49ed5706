'use strict';
// Polymorphic call sites: an array of shapes of eight classes behind one base class,
// so every call site in the loop sees all eight receivers (megamorphic dispatch of
// methods and a getter), plus allocation of scaled copies.

class Shape {}

class Square extends Shape {
  constructor(s) { super(); this.s = s; }
  area() { return this.s * this.s; }
  perimeter() { return 4 * this.s; }
  get sides() { return 4; }
  scaled(k) { return new Square(this.s * k); }
}

class Rect extends Shape {
  constructor(w, h) { super(); this.w = w; this.h = h; }
  area() { return this.w * this.h; }
  perimeter() { return 2 * (this.w + this.h); }
  get sides() { return 4; }
  scaled(k) { return new Rect(this.w * k, this.h * k); }
}

class Circle extends Shape {
  constructor(r) { super(); this.r = r; }
  area() { return 3 * this.r * this.r; }
  perimeter() { return 6 * this.r; }
  get sides() { return 0; }
  scaled(k) { return new Circle(this.r * k); }
}

class Triangle extends Shape {
  constructor(b, h) { super(); this.b = b; this.h = h; }
  area() { return Math.floor(this.b * this.h / 2); }
  perimeter() { return this.b + this.h + (this.b > this.h ? this.b : this.h); }
  get sides() { return 3; }
  scaled(k) { return new Triangle(this.b * k, this.h * k); }
}

class Hexagon extends Shape {
  constructor(s) { super(); this.s = s; }
  area() { return Math.floor(26 * this.s * this.s / 10); }
  perimeter() { return 6 * this.s; }
  get sides() { return 6; }
  scaled(k) { return new Hexagon(this.s * k); }
}

class Ellipse extends Shape {
  constructor(a, b) { super(); this.a = a; this.b = b; }
  area() { return 3 * this.a * this.b; }
  perimeter() { return 3 * (this.a + this.b); }
  get sides() { return 0; }
  scaled(k) { return new Ellipse(this.a * k, this.b * k); }
}

class Pentagon extends Shape {
  constructor(s) { super(); this.s = s; }
  area() { return Math.floor(17 * this.s * this.s / 10); }
  perimeter() { return 5 * this.s; }
  get sides() { return 5; }
  scaled(k) { return new Pentagon(this.s * k); }
}

class Segment extends Shape {
  constructor(l) { super(); this.l = l; }
  area() { return 0; }
  perimeter() { return 2 * this.l; }
  get sides() { return 1; }
  scaled(k) { return new Segment(this.l * k); }
}

class Rng {
  constructor(seed) { this.seed = seed; }
  next() {
    this.seed = this.seed * 16807 % 2147483647;
    return this.seed;
  }
}

function makeShape(kind, a, b) {
  switch (kind) {
    case 0: return new Square(a);
    case 1: return new Rect(a, b);
    case 2: return new Circle(a);
    case 3: return new Triangle(a, b);
    case 4: return new Hexagon(a);
    case 5: return new Ellipse(a, b);
    case 6: return new Pentagon(a);
    default: return new Segment(a);
  }
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 10000;
const rng = new Rng(42);
const shapes = [];
for (let i = 0; i < 1000; i++) {
  const kind = rng.next() % 8;
  const a = rng.next() % 100 + 1;
  const b = rng.next() % 100 + 1;
  shapes.push(makeShape(kind, a, b));
}
let total = 0;
for (let round = 0; round < n; round++) {
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    total += s.area() + s.perimeter() + s.sides;
    if (i % 16 === round % 16) total += s.scaled(2).area();
  }
  total %= 1000000007;
}
console.log(`dispatch ${n} ${total}`);
