//! The isolate's event loop, run after `main` returns: the microtask queue is drained
//! completely, then the earliest due timer runs (its callback drains the queue again),
//! and the loop sleeps until the next timer is due; the program ends when no timer is
//! pending. The queues themselves live in `dart:async` (`_drainMicrotasks`,
//! `_nextTimerWakeup`, `_runExpiredTimers`), as in the Dart VM; this loop owns the
//! waiting, where port messages and I/O completions will join later.

use super::entries::die;
use super::isolate::{Fatal, Isolate, IsolatePtr, Pending};
use super::natives::{int_of, timer_millis};

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
        let Some(wakeup) = int_of(next).filter(|&w| w >= 0) else {
            return Ok(());
        };
        let now = timer_millis();
        if wakeup > now {
            std::thread::sleep(std::time::Duration::from_millis((wakeup - now) as u64));
        }
        call_hook(iso, "_runExpiredTimers")?;
    }
}
