-- Richards: Martin Richards' operating-system task scheduler simulation, in the
-- object-oriented shape of the classic benchmark (tasks are "subclasses" through
-- metatables, dispatch is dynamic, packets form linked queues).

local bit = require("bit")
local band, bor, bxor, bnot, rshift = bit.band, bit.bor, bit.bxor, bit.bnot, bit.rshift

local ID_IDLE = 0
local ID_WORKER = 1
local ID_HANDLER_A = 2
local ID_HANDLER_B = 3
local ID_DEVICE_A = 4
local ID_DEVICE_B = 5
local NUMBER_OF_IDS = 6

local KIND_DEVICE = 0
local KIND_WORK = 1

local DATA_SIZE = 4
local IDLE_COUNT = 1000

local STATE_RUNNING = 0
local STATE_RUNNABLE = 1
local STATE_SUSPENDED = 2
local STATE_HELD = 4
local STATE_SUSPENDED_RUNNABLE = bor(STATE_SUSPENDED, STATE_RUNNABLE)

-- Packet ---------------------------------------------------------------------

local Packet = {}
Packet.__index = Packet

function Packet.new(link, id, kind)
  local a2 = {}
  for i = 0, DATA_SIZE - 1 do a2[i] = 0 end
  return setmetatable({ link = link, id = id, kind = kind, a1 = 0, a2 = a2 }, Packet)
end

function Packet:addTo(queue)
  self.link = nil
  if queue == nil then return self end
  local nxt = queue
  local peek = nxt.link
  while peek ~= nil do
    nxt = peek
    peek = nxt.link
  end
  nxt.link = self
  return queue
end

-- TaskControlBlock -----------------------------------------------------------

local TaskControlBlock = {}
TaskControlBlock.__index = TaskControlBlock

function TaskControlBlock.new(link, id, priority, queue, task)
  local state = queue == nil and STATE_SUSPENDED or STATE_SUSPENDED_RUNNABLE
  return setmetatable({ link = link, id = id, priority = priority, queue = queue,
                        task = task, state = state }, TaskControlBlock)
end

function TaskControlBlock:setRunning() self.state = STATE_RUNNING end
function TaskControlBlock:markAsNotHeld() self.state = band(self.state, bnot(STATE_HELD)) end
function TaskControlBlock:markAsHeld() self.state = bor(self.state, STATE_HELD) end
function TaskControlBlock:isHeldOrSuspended()
  return band(self.state, STATE_HELD) ~= 0 or self.state == STATE_SUSPENDED
end
function TaskControlBlock:markAsSuspended() self.state = bor(self.state, STATE_SUSPENDED) end
function TaskControlBlock:markAsRunnable() self.state = bor(self.state, STATE_RUNNABLE) end

function TaskControlBlock:run()
  local packet
  if self.state == STATE_SUSPENDED_RUNNABLE then
    packet = self.queue
    self.queue = packet.link
    self.state = self.queue == nil and STATE_RUNNING or STATE_RUNNABLE
  else
    packet = nil
  end
  return self.task:run(packet)
end

function TaskControlBlock:checkPriorityAdd(task, packet)
  local q = self.queue
  if q == nil then
    self.queue = packet
    self:markAsRunnable()
    if self.priority > task.priority then return self end
  else
    self.queue = packet:addTo(q)
  end
  return task
end

-- Tasks ----------------------------------------------------------------------

local IdleTask = {}
IdleTask.__index = IdleTask

function IdleTask.new(scheduler, v1, count)
  return setmetatable({ scheduler = scheduler, v1 = v1, count = count }, IdleTask)
end

function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:holdCurrent() end
  if band(self.v1, 1) == 0 then
    self.v1 = rshift(self.v1, 1)
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = bxor(rshift(self.v1, 1), 0xD008)
  return self.scheduler:release(ID_DEVICE_B)
end

local DeviceTask = {}
DeviceTask.__index = DeviceTask

function DeviceTask.new(scheduler)
  return setmetatable({ scheduler = scheduler, v1 = nil }, DeviceTask)
end

function DeviceTask:run(packet)
  if packet == nil then
    local v = self.v1
    if v == nil then return self.scheduler:suspendCurrent() end
    self.v1 = nil
    return self.scheduler:queue(v)
  end
  self.v1 = packet
  return self.scheduler:holdCurrent()
end

local WorkerTask = {}
WorkerTask.__index = WorkerTask

function WorkerTask.new(scheduler, v1, v2)
  return setmetatable({ scheduler = scheduler, v1 = v1, v2 = v2 }, WorkerTask)
end

function WorkerTask:run(packet)
  if packet == nil then return self.scheduler:suspendCurrent() end
  if self.v1 == ID_HANDLER_A then
    self.v1 = ID_HANDLER_B
  else
    self.v1 = ID_HANDLER_A
  end
  packet.id = self.v1
  packet.a1 = 0
  local a2 = packet.a2
  for i = 0, DATA_SIZE - 1 do
    self.v2 = self.v2 + 1
    if self.v2 > 26 then self.v2 = 1 end
    a2[i] = self.v2
  end
  return self.scheduler:queue(packet)
end

local HandlerTask = {}
HandlerTask.__index = HandlerTask

function HandlerTask.new(scheduler)
  return setmetatable({ scheduler = scheduler, v1 = nil, v2 = nil }, HandlerTask)
end

function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then
      self.v1 = packet:addTo(self.v1)
    else
      self.v2 = packet:addTo(self.v2)
    end
  end
  local work = self.v1
  if work ~= nil then
    local count = work.a1
    if count < DATA_SIZE then
      local device = self.v2
      if device ~= nil then
        self.v2 = device.link
        device.a1 = work.a2[count]
        work.a1 = count + 1
        return self.scheduler:queue(device)
      end
    else
      self.v1 = work.link
      return self.scheduler:queue(work)
    end
  end
  return self.scheduler:suspendCurrent()
end

-- Scheduler ------------------------------------------------------------------

local Scheduler = {}
Scheduler.__index = Scheduler

function Scheduler.new()
  -- blocks[id] is false when empty so that the table keeps its slots.
  local blocks = {}
  for i = 0, NUMBER_OF_IDS - 1 do blocks[i] = false end
  return setmetatable({ queueCount = 0, holdCount = 0, blocks = blocks, list = nil,
                        currentTcb = nil, currentId = 0 }, Scheduler)
end

function Scheduler:addIdleTask(id, priority, queue, count)
  self:addRunningTask(id, priority, queue, IdleTask.new(self, 1, count))
end

function Scheduler:addWorkerTask(id, priority, queue)
  self:addTask(id, priority, queue, WorkerTask.new(self, ID_HANDLER_A, 0))
end

function Scheduler:addHandlerTask(id, priority, queue)
  self:addTask(id, priority, queue, HandlerTask.new(self))
end

function Scheduler:addDeviceTask(id, priority, queue)
  self:addTask(id, priority, queue, DeviceTask.new(self))
end

function Scheduler:addRunningTask(id, priority, queue, task)
  self:addTask(id, priority, queue, task)
  self.currentTcb:setRunning()
end

function Scheduler:addTask(id, priority, queue, task)
  local tcb = TaskControlBlock.new(self.list, id, priority, queue, task)
  self.currentTcb = tcb
  self.list = tcb
  self.blocks[id] = tcb
end

function Scheduler:schedule()
  self.currentTcb = self.list
  while self.currentTcb ~= nil do
    local tcb = self.currentTcb
    if tcb:isHeldOrSuspended() then
      self.currentTcb = tcb.link
    else
      self.currentId = tcb.id
      self.currentTcb = tcb:run()
    end
  end
end

function Scheduler:release(id)
  local tcb = self.blocks[id]
  if not tcb then return nil end
  tcb:markAsNotHeld()
  if tcb.priority > self.currentTcb.priority then return tcb end
  return self.currentTcb
end

function Scheduler:holdCurrent()
  self.holdCount = self.holdCount + 1
  local tcb = self.currentTcb
  tcb:markAsHeld()
  return tcb.link
end

function Scheduler:suspendCurrent()
  self.currentTcb:markAsSuspended()
  return self.currentTcb
end

function Scheduler:queue(packet)
  local t = self.blocks[packet.id]
  if not t then return nil end
  self.queueCount = self.queueCount + 1
  packet.link = nil
  packet.id = self.currentId
  return t:checkPriorityAdd(self.currentTcb, packet)
end

local function runRichards()
  local scheduler = Scheduler.new()
  scheduler:addIdleTask(ID_IDLE, 0, nil, IDLE_COUNT)

  local queue = Packet.new(nil, ID_WORKER, KIND_WORK)
  queue = Packet.new(queue, ID_WORKER, KIND_WORK)
  scheduler:addWorkerTask(ID_WORKER, 1000, queue)

  queue = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  scheduler:addHandlerTask(ID_HANDLER_A, 2000, queue)

  queue = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  scheduler:addHandlerTask(ID_HANDLER_B, 3000, queue)

  scheduler:addDeviceTask(ID_DEVICE_A, 4000, nil)
  scheduler:addDeviceTask(ID_DEVICE_B, 5000, nil)

  scheduler:schedule()
  if scheduler.queueCount ~= 2322 or scheduler.holdCount ~= 928 then
    error(string.format("richards: queueCount %d, holdCount %d",
      scheduler.queueCount, scheduler.holdCount))
  end
  return scheduler.queueCount * 10000 + scheduler.holdCount
end

local n = tonumber(arg and arg[1]) or 2000
local checksum = 0
for _ = 1, n do checksum = checksum + runRichards() end
io.write(string.format("richards %d %d\n", n, checksum))
