//! Lists in the heap: fixed-length arrays and growable lists (a length plus a backing
//! array that doubles when full), with the operations the natives build on.

use super::isolate::Isolate;
use super::layout::*;
use super::object::*;

/// A new array of `len` nulls.
pub fn new_array(iso: &mut Isolate, cid: u32, len: usize) -> Value {
    let a = iso.allocate(cid, 1 + ARRAY_HEADER_SLOTS + len);
    let null = iso.null().0;
    // SAFETY: `a` has room for the header slots and `len` elements.
    unsafe {
        a.set_slot(ARRAY_LENGTH, Value::smi(len as i64).0);
        a.set_slot(ARRAY_TYPE_ARGS, Value::smi(0).0);
        for i in 0..len {
            a.set_slot(array_element_slot(i), null);
        }
    }
    a
}

/// A new empty growable list with room for `capacity` elements.
pub fn new_growable(iso: &mut Isolate, capacity: usize) -> Value {
    let data = new_array(iso, CID_ARRAY, capacity.max(4));
    iso.handles.push(data.0);
    let list = iso.allocate(CID_GROWABLE_LIST, 1 + GROWABLE_SLOTS);
    let data = iso.handles.pop().unwrap_or(data.0);
    // SAFETY: `list` has GROWABLE_SLOTS slots.
    unsafe {
        list.set_slot(GROWABLE_LENGTH, Value::smi(0).0);
        list.set_slot(GROWABLE_DATA, data);
        list.set_slot(GROWABLE_TYPE_ARGS, Value::smi(0).0);
    }
    list
}

pub fn is_list_cid(cid: u32) -> bool {
    matches!(cid, CID_ARRAY | CID_GROWABLE_LIST | CID_IMMUTABLE_ARRAY)
}

/// Length of any list.
///
/// # Safety
/// `list` must be a live list object.
pub unsafe fn list_len(list: Value) -> usize {
    // SAFETY: both layouts keep a Smi length in slot 0.
    Value(unsafe { list.slot(0) }).smi_value() as usize
}

/// The array holding a list's elements (the list itself when it is an array).
///
/// # Safety
/// `list` must be a live list object.
pub unsafe fn list_storage(list: Value) -> Value {
    // SAFETY: per the caller.
    unsafe {
        if list.cid() == CID_GROWABLE_LIST {
            Value(list.slot(GROWABLE_DATA))
        } else {
            list
        }
    }
}

/// Element `i` (caller checks bounds).
///
/// # Safety
/// `list` must be a live list with more than `i` elements.
pub unsafe fn list_get(list: Value, i: usize) -> Value {
    // SAFETY: per the caller.
    unsafe { Value(list_storage(list).slot(array_element_slot(i))) }
}

/// # Safety
/// As for [`list_get`].
pub unsafe fn list_set(list: Value, i: usize, v: Value) {
    // SAFETY: per the caller.
    unsafe { list_storage(list).set_slot(array_element_slot(i), v.0) }
}

/// Elements of a list, copied out (callers must not allocate while holding them unless
/// they root them).
///
/// # Safety
/// `list` must be a live list object.
pub unsafe fn list_elements(list: Value) -> Vec<Value> {
    // SAFETY: per the caller.
    unsafe { (0..list_len(list)).map(|i| list_get(list, i)).collect() }
}

/// Appends `value` (rooted in `handles` by the caller at index `value_handle`) to the
/// growable list rooted at `list_handle`, growing the backing array when full.
pub fn growable_add(iso: &mut Isolate, list_handle: usize, value_handle: usize) {
    let list = Value(iso.handles[list_handle]);
    // SAFETY: `list` is a live growable list.
    let (len, cap) = unsafe {
        let data = Value(list.slot(GROWABLE_DATA));
        (
            list_len(list),
            Value(data.slot(ARRAY_LENGTH)).smi_value() as usize,
        )
    };
    if len == cap {
        let bigger = new_array(iso, CID_ARRAY, (cap * 2).max(4));
        let list = Value(iso.handles[list_handle]);
        // SAFETY: both arrays are live; `bigger` is larger than the old one.
        unsafe {
            let old = Value(list.slot(GROWABLE_DATA));
            for i in 0..len {
                bigger.set_slot(array_element_slot(i), old.slot(array_element_slot(i)));
            }
            list.set_slot(GROWABLE_DATA, bigger.0);
        }
    }
    let list = Value(iso.handles[list_handle]);
    let value = Value(iso.handles[value_handle]);
    // SAFETY: the backing array now has room for one more element.
    unsafe {
        Value(list.slot(GROWABLE_DATA)).set_slot(array_element_slot(len), value.0);
        list.set_slot(GROWABLE_LENGTH, Value::smi(len as i64 + 1).0);
    }
}
