//! Dart strings in the heap: creating them from Rust text, reading them back, hashing.
//! A string is Latin-1 (one byte per code unit) when every code unit fits, UTF-16
//! otherwise; both are immutable once made.

use super::layout::{STRING_HASH, STRING_HEADER_SLOTS, STRING_LENGTH};
use super::object::{Value, CID_ONE_BYTE_STRING, CID_TWO_BYTE_STRING};
use crate::heap::Heap;

/// Words needed for a string of `len` units of `unit_bytes` bytes (header included).
pub fn string_size_words(len: usize, unit_bytes: usize) -> usize {
    1 + STRING_HEADER_SLOTS + (len * unit_bytes).div_ceil(8)
}

/// Code units of a Rust string as Dart sees them.
pub fn utf16_units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// Allocates a string of the given UTF-16 units with `alloc` (semispace or immortal).
pub fn new_string_from_units(
    units: &[u16],
    alloc: impl FnOnce(u32, usize) -> Option<Value>,
) -> Option<Value> {
    let one_byte = units.iter().all(|&u| u < 256);
    let (cid, unit) = if one_byte {
        (CID_ONE_BYTE_STRING, 1)
    } else {
        (CID_TWO_BYTE_STRING, 2)
    };
    let v = alloc(cid, string_size_words(units.len(), unit))?;
    // SAFETY: `v` was just allocated with room for the header slots and `len` units.
    unsafe {
        v.set_slot(STRING_LENGTH, Value::smi(units.len() as i64).0);
        v.set_slot(STRING_HASH, Value::smi(0).0);
        let data = v.addr().add(1 + STRING_HEADER_SLOTS) as *mut u8;
        if one_byte {
            for (i, &u) in units.iter().enumerate() {
                *data.add(i) = u as u8;
            }
        } else {
            let data = data as *mut u16;
            for (i, &u) in units.iter().enumerate() {
                *data.add(i) = u;
            }
        }
    }
    Some(v)
}

pub fn new_immortal_string(heap: &mut Heap, s: &str) -> Value {
    let units = utf16_units(s);
    new_string_from_units(&units, |cid, size| Some(heap.allocate_immortal(cid, size)))
        .expect("immortal allocation never fails")
}

/// Whether `v` is a string.
///
/// # Safety
/// `v` must be a valid value.
pub unsafe fn is_string(v: Value) -> bool {
    // SAFETY: per the caller.
    v.is_heap() && super::object::cid_is_string(unsafe { v.cid() })
}

/// Number of UTF-16 code units.
///
/// # Safety
/// `v` must be a live string.
pub unsafe fn string_len(v: Value) -> usize {
    // SAFETY: strings have a Smi length in slot 0.
    Value(unsafe { v.slot(STRING_LENGTH) }).smi_value() as usize
}

/// Code units of a string.
///
/// # Safety
/// `v` must be a live string.
pub unsafe fn string_units(v: Value) -> Vec<u16> {
    // SAFETY: a live string has `len` units after its header slots.
    unsafe {
        let len = string_len(v);
        let data = v.addr().add(1 + STRING_HEADER_SLOTS) as *const u8;
        if v.cid() == CID_ONE_BYTE_STRING {
            std::slice::from_raw_parts(data, len)
                .iter()
                .map(|&b| u16::from(b))
                .collect()
        } else {
            let data = data as *const u16;
            (0..len).map(|i| *data.add(i)).collect()
        }
    }
}

/// Runs `f` over the string's code units: a UTF-16 string's own storage, a Latin-1 one
/// widened into a temporary. `f` must not allocate in the Dart heap (the string could move).
///
/// # Safety
/// `v` must be a live string.
pub unsafe fn with_string_units<R>(v: Value, f: impl FnOnce(&[u16]) -> R) -> R {
    // SAFETY: per the caller; a two-byte string has `len` aligned u16 units after its
    // header slots, and nothing allocates (so nothing moves it) while `f` runs.
    unsafe {
        if v.cid() == CID_ONE_BYTE_STRING {
            return f(&string_units(v));
        }
        let data = v.addr().add(1 + STRING_HEADER_SLOTS) as *const u16;
        f(std::slice::from_raw_parts(data, string_len(v)))
    }
}

/// Code unit `i` (caller checks bounds).
///
/// # Safety
/// `v` must be a live string with more than `i` units.
pub unsafe fn string_unit_at(v: Value, i: usize) -> u16 {
    // SAFETY: per the caller.
    unsafe {
        let data = v.addr().add(1 + STRING_HEADER_SLOTS) as *const u8;
        if v.cid() == CID_ONE_BYTE_STRING {
            *data.add(i) as u16
        } else {
            *(data as *const u16).add(i)
        }
    }
}

/// The string as Rust text (unpaired surrogates become U+FFFD, as when Dart prints them).
///
/// # Safety
/// `v` must be a live string.
pub unsafe fn string_to_rust(v: Value) -> String {
    // SAFETY: per the caller.
    String::from_utf16_lossy(&unsafe { string_units(v) })
}

/// Dart's string hash (a Jenkins one-at-a-time hash over code units, as the Dart VM
/// uses), cached in the object (0 = not computed yet; a computed 0 is stored as 1).
///
/// # Safety
/// `v` must be a live string in writable memory (not an immortal constant mapped read-only).
pub unsafe fn string_hash(v: Value) -> i64 {
    // SAFETY: per the caller.
    unsafe {
        let cached = Value(v.slot(STRING_HASH)).smi_value();
        if cached != 0 {
            return cached;
        }
        let h = hash_units(&string_units(v));
        v.set_slot(STRING_HASH, Value::smi(h).0);
        h
    }
}

pub fn hash_units(units: &[u16]) -> i64 {
    let mut hash: u32 = 0;
    for &u in units {
        hash = hash.wrapping_add(u as u32);
        hash = hash.wrapping_add(hash << 10);
        hash ^= hash >> 6;
    }
    hash = hash.wrapping_add(hash << 3);
    hash ^= hash >> 11;
    hash = hash.wrapping_add(hash << 15);
    let h = (hash & ((1 << 30) - 1)) as i64;
    if h == 0 {
        1
    } else {
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_latin1_and_utf16() {
        let mut heap = Heap::new();
        for s in ["", "hello", "héllo", "日本語", "emoji 😀"] {
            let v = new_immortal_string(&mut heap, s);
            // SAFETY: `v` is a live immortal string.
            unsafe {
                assert_eq!(string_to_rust(v), s);
                assert_eq!(string_len(v), s.encode_utf16().count());
            }
        }
    }
}
