//! Byte stores: the raw memory behind `dart:typed_data` (every typed list, view and
//! `ByteData` is a Dart object pointing at one `CID_BYTES` store) and the buffers that
//! `dart:convert`'s natives fill. A store is `[length in bytes: Smi, bytes...]`; it is a
//! raw object, so the collector copies it without reading its bytes as values, and
//! storing into it never needs the write barrier.

use super::isolate::Isolate;
use super::layout::{BYTES_HEADER_SLOTS, BYTES_LENGTH};
use super::object::{Value, CID_BYTES};

/// Largest store dartrs allocates (a larger `Uint8List` is an `OutOfMemoryError`, as
/// when the Dart VM cannot get the memory).
pub const MAX_STORE_BYTES: usize = 1 << 32;

/// Words of a store of `len` bytes, header included.
pub fn store_size_words(len: usize) -> usize {
    1 + BYTES_HEADER_SLOTS + len.div_ceil(8)
}

/// A new zeroed store of `len` bytes (`len <= MAX_STORE_BYTES`).
pub fn new_store(iso: &mut Isolate, len: usize) -> Value {
    debug_assert!(len <= MAX_STORE_BYTES);
    let v = iso.allocate(CID_BYTES, store_size_words(len));
    // SAFETY: a fresh store; its body was zeroed by the allocator.
    unsafe { v.set_slot(BYTES_LENGTH, Value::smi(len as i64).0) };
    v
}

/// A new store holding a copy of `bytes`.
pub fn new_store_from(iso: &mut Isolate, bytes: &[u8]) -> Value {
    let v = new_store(iso, bytes.len());
    // SAFETY: the store was just made with exactly `bytes.len()` bytes.
    unsafe { store_bytes_mut(v).copy_from_slice(bytes) };
    v
}

/// Whether `v` is a byte store.
///
/// # Safety
/// `v` must be a valid value.
pub unsafe fn is_store(v: Value) -> bool {
    // SAFETY: per the caller.
    v.is_heap() && unsafe { v.cid() } == CID_BYTES
}

/// Length in bytes.
///
/// # Safety
/// `v` must be a live store.
pub unsafe fn store_len(v: Value) -> usize {
    // SAFETY: a store's slot 0 is its Smi length.
    Value(unsafe { v.slot(BYTES_LENGTH) }).smi_value() as usize
}

/// The store's bytes. The slice is valid until the next allocation (which may move it).
///
/// # Safety
/// `v` must be a live store, and no allocation may happen while the slice is used.
pub unsafe fn store_bytes<'a>(v: Value) -> &'a [u8] {
    // SAFETY: a live store has `len` bytes after its header slots.
    unsafe {
        let data = v.addr().add(1 + BYTES_HEADER_SLOTS) as *const u8;
        std::slice::from_raw_parts(data, store_len(v))
    }
}

/// The store's bytes, writable. As [`store_bytes`].
///
/// # Safety
/// As for [`store_bytes`]; no other slice of the same store may be alive.
pub unsafe fn store_bytes_mut<'a>(v: Value) -> &'a mut [u8] {
    // SAFETY: per the caller; stores are never immortal (never mapped read-only).
    unsafe {
        let data = v.addr().add(1 + BYTES_HEADER_SLOTS) as *mut u8;
        std::slice::from_raw_parts_mut(data, store_len(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;

    #[test]
    fn store_size_rounds_up_to_words() {
        assert_eq!(store_size_words(0), 2);
        assert_eq!(store_size_words(1), 3);
        assert_eq!(store_size_words(8), 3);
        assert_eq!(store_size_words(9), 4);
    }

    #[test]
    fn stores_survive_collection_byte_for_byte() {
        let mut heap = Heap::new();
        let big = 20_000; // larger than the header's size field: sized from the length
        let v = heap
            .try_allocate(CID_BYTES, store_size_words(big))
            .expect("room");
        // SAFETY: `v` is a fresh store of `big` bytes.
        unsafe {
            v.set_slot(BYTES_LENGTH, Value::smi(big as i64).0);
            for (i, b) in store_bytes_mut(v).iter_mut().enumerate() {
                *b = (i * 7 + 1) as u8; // odd bytes look like tagged pointers
            }
        }
        let mut root = v.0;
        heap.collect(0, &mut |visit| visit(&mut root));
        heap.collect(0, &mut |visit| visit(&mut root));
        let moved = Value(root);
        // SAFETY: the store after two collections.
        unsafe {
            assert_eq!(store_len(moved), big);
            assert!(store_bytes(moved)
                .iter()
                .enumerate()
                .all(|(i, &b)| b == (i * 7 + 1) as u8));
        }
        heap.verify(|_| true).expect("heap is consistent");
    }
}
