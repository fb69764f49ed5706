// CD: collision detection in the style of the CD benchmark (aircraft simulation with
// voxel hashing), reduced. Each frame moves every aircraft, turns its old and new
// positions into a motion, hashes the motions into a 2-D voxel grid (broad phase),
// and tests every pair sharing a voxel for a closest approach under the collision
// radius (narrow phase, a quadratic in time). Motion is straight with bounces so that
// only + - * / and sqrt are used: every language computes identical doubles.

import 'dart:math' as math;

const double worldSize = 120.0;
const double radius = 1.0;
const double voxelSize = 2.0 * radius;
const int voxelBias = 1000;

class Vector3D {
  final double x;
  final double y;
  final double z;
  Vector3D(this.x, this.y, this.z);

  Vector3D operator +(Vector3D o) => Vector3D(x + o.x, y + o.y, z + o.z);
  Vector3D operator -(Vector3D o) => Vector3D(x - o.x, y - o.y, z - o.z);
  Vector3D times(double s) => Vector3D(x * s, y * s, z * s);
  double squaredMagnitude() => x * x + y * y + z * z;
}

class Motion {
  final int callsign;
  final Vector3D posOne;
  final Vector3D posTwo;
  Motion(this.callsign, this.posOne, this.posTwo);

  Vector3D delta() => posTwo - posOne;

  /// Where the two moving aircraft come within [radius] of each other during the
  /// frame (time 0..1), or null.
  Vector3D? findIntersection(Motion other) {
    final init1 = posOne;
    final init2 = other.posOne;
    final vec1 = delta();
    final vec2 = other.delta();
    final a = (vec2 - vec1).squaredMagnitude();
    if (a != 0.0) {
      final b = 2.0 *
          ((init1.x - init2.x) * (vec1.x - vec2.x) +
              (init1.y - init2.y) * (vec1.y - vec2.y) +
              (init1.z - init2.z) * (vec1.z - vec2.z));
      final c = (init2 - init1).squaredMagnitude() - radius * radius;
      final discr = b * b - 4.0 * a * c;
      if (discr < 0.0) return null;
      final root = math.sqrt(discr);
      final v1 = (-b - root) / (2.0 * a);
      final v2 = (-b + root) / (2.0 * a);
      if (v1 <= v2 &&
          ((v1 <= 1.0 && 1.0 <= v2) ||
              (v1 <= 0.0 && 0.0 <= v2) ||
              (0.0 <= v1 && v2 <= 1.0))) {
        final v = v1 <= 0.0 ? 0.0 : v1;
        final result1 = init1 + vec1.times(v);
        final result2 = init2 + vec2.times(v);
        return (result1 + result2).times(0.5);
      }
      return null;
    }
    final dist = (init2 - init1).squaredMagnitude();
    if (dist <= radius * radius) return (init1 + init2).times(0.5);
    return null;
  }
}

class Aircraft {
  final int callsign;
  double x, y;
  final double z;
  double vx, vy;
  Aircraft(this.callsign, this.x, this.y, this.z, this.vx, this.vy);

  void move() {
    x += vx;
    if (x < 0.0) {
      x = -x;
      vx = -vx;
    } else if (x > worldSize) {
      x = worldSize - (x - worldSize);
      vx = -vx;
    }
    y += vy;
    if (y < 0.0) {
      y = -y;
      vy = -vy;
    } else if (y > worldSize) {
      y = worldSize - (y - worldSize);
      vy = -vy;
    }
  }
}

class Rng {
  int seed;
  Rng(this.seed);

  int next() {
    seed = seed * 16807 % 2147483647;
    return seed;
  }
}

class CollisionDetector {
  int collisions = 0;
  int pairSum = 0;
  int voxelCount = 0;

  /// Adds [motion] to every voxel its swept bounding box (plus the radius) touches.
  void drawMotion(Map<int, List<Motion>> voxelMap, Motion motion) {
    final p1 = motion.posOne;
    final p2 = motion.posTwo;
    final lowX = (p1.x < p2.x ? p1.x : p2.x) - radius;
    final highX = (p1.x < p2.x ? p2.x : p1.x) + radius;
    final lowY = (p1.y < p2.y ? p1.y : p2.y) - radius;
    final highY = (p1.y < p2.y ? p2.y : p1.y) + radius;
    final vx0 = (lowX / voxelSize).floor();
    final vx1 = (highX / voxelSize).floor();
    final vy0 = (lowY / voxelSize).floor();
    final vy1 = (highY / voxelSize).floor();
    for (int vx = vx0; vx <= vx1; vx++) {
      for (int vy = vy0; vy <= vy1; vy++) {
        final key = (vx + voxelBias) * 100000 + (vy + voxelBias);
        var bucket = voxelMap[key];
        if (bucket == null) {
          bucket = <Motion>[];
          voxelMap[key] = bucket;
        }
        bucket.add(motion);
      }
    }
  }

  void handleFrame(List<Motion> motions) {
    final voxelMap = <int, List<Motion>>{};
    for (final motion in motions) {
      drawMotion(voxelMap, motion);
    }
    voxelCount += voxelMap.length;
    for (final bucket in voxelMap.values) {
      final n = bucket.length;
      for (int i = 0; i < n; i++) {
        final m1 = bucket[i];
        for (int j = i + 1; j < n; j++) {
          final m2 = bucket[j];
          final hit = m1.findIntersection(m2);
          if (hit != null) {
            collisions++;
            final lo = m1.callsign < m2.callsign ? m1.callsign : m2.callsign;
            final hi = m1.callsign < m2.callsign ? m2.callsign : m1.callsign;
            pairSum = (pairSum + lo * 1000 + hi) % 1000000007;
          }
        }
      }
    }
  }
}

void main(List<String> args) {
  final frames = args.isNotEmpty ? int.parse(args[0]) : 1000;
  const numAircraft = 600;
  final rng = Rng(42);
  final aircraft = <Aircraft>[];
  for (int i = 0; i < numAircraft; i++) {
    final x = (rng.next() % 120000) / 1000.0;
    final y = (rng.next() % 120000) / 1000.0;
    final vx = (rng.next() % 2001 - 1000) / 1000.0;
    final vy = (rng.next() % 2001 - 1000) / 1000.0;
    aircraft.add(Aircraft(i, x, y, 5.0 + (i % 4) * 0.25, vx, vy));
  }
  final detector = CollisionDetector();
  for (int frame = 0; frame < frames; frame++) {
    final motions = <Motion>[];
    for (final a in aircraft) {
      final before = Vector3D(a.x, a.y, a.z);
      a.move();
      motions.add(Motion(a.callsign, before, Vector3D(a.x, a.y, a.z)));
    }
    detector.handleFrame(motions);
  }
  print('cd $frames ${detector.collisions} ${detector.pairSum} ${detector.voxelCount}');
}
