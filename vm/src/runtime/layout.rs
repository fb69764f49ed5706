//! Field layouts of the VM's built-in heap objects, shared by the emitter (as load
//! displacements) and the runtime (as slot indices). See `object.rs` for the class ids.

use super::object::field_disp;

/// Array: `[length: Smi, type_args, elements...]`.
pub const ARRAY_LENGTH: usize = 0;
pub const ARRAY_TYPE_ARGS: usize = 1;
pub const ARRAY_HEADER_SLOTS: usize = 2;

pub const fn array_element_slot(i: usize) -> usize {
    ARRAY_HEADER_SLOTS + i
}

/// Displacement from a tagged Array pointer of element `i`.
pub const fn array_element_disp(i: usize) -> i32 {
    field_disp(array_element_slot(i))
}

/// Growable list: `[length: Smi, data: Array, type_args]`.
pub const GROWABLE_LENGTH: usize = 0;
pub const GROWABLE_DATA: usize = 1;
pub const GROWABLE_TYPE_ARGS: usize = 2;
pub const GROWABLE_SLOTS: usize = 3;

/// Closure: `[entry index: Smi, captures: Array|null, receiver-or-null]`.
pub const CLOSURE_FUNCTION: usize = 0;
pub const CLOSURE_CAPTURES: usize = 1;
pub const CLOSURE_BOUND_RECEIVER: usize = 2;
pub const CLOSURE_SLOTS: usize = 3;
pub const CLOSURE_CAPTURES_DISP: i32 = field_disp(CLOSURE_CAPTURES);

/// String: `[length: Smi, hash: Smi, data...]` (bytes or u16 units, packed).
pub const STRING_LENGTH: usize = 0;
pub const STRING_HASH: usize = 1;
pub const STRING_HEADER_SLOTS: usize = 2;

/// Map / Set: `[used: Smi, deleted: Smi, data: Array, index: Array|null]`.
pub const MAP_USED: usize = 0;
pub const MAP_DELETED: usize = 1;
pub const MAP_DATA: usize = 2;
pub const MAP_INDEX: usize = 3;
/// The map's (or set's) type-argument vector as a Smi id (see `rtt`).
pub const MAP_TYPE_ARGS: usize = 4;
pub const MAP_SLOTS: usize = 5;

/// StackTrace: `[frames: Array]` of (entry index, pc offset) Smi pairs.
pub const STACK_TRACE_FRAMES: usize = 0;
pub const STACK_TRACE_SLOTS: usize = 1;

/// Box: `[value]`.
pub const BOX_VALUE: usize = 0;
pub const BOX_SLOTS: usize = 1;

/// Record: `[shape: Smi, fields...]`, fields positional first, then named sorted by name.
/// The shape is an id in the isolate's shape table, so comparing shapes is comparing Smis.
pub const RECORD_SHAPE: usize = 0;
pub const RECORD_HEADER_SLOTS: usize = 1;
/// Most fields a record may have: its size must fit the header's size field.
pub const RECORD_MAX_FIELDS: usize = super::object::MAX_HEADER_SIZE_WORDS - 1 - RECORD_HEADER_SLOTS;

pub const fn record_field_slot(i: usize) -> usize {
    RECORD_HEADER_SLOTS + i
}

/// Byte store (`CID_BYTES`): `[length in bytes: Smi, bytes...]`.
pub const BYTES_LENGTH: usize = 0;
pub const BYTES_HEADER_SLOTS: usize = 1;
