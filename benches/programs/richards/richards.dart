// Richards: Martin Richards' operating-system task scheduler simulation, in the
// object-oriented shape of the classic benchmark (tasks are subclasses, dispatch is
// virtual, packets form linked queues).

const int idIdle = 0;
const int idWorker = 1;
const int idHandlerA = 2;
const int idHandlerB = 3;
const int idDeviceA = 4;
const int idDeviceB = 5;
const int numberOfIds = 6;

const int kindDevice = 0;
const int kindWork = 1;

const int dataSize = 4;
const int idleCount = 1000;

const int stateRunning = 0;
const int stateRunnable = 1;
const int stateSuspended = 2;
const int stateHeld = 4;
const int stateSuspendedRunnable = stateSuspended | stateRunnable;

class Packet {
  Packet? link;
  int id;
  final int kind;
  int a1 = 0;
  final List<int> a2 = List<int>.filled(dataSize, 0);

  Packet(this.link, this.id, this.kind);

  /// Appends this packet to the end of [queue] and returns the queue's head.
  Packet addTo(Packet? queue) {
    link = null;
    if (queue == null) return this;
    Packet next = queue;
    Packet? peek = next.link;
    while (peek != null) {
      next = peek;
      peek = next.link;
    }
    next.link = this;
    return queue;
  }
}

abstract class Task {
  final Scheduler scheduler;
  Task(this.scheduler);
  TaskControlBlock? run(Packet? packet);
}

class TaskControlBlock {
  final TaskControlBlock? link;
  final int id;
  final int priority;
  Packet? queue;
  final Task task;
  int state;

  TaskControlBlock(this.link, this.id, this.priority, this.queue, this.task)
      : state = queue == null ? stateSuspended : stateSuspendedRunnable;

  void setRunning() {
    state = stateRunning;
  }

  void markAsNotHeld() {
    state = state & ~stateHeld;
  }

  void markAsHeld() {
    state = state | stateHeld;
  }

  bool isHeldOrSuspended() {
    return (state & stateHeld) != 0 || state == stateSuspended;
  }

  void markAsSuspended() {
    state = state | stateSuspended;
  }

  void markAsRunnable() {
    state = state | stateRunnable;
  }

  TaskControlBlock? run() {
    Packet? packet;
    if (state == stateSuspendedRunnable) {
      packet = queue;
      queue = packet!.link;
      state = queue == null ? stateRunning : stateRunnable;
    } else {
      packet = null;
    }
    return task.run(packet);
  }

  TaskControlBlock checkPriorityAdd(TaskControlBlock task, Packet packet) {
    final q = queue;
    if (q == null) {
      queue = packet;
      markAsRunnable();
      if (priority > task.priority) return this;
    } else {
      queue = packet.addTo(q);
    }
    return task;
  }
}

class IdleTask extends Task {
  int v1;
  int count;
  IdleTask(Scheduler scheduler, this.v1, this.count) : super(scheduler);

  @override
  TaskControlBlock? run(Packet? packet) {
    count--;
    if (count == 0) return scheduler.holdCurrent();
    if ((v1 & 1) == 0) {
      v1 = v1 >> 1;
      return scheduler.release(idDeviceA);
    }
    v1 = (v1 >> 1) ^ 0xD008;
    return scheduler.release(idDeviceB);
  }
}

class DeviceTask extends Task {
  Packet? v1;
  DeviceTask(Scheduler scheduler) : super(scheduler);

  @override
  TaskControlBlock? run(Packet? packet) {
    if (packet == null) {
      final v = v1;
      if (v == null) return scheduler.suspendCurrent();
      v1 = null;
      return scheduler.queue(v);
    }
    v1 = packet;
    return scheduler.holdCurrent();
  }
}

class WorkerTask extends Task {
  int v1;
  int v2;
  WorkerTask(Scheduler scheduler, this.v1, this.v2) : super(scheduler);

  @override
  TaskControlBlock? run(Packet? packet) {
    if (packet == null) return scheduler.suspendCurrent();
    if (v1 == idHandlerA) {
      v1 = idHandlerB;
    } else {
      v1 = idHandlerA;
    }
    packet.id = v1;
    packet.a1 = 0;
    for (int i = 0; i < dataSize; i++) {
      v2++;
      if (v2 > 26) v2 = 1;
      packet.a2[i] = v2;
    }
    return scheduler.queue(packet);
  }
}

class HandlerTask extends Task {
  Packet? v1;
  Packet? v2;
  HandlerTask(Scheduler scheduler) : super(scheduler);

  @override
  TaskControlBlock? run(Packet? packet) {
    if (packet != null) {
      if (packet.kind == kindWork) {
        v1 = packet.addTo(v1);
      } else {
        v2 = packet.addTo(v2);
      }
    }
    final work = v1;
    if (work != null) {
      final count = work.a1;
      if (count < dataSize) {
        final device = v2;
        if (device != null) {
          v2 = device.link;
          device.a1 = work.a2[count];
          work.a1 = count + 1;
          return scheduler.queue(device);
        }
      } else {
        v1 = work.link;
        return scheduler.queue(work);
      }
    }
    return scheduler.suspendCurrent();
  }
}

class Scheduler {
  int queueCount = 0;
  int holdCount = 0;
  final List<TaskControlBlock?> blocks =
      List<TaskControlBlock?>.filled(numberOfIds, null);
  TaskControlBlock? list;
  TaskControlBlock? currentTcb;
  int currentId = 0;

  void addIdleTask(int id, int priority, Packet? queue, int count) {
    addRunningTask(id, priority, queue, IdleTask(this, 1, count));
  }

  void addWorkerTask(int id, int priority, Packet? queue) {
    addTask(id, priority, queue, WorkerTask(this, idHandlerA, 0));
  }

  void addHandlerTask(int id, int priority, Packet? queue) {
    addTask(id, priority, queue, HandlerTask(this));
  }

  void addDeviceTask(int id, int priority, Packet? queue) {
    addTask(id, priority, queue, DeviceTask(this));
  }

  void addRunningTask(int id, int priority, Packet? queue, Task task) {
    addTask(id, priority, queue, task);
    currentTcb!.setRunning();
  }

  void addTask(int id, int priority, Packet? queue, Task task) {
    final tcb = TaskControlBlock(list, id, priority, queue, task);
    currentTcb = tcb;
    list = tcb;
    blocks[id] = tcb;
  }

  void schedule() {
    currentTcb = list;
    while (currentTcb != null) {
      final tcb = currentTcb!;
      if (tcb.isHeldOrSuspended()) {
        currentTcb = tcb.link;
      } else {
        currentId = tcb.id;
        currentTcb = tcb.run();
      }
    }
  }

  TaskControlBlock? release(int id) {
    final tcb = blocks[id];
    if (tcb == null) return tcb;
    tcb.markAsNotHeld();
    if (tcb.priority > currentTcb!.priority) return tcb;
    return currentTcb;
  }

  TaskControlBlock? holdCurrent() {
    holdCount++;
    final tcb = currentTcb!;
    tcb.markAsHeld();
    return tcb.link;
  }

  TaskControlBlock? suspendCurrent() {
    currentTcb!.markAsSuspended();
    return currentTcb;
  }

  TaskControlBlock? queue(Packet packet) {
    final t = blocks[packet.id];
    if (t == null) return t;
    queueCount++;
    packet.link = null;
    packet.id = currentId;
    return t.checkPriorityAdd(currentTcb!, packet);
  }
}

/// One run of the simulation; returns queueCount * 10000 + holdCount.
int runRichards() {
  final scheduler = Scheduler();
  scheduler.addIdleTask(idIdle, 0, null, idleCount);

  Packet queue = Packet(null, idWorker, kindWork);
  queue = Packet(queue, idWorker, kindWork);
  scheduler.addWorkerTask(idWorker, 1000, queue);

  queue = Packet(null, idDeviceA, kindDevice);
  queue = Packet(queue, idDeviceA, kindDevice);
  queue = Packet(queue, idDeviceA, kindDevice);
  scheduler.addHandlerTask(idHandlerA, 2000, queue);

  queue = Packet(null, idDeviceB, kindDevice);
  queue = Packet(queue, idDeviceB, kindDevice);
  queue = Packet(queue, idDeviceB, kindDevice);
  scheduler.addHandlerTask(idHandlerB, 3000, queue);

  scheduler.addDeviceTask(idDeviceA, 4000, null);
  scheduler.addDeviceTask(idDeviceB, 5000, null);

  scheduler.schedule();
  if (scheduler.queueCount != 2322 || scheduler.holdCount != 928) {
    throw StateError(
        'richards: queueCount ${scheduler.queueCount}, holdCount ${scheduler.holdCount}');
  }
  return scheduler.queueCount * 10000 + scheduler.holdCount;
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 2000;
  int checksum = 0;
  for (int i = 0; i < n; i++) {
    checksum += runRichards();
  }
  print('richards $n $checksum');
}
