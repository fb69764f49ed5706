//! The isolate's event loop, run after `main` returns: the microtask queue is drained
//! completely, then the earliest due timer runs (its callback drains the queue again),
//! and the loop sleeps until the next timer is due; the program ends when no timer is
//! pending. The queues themselves live in `dart:async` (`_drainMicrotasks`,
//! `_nextTimerWakeup`, `_runExpiredTimers`), as in the Dart VM; this loop owns the
//! waiting, where port messages and I/O completions will join later.
//!
//! Each turn is a safepoint: no Dart frame is on the stack and no Rust code holds
//! isolate state, so a [`LoopHost`] (the hot-reload session of `dartrs run --debug`)
//! may change the program there, and does its waiting in place of the loop's sleep.

use super::entries::die;
use super::isolate::{Fatal, Isolate, IsolatePtr, Pending};
use super::natives::{int_of, timer_millis};
use super::reload::{ReloadFailure, ReloadReport};

/// What the loop does after a host's turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// Go on: run what is due.
    Continue,
    /// End the program now (hot restart or quit; the host knows which).
    Stop,
}

/// Something that acts at every turn of the event loop (see the module doc).
pub trait LoopHost: Send {
    /// Called at each turn with how long the loop would sleep before the next timer
    /// (`None`: no timer is pending and the program would end). The host may wait up
    /// to that long (handling commands, e.g. reloading the isolate); returning
    /// `Continue` with no timer pending ends the program normally.
    fn turn(&mut self, iso: IsolatePtr, wait: Option<std::time::Duration>) -> Turn;

    /// How an observer (the VM service) wakes this host's wait when it has a request that
    /// needs a turn, e.g. `reloadSources`; `None`: the host cannot reload for observers.
    fn waker(&self) -> Option<LoopWaker> {
        None
    }

    /// Reloads the isolate for an observer. Called only where reloading is safe: during
    /// this host's turn, or before `main` runs.
    fn reload_for_observer(
        &mut self,
        iso: IsolatePtr,
        request: &ObserverReload,
    ) -> Result<ReloadReport, ReloadFailure> {
        let _ = (iso, request);
        Err(ReloadFailure::Rejected(
            "this isolate cannot be reloaded".to_string(),
        ))
    }
}

/// Wakes a [`LoopHost`] waiting in [`LoopHost::turn`]; callable from any thread.
pub type LoopWaker = std::sync::Arc<dyn Fn() + Send + Sync>;

/// A reload an observer asks for (`reloadSources`): the new root library and package
/// configuration, when they change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObserverReload {
    pub root: Option<std::path::PathBuf>,
    pub packages: Option<std::path::PathBuf>,
}

/// Calls `dart:async`'s parameterless `name`.
fn call_hook(iso: IsolatePtr, name: &str) -> Result<super::object::Value, Pending> {
    let i = iso.get();
    let Some(f) = crate::compiler::CompileContext::async_helper(&*i, name) else {
        die(
            i,
            Fatal::Internal(format!("dart:async has no event-loop hook '{name}'")),
        )
    };
    let desc = i.argdesc_for(0, &[]);
    Isolate::invoke(iso, f.0, &[], desc)
}

/// Runs microtasks and timers until none remain. `Err(Pending)`: an exception escaped a
/// callback (an uncaught error); it is pending in the thread.
pub fn run(iso: IsolatePtr) -> Result<(), Pending> {
    loop {
        call_hook(iso, "_drainMicrotasks")?;
        let next = call_hook(iso, "_nextTimerWakeup")?;
        let wakeup = int_of(next).filter(|&w| w >= 0);
        let wait = wakeup.map(|w| {
            std::time::Duration::from_millis(w.saturating_sub(timer_millis()).max(0) as u64)
        });
        let host = iso.get().loop_host.take();
        if let Some(mut host) = host {
            let turn = host.turn(iso, wait);
            iso.get().loop_host = Some(host);
            if turn == Turn::Stop {
                return Ok(());
            }
        } else if let Some(wait) = wait {
            std::thread::sleep(wait);
        }
        if wakeup.is_none() {
            return Ok(());
        }
        call_hook(iso, "_runExpiredTimers")?;
    }
}
