//! Lazily initialised static and top-level fields: the first read runs the initialiser
//! (a read during it runs it again, as the language's late-initialised getter does; a
//! final field bound meanwhile is then an error), and a field without one is null.

use super::entries::new_string;
use super::isolate::{Isolate, IsolatePtr, Pending};
use super::object::Value;
use crate::kernel::ir::FieldId;

/// Runs the initialiser of static field `field` and returns its value (0 with an
/// exception pending when the initialiser throws).
pub fn initialize(iso_ptr: IsolatePtr, field: u32) -> u64 {
    // SAFETY: called from a runtime entry with the live isolate; no borrow is held across
    // the call into Dart below.
    let iso = iso_ptr.get();
    let program = iso.program.clone();
    let f = program.field(FieldId(field));
    let Some(init) = f.initializer else {
        if f.is_late {
            let text = format!("Field '{}' has not been initialized.", f.name);
            let s = new_string(iso, &text);
            super::entries::throw_core_error(iso_ptr, "_throwLateInitializationError", &[s]);
            return 0;
        }
        let null = iso.null().0;
        iso.statics[field as usize] = null;
        return null;
    };
    let desc = iso.argdesc_for(0, &[]);
    // SAFETY: no borrow of the isolate is live across the call.
    let result = Isolate::invoke(iso_ptr, init.0, &[], desc);
    // SAFETY: as above.
    let iso = iso_ptr.get();
    match result {
        Ok(v) => {
            // A read during the initialiser ran it again (the language's late-initialised
            // getter); a final field bound meanwhile is an error, a variable is rebound.
            let bound = iso.statics[field as usize] != iso.thread.uninitialized_static;
            if bound && (f.is_final || f.is_const) {
                let text = format!(
                    "Field '{}' has been assigned during initialization.",
                    f.name
                );
                let s = new_string(iso, &text);
                super::entries::throw_core_error(iso_ptr, "_throwLateInitializationError", &[s]);
                return 0;
            }
            iso.statics[field as usize] = v.0;
            v.0
        }
        Err(Pending) => Value(0).0,
    }
}
