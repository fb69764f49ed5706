//! Insertion-ordered hash maps and sets (Dart's default `Map` and `Set`).
//!
//! Layout (`layout::MAP_*`): a data array of key/value pairs in insertion order (removed
//! entries hold a tombstone), and an open-addressing index of Smis (`0` empty, `i + 1`
//! the pair `i`). Keys hash and compare with Dart semantics: numbers by value
//! (`1 == 1.0`), strings by content, objects by their `hashCode`/`==` when their class
//! overrides them (a call into Dart) and by identity otherwise.

use super::isolate::{Isolate, IsolatePtr, Pending};
use super::layout::*;
use super::object::*;
use crate::compiler::Selector;

/// Handle-stack discipline: functions here take the map and key as indices into
/// `iso.handles`, because hashing or comparing may call Dart code that moves objects.
pub struct MapRef {
    pub map: usize,
}

fn iso_mut<'a>(p: IsolatePtr) -> &'a mut Isolate {
    p.get()
}

/// A new empty map (or set, with `cid = CID_SET`).
pub fn new_map(iso: &mut Isolate, cid: u32) -> Value {
    let data = super::lists::new_array(iso, CID_ARRAY, 8);
    iso.handles.push(data.0);
    let m = iso.allocate(cid, 1 + MAP_SLOTS);
    let data = iso.handles.pop().unwrap_or(data.0);
    // SAFETY: `m` has MAP_SLOTS slots.
    unsafe {
        m.set_slot(MAP_USED, Value::smi(0).0);
        m.set_slot(MAP_DELETED, Value::smi(0).0);
        m.set_slot(MAP_DATA, data);
        m.set_slot(MAP_INDEX, iso.null().0);
        m.set_slot(MAP_TYPE_ARGS, Value::smi(0).0);
    }
    m
}

fn mix(x: u64) -> i64 {
    let mut h = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^= h >> 29;
    (h & 0x3fff_ffff) as i64
}

/// Hash of an int value, shared by equal doubles.
pub fn int_hash(v: i64) -> i64 {
    mix(v as u64)
}

/// A stable identity hash, stored in the object's header on first use.
pub fn identity_hash(iso: &mut Isolate, v: Value) -> i64 {
    if v.is_smi() {
        return int_hash(v.smi_value());
    }
    // SAFETY: `v` is a live heap object.
    unsafe {
        let h = v.header();
        let existing = header_hash(h);
        if existing != 0 {
            return existing as i64;
        }
        iso.next_identity_hash = iso
            .next_identity_hash
            .wrapping_mul(1_103_515_245)
            .wrapping_add(12_345);
        let hash = ((iso.next_identity_hash >> 8) & super::object::MAX_IDENTITY_HASH).max(1);
        *v.addr() = header_with_hash(h, hash);
        hash as i64
    }
}

/// Whether instances of `cid` inherit `==` and `hashCode` from `Object` (identity).
fn uses_identity(iso: &mut Isolate, cid: u32) -> bool {
    let program = iso.program.clone();
    let eq = iso.classes.lookup(
        &program,
        cid,
        Selector::Method(crate::front::intern::well_known().equals),
    );
    let object = |t: Option<super::classes::Target>| match t {
        Some(super::classes::Target::Function(f)) => {
            let func = program.function(f);
            func.owner
                .is_some_and(|c| program.class(c).name.as_str() == "Object")
        }
        None => true,
        _ => false,
    };
    object(eq)
}

/// Dart `key.hashCode` for map purposes. May call Dart (`Err` = exception pending).
pub fn key_hash(p: IsolatePtr, key: Value) -> Result<i64, Pending> {
    let iso = iso_mut(p);
    if key.is_smi() {
        return Ok(int_hash(key.smi_value()));
    }
    // SAFETY: `key` is a live heap object.
    let cid = unsafe { key.cid() };
    // SAFETY: each arm reads the payload of its own layout.
    unsafe {
        match cid {
            CID_MINT => return Ok(int_hash(key.slot(0) as i64)),
            CID_DOUBLE => {
                let d = f64::from_bits(key.slot(0));
                if d.fract() == 0.0 && d.abs() < 9.2e18 {
                    return Ok(int_hash(d as i64));
                }
                return Ok(mix(d.to_bits()));
            }
            CID_ONE_BYTE_STRING | CID_TWO_BYTE_STRING => {
                return Ok(super::strings::string_hash(key))
            }
            CID_NULL | CID_BOOL => return Ok(identity_hash(iso, key)),
            _ => {}
        }
    }
    if uses_identity(iso, cid) {
        return Ok(identity_hash(iso, key));
    }
    let h = super::natives::call_method(p, key, "hashCode", &[], true)?;
    Ok(if h.is_smi() { h.smi_value() } else { mix(h.0) })
}

/// Dart `a == b` for map keys. May call Dart (`Err` = exception pending).
pub fn keys_equal(p: IsolatePtr, a: Value, b: Value) -> Result<bool, Pending> {
    if a == b {
        return Ok(true);
    }
    let iso = iso_mut(p);
    if let (Some(x), Some(y)) = (super::natives::as_number(a), super::natives::as_number(b)) {
        return Ok(x.equals(y));
    }
    if a.is_smi() || b.is_smi() {
        return Ok(false);
    }
    // SAFETY: both are live heap objects.
    unsafe {
        let (ca, cb) = (a.cid(), b.cid());
        if cid_is_string(ca) && cid_is_string(cb) {
            return Ok(super::strings::string_units(a) == super::strings::string_units(b));
        }
        if matches!(ca, CID_NULL | CID_BOOL) || uses_identity(iso, ca) {
            return Ok(false);
        }
    }
    let r = super::natives::call_method(p, a, "==", &[b], false)?;
    Ok(r == iso_mut(p).bool_value(true))
}

// SAFETY helpers for slot access on a live map.
fn slot(m: Value, i: usize) -> Value {
    // SAFETY: callers pass a live map object and a layout slot.
    Value(unsafe { m.slot(i) })
}

fn data_get(m: Value, i: usize) -> Value {
    let data = slot(m, MAP_DATA);
    // SAFETY: `i` is below the data array's length (callers use `used` as the bound).
    Value(unsafe { data.slot(array_element_slot(i)) })
}

/// Number of live entries.
pub fn map_len(m: Value) -> usize {
    (slot(m, MAP_USED).smi_value() - slot(m, MAP_DELETED).smi_value()) as usize
}

/// Index of the pair whose key equals `iso.handles[key_h]`, if any.
pub fn find(p: IsolatePtr, map_h: usize, key_h: usize) -> Result<Option<usize>, Pending> {
    let key = Value(iso_mut(p).handles[key_h]);
    let hash = key_hash(p, key)?;
    let iso = iso_mut(p);
    let m = Value(iso.handles[map_h]);
    let tomb = iso.thread.uninitialized_static;
    let index = slot(m, MAP_INDEX);
    let used = slot(m, MAP_USED).smi_value() as usize;
    if index == iso.null() {
        // Small maps are searched linearly.
        for i in 0..used {
            let iso = iso_mut(p);
            let m = Value(iso.handles[map_h]);
            let k = data_get(m, 2 * i);
            if k.0 == tomb {
                continue;
            }
            let key = Value(iso.handles[key_h]);
            if keys_equal(p, k, key)? {
                return Ok(Some(i));
            }
        }
        return Ok(None);
    }
    // SAFETY: the index is an array of Smis with a power-of-two length.
    let cap = unsafe { Value(index.slot(ARRAY_LENGTH)).smi_value() } as usize;
    let mut pos = (hash as usize) & (cap - 1);
    loop {
        let iso = iso_mut(p);
        let m = Value(iso.handles[map_h]);
        let index = slot(m, MAP_INDEX);
        // SAFETY: pos < cap.
        let e = unsafe { Value(index.slot(array_element_slot(pos))).smi_value() } as usize;
        if e == 0 {
            return Ok(None);
        }
        let k = data_get(m, 2 * (e - 1));
        if k.0 != tomb {
            let key = Value(iso.handles[key_h]);
            if keys_equal(p, k, key)? {
                return Ok(Some(e - 1));
            }
        }
        pos = (pos + 1) & (cap - 1);
    }
}

const LINEAR_LIMIT: usize = 8;

/// `map[key] = value` (handles: map, key, value).
pub fn insert(p: IsolatePtr, map_h: usize, key_h: usize, value_h: usize) -> Result<(), Pending> {
    if let Some(i) = find(p, map_h, key_h)? {
        let iso = iso_mut(p);
        let m = Value(iso.handles[map_h]);
        let data = slot(m, MAP_DATA);
        // SAFETY: pair i exists.
        unsafe { data.set_slot(array_element_slot(2 * i + 1), iso.handles[value_h]) };
        return Ok(());
    }
    let key = Value(iso_mut(p).handles[key_h]);
    let hash = key_hash(p, key)?;
    let iso = iso_mut(p);
    ensure_room(iso, map_h);
    let m = Value(iso.handles[map_h]);
    let used = slot(m, MAP_USED).smi_value() as usize;
    let data = slot(m, MAP_DATA);
    // SAFETY: ensure_room guarantees room for one more pair.
    unsafe {
        data.set_slot(array_element_slot(2 * used), iso.handles[key_h]);
        data.set_slot(array_element_slot(2 * used + 1), iso.handles[value_h]);
        m.set_slot(MAP_USED, Value::smi(used as i64 + 1).0);
    }
    if slot(m, MAP_INDEX) != iso.null() {
        index_insert(m, hash, used);
    } else if used + 1 > LINEAR_LIMIT {
        rebuild_index(p, map_h)?;
    }
    Ok(())
}

fn index_insert(m: Value, hash: i64, entry: usize) {
    let index = slot(m, MAP_INDEX);
    // SAFETY: the index has a power-of-two length with free slots (load factor < 1/2).
    unsafe {
        let cap = Value(index.slot(ARRAY_LENGTH)).smi_value() as usize;
        let mut pos = (hash as usize) & (cap - 1);
        while Value(index.slot(array_element_slot(pos))).smi_value() != 0 {
            pos = (pos + 1) & (cap - 1);
        }
        index.set_slot(array_element_slot(pos), Value::smi(entry as i64 + 1).0);
    }
}

/// Grows (and compacts) the data array when full.
fn ensure_room(iso: &mut Isolate, map_h: usize) {
    let m = Value(iso.handles[map_h]);
    let used = slot(m, MAP_USED).smi_value() as usize;
    let data = slot(m, MAP_DATA);
    // SAFETY: a live array.
    let cap_pairs = unsafe { Value(data.slot(ARRAY_LENGTH)).smi_value() } as usize / 2;
    if used < cap_pairs {
        return;
    }
    let live = map_len(m);
    let bigger = super::lists::new_array(iso, CID_ARRAY, 2 * (2 * live).max(4));
    let m = Value(iso.handles[map_h]);
    let old = slot(m, MAP_DATA);
    let tomb = iso.thread.uninitialized_static;
    let mut j = 0;
    for i in 0..used {
        // SAFETY: i < used pairs of the old array; j <= i fits the new one.
        unsafe {
            let k = old.slot(array_element_slot(2 * i));
            if k == tomb {
                continue;
            }
            bigger.set_slot(array_element_slot(2 * j), k);
            bigger.set_slot(
                array_element_slot(2 * j + 1),
                old.slot(array_element_slot(2 * i + 1)),
            );
        }
        j += 1;
    }
    // SAFETY: `m` is a live map.
    unsafe {
        m.set_slot(MAP_DATA, bigger.0);
        m.set_slot(MAP_USED, Value::smi(j as i64).0);
        m.set_slot(MAP_DELETED, Value::smi(0).0);
    }
    if slot(m, MAP_INDEX) != iso.null() {
        // Positions changed: the index is rebuilt lazily by the next insert.
        // SAFETY: `m` is a live map.
        unsafe { m.set_slot(MAP_INDEX, iso.null().0) };
        if j + 1 > LINEAR_LIMIT {
            let _ = rebuild_index(IsolatePtr::new(iso), map_h);
        }
    }
}

/// Rebuilds the hash index of the map (or set) at `iso.handles[map_h]`, whose keys may
/// hash differently here than where it was built (a map copied from another isolate).
pub fn reindex(p: IsolatePtr, map_h: usize) -> Result<(), Pending> {
    let iso = iso_mut(p);
    let m = Value(iso.handles[map_h]);
    // SAFETY: a live map.
    unsafe { m.set_slot(MAP_INDEX, iso.null().0) };
    if map_len_used(m) > LINEAR_LIMIT {
        rebuild_index(p, map_h)?;
    }
    Ok(())
}

fn map_len_used(m: Value) -> usize {
    slot(m, MAP_USED).smi_value() as usize
}

fn rebuild_index(p: IsolatePtr, map_h: usize) -> Result<(), Pending> {
    let iso = iso_mut(p);
    let m = Value(iso.handles[map_h]);
    let used = slot(m, MAP_USED).smi_value() as usize;
    let data = slot(m, MAP_DATA);
    // SAFETY: a live array.
    let cap_pairs = unsafe { Value(data.slot(ARRAY_LENGTH)).smi_value() } as usize / 2;
    let cap = (cap_pairs * 2).next_power_of_two().max(16);
    let index = super::lists::new_array(iso, CID_ARRAY, cap);
    // SAFETY: a fresh array.
    unsafe {
        for i in 0..cap {
            index.set_slot(array_element_slot(i), Value::smi(0).0);
        }
    }
    let m = Value(iso.handles[map_h]);
    // SAFETY: a live map.
    unsafe { m.set_slot(MAP_INDEX, index.0) };
    let tomb = iso.thread.uninitialized_static;
    for i in 0..used {
        let m = Value(iso_mut(p).handles[map_h]);
        let k = data_get(m, 2 * i);
        if k.0 == tomb {
            continue;
        }
        let hash = key_hash(p, k)?;
        let m = Value(iso_mut(p).handles[map_h]);
        index_insert(m, hash, i);
    }
    Ok(())
}

/// Removes the key; returns the old value (or None).
pub fn remove(p: IsolatePtr, map_h: usize, key_h: usize) -> Result<Option<Value>, Pending> {
    let Some(i) = find(p, map_h, key_h)? else {
        return Ok(None);
    };
    let iso = iso_mut(p);
    let m = Value(iso.handles[map_h]);
    let data = slot(m, MAP_DATA);
    let tomb = iso.thread.uninitialized_static;
    // SAFETY: pair i exists.
    let old = unsafe {
        let old = Value(data.slot(array_element_slot(2 * i + 1)));
        data.set_slot(array_element_slot(2 * i), tomb);
        data.set_slot(array_element_slot(2 * i + 1), iso.null().0);
        let deleted = slot(m, MAP_DELETED).smi_value();
        m.set_slot(MAP_DELETED, Value::smi(deleted + 1).0);
        old
    };
    Ok(Some(old))
}

/// The live pairs, in insertion order.
pub fn entries(iso: &Isolate, m: Value) -> Vec<(Value, Value)> {
    let used = slot(m, MAP_USED).smi_value() as usize;
    let tomb = iso.thread.uninitialized_static;
    (0..used)
        .map(|i| (data_get(m, 2 * i), data_get(m, 2 * i + 1)))
        .filter(|(k, _)| k.0 != tomb)
        .collect()
}

/// Removes every entry.
pub fn clear(iso: &mut Isolate, map_h: usize) {
    let data = super::lists::new_array(iso, CID_ARRAY, 8);
    let m = Value(iso.handles[map_h]);
    // SAFETY: a live map.
    unsafe {
        m.set_slot(MAP_DATA, data.0);
        m.set_slot(MAP_USED, Value::smi(0).0);
        m.set_slot(MAP_DELETED, Value::smi(0).0);
        m.set_slot(MAP_INDEX, iso.null().0);
    }
}

/// Builds a map from `n` key/value pairs pushed by generated code.
pub fn map_literal(p: IsolatePtr, args: u64, n: u64) -> u64 {
    let iso = iso_mut(p);
    let base = iso.handles.len();
    let m = new_map(iso, CID_MAP);
    iso.handles.push(m.0);
    for i in 0..n {
        let iso = iso_mut(p);
        // SAFETY: generated code pushed 2n values; the GC keeps them updated.
        let (k, v) = unsafe {
            let at = |j: u64| Value(*((args + 8 * (2 * n - 1 - j)) as *const u64));
            (at(2 * i), at(2 * i + 1))
        };
        iso.handles.push(k.0);
        iso.handles.push(v.0);
        let r = insert(p, base, base + 1, base + 2);
        let iso = iso_mut(p);
        iso.handles.truncate(base + 1);
        if r.is_err() {
            iso.handles.truncate(base);
            return 0;
        }
    }
    let iso = iso_mut(p);
    let m = iso.handles[base];
    iso.handles.truncate(base);
    m
}
