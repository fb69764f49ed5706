'use strict';
// CD: collision detection in the style of the CD benchmark (aircraft simulation with
// voxel hashing), reduced. Each frame moves every aircraft, turns its old and new
// positions into a motion, hashes the motions into a 2-D voxel grid (broad phase),
// and tests every pair sharing a voxel for a closest approach under the collision
// radius (narrow phase, a quadratic in time). Motion is straight with bounces so that
// only + - * / and sqrt are used: every language computes identical doubles.

const WORLD_SIZE = 120.0;
const RADIUS = 1.0;
const VOXEL_SIZE = 2.0 * RADIUS;
const VOXEL_BIAS = 1000;

class Vector3D {
  constructor(x, y, z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  plus(o) { return new Vector3D(this.x + o.x, this.y + o.y, this.z + o.z); }
  minus(o) { return new Vector3D(this.x - o.x, this.y - o.y, this.z - o.z); }
  times(s) { return new Vector3D(this.x * s, this.y * s, this.z * s); }
  squaredMagnitude() { return this.x * this.x + this.y * this.y + this.z * this.z; }
}

class Motion {
  constructor(callsign, posOne, posTwo) {
    this.callsign = callsign;
    this.posOne = posOne;
    this.posTwo = posTwo;
  }

  delta() { return this.posTwo.minus(this.posOne); }

  findIntersection(other) {
    const init1 = this.posOne;
    const init2 = other.posOne;
    const vec1 = this.delta();
    const vec2 = other.delta();
    const a = vec2.minus(vec1).squaredMagnitude();
    if (a !== 0.0) {
      const b = 2.0 *
        ((init1.x - init2.x) * (vec1.x - vec2.x) +
          (init1.y - init2.y) * (vec1.y - vec2.y) +
          (init1.z - init2.z) * (vec1.z - vec2.z));
      const c = init2.minus(init1).squaredMagnitude() - RADIUS * RADIUS;
      const discr = b * b - 4.0 * a * c;
      if (discr < 0.0) return null;
      const root = Math.sqrt(discr);
      const v1 = (-b - root) / (2.0 * a);
      const v2 = (-b + root) / (2.0 * a);
      if (v1 <= v2 &&
        ((v1 <= 1.0 && 1.0 <= v2) ||
          (v1 <= 0.0 && 0.0 <= v2) ||
          (0.0 <= v1 && v2 <= 1.0))) {
        const v = v1 <= 0.0 ? 0.0 : v1;
        const result1 = init1.plus(vec1.times(v));
        const result2 = init2.plus(vec2.times(v));
        return result1.plus(result2).times(0.5);
      }
      return null;
    }
    const dist = init2.minus(init1).squaredMagnitude();
    if (dist <= RADIUS * RADIUS) return init1.plus(init2).times(0.5);
    return null;
  }
}

class Aircraft {
  constructor(callsign, x, y, z, vx, vy) {
    this.callsign = callsign;
    this.x = x;
    this.y = y;
    this.z = z;
    this.vx = vx;
    this.vy = vy;
  }

  move() {
    this.x += this.vx;
    if (this.x < 0.0) {
      this.x = -this.x;
      this.vx = -this.vx;
    } else if (this.x > WORLD_SIZE) {
      this.x = WORLD_SIZE - (this.x - WORLD_SIZE);
      this.vx = -this.vx;
    }
    this.y += this.vy;
    if (this.y < 0.0) {
      this.y = -this.y;
      this.vy = -this.vy;
    } else if (this.y > WORLD_SIZE) {
      this.y = WORLD_SIZE - (this.y - WORLD_SIZE);
      this.vy = -this.vy;
    }
  }
}

class Rng {
  constructor(seed) { this.seed = seed; }
  next() {
    this.seed = this.seed * 16807 % 2147483647;
    return this.seed;
  }
}

class CollisionDetector {
  constructor() {
    this.collisions = 0;
    this.pairSum = 0;
    this.voxelCount = 0;
  }

  drawMotion(voxelMap, motion) {
    const p1 = motion.posOne;
    const p2 = motion.posTwo;
    const lowX = (p1.x < p2.x ? p1.x : p2.x) - RADIUS;
    const highX = (p1.x < p2.x ? p2.x : p1.x) + RADIUS;
    const lowY = (p1.y < p2.y ? p1.y : p2.y) - RADIUS;
    const highY = (p1.y < p2.y ? p2.y : p1.y) + RADIUS;
    const vx0 = Math.floor(lowX / VOXEL_SIZE);
    const vx1 = Math.floor(highX / VOXEL_SIZE);
    const vy0 = Math.floor(lowY / VOXEL_SIZE);
    const vy1 = Math.floor(highY / VOXEL_SIZE);
    for (let vx = vx0; vx <= vx1; vx++) {
      for (let vy = vy0; vy <= vy1; vy++) {
        const key = (vx + VOXEL_BIAS) * 100000 + (vy + VOXEL_BIAS);
        let bucket = voxelMap.get(key);
        if (bucket === undefined) {
          bucket = [];
          voxelMap.set(key, bucket);
        }
        bucket.push(motion);
      }
    }
  }

  handleFrame(motions) {
    const voxelMap = new Map();
    for (const motion of motions) this.drawMotion(voxelMap, motion);
    this.voxelCount += voxelMap.size;
    for (const bucket of voxelMap.values()) {
      const n = bucket.length;
      for (let i = 0; i < n; i++) {
        const m1 = bucket[i];
        for (let j = i + 1; j < n; j++) {
          const m2 = bucket[j];
          const hit = m1.findIntersection(m2);
          if (hit !== null) {
            this.collisions++;
            const lo = m1.callsign < m2.callsign ? m1.callsign : m2.callsign;
            const hi = m1.callsign < m2.callsign ? m2.callsign : m1.callsign;
            this.pairSum = (this.pairSum + lo * 1000 + hi) % 1000000007;
          }
        }
      }
    }
  }
}

const frames = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 1000;
const NUM_AIRCRAFT = 600;
const rng = new Rng(42);
const aircraft = [];
for (let i = 0; i < NUM_AIRCRAFT; i++) {
  const x = (rng.next() % 120000) / 1000.0;
  const y = (rng.next() % 120000) / 1000.0;
  const vx = (rng.next() % 2001 - 1000) / 1000.0;
  const vy = (rng.next() % 2001 - 1000) / 1000.0;
  aircraft.push(new Aircraft(i, x, y, 5.0 + (i % 4) * 0.25, vx, vy));
}
const detector = new CollisionDetector();
for (let frame = 0; frame < frames; frame++) {
  const motions = [];
  for (const a of aircraft) {
    const before = new Vector3D(a.x, a.y, a.z);
    a.move();
    motions.push(new Motion(a.callsign, before, new Vector3D(a.x, a.y, a.z)));
  }
  detector.handleFrame(motions);
}
console.log(`cd ${frames} ${detector.collisions} ${detector.pairSum} ${detector.voxelCount}`);
