//! Lazily initialised static and top-level fields: the first read runs the initialiser,
//! a read during initialisation is an error, and a field without an initialiser is null.

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
    if iso.initializing_statics.contains(&field) {
        let text = format!(
            "Reading static variable '{}' during its initialization",
            f.name
        );
        let s = new_string(iso, &text);
        super::entries::throw_core_error(iso_ptr, "_throwLateInitializationError", &[s]);
        return 0;
    }
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
    iso.initializing_statics.push(field);
    let desc = iso.argdesc_for(0, &[]);
    // SAFETY: no borrow of the isolate is live across the call.
    let result = Isolate::invoke(iso_ptr, init.0, &[], desc);
    // SAFETY: as above.
    let iso = iso_ptr.get();
    iso.initializing_statics.retain(|&x| x != field);
    match result {
        Ok(v) => {
            iso.statics[field as usize] = v.0;
            v.0
        }
        Err(Pending) => Value(0).0,
    }
}
