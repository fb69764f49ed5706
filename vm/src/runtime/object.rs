//! The object model: how a Dart value looks in a 64-bit word and in the heap.
//!
//! A value is a tagged word. Low bit 0: a small integer (Smi), the value shifted left by
//! one. Low bit 1: a pointer to a heap object plus one. Every heap object starts with a
//! one-word header:
//!
//! ```text
//!   bits 32..64  class id (generated code loads it with one 32-bit load)
//!   bit  31      remembered: an object outside the nursery recorded by the write barrier
//!   bits 12..31  identity hash (0 = not assigned yet; kept when the object moves)
//!   bits  1..12  size in words, header included (0 = too large: computed from the length)
//!   bit   0      0; a header word with bit 0 set is a forwarding pointer left by the GC
//! ```
//!
//! Classes are either *tagged* (every word after the header is a value the GC traces) or
//! *raw* (no word after the header is a pointer).

/// A tagged Dart value.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

pub const SMI_BITS: u32 = 63;
pub const SMI_MIN: i64 = -(1 << (SMI_BITS - 1));
pub const SMI_MAX: i64 = (1 << (SMI_BITS - 1)) - 1;
pub const HEAP_TAG: u64 = 1;

impl Value {
    pub fn smi(v: i64) -> Value {
        debug_assert!((SMI_MIN..=SMI_MAX).contains(&v));
        Value((v as u64) << 1)
    }
    pub fn try_smi(v: i64) -> Option<Value> {
        (SMI_MIN..=SMI_MAX)
            .contains(&v)
            .then_some(Value((v as u64) << 1))
    }
    pub fn is_smi(self) -> bool {
        self.0 & 1 == 0
    }
    pub fn is_heap(self) -> bool {
        self.0 & 1 == 1
    }
    pub fn smi_value(self) -> i64 {
        (self.0 as i64) >> 1
    }
    pub fn from_addr(addr: *mut u64) -> Value {
        Value(addr as u64 | HEAP_TAG)
    }
    pub fn addr(self) -> *mut u64 {
        (self.0 - HEAP_TAG) as *mut u64
    }
    /// Header word of a heap value.
    ///
    /// # Safety
    /// `self` must be a pointer to a live heap object.
    pub unsafe fn header(self) -> u64 {
        // SAFETY: caller guarantees a live object, whose first word is its header.
        unsafe { *self.addr() }
    }
    /// Class id of a heap value (`CID_SMI` for small integers).
    ///
    /// # Safety
    /// If not a Smi, `self` must point to a live heap object.
    pub unsafe fn cid(self) -> u32 {
        if self.is_smi() {
            CID_SMI
        } else {
            // SAFETY: caller guarantees a live object.
            header_cid(unsafe { self.header() })
        }
    }
    /// Word `i` after the header.
    ///
    /// # Safety
    /// `self` must be a live heap object with more than `i` words after its header.
    pub unsafe fn slot(self, i: usize) -> u64 {
        // SAFETY: in bounds per the caller's guarantee.
        unsafe { *self.addr().add(1 + i) }
    }
    /// Stores `v` in word `i`, with the generational write barrier.
    ///
    /// # Safety
    /// As for [`Value::slot`].
    pub unsafe fn set_slot(self, i: usize, v: u64) {
        // SAFETY: in bounds per the caller's guarantee; `self` is a live object.
        unsafe {
            *self.addr().add(1 + i) = v;
            crate::heap::barrier::on_store(self, v);
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_smi() {
            write!(f, "Smi({})", self.smi_value())
        } else {
            write!(f, "Obj({:#x})", self.0 - 1)
        }
    }
}

/// Largest size recorded in the header itself.
pub const MAX_HEADER_SIZE_WORDS: usize = (1 << 11) - 1;
const SIZE_MASK: u64 = 0xffe;
const HASH_SHIFT: u32 = 12;
const HASH_MASK: u64 = 0x7ffff << HASH_SHIFT;
/// Header bit of an object the write barrier has recorded (see `heap::barrier`).
pub const REMEMBERED_BIT: u64 = 1 << 31;
/// Largest identity hash the header holds.
pub const MAX_IDENTITY_HASH: u32 = 0x7ffff;

pub fn make_header(cid: u32, size_words: usize) -> u64 {
    let size = if size_words <= MAX_HEADER_SIZE_WORDS {
        size_words as u64
    } else {
        0
    };
    ((cid as u64) << 32) | (size << 1)
}
pub fn header_cid(h: u64) -> u32 {
    (h >> 32) as u32
}
/// Size recorded in the header, or 0 for large objects (see [`object_size_words`]).
pub fn header_size_field(h: u64) -> usize {
    ((h & SIZE_MASK) >> 1) as usize
}
pub fn header_hash(h: u64) -> u32 {
    ((h & HASH_MASK) >> HASH_SHIFT) as u32
}
pub fn header_with_hash(h: u64, hash: u32) -> u64 {
    (h & !HASH_MASK) | (((hash as u64) << HASH_SHIFT) & HASH_MASK)
}

/// Size in words of the object at `obj` whose header is `h`.
///
/// # Safety
/// `obj` must point at a live object (not forwarded) with header `h`.
pub unsafe fn object_size_words(obj: *const u64, h: u64) -> usize {
    let recorded = header_size_field(h);
    if recorded != 0 {
        return recorded;
    }
    // SAFETY: large objects are arrays, strings or byte stores, whose slot 0 is a Smi
    // length.
    let len = (unsafe { *obj.add(1) } as i64 >> 1) as usize;
    match header_cid(h) {
        CID_ONE_BYTE_STRING => 3 + len.div_ceil(8),
        CID_TWO_BYTE_STRING => 3 + (2 * len).div_ceil(8),
        CID_BYTES => 2 + len.div_ceil(8),
        _ => 3 + len,
    }
}
pub fn header_is_forwarded(h: u64) -> bool {
    h & 1 == 1
}

/// Byte offset, from a *tagged* pointer, of word `i` after the header: what generated code
/// uses as the displacement of a field load (`[reg + field_disp(i)]`).
pub const fn field_disp(i: usize) -> i32 {
    (8 + 8 * i) as i32 - HEAP_TAG as i32
}
/// Byte offset, from a tagged pointer, of the class id (high half of the header).
pub const CID_DISP: i32 = 4 - HEAP_TAG as i32;

// Built-in class ids. Kernel classes get `FIRST_PROGRAM_CID + ClassId`.
pub const CID_ILLEGAL: u32 = 0;
pub const CID_NULL: u32 = 1;
pub const CID_BOOL: u32 = 2;
/// Not a heap class: the class id reported for Smi-tagged values.
pub const CID_SMI: u32 = 3;
/// Boxed 64-bit integer outside Smi range: `[i64]`.
pub const CID_MINT: u32 = 4;
/// Boxed double: `[f64]`.
pub const CID_DOUBLE: u32 = 5;
/// Latin-1 string: `[length: Smi, hash: Smi, bytes...]` (raw).
pub const CID_ONE_BYTE_STRING: u32 = 6;
/// UTF-16 string: `[length: Smi, hash: Smi, u16 units...]` (raw).
pub const CID_TWO_BYTE_STRING: u32 = 7;
/// Fixed-length list: `[length: Smi, type_args, elements...]`.
pub const CID_ARRAY: u32 = 8;
/// Growable list: `[length: Smi, data: Array, type_args]`.
pub const CID_GROWABLE_LIST: u32 = 9;
/// Closure: `[function: Smi(FunctionId), captures: Array|null, type_args]`.
pub const CID_CLOSURE: u32 = 10;
/// A captured variable's cell: `[value]`.
pub const CID_BOX: u32 = 11;
/// Insertion-ordered hash map: `[used: Smi, deleted: Smi, data: Array(k,v,k,v...), index: Array|null]`.
pub const CID_MAP: u32 = 12;
/// Stack trace: `[frames: Array of Smi pairs (function id, return-pc offset)]`.
pub const CID_STACK_TRACE: u32 = 13;
/// Unmodifiable (const) fixed-length list: same layout as `CID_ARRAY`.
pub const CID_IMMUTABLE_ARRAY: u32 = 14;
/// Type object: `[kernel class id: Smi, nullable: bool]`.
pub const CID_TYPE: u32 = 15;
/// Record: `[shape: Smi, fields...]`.
pub const CID_RECORD: u32 = 16;
/// Insertion-ordered hash set: same layout as `CID_MAP`, values unused.
pub const CID_SET: u32 = 17;
/// Constant (unmodifiable) map: same layout as `CID_MAP`, never indexed, in immortal space.
pub const CID_CONST_MAP: u32 = 18;
/// Raw byte storage behind every typed list and `ByteData`: `[length in bytes: Smi,
/// bytes...]` (raw: the collector copies the bytes but never reads them as values).
pub const CID_BYTES: u32 = 19;
pub const FIRST_PROGRAM_CID: u32 = 64;

/// Whether words after the header of an object of class `cid` are traced by the GC.
pub fn cid_is_raw(cid: u32) -> bool {
    matches!(
        cid,
        CID_MINT
            | CID_DOUBLE
            | CID_ONE_BYTE_STRING
            | CID_TWO_BYTE_STRING
            | CID_NULL
            | CID_BOOL
            | CID_BYTES
    )
}

pub fn cid_is_string(cid: u32) -> bool {
    matches!(cid, CID_ONE_BYTE_STRING | CID_TWO_BYTE_STRING)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smi_round_trip() {
        for v in [0, 1, -1, SMI_MAX, SMI_MIN, 12345, -98765] {
            let t = Value::smi(v);
            assert!(t.is_smi());
            assert_eq!(t.smi_value(), v);
        }
        assert!(Value::try_smi(SMI_MAX + 1).is_none());
        assert!(Value::try_smi(i64::MIN).is_none());
    }

    #[test]
    fn header_fields() {
        let h = make_header(1234, 7);
        assert_eq!(header_cid(h), 1234);
        assert_eq!(header_size_field(h), 7);
        assert!(!header_is_forwarded(h));
        let h2 = header_with_hash(h, 0x2bcde);
        assert_eq!(header_hash(h2), 0x2bcde);
        // The hash never reaches the write barrier's bit.
        assert_eq!(header_with_hash(h, MAX_IDENTITY_HASH) & REMEMBERED_BIT, 0);
        assert_eq!(
            header_hash(header_with_hash(h, u32::MAX)),
            MAX_IDENTITY_HASH
        );
        assert_eq!(header_cid(h2), 1234);
        assert_eq!(header_size_field(h2), 7);
        assert_eq!(header_size_field(make_header(8, 5000)), 0);
    }
}
