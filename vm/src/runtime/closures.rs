//! Closures the runtime makes on demand: tear-offs of instance methods (`obj.method` as a
//! value), which bind their receiver.

use super::isolate::{Fatal, Isolate};
use super::layout::*;
use super::object::*;
use crate::kernel::ir::FunctionId;

/// Replaces the receiver in `receiver_slot` by a closure binding it to method `f`, and
/// returns the entry index of a stub that returns that slot (the caller's getter call
/// then yields the closure).
pub fn bound_tear_off(iso: &mut Isolate, f: FunctionId, receiver_slot: u64) -> Result<u32, Fatal> {
    let c = iso.allocate(CID_CLOSURE, 1 + CLOSURE_SLOTS);
    // SAFETY: the slot is a live stack slot of the calling frame (re-read after the
    // allocation, which may have moved the receiver); `c` has CLOSURE_SLOTS slots.
    unsafe {
        let receiver = *(receiver_slot as *const u64);
        c.set_slot(CLOSURE_FUNCTION, Value::smi(f.0 as i64).0);
        c.set_slot(CLOSURE_CAPTURES, iso.null().0);
        c.set_slot(CLOSURE_BOUND_RECEIVER, receiver);
        *(receiver_slot as *mut u64) = c.0;
    }
    iso.return_first_argument_entry()
}
