//! The generational write barrier's Rust half: every store of a heap value into a heap
//! object made by Rust code (`Value::set_slot`) goes through [`on_store`], which records an
//! object outside the nursery that starts pointing into it (the *remembered set*, a store
//! buffer of objects whose header carries the `REMEMBERED` bit so each is recorded once).
//! Generated code has the same check inline and calls a stub on its slow path.
//!
//! The nursery bounds and the store buffer of the heap that the current thread runs are
//! kept in a thread-local, installed by the isolate when it starts on its thread (each
//! isolate runs on one thread). Without an installed heap (unit tests of other parts),
//! nothing is recorded.

use crate::runtime::object::{Value, REMEMBERED_BIT};
use std::cell::Cell;

#[derive(Clone, Copy)]
struct BarrierState {
    nursery_start: u64,
    nursery_end: u64,
    buffer: *mut Vec<u64>,
}

thread_local! {
    static STATE: Cell<BarrierState> = const {
        Cell::new(BarrierState {
            nursery_start: 0,
            nursery_end: 0,
            buffer: std::ptr::null_mut(),
        })
    };
}

/// Makes `buffer` (the store buffer of a heap whose nursery is `[start, end)`) the one
/// this thread's stores record into.
///
/// # Safety
/// `buffer` must stay valid (not moved or dropped) until [`uninstall`] is called on this
/// thread or another heap is installed.
pub unsafe fn install(start: u64, end: u64, buffer: *mut Vec<u64>) {
    STATE.with(|s| {
        s.set(BarrierState {
            nursery_start: start,
            nursery_end: end,
            buffer,
        })
    });
}

/// Stops recording into the heap installed on this thread (it is going away).
pub fn uninstall(buffer: *mut Vec<u64>) {
    STATE.with(|s| {
        if s.get().buffer == buffer {
            s.set(BarrierState {
                nursery_start: 0,
                nursery_end: 0,
                buffer: std::ptr::null_mut(),
            });
        }
    });
}

/// Called for every store of `value` into `object` by Rust code.
///
/// # Safety
/// `object` must be a live heap object.
#[inline]
pub unsafe fn on_store(object: Value, value: u64) {
    if value & 1 == 0 {
        return;
    }
    let state = STATE.with(|s| s.get());
    let young = |v: u64| v >= state.nursery_start && v < state.nursery_end;
    if !young(value) || young(object.0) || state.buffer.is_null() {
        return;
    }
    // SAFETY: per the caller `object` is live; the installed buffer is valid.
    unsafe { remember(object, &mut *state.buffer) }
}

/// Records `object` in `buffer` unless its header says it already is.
///
/// # Safety
/// `object` must be a live heap object.
pub unsafe fn remember(object: Value, buffer: &mut Vec<u64>) {
    let header = object.addr();
    // SAFETY: per the caller, the object's first word is its header.
    unsafe {
        if *header & REMEMBERED_BIT != 0 {
            return;
        }
        *header |= REMEMBERED_BIT;
    }
    buffer.push(object.0);
}
