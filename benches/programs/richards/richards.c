/* Richards: Martin Richards' operating-system task scheduler simulation, in the
 * object-oriented shape of the classic benchmark: tasks carry a function pointer
 * (their "virtual" run method), packets form linked queues. */
#include <stdio.h>
#include <stdlib.h>

enum { ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B, NUMBER_OF_IDS };
enum { KIND_DEVICE, KIND_WORK };
#define DATA_SIZE 4
#define IDLE_COUNT 1000
#define STATE_RUNNING 0
#define STATE_RUNNABLE 1
#define STATE_SUSPENDED 2
#define STATE_HELD 4
#define STATE_SUSPENDED_RUNNABLE (STATE_SUSPENDED | STATE_RUNNABLE)

typedef struct Packet {
  struct Packet *link;
  int id;
  int kind;
  int a1;
  int a2[DATA_SIZE];
} Packet;

struct Scheduler;
struct Task;
typedef struct TaskControlBlock TaskControlBlock;
typedef TaskControlBlock *(*RunFn)(struct Task *self, Packet *packet);

typedef struct Task {
  RunFn run;
  struct Scheduler *scheduler;
  int v1, v2;            /* IdleTask: v1, count; WorkerTask: v1, v2 */
  Packet *p1, *p2;       /* DeviceTask: p1; HandlerTask: p1 (work), p2 (devices) */
} Task;

struct TaskControlBlock {
  TaskControlBlock *link;
  int id;
  int priority;
  Packet *queue;
  Task *task;
  int state;
};

typedef struct Scheduler {
  int queueCount, holdCount;
  TaskControlBlock *blocks[NUMBER_OF_IDS];
  TaskControlBlock *list;
  TaskControlBlock *currentTcb;
  int currentId;
  /* Everything allocated during one run, freed at its end. */
  void *allocs[64];
  int nallocs;
} Scheduler;

static void *alloc(Scheduler *s, size_t size) {
  void *p = calloc(1, size);
  s->allocs[s->nallocs++] = p;
  return p;
}

static Packet *newPacket(Scheduler *s, Packet *link, int id, int kind) {
  Packet *p = alloc(s, sizeof(Packet));
  p->link = link;
  p->id = id;
  p->kind = kind;
  p->a1 = 0;
  for (int i = 0; i < DATA_SIZE; i++) p->a2[i] = 0;
  return p;
}

static Packet *addTo(Packet *self, Packet *queue) {
  self->link = NULL;
  if (queue == NULL) return self;
  Packet *next = queue;
  Packet *peek = next->link;
  while (peek != NULL) {
    next = peek;
    peek = next->link;
  }
  next->link = self;
  return queue;
}

static void markAsRunnable(TaskControlBlock *t) { t->state |= STATE_RUNNABLE; }
static int isHeldOrSuspended(TaskControlBlock *t) {
  return (t->state & STATE_HELD) != 0 || t->state == STATE_SUSPENDED;
}

static TaskControlBlock *tcbRun(TaskControlBlock *t) {
  Packet *packet;
  if (t->state == STATE_SUSPENDED_RUNNABLE) {
    packet = t->queue;
    t->queue = packet->link;
    t->state = t->queue == NULL ? STATE_RUNNING : STATE_RUNNABLE;
  } else {
    packet = NULL;
  }
  return t->task->run(t->task, packet);
}

static TaskControlBlock *checkPriorityAdd(TaskControlBlock *self, TaskControlBlock *task, Packet *packet) {
  Packet *q = self->queue;
  if (q == NULL) {
    self->queue = packet;
    markAsRunnable(self);
    if (self->priority > task->priority) return self;
  } else {
    self->queue = addTo(packet, q);
  }
  return task;
}

static TaskControlBlock *release(Scheduler *s, int id) {
  TaskControlBlock *tcb = s->blocks[id];
  if (tcb == NULL) return tcb;
  tcb->state &= ~STATE_HELD;
  if (tcb->priority > s->currentTcb->priority) return tcb;
  return s->currentTcb;
}

static TaskControlBlock *holdCurrent(Scheduler *s) {
  s->holdCount++;
  TaskControlBlock *tcb = s->currentTcb;
  tcb->state |= STATE_HELD;
  return tcb->link;
}

static TaskControlBlock *suspendCurrent(Scheduler *s) {
  s->currentTcb->state |= STATE_SUSPENDED;
  return s->currentTcb;
}

static TaskControlBlock *queuePacket(Scheduler *s, Packet *packet) {
  TaskControlBlock *t = s->blocks[packet->id];
  if (t == NULL) return t;
  s->queueCount++;
  packet->link = NULL;
  packet->id = s->currentId;
  return checkPriorityAdd(t, s->currentTcb, packet);
}

static TaskControlBlock *idleRun(Task *self, Packet *packet) {
  (void)packet;
  self->v2--; /* count */
  if (self->v2 == 0) return holdCurrent(self->scheduler);
  if ((self->v1 & 1) == 0) {
    self->v1 = self->v1 >> 1;
    return release(self->scheduler, ID_DEVICE_A);
  }
  self->v1 = (self->v1 >> 1) ^ 0xD008;
  return release(self->scheduler, ID_DEVICE_B);
}

static TaskControlBlock *deviceRun(Task *self, Packet *packet) {
  if (packet == NULL) {
    Packet *v = self->p1;
    if (v == NULL) return suspendCurrent(self->scheduler);
    self->p1 = NULL;
    return queuePacket(self->scheduler, v);
  }
  self->p1 = packet;
  return holdCurrent(self->scheduler);
}

static TaskControlBlock *workerRun(Task *self, Packet *packet) {
  if (packet == NULL) return suspendCurrent(self->scheduler);
  if (self->v1 == ID_HANDLER_A) {
    self->v1 = ID_HANDLER_B;
  } else {
    self->v1 = ID_HANDLER_A;
  }
  packet->id = self->v1;
  packet->a1 = 0;
  for (int i = 0; i < DATA_SIZE; i++) {
    self->v2++;
    if (self->v2 > 26) self->v2 = 1;
    packet->a2[i] = self->v2;
  }
  return queuePacket(self->scheduler, packet);
}

static TaskControlBlock *handlerRun(Task *self, Packet *packet) {
  if (packet != NULL) {
    if (packet->kind == KIND_WORK) {
      self->p1 = addTo(packet, self->p1);
    } else {
      self->p2 = addTo(packet, self->p2);
    }
  }
  Packet *work = self->p1;
  if (work != NULL) {
    int count = work->a1;
    if (count < DATA_SIZE) {
      Packet *device = self->p2;
      if (device != NULL) {
        self->p2 = device->link;
        device->a1 = work->a2[count];
        work->a1 = count + 1;
        return queuePacket(self->scheduler, device);
      }
    } else {
      self->p1 = work->link;
      return queuePacket(self->scheduler, work);
    }
  }
  return suspendCurrent(self->scheduler);
}

static Task *newTask(Scheduler *s, RunFn run, int v1, int v2) {
  Task *t = alloc(s, sizeof(Task));
  t->run = run;
  t->scheduler = s;
  t->v1 = v1;
  t->v2 = v2;
  t->p1 = t->p2 = NULL;
  return t;
}

static void addTask(Scheduler *s, int id, int priority, Packet *queue, Task *task) {
  TaskControlBlock *tcb = alloc(s, sizeof(TaskControlBlock));
  tcb->link = s->list;
  tcb->id = id;
  tcb->priority = priority;
  tcb->queue = queue;
  tcb->task = task;
  tcb->state = queue == NULL ? STATE_SUSPENDED : STATE_SUSPENDED_RUNNABLE;
  s->currentTcb = tcb;
  s->list = tcb;
  s->blocks[id] = tcb;
}

static void schedule(Scheduler *s) {
  s->currentTcb = s->list;
  while (s->currentTcb != NULL) {
    TaskControlBlock *tcb = s->currentTcb;
    if (isHeldOrSuspended(tcb)) {
      s->currentTcb = tcb->link;
    } else {
      s->currentId = tcb->id;
      s->currentTcb = tcbRun(tcb);
    }
  }
}

static long runRichards(void) {
  Scheduler *s = calloc(1, sizeof(Scheduler));
  /* addIdleTask = addRunningTask(IdleTask(v1: 1, count)) */
  addTask(s, ID_IDLE, 0, NULL, newTask(s, idleRun, 1, IDLE_COUNT));
  s->currentTcb->state = STATE_RUNNING;

  Packet *queue = newPacket(s, NULL, ID_WORKER, KIND_WORK);
  queue = newPacket(s, queue, ID_WORKER, KIND_WORK);
  addTask(s, ID_WORKER, 1000, queue, newTask(s, workerRun, ID_HANDLER_A, 0));

  queue = newPacket(s, NULL, ID_DEVICE_A, KIND_DEVICE);
  queue = newPacket(s, queue, ID_DEVICE_A, KIND_DEVICE);
  queue = newPacket(s, queue, ID_DEVICE_A, KIND_DEVICE);
  addTask(s, ID_HANDLER_A, 2000, queue, newTask(s, handlerRun, 0, 0));

  queue = newPacket(s, NULL, ID_DEVICE_B, KIND_DEVICE);
  queue = newPacket(s, queue, ID_DEVICE_B, KIND_DEVICE);
  queue = newPacket(s, queue, ID_DEVICE_B, KIND_DEVICE);
  addTask(s, ID_HANDLER_B, 3000, queue, newTask(s, handlerRun, 0, 0));

  addTask(s, ID_DEVICE_A, 4000, NULL, newTask(s, deviceRun, 0, 0));
  addTask(s, ID_DEVICE_B, 5000, NULL, newTask(s, deviceRun, 0, 0));

  schedule(s);
  if (s->queueCount != 2322 || s->holdCount != 928) {
    fprintf(stderr, "richards: queueCount %d, holdCount %d\n", s->queueCount, s->holdCount);
    exit(1);
  }
  long result = (long)s->queueCount * 10000 + s->holdCount;
  for (int i = 0; i < s->nallocs; i++) free(s->allocs[i]);
  free(s);
  return result;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000;
  long checksum = 0;
  for (long i = 0; i < n; i++) checksum += runRichards();
  printf("richards %ld %ld\n", n, checksum);
  return 0;
}
