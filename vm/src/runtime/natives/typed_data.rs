//! Natives of `dart:typed_data`: byte stores (`runtime::bytes`) and element access with
//! the Dart VM's semantics: integers wrap to the element width (or clamp, for
//! `Uint8ClampedList`), 64-bit elements read back as Dart's signed 64-bit ints, floats
//! round to `f32` on store, and `ByteData` reads either byte order.

use super::{int_of, iso, new_double, new_int, NResult, NativeArgs, NativeError, NativeRegistry};
use super::{IsolatePtr, ThrowArg};
use crate::runtime::bytes::{
    is_store, new_store, store_bytes, store_bytes_mut, store_len, MAX_STORE_BYTES,
};
use crate::runtime::isolate::Isolate;
use crate::runtime::lists::{is_list_cid, list_get, list_len};
use crate::runtime::object::{Value, CID_DOUBLE, FIRST_PROGRAM_CID};

/// Element kinds, numbered as `dart:typed_data`'s `_k*` constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int8,
    Uint8,
    Uint8Clamped,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Int64,
    Uint64,
    Float32,
    Float64,
}

impl Kind {
    fn from_code(code: i64) -> Option<Kind> {
        use Kind::*;
        const ALL: [Kind; 11] = [
            Int8,
            Uint8,
            Uint8Clamped,
            Int16,
            Uint16,
            Int32,
            Uint32,
            Int64,
            Uint64,
            Float32,
            Float64,
        ];
        usize::try_from(code).ok().and_then(|i| ALL.get(i).copied())
    }

    /// Bytes per element.
    pub fn width(self) -> usize {
        use Kind::*;
        match self {
            Int8 | Uint8 | Uint8Clamped => 1,
            Int16 | Uint16 => 2,
            Int32 | Uint32 | Float32 => 4,
            Int64 | Uint64 | Float64 => 8,
        }
    }
}

/// Reads an integer element from `b` (exactly `kind.width()` bytes).
pub fn read_int(b: &[u8], kind: Kind, little: bool) -> i64 {
    let mut raw = [0u8; 8];
    let w = kind.width();
    raw[..w].copy_from_slice(&b[..w]);
    if !little {
        raw[..w].reverse();
    }
    let bits = u64::from_le_bytes(raw);
    match kind {
        Kind::Int8 => bits as u8 as i8 as i64,
        Kind::Int16 => bits as u16 as i16 as i64,
        Kind::Int32 => bits as u32 as i32 as i64,
        _ => bits as i64,
    }
}

/// Writes integer `v` as an element of `kind` into `b`: truncated to the width (two's
/// complement), or clamped to 0..255 for `Uint8Clamped`.
pub fn write_int(b: &mut [u8], kind: Kind, v: i64, little: bool) {
    let v = if kind == Kind::Uint8Clamped {
        v.clamp(0, 255)
    } else {
        v
    };
    let w = kind.width();
    let bytes = (v as u64).to_le_bytes();
    b[..w].copy_from_slice(&bytes[..w]);
    if !little {
        b[..w].reverse();
    }
}

fn read_float(b: &[u8], kind: Kind, little: bool) -> f64 {
    let w = kind.width();
    let mut raw = [0u8; 8];
    raw[..w].copy_from_slice(&b[..w]);
    if !little {
        raw[..w].reverse();
    }
    if kind == Kind::Float32 {
        f32::from_bits(u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]])) as f64
    } else {
        f64::from_bits(u64::from_le_bytes(raw))
    }
}

fn write_float(b: &mut [u8], kind: Kind, v: f64, little: bool) {
    let w = kind.width();
    if kind == Kind::Float32 {
        b[..4].copy_from_slice(&(v as f32).to_bits().to_le_bytes());
    } else {
        b[..8].copy_from_slice(&v.to_bits().to_le_bytes());
    }
    if !little {
        b[..w].reverse();
    }
}

/// The byte range a typed list (an instance of a dart:typed_data `_TypedListBase`
/// subclass) covers: its store, first byte, element count and kind.
#[derive(Debug, Clone, Copy)]
pub struct TypedParts {
    pub store: Value,
    pub offset: usize,
    pub length: usize,
    pub kind: Kind,
}

impl TypedParts {
    /// The list's bytes. Valid until the next allocation.
    ///
    /// # Safety
    /// No allocation may happen while the slice is used.
    pub unsafe fn bytes<'a>(&self) -> Option<&'a mut [u8]> {
        // SAFETY: `store` is a live store (read from a live typed list); the range is
        // checked against its length.
        unsafe {
            let all = store_bytes_mut(self.store);
            all.get_mut(self.offset..self.offset + self.length * self.kind.width())
        }
    }
}

/// `v`'s parts when it is a typed list of dart:typed_data, read from the fields of
/// `_TypedListBase` (`_store`, `offsetInBytes`, `_length`, `_kind`).
pub fn typed_list_parts(iso: &Isolate, v: Value) -> Option<TypedParts> {
    if !v.is_heap() {
        return None;
    }
    // SAFETY: a valid heap value.
    let cid = unsafe { v.cid() };
    let program = &iso.program;
    let mut class = iso
        .classes
        .class_of_cid(cid)
        .filter(|_| cid >= FIRST_PROGRAM_CID);
    while let Some(c) = class {
        let cl = program.class(c);
        if cl.name.as_str() == "_TypedListBase"
            && program.libraries[cl.library.index()].uri == "dart:typed_data"
        {
            let slot = |name: &str| {
                cl.instance_fields
                    .iter()
                    .map(|&f| program.field(f))
                    .find(|f| f.name.as_str() == name)
                    .map(|f| f.slot as usize)
            };
            // SAFETY: `v` is an instance of a subclass of `_TypedListBase`, so these
            // slots exist.
            let read = |i: usize| Value(unsafe { v.slot(i) });
            let store = read(slot("_store")?);
            let offset = usize::try_from(int_of(read(slot("offsetInBytes")?))?).ok()?;
            let length = usize::try_from(int_of(read(slot("_length")?))?).ok()?;
            let kind = Kind::from_code(int_of(read(slot("_kind")?))?)?;
            // SAFETY: a valid value.
            return unsafe { is_store(store) }.then_some(TypedParts {
                store,
                offset,
                length,
                kind,
            });
        }
        class = cl.superclass;
    }
    None
}

/// A broken internal invariant of dart:typed_data (never reachable from user code).
fn internal(what: &str) -> NativeError {
    NativeError::Unsupported(format!("internal error in dart:typed_data: {what}"))
}

fn int(a: &NativeArgs, i: usize) -> Result<i64, NativeError> {
    int_of(a.get(i)).ok_or_else(|| internal("an int argument is not an int"))
}

fn kind(a: &NativeArgs, i: usize) -> Result<Kind, NativeError> {
    Kind::from_code(int(a, i)?).ok_or_else(|| internal("bad element kind"))
}

/// The TypeError of a parameter check the caller skipped (dynamic calls do not check
/// parameter types yet): `type 'String' is not a subtype of type 'int' of 'value'`.
pub fn parameter_type_error(p: IsolatePtr, v: Value, expected: &str, name: &str) -> NativeError {
    let actual = crate::runtime::types::runtime_type_name(iso(p), v);
    NativeError::Throw {
        entry_point: "_throwTypeError",
        args: vec![ThrowArg::Str(format!(
            "type '{actual}' is not a subtype of type '{expected}' of '{name}'"
        ))],
    }
}

/// Int parameter `i` (named `name` in the Dart declaration).
fn int_param(p: IsolatePtr, a: &NativeArgs, i: usize, name: &str) -> Result<i64, NativeError> {
    int_of(a.get(i)).ok_or_else(|| parameter_type_error(p, a.get(i), "int", name))
}

/// Double parameter `i` (named `name` in the Dart declaration).
fn double(p: IsolatePtr, a: &NativeArgs, i: usize, name: &str) -> Result<f64, NativeError> {
    let v = a.get(i);
    // SAFETY: a valid value; doubles hold their bits in slot 0.
    unsafe {
        if v.is_heap() && v.cid() == CID_DOUBLE {
            return Ok(f64::from_bits(v.slot(0)));
        }
    }
    Err(parameter_type_error(p, v, "double", name))
}

fn store(a: &NativeArgs, i: usize) -> Result<Value, NativeError> {
    let v = a.get(i);
    // SAFETY: a valid value.
    if unsafe { is_store(v) } {
        Ok(v)
    } else {
        Err(internal("not a byte store"))
    }
}

/// Byte range `[at, at + len)` of `store`, checked against its length.
fn range(store: Value, at: i64, len: usize) -> Result<std::ops::Range<usize>, NativeError> {
    // SAFETY: a live store.
    let total = unsafe { store_len(store) };
    let start = usize::try_from(at).map_err(|_| internal("negative byte offset"))?;
    match start.checked_add(len) {
        Some(end) if end <= total => Ok(start..end),
        _ => Err(internal("byte range outside the store")),
    }
}

/// The byte offset of element `index` of a list at `base` with `length` elements, or the
/// Dart VM's `IndexError` for a bad index.
fn element_at(p: IsolatePtr, a: &NativeArgs, k: Kind) -> Result<i64, NativeError> {
    let (base, length) = (int(a, 1)?, int(a, 2)?);
    let index = int_param(p, a, 3, "index")?;
    if index < 0 || index >= length {
        return Err(NativeError::Throw {
            entry_point: "_throwIndexError",
            args: vec![ThrowArg::Int(index), ThrowArg::Int(length)],
        });
    }
    Ok(base + index * k.width() as i64)
}

fn bool_arg(p: IsolatePtr, a: &NativeArgs, i: usize) -> bool {
    a.get(i) == iso(p).bool_value(true)
}

pub fn register(r: &mut NativeRegistry) {
    r.add("Bytes_new", |p, a| {
        let len = int(a, 0)?;
        match usize::try_from(len) {
            Ok(n) if n <= MAX_STORE_BYTES => Ok(new_store(iso(p), n)),
            _ => Err(NativeError::Throw {
                entry_point: "_throwOutOfMemory",
                args: vec![],
            }),
        }
    });
    r.add("Bytes_length", |_, a| {
        // SAFETY: a live store.
        Ok(Value::smi(unsafe { store_len(store(a, 0)?) } as i64))
    });
    r.add("Bytes_copy", |p, a| {
        let (from, to) = (store(a, 0)?, store(a, 2)?);
        let count = usize::try_from(int(a, 4)?).map_err(|_| internal("negative count"))?;
        let src = range(from, int(a, 1)?, count)?;
        let dst = range(to, int(a, 3)?, count)?;
        // SAFETY: both ranges are inside live stores; nothing allocates meanwhile.
        unsafe {
            if from == to {
                store_bytes_mut(to).copy_within(src, dst.start);
            } else {
                store_bytes_mut(to)[dst].copy_from_slice(&store_bytes(from)[src]);
            }
        }
        Ok(iso(p).null())
    });
    r.add("Bytes_getInt", |p, a| get_int(p, a, 1, 2, Some(3)));
    r.add("Bytes_setInt", |p, a| set_int(p, a, 1, 2, 3, Some(4)));
    r.add("Bytes_getFloat", |p, a| get_float(p, a, 1, 2, Some(3)));
    r.add("Bytes_setFloat", |p, a| set_float(p, a, 1, 2, 3, Some(4)));
    r.add("TypedData_getInt", |p, a| {
        let k = kind(a, 4)?;
        let at = element_at(p, a, k)?;
        read_element_int(p, store(a, 0)?, at, k, true)
    });
    r.add("TypedData_setInt", |p, a| {
        let k = kind(a, 4)?;
        let at = element_at(p, a, k)?;
        write_element_int(p, store(a, 0)?, at, k, int_param(p, a, 5, "value")?, true)
    });
    r.add("TypedData_getFloat", |p, a| {
        let k = kind(a, 4)?;
        let at = element_at(p, a, k)?;
        let s = store(a, 0)?;
        let r = range(s, at, k.width())?;
        // SAFETY: `r` is inside the live store; read before allocating the result.
        let v = read_float(unsafe { &store_bytes(s)[r] }, k, true);
        Ok(new_double(iso(p), v))
    });
    r.add("TypedData_setFloat", |p, a| {
        let k = kind(a, 4)?;
        let at = element_at(p, a, k)?;
        let s = store(a, 0)?;
        let r = range(s, at, k.width())?;
        // SAFETY: `r` is inside the live store.
        write_float(
            unsafe { &mut store_bytes_mut(s)[r] },
            k,
            double(p, a, 5, "value")?,
            true,
        );
        Ok(iso(p).null())
    });
    r.add("TypedData_setFromList", set_from_list);
}

fn read_element_int(p: IsolatePtr, s: Value, at: i64, k: Kind, little: bool) -> NResult {
    let r = range(s, at, k.width())?;
    // SAFETY: `r` is inside the live store; read before allocating the result.
    let v = read_int(unsafe { &store_bytes(s)[r] }, k, little);
    Ok(new_int(iso(p), v))
}

fn write_element_int(p: IsolatePtr, s: Value, at: i64, k: Kind, v: i64, little: bool) -> NResult {
    let r = range(s, at, k.width())?;
    // SAFETY: `r` is inside the live store.
    write_int(unsafe { &mut store_bytes_mut(s)[r] }, k, v, little);
    Ok(iso(p).null())
}

/// `(store, byteOffset, kind, [value,] littleEndian)` natives: argument indices given.
fn get_int(p: IsolatePtr, a: &NativeArgs, at: usize, k: usize, little: Option<usize>) -> NResult {
    let little = little.is_none_or(|i| bool_arg(p, a, i));
    let at = int_param(p, a, at, "byteOffset")?;
    read_element_int(p, store(a, 0)?, at, kind(a, k)?, little)
}

fn set_int(
    p: IsolatePtr,
    a: &NativeArgs,
    at: usize,
    k: usize,
    v: usize,
    little: Option<usize>,
) -> NResult {
    let little = little.is_none_or(|i| bool_arg(p, a, i));
    write_element_int(
        p,
        store(a, 0)?,
        int_param(p, a, at, "byteOffset")?,
        kind(a, k)?,
        int_param(p, a, v, "value")?,
        little,
    )
}

fn get_float(p: IsolatePtr, a: &NativeArgs, at: usize, k: usize, little: Option<usize>) -> NResult {
    let little = little.is_none_or(|i| bool_arg(p, a, i));
    let (s, k) = (store(a, 0)?, kind(a, k)?);
    let r = range(s, int_param(p, a, at, "byteOffset")?, k.width())?;
    // SAFETY: `r` is inside the live store; read before allocating the result.
    let v = read_float(unsafe { &store_bytes(s)[r] }, k, little);
    Ok(new_double(iso(p), v))
}

fn set_float(
    p: IsolatePtr,
    a: &NativeArgs,
    at: usize,
    k: usize,
    v: usize,
    little: Option<usize>,
) -> NResult {
    let little = little.is_none_or(|i| bool_arg(p, a, i));
    let (s, k) = (store(a, 0)?, kind(a, k)?);
    let r = range(s, int_param(p, a, at, "byteOffset")?, k.width())?;
    let value = double(p, a, v, "value")?;
    // SAFETY: `r` is inside the live store.
    write_float(unsafe { &mut store_bytes_mut(s)[r] }, k, value, little);
    Ok(iso(p).null())
}

/// `_setFromList(store, byteOffset, kind, source, skip, count)`: copies ints (or, for
/// float kinds, doubles) out of a built-in list in one pass; `false` when `source` is
/// not a built-in list or holds something else, leaving the store untouched.
fn set_from_list(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let (s, at, k, source) = (store(a, 0)?, int(a, 1)?, kind(a, 2)?, a.get(3));
    let (skip, count) = (int(a, 4)?, int(a, 5)?);
    let no = iso(p).bool_value(false);
    // SAFETY: a valid value.
    if !source.is_heap() || !is_list_cid(unsafe { source.cid() }) {
        return Ok(no);
    }
    let (skip, count) = match (usize::try_from(skip), usize::try_from(count)) {
        (Ok(s), Ok(c)) => (s, c),
        _ => return Err(internal("negative range")),
    };
    // SAFETY: a live list.
    if skip
        .checked_add(count)
        .is_none_or(|end| end > unsafe { list_len(source) })
    {
        return Err(internal("source range outside the list"));
    }
    let is_float = matches!(k, Kind::Float32 | Kind::Float64);
    let mut ints = Vec::with_capacity(count);
    let mut floats = Vec::new();
    for i in skip..skip + count {
        // SAFETY: `i` is within the live list.
        let e = unsafe { list_get(source, i) };
        if is_float {
            // SAFETY: a valid value.
            if e.is_heap() && unsafe { e.cid() } == CID_DOUBLE {
                floats.push(f64::from_bits(unsafe { e.slot(0) }));
                continue;
            }
            return Ok(no);
        }
        match int_of(e) {
            Some(v) => ints.push(v),
            None => return Ok(no),
        }
    }
    let r = range(s, at, count * k.width())?;
    // SAFETY: `r` is inside the live store; nothing allocates meanwhile.
    let out = unsafe { &mut store_bytes_mut(s)[r] };
    for (chunk, i) in out.chunks_exact_mut(k.width()).zip(0..count) {
        if is_float {
            write_float(chunk, k, floats[i], true);
        } else {
            write_int(chunk, k, ints[i], true);
        }
    }
    Ok(iso(p).bool_value(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_wrap_and_clamp_like_the_dart_vm() {
        let mut b = [0u8; 8];
        write_int(&mut b, Kind::Int8, 200, true);
        assert_eq!(read_int(&b, Kind::Int8, true), -56);
        write_int(&mut b, Kind::Uint8, -1, true);
        assert_eq!(read_int(&b, Kind::Uint8, true), 255);
        write_int(&mut b, Kind::Uint8Clamped, 300, true);
        assert_eq!(read_int(&b, Kind::Uint8Clamped, true), 255);
        write_int(&mut b, Kind::Uint8Clamped, -5, true);
        assert_eq!(read_int(&b, Kind::Uint8Clamped, true), 0);
        write_int(&mut b, Kind::Uint32, -1, true);
        assert_eq!(read_int(&b, Kind::Uint32, true), 0xffff_ffff);
        write_int(&mut b, Kind::Uint64, -1, true);
        assert_eq!(read_int(&b, Kind::Uint64, true), -1);
    }

    #[test]
    fn byte_order() {
        let mut b = [0u8; 4];
        write_int(&mut b, Kind::Uint32, 0x0102_0304, false);
        assert_eq!(b, [1, 2, 3, 4]);
        assert_eq!(read_int(&b, Kind::Uint32, true), 0x0403_0201);
        write_float(&mut b, Kind::Float32, 1.0, false);
        assert_eq!(b, [0x3f, 0x80, 0, 0]);
        assert_eq!(read_float(&b, Kind::Float32, false), 1.0);
    }
}
