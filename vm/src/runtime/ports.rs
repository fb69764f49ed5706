//! The process-wide registry of ports and isolates, and the delivery of port messages.
//!
//! A port id names a receive port anywhere in the process: the registry maps it to the
//! owning isolate's [`Inbox`] (no heap pointer, no isolate pointer). `SendPort.send`
//! copies its message ([`Message`]) on the sender's thread and posts a delivery to the
//! owner's inbox; on the owner's thread the delivery rebuilds the message and calls
//! `dart:isolate`'s `_handlePortMessage`, which finds the `RawReceivePort` and calls its
//! handler. A message to a closed port is dropped, as in the Dart VM.
//!
//! Each isolate that uses `dart:isolate` also has an [`IsolateControl`]: its control port
//! and capabilities (what `Isolate.current` and `Isolate.spawn` hand out), its `onExit`
//! and `onError` listeners and the flag `Isolate.kill` raises. Other threads reach it only
//! through atomics, locks and the inbox; the isolate reads it on its own thread.

use super::inbox::Inbox;
use super::isolate::{Fatal, Isolate, IsolatePtr, Pending};
use super::message::Message;
use super::object::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

/// One isolate as other isolates see it (see the module doc).
pub struct IsolateControl {
    pub inbox: Arc<Inbox>,
    pub control_port: i64,
    pub pause_capability: i64,
    pub terminate_capability: i64,
    pub debug_name: String,
    /// The control port of the main isolate this one descends from (its own for a main
    /// isolate): the program the isolate belongs to.
    pub root: i64,
    kill: AtomicBool,
    /// The address of the isolate's `service_interrupt` word while it runs (0 before
    /// and after), set to make a busy isolate reach a safepoint for `kill`.
    interrupt: Mutex<usize>,
    listeners: Mutex<Listeners>,
}

/// Who hears about the isolate's end and its uncaught errors.
pub struct Listeners {
    pub on_exit: Vec<(i64, Message)>,
    pub on_error: Vec<i64>,
    pub errors_fatal: bool,
}

struct PortEntry {
    inbox: Arc<Inbox>,
    /// The owner's control port (all ports of an isolate close with it).
    owner: i64,
}

#[derive(Default)]
struct Registry {
    ports: HashMap<i64, PortEntry>,
    isolates: HashMap<i64, Arc<IsolateControl>>,
}

fn registry() -> MutexGuard<'static, Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY
        .get_or_init(|| Mutex::new(Registry::default()))
        .lock()
        // Every update under this lock is a plain insert or remove: still consistent.
        .unwrap_or_else(|e| e.into_inner())
}

/// A fresh id for a port or a capability, unique in the process.
pub fn fresh_id() -> i64 {
    static NEXT: AtomicI64 = AtomicI64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// How many isolates were ever registered (the first is the main isolate).
static ISOLATES_STARTED: AtomicU64 = AtomicU64::new(0);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl IsolateControl {
    /// Registers a new isolate (its control port) with `inbox`, spawned by an isolate of
    /// program `root` (`None`: a main isolate, the root of its own program).
    pub fn register(
        inbox: Arc<Inbox>,
        debug_name: String,
        listeners: Listeners,
        root: Option<i64>,
    ) -> Arc<IsolateControl> {
        let control_port = fresh_id();
        let control = Arc::new(IsolateControl {
            inbox,
            control_port,
            root: root.unwrap_or(control_port),
            pause_capability: fresh_id(),
            terminate_capability: fresh_id(),
            debug_name,
            kill: AtomicBool::new(false),
            interrupt: Mutex::new(0),
            listeners: Mutex::new(listeners),
        });
        ISOLATES_STARTED.fetch_add(1, Ordering::Relaxed);
        registry()
            .isolates
            .insert(control.control_port, control.clone());
        control
    }

    pub fn listeners(&self) -> MutexGuard<'_, Listeners> {
        lock(&self.listeners)
    }

    /// Has someone asked this isolate to die?
    pub fn kill_requested(&self) -> bool {
        self.kill.load(Ordering::SeqCst)
    }

    /// Asks the isolate to die: at its next event (`immediate`: also at the next safepoint
    /// of the code it is running).
    pub fn request_kill(&self, immediate: bool) {
        if immediate {
            self.kill.store(true, Ordering::SeqCst);
            let word = lock(&self.interrupt);
            if *word != 0 {
                // SAFETY: the address is the `service_interrupt` field of the isolate's
                // live thread block (detached under this lock before the block goes
                // away); 8-byte aligned; Rust writes it atomically, generated code only
                // reads it.
                unsafe {
                    std::sync::atomic::AtomicU64::from_ptr(*word as *mut u64)
                        .store(1, Ordering::SeqCst)
                };
            }
            // An idle isolate wakes up for the kill.
            self.inbox.post(Box::new(|_| Ok(())));
        } else {
            self.inbox.post(Box::new(|p| {
                terminate(p);
                Err(Pending)
            }));
        }
    }

    /// Makes the isolate's running code call the runtime at its next safepoint (a
    /// function entry or loop back edge), where its host acts on what it was sent (the
    /// hot-reload session's commands). Does nothing once the isolate is gone.
    pub fn interrupt(&self) {
        let word = lock(&self.interrupt);
        if *word != 0 {
            // SAFETY: as in `request_kill`: the live thread block's interrupt word,
            // detached under this lock before the block goes away.
            unsafe {
                std::sync::atomic::AtomicU64::from_ptr(*word as *mut u64).store(1, Ordering::SeqCst)
            };
        }
    }

    /// Lets `request_kill` interrupt `thread`'s running code.
    pub fn attach_interrupt(&self, word: *mut u64) {
        *lock(&self.interrupt) = word as usize;
    }

    /// The isolate is going away: its ports close and nobody can reach it any more.
    pub fn unregister(&self) {
        *lock(&self.interrupt) = 0;
        let mut r = registry();
        r.isolates.remove(&self.control_port);
        r.ports.retain(|_, p| p.owner != self.control_port);
    }
}

/// The control block of `iso`, made on first use (the main isolate's, named `main`).
pub fn control_of(iso: &mut Isolate) -> Arc<IsolateControl> {
    if let Some(c) = &iso.control {
        return c.clone();
    }
    let control = IsolateControl::register(
        iso.inbox.clone(),
        "main".to_string(),
        Listeners {
            on_exit: Vec::new(),
            on_error: Vec::new(),
            errors_fatal: true,
        },
        None,
    );
    control.attach_interrupt(&mut iso.thread.service_interrupt);
    iso.control = Some(control.clone());
    control
}

/// The main isolate `iso` has ended: the isolates its program spawned die too (as in the
/// Dart VM, where they end with the process; this matters when the process goes on, e.g.
/// after a hot restart).
pub fn end_program(iso: &Isolate) {
    let Some(own) = iso.control.as_ref().map(|c| c.control_port) else {
        return;
    };
    let spawned: Vec<Arc<IsolateControl>> = registry()
        .isolates
        .values()
        .filter(|c| c.root == own && c.control_port != own)
        .cloned()
        .collect();
    for c in spawned {
        c.request_kill(true);
    }
}

/// The isolate whose control port is `port`, while it lives.
pub fn find_isolate(port: i64) -> Option<Arc<IsolateControl>> {
    registry().isolates.get(&port).cloned()
}

/// Opens a receive port owned by `iso`; it keeps the isolate alive until closed.
pub fn open_port(iso: &mut Isolate) -> i64 {
    let control = control_of(iso);
    let id = fresh_id();
    registry().ports.insert(
        id,
        PortEntry {
            inbox: iso.inbox.clone(),
            owner: control.control_port,
        },
    );
    iso.ports.insert(id, true);
    iso.event_sources += 1;
    id
}

/// Closes port `id` of `iso` (nothing if it is not one of its open ports).
pub fn close_port(iso: &mut Isolate, id: i64) {
    if let Some(keep_alive) = iso.ports.remove(&id) {
        registry().ports.remove(&id);
        if keep_alive {
            iso.event_sources = iso.event_sources.saturating_sub(1);
        }
    }
}

/// Whether open port `id` of `iso` keeps the isolate alive (`RawReceivePort.keepIsolateAlive`).
pub fn set_keep_alive(iso: &mut Isolate, id: i64, keep: bool) {
    if let Some(k) = iso.ports.get_mut(&id) {
        if *k != keep {
            *k = keep;
            if keep {
                iso.event_sources += 1;
            } else {
                iso.event_sources = iso.event_sources.saturating_sub(1);
            }
        }
    }
}

/// Posts `msg` to port `port` (dropped if the port is closed or a control port).
pub fn post(port: i64, msg: Message) {
    let inbox = registry().ports.get(&port).map(|p| p.inbox.clone());
    if let Some(inbox) = inbox {
        inbox.post(Box::new(move |p| deliver(p, port, &msg)));
    }
}

/// Rebuilds `msg` in the receiving isolate and hands it to the port's handler.
fn deliver(p: IsolatePtr, port: i64, msg: &Message) -> Result<(), Pending> {
    if !p.get().ports.contains_key(&port) {
        return Ok(());
    }
    let value = super::message::import(p, msg)?;
    let i = p.get();
    let id = super::natives::new_int(i, port);
    call_isolate_hook(p, "_handlePortMessage", &[id, value]).map(|_| ())
}

/// Calls `dart:isolate`'s top-level `name` with `args`.
pub fn call_isolate_hook(p: IsolatePtr, name: &str, args: &[Value]) -> Result<Value, Pending> {
    let i = p.get();
    let Some(f) = isolate_function(i, name) else {
        super::entries::die(
            i,
            Fatal::Internal(format!("dart:isolate has no entry point '{name}'")),
        )
    };
    let desc = i.argdesc_for(args.len() as u32, &[]);
    Isolate::invoke(p, f.0, args, desc)
}

/// A top-level function of `dart:isolate` by name.
pub fn isolate_function(iso: &Isolate, name: &str) -> Option<crate::kernel::ir::FunctionId> {
    let sym = crate::front::intern::Symbol::intern(name);
    iso.program
        .libraries
        .iter()
        .filter(|l| l.uri == "dart:isolate")
        .flat_map(|l| l.functions.iter())
        .copied()
        .find(|&f| iso.program.function(f).name == sym)
}

/// Starts unwinding the isolate's whole stack: no Dart handler runs (as for the Dart VM's
/// unwind error); the caller returns `Err(Pending)`.
pub fn terminate(p: IsolatePtr) {
    let i = p.get();
    i.terminating = true;
    i.thread.pending_exception = i.thread.null_value.0;
    // Any non-zero trace makes the exception pending (see `Thread::pending_stack_trace`).
    i.thread.pending_stack_trace = i.thread.null_value.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_to_unknown_ports_are_dropped() {
        post(-42, Message::null());
    }

    #[test]
    fn unregistering_closes_the_isolates_ports() {
        let inbox = Inbox::new();
        let c = IsolateControl::register(
            inbox.clone(),
            "t".into(),
            Listeners {
                on_exit: Vec::new(),
                on_error: Vec::new(),
                errors_fatal: true,
            },
            None,
        );
        let port = fresh_id();
        registry().ports.insert(
            port,
            PortEntry {
                inbox: inbox.clone(),
                owner: c.control_port,
            },
        );
        post(port, Message::null());
        assert!(inbox.take().is_some());
        assert!(find_isolate(c.control_port).is_some());
        c.unregister();
        post(port, Message::null());
        assert!(inbox.take().is_none());
        assert!(find_isolate(c.control_port).is_none());
    }
}
