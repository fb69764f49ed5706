//! Natives behind `dart:async` and the error plumbing it needs: cloning a suspended
//! frame, the timer clock, callback arity checks, and throwing with a given stack trace.

use super::{int_of, iso, new_int, NativeError, NativeRegistry};
use crate::runtime::entries::accepts;
use crate::runtime::layout::*;
use crate::runtime::object::*;

/// Milliseconds on the monotonic clock timers are scheduled by.
pub fn timer_millis() -> i64 {
    super::system::monotonic_micros() / 1000
}

pub fn register(r: &mut NativeRegistry) {
    r.add("SuspendState_clone", |p, a| {
        let state = a.get(0);
        Ok(crate::runtime::suspend::clone_state(iso(p), state))
    });
    r.add("Async_timerMillisecondClock", |p, _| {
        Ok(new_int(iso(p), timer_millis()))
    });
    r.add("Function_acceptsPositional", |p, a| {
        let (f, count) = (a.get(0), int_of(a.get(1)).unwrap_or(0));
        let i = iso(p);
        // SAFETY: a valid value; a closure's slot 0 is its entry index.
        let ok = f.is_heap() && unsafe { f.cid() } == CID_CLOSURE && (0..=8).contains(&count) && {
            let entry = unsafe { Value(f.slot(CLOSURE_FUNCTION)).smi_value() } as u32;
            let desc = i.argdesc_for(1 + count as u32, &[]);
            accepts(i, crate::kernel::ir::FunctionId(entry), desc)
        };
        Ok(i.bool_value(ok))
    });
    r.add("Error_throwWithStackTrace", |p, a| {
        let (error, trace) = (a.get(0), a.get(1));
        let i = iso(p);
        crate::runtime::entries::record_error_stack_trace(i, error, trace);
        i.thread.pending_exception = error.0;
        i.thread.pending_stack_trace = trace.0;
        Err(NativeError::Pending)
    });
    r.add("StackTrace_empty", |p, _| {
        let i = iso(p);
        let frames = i.allocate(CID_ARRAY, 1 + ARRAY_HEADER_SLOTS);
        // SAFETY: a fresh empty array.
        unsafe {
            frames.set_slot(ARRAY_LENGTH, Value::smi(0).0);
            frames.set_slot(ARRAY_TYPE_ARGS, i.null().0);
        }
        i.handles.push(frames.0);
        let trace = i.allocate(CID_STACK_TRACE, 1 + STACK_TRACE_SLOTS);
        let frames = Value(i.handles.pop().unwrap_or(frames.0));
        // SAFETY: a fresh stack trace with one slot.
        unsafe { trace.set_slot(STACK_TRACE_FRAMES, frames.0) };
        Ok(trace)
    });
}
