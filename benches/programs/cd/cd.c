/* CD: collision detection in the style of the CD benchmark (aircraft simulation with
 * voxel hashing), reduced. Each frame moves every aircraft, turns its old and new
 * positions into a motion, hashes the motions into a 2-D voxel grid (broad phase,
 * an open-addressing hash map from voxel key to bucket, buckets kept in insertion
 * order), and tests every pair sharing a voxel for a closest approach under the
 * collision radius (narrow phase, a quadratic in time). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define WORLD_SIZE 120.0
#define RADIUS 1.0
#define VOXEL_SIZE (2.0 * RADIUS)
#define VOXEL_BIAS 1000
#define NUM_AIRCRAFT 600

typedef struct {
  double x, y, z;
} Vector3D;

static Vector3D vplus(Vector3D a, Vector3D b) { return (Vector3D){a.x + b.x, a.y + b.y, a.z + b.z}; }
static Vector3D vminus(Vector3D a, Vector3D b) { return (Vector3D){a.x - b.x, a.y - b.y, a.z - b.z}; }
static Vector3D vtimes(Vector3D a, double s) { return (Vector3D){a.x * s, a.y * s, a.z * s}; }
static double squaredMagnitude(Vector3D a) { return a.x * a.x + a.y * a.y + a.z * a.z; }

typedef struct {
  int callsign;
  Vector3D posOne, posTwo;
} Motion;

/* Returns 1 and the meeting point when the two come within RADIUS during the frame. */
static int findIntersection(const Motion *self, const Motion *other, Vector3D *result) {
  Vector3D init1 = self->posOne;
  Vector3D init2 = other->posOne;
  Vector3D vec1 = vminus(self->posTwo, self->posOne);
  Vector3D vec2 = vminus(other->posTwo, other->posOne);
  double a = squaredMagnitude(vminus(vec2, vec1));
  if (a != 0.0) {
    double b = 2.0 * ((init1.x - init2.x) * (vec1.x - vec2.x) + (init1.y - init2.y) * (vec1.y - vec2.y) +
                      (init1.z - init2.z) * (vec1.z - vec2.z));
    double c = squaredMagnitude(vminus(init2, init1)) - RADIUS * RADIUS;
    double discr = b * b - 4.0 * a * c;
    if (discr < 0.0) return 0;
    double root = sqrt(discr);
    double v1 = (-b - root) / (2.0 * a);
    double v2 = (-b + root) / (2.0 * a);
    if (v1 <= v2 && ((v1 <= 1.0 && 1.0 <= v2) || (v1 <= 0.0 && 0.0 <= v2) || (0.0 <= v1 && v2 <= 1.0))) {
      double v = v1 <= 0.0 ? 0.0 : v1;
      Vector3D result1 = vplus(init1, vtimes(vec1, v));
      Vector3D result2 = vplus(init2, vtimes(vec2, v));
      *result = vtimes(vplus(result1, result2), 0.5);
      return 1;
    }
    return 0;
  }
  double dist = squaredMagnitude(vminus(init2, init1));
  if (dist <= RADIUS * RADIUS) {
    *result = vtimes(vplus(init1, init2), 0.5);
    return 1;
  }
  return 0;
}

typedef struct {
  int callsign;
  double x, y, z, vx, vy;
} Aircraft;

static void move(Aircraft *a) {
  a->x += a->vx;
  if (a->x < 0.0) {
    a->x = -a->x;
    a->vx = -a->vx;
  } else if (a->x > WORLD_SIZE) {
    a->x = WORLD_SIZE - (a->x - WORLD_SIZE);
    a->vx = -a->vx;
  }
  a->y += a->vy;
  if (a->y < 0.0) {
    a->y = -a->y;
    a->vy = -a->vy;
  } else if (a->y > WORLD_SIZE) {
    a->y = WORLD_SIZE - (a->y - WORLD_SIZE);
    a->vy = -a->vy;
  }
}

static long seed = 42;
static long nextRandom(void) {
  seed = seed * 16807 % 2147483647;
  return seed;
}

typedef struct {
  Motion **items;
  int len, cap;
} Bucket;

typedef struct {
  long *keys; /* -1 = empty */
  int *slots; /* bucket index */
  int capacity, size;
  Bucket *buckets; /* in insertion order */
  int bucketCap;
} VoxelMap;

static void mapInit(VoxelMap *m) {
  m->capacity = 1024;
  m->size = 0;
  m->keys = malloc(m->capacity * sizeof(long));
  m->slots = malloc(m->capacity * sizeof(int));
  for (int i = 0; i < m->capacity; i++) m->keys[i] = -1;
  m->bucketCap = 256;
  m->buckets = malloc(m->bucketCap * sizeof(Bucket));
}

static unsigned long hashKey(long key) { return (unsigned long)key * 0x9E3779B97F4A7C15UL; }

static void mapGrow(VoxelMap *m) {
  long *oldKeys = m->keys;
  int *oldSlots = m->slots;
  int oldCap = m->capacity;
  m->capacity *= 2;
  m->keys = malloc(m->capacity * sizeof(long));
  m->slots = malloc(m->capacity * sizeof(int));
  for (int i = 0; i < m->capacity; i++) m->keys[i] = -1;
  for (int i = 0; i < oldCap; i++) {
    if (oldKeys[i] < 0) continue;
    unsigned long h = hashKey(oldKeys[i]) >> 20;
    int j = (int)(h & (m->capacity - 1));
    while (m->keys[j] >= 0) j = (j + 1) & (m->capacity - 1);
    m->keys[j] = oldKeys[i];
    m->slots[j] = oldSlots[i];
  }
  free(oldKeys);
  free(oldSlots);
}

static Bucket *mapBucket(VoxelMap *m, long key) {
  if (2 * (m->size + 1) > m->capacity) mapGrow(m);
  unsigned long h = hashKey(key) >> 20;
  int j = (int)(h & (m->capacity - 1));
  while (m->keys[j] >= 0) {
    if (m->keys[j] == key) return &m->buckets[m->slots[j]];
    j = (j + 1) & (m->capacity - 1);
  }
  if (m->size == m->bucketCap) {
    m->bucketCap *= 2;
    m->buckets = realloc(m->buckets, m->bucketCap * sizeof(Bucket));
  }
  m->keys[j] = key;
  m->slots[j] = m->size;
  Bucket *b = &m->buckets[m->size++];
  b->items = NULL;
  b->len = b->cap = 0;
  return b;
}

static void mapFree(VoxelMap *m) {
  for (int i = 0; i < m->size; i++) free(m->buckets[i].items);
  free(m->buckets);
  free(m->keys);
  free(m->slots);
}

static long collisions = 0, pairSum = 0, voxelCount = 0;

static void drawMotion(VoxelMap *voxelMap, Motion *motion) {
  Vector3D p1 = motion->posOne, p2 = motion->posTwo;
  double lowX = (p1.x < p2.x ? p1.x : p2.x) - RADIUS;
  double highX = (p1.x < p2.x ? p2.x : p1.x) + RADIUS;
  double lowY = (p1.y < p2.y ? p1.y : p2.y) - RADIUS;
  double highY = (p1.y < p2.y ? p2.y : p1.y) + RADIUS;
  long vx0 = (long)floor(lowX / VOXEL_SIZE);
  long vx1 = (long)floor(highX / VOXEL_SIZE);
  long vy0 = (long)floor(lowY / VOXEL_SIZE);
  long vy1 = (long)floor(highY / VOXEL_SIZE);
  for (long vx = vx0; vx <= vx1; vx++) {
    for (long vy = vy0; vy <= vy1; vy++) {
      long key = (vx + VOXEL_BIAS) * 100000 + (vy + VOXEL_BIAS);
      Bucket *bucket = mapBucket(voxelMap, key);
      if (bucket->len == bucket->cap) {
        bucket->cap = bucket->cap ? bucket->cap * 2 : 4;
        bucket->items = realloc(bucket->items, bucket->cap * sizeof(Motion *));
      }
      bucket->items[bucket->len++] = motion;
    }
  }
}

static void handleFrame(Motion *motions, int count) {
  VoxelMap voxelMap;
  mapInit(&voxelMap);
  for (int i = 0; i < count; i++) drawMotion(&voxelMap, &motions[i]);
  voxelCount += voxelMap.size;
  for (int k = 0; k < voxelMap.size; k++) {
    Bucket *bucket = &voxelMap.buckets[k];
    int n = bucket->len;
    for (int i = 0; i < n; i++) {
      Motion *m1 = bucket->items[i];
      for (int j = i + 1; j < n; j++) {
        Motion *m2 = bucket->items[j];
        Vector3D hit;
        if (findIntersection(m1, m2, &hit)) {
          collisions++;
          long lo = m1->callsign < m2->callsign ? m1->callsign : m2->callsign;
          long hi = m1->callsign < m2->callsign ? m2->callsign : m1->callsign;
          pairSum = (pairSum + lo * 1000 + hi) % 1000000007;
        }
      }
    }
  }
  mapFree(&voxelMap);
}

int main(int argc, char **argv) {
  long frames = argc > 1 ? atol(argv[1]) : 1000;
  Aircraft aircraft[NUM_AIRCRAFT];
  for (int i = 0; i < NUM_AIRCRAFT; i++) {
    double x = (nextRandom() % 120000) / 1000.0;
    double y = (nextRandom() % 120000) / 1000.0;
    double vx = (nextRandom() % 2001 - 1000) / 1000.0;
    double vy = (nextRandom() % 2001 - 1000) / 1000.0;
    aircraft[i] = (Aircraft){i, x, y, 5.0 + (i % 4) * 0.25, vx, vy};
  }
  for (long frame = 0; frame < frames; frame++) {
    Motion *motions = malloc(NUM_AIRCRAFT * sizeof(Motion));
    for (int i = 0; i < NUM_AIRCRAFT; i++) {
      Aircraft *a = &aircraft[i];
      Vector3D before = {a->x, a->y, a->z};
      move(a);
      motions[i] = (Motion){a->callsign, before, {a->x, a->y, a->z}};
    }
    handleFrame(motions, NUM_AIRCRAFT);
    free(motions);
  }
  printf("cd %ld %ld %ld %ld\n", frames, collisions, pairSum, voxelCount);
  return 0;
}
