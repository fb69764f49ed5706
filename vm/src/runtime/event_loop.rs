//! The isolate's event loop, run after `main` returns: the microtask queue is drained
//! completely, then the oldest delivery from another thread or else the due timers run
//! (each callback drains the queue again), and the loop sleeps until the next is due.
//! The queues themselves live in `dart:async` (`_drainMicrotasks`, `_nextTimerWakeup`,
//! `_runExpiredTimers`), as in the Dart VM; this loop owns the
//! waiting, for timers and for what other threads deliver through the isolate's
//! [`Inbox`](super::inbox::Inbox) (port messages, I/O completions), each delivery one
//! event. The program ends when no timer is pending and no event source is open.
//!
//! Each turn is a safepoint: no Dart frame is on the stack and no Rust code holds
//! isolate state, so a [`LoopHost`] (the hot-reload session of `dartrs run --debug`)
//! may change the program there, and does its waiting in place of the loop's sleep.
//! The host also acts at the safepoints of running code ([`LoopHost::safepoint`]) when
//! it raised the isolate's interrupt, so a long synchronous computation reloads too.

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
    /// Called at each turn with how long the loop would sleep before the next timer or
    /// delivery (`None`: nothing is pending and the program would end). The host may wait up
    /// to that long (handling commands, e.g. reloading the isolate); returning
    /// `Continue` with no timer pending ends the program normally.
    fn turn(&mut self, iso: IsolatePtr, wait: Option<std::time::Duration>) -> Turn;

    /// Called once on the isolate's thread before `main` runs, with the isolate the host
    /// will serve (e.g. to learn how to interrupt its running code).
    fn attach(&mut self, iso: &mut Isolate) {
        let _ = iso;
    }

    /// Called when generated code reaches a safepoint (a function entry or loop back
    /// edge) with the isolate's interrupt raised: Dart frames are on the stack, all of
    /// them walkable, and no Rust code below holds a borrow of the isolate. The host may
    /// reload the program here (the frames finish in their old code; calls made after it
    /// reach the new code), or end the isolate (`ports::terminate`) to restart or quit.
    fn safepoint(&mut self, iso: IsolatePtr) {
        let _ = iso;
    }

    /// How an observer (the VM service) wakes this host's wait when it has a request that
    /// needs a turn, e.g. `reloadSources`; `None`: the host cannot reload for observers.
    fn waker(&self) -> Option<LoopWaker> {
        None
    }

    /// How the isolate's [`Inbox`](super::inbox::Inbox) ends this host's wait in
    /// [`LoopHost::turn`] when a port message or I/O completion arrives (`turn` must
    /// then return `Continue` soon); `None`: the host never waits longer than asked.
    fn event_waker(&self) -> Option<LoopWaker> {
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

/// The longest the loop blocks in one wait when only event sources keep it alive: waking
/// now and then costs nothing and keeps deadlines far from `Instant` overflow.
const IDLE_WAIT: std::time::Duration = std::time::Duration::from_secs(3600);

/// Runs microtasks, deliveries from other threads and timers until none remain and no
/// event source is open. `Err(Pending)`: an exception escaped a callback (an uncaught
/// error); it is pending in the thread.
pub fn run(iso: IsolatePtr) -> Result<(), Pending> {
    let inbox = iso.get().inbox.clone();
    // Installed before the first emptiness check, so a delivery posted at any point
    // ends the host's next wait (an extra wake-up at worst, never a missed one).
    let host_waker = iso.get().loop_host.as_ref().and_then(|h| h.event_waker());
    inbox.set_host_waker(host_waker);
    loop {
        if iso
            .get()
            .control
            .as_ref()
            .is_some_and(|c| c.kill_requested())
        {
            super::ports::terminate(iso);
            return Err(Pending);
        }
        call_hook(iso, "_drainMicrotasks")?;
        let next = call_hook(iso, "_nextTimerWakeup")?;
        let wakeup = int_of(next).filter(|&w| w >= 0);
        let timer_wait = wakeup.map(|w| {
            std::time::Duration::from_millis(w.saturating_sub(timer_millis()).max(0) as u64)
        });
        let waiting_for_events = iso.get().event_sources > 0;
        let wait = if !inbox.is_empty() {
            Some(std::time::Duration::ZERO)
        } else if waiting_for_events {
            Some(timer_wait.map_or(IDLE_WAIT, |w| w.min(IDLE_WAIT)))
        } else {
            timer_wait
        };
        let host = iso.get().loop_host.take();
        if let Some(mut host) = host {
            let turn = host.turn(iso, wait);
            iso.get().loop_host = Some(host);
            if turn == Turn::Stop {
                return Ok(());
            }
        } else if wait.is_some() {
            iso.get().out.flush();
            inbox.wait(wait);
        }
        if let Some(delivery) = inbox.take() {
            delivery(iso)?;
            continue;
        }
        if wakeup.is_none() {
            if iso.get().event_sources == 0 && inbox.is_empty() {
                return Ok(());
            }
            continue;
        }
        call_hook(iso, "_runExpiredTimers")?;
    }
}
