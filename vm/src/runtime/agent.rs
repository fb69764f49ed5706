//! The runtime's side of an attached observer (the VM service): the narrow interface the
//! isolate calls at its lifecycle points, at safepoints and when it collects, writes or
//! posts developer events. The runtime knows nothing of the protocol; `crate::service`
//! implements this trait. Without an agent (release mode, plain runs) none of this costs
//! more than an `Option` check.

use super::event_loop::LoopHost;
use super::isolate::{Isolate, IsolatePtr};
use crate::heap::GcStats;
use std::rc::Rc;

/// Which standard stream a program wrote to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputStream {
    Stdout,
    Stderr,
}

/// What an attached observer hears from an isolate. Every method runs on the isolate's
/// thread; methods that get an [`IsolatePtr`] may run Dart code (and must follow the
/// pointer's borrow discipline).
pub trait IsolateAgent {
    /// The isolate is ready to run `main` (may block: pause on start).
    fn started(&self, iso: IsolatePtr);
    /// Generated code reached a safepoint with the interrupt flag set (may block while the
    /// isolate is paused). With `host`, the program may be reloaded here (frames on the
    /// stack finish in their old code; the VM service answers `reloadSources`).
    fn safepoint(&self, iso: IsolatePtr, host: Option<&mut dyn LoopHost>);
    /// A collection finished.
    fn collected(&self, iso: &Isolate, stats: &GcStats);
    /// The program wrote `text` to a standard stream.
    fn wrote(&self, stream: OutputStream, text: &str);
    /// `dart:developer` `registerExtension(method, ...)` succeeded.
    fn extension_registered(&self, method: &str);
    /// `dart:developer` `postEvent(kind, data)`; `data_json` is the encoded map.
    fn post_event(&self, kind: &str, data_json: &str);
    /// `dart:developer` `log(...)`.
    fn log(&self, record: &LogRecord);
    /// `main` returned or threw: the isolate is about to go away.
    fn exiting(&self, iso: IsolatePtr);
    /// An event-loop turn of a hosted isolate: a safepoint where the program may also be
    /// reloaded, through `host` (the VM service answers `reloadSources` here).
    fn loop_turn(&self, iso: IsolatePtr, host: &mut dyn LoopHost) {
        let _ = (iso, host);
    }
    /// A hot reload was applied (`true`) or refused (`false`), whoever asked for it.
    fn reloaded(&self, applied: bool) {
        let _ = applied;
    }
}

/// A `dart:developer` `log` call, with its objects already turned into text.
#[derive(Clone, Debug, PartialEq)]
pub struct LogRecord {
    pub name: String,
    pub message: String,
    pub level: i64,
    pub sequence_number: i64,
    pub time_millis: i64,
    pub error: Option<String>,
    pub stack_trace: Option<String>,
}

/// Makes the agent of a new isolate (on the isolate's thread, before `main` runs).
pub trait AgentFactory: Send + Sync {
    fn attach(&self, iso: &mut Isolate) -> Rc<dyn IsolateAgent>;
}

/// The isolate's agent, if one is attached (a clone, so no borrow of the isolate is held
/// while the agent works).
pub fn agent_of(iso: IsolatePtr) -> Option<Rc<dyn IsolateAgent>> {
    iso.get().agent.clone()
}

static EXIT_HOOK: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Registers what must run before the process exits from inside Dart code (`exit(n)`):
/// the VM service delivers its last events there.
pub fn set_exit_hook(hook: fn()) {
    let _ = EXIT_HOOK.set(hook);
}

/// Runs the exit hook, if one is registered.
pub fn run_exit_hook() {
    if let Some(hook) = EXIT_HOOK.get() {
        hook();
    }
}
