//! Natives of `dart:convert`: UTF-8 (`runtime::utf8`), JSON decoding into Dart maps
//! and lists (`runtime::json`) and JSON string escaping. The Dart side keeps the
//! converter framework; these are its inner loops.

use super::typed_data::{typed_list_parts, Kind};
use super::IsolatePtr;
use super::{int_of, iso, new_double, new_int, NResult, NativeArgs, NativeError, NativeRegistry};
use crate::runtime::entries::{new_string, new_string_units};
use crate::runtime::json::{self, JsonListener};
use crate::runtime::layout::MAP_TYPE_ARGS;
use crate::runtime::lists::{
    growable_add, is_list_cid, list_get, list_len, list_set, new_growable,
};
use crate::runtime::maps;
use crate::runtime::object::{Value, CID_MAP};
use crate::runtime::strings::{is_string, string_units};
use crate::runtime::utf8::{encode_into, encoded_len, Utf8Decoder};

fn internal(what: &str) -> NativeError {
    NativeError::Unsupported(format!("internal error in dart:convert: {what}"))
}

fn int(a: &NativeArgs, i: usize) -> Result<i64, NativeError> {
    int_of(a.get(i)).ok_or_else(|| internal("an int argument is not an int"))
}

fn index(a: &NativeArgs, i: usize) -> Result<usize, NativeError> {
    usize::try_from(int(a, i)?).map_err(|_| internal("a negative index"))
}

/// The code units of string argument `i`.
fn units(a: &NativeArgs, i: usize) -> Result<Vec<u16>, NativeError> {
    let v = a.get(i);
    // SAFETY: a valid value; strings are read before anything allocates.
    if unsafe { is_string(v) } {
        Ok(unsafe { string_units(v) })
    } else {
        Err(internal("a String argument is not a string"))
    }
}

/// `units[start..end)`, checked.
fn slice(units: &[u16], start: usize, end: usize) -> Result<&[u16], NativeError> {
    units
        .get(start..end)
        .ok_or_else(|| internal("string range out of bounds"))
}

/// The bytes `[0, end)` of a list the UTF-8 decoder reads directly: a `Uint8List` (or
/// `Uint8ClampedList`) or a built-in list of ints, where a value that is not a byte
/// counts as 0xFF (as the SDK's `_makeUint8List` makes it).
fn direct_bytes(p: IsolatePtr, list: Value, end: usize) -> Option<Vec<u8>> {
    if let Some(parts) = typed_list_parts(iso(p), list) {
        if !matches!(parts.kind, Kind::Uint8 | Kind::Uint8Clamped) || end > parts.length {
            return None;
        }
        // SAFETY: nothing allocates while the slice is read.
        return unsafe { parts.bytes() }.map(|b| b[..end].to_vec());
    }
    // SAFETY: a valid value.
    if !list.is_heap() || !is_list_cid(unsafe { list.cid() }) || end > unsafe { list_len(list) } {
        return None;
    }
    let byte = |i| {
        // SAFETY: `i < end <= len` of the live list.
        int_of(unsafe { list_get(list, i) })
            .and_then(|v| u8::try_from(v).ok())
            .unwrap_or(0xFF)
    };
    Some((0..end).map(byte).collect())
}

pub fn register(r: &mut NativeRegistry) {
    r.add("Convert_isDirectByteList", |p, a| {
        let v = a.get(0);
        let direct = match typed_list_parts(iso(p), v) {
            Some(parts) => matches!(parts.kind, Kind::Uint8 | Kind::Uint8Clamped),
            // SAFETY: a valid value.
            None => v.is_heap() && is_list_cid(unsafe { v.cid() }),
        };
        Ok(iso(p).bool_value(direct))
    });
    r.add("Utf8_encodedLength", |_, a| {
        let u = units(a, 0)?;
        let n = encoded_len(slice(&u, index(a, 1)?, index(a, 2)?)?);
        Ok(Value::smi(n as i64))
    });
    r.add("Utf8_encodeInto", |p, a| {
        let u = units(a, 0)?;
        let text = slice(&u, index(a, 1)?, index(a, 2)?)?;
        let parts =
            typed_list_parts(iso(p), a.get(3)).ok_or_else(|| internal("not a Uint8List"))?;
        // SAFETY: nothing allocates while the bytes are written.
        let out = unsafe { parts.bytes() }.ok_or_else(|| internal("bad typed list"))?;
        if out.len() != encoded_len(text) {
            return Err(internal("UTF-8 buffer of the wrong size"));
        }
        encode_into(text, out);
        Ok(iso(p).null())
    });
    r.add("Utf8_decode", utf8_decode);
    r.add("Json_decode", json_decode);
    r.add("Json_escape", |p, a| {
        let u = units(a, 0)?;
        match escape_json(&u) {
            None => Ok(a.get(0)),
            Some(escaped) => Ok(new_string_units(iso(p), &escaped)),
        }
    });
}

/// `_utf8Decode(bytes, start, end, allowMalformed, single, status)`.
fn utf8_decode(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let (start, end) = (index(a, 1)?, index(a, 2)?);
    let bytes = direct_bytes(p, a.get(0), end).ok_or_else(|| internal("not a byte list"))?;
    let status = a.get(5);
    // SAFETY: a valid value.
    if !status.is_heap()
        || !is_list_cid(unsafe { status.cid() })
        || unsafe { list_len(status) } != 2
    {
        return Err(internal("bad decoder status"));
    }
    // SAFETY: `status` is a live two-element list.
    let (state, char_or_index) = unsafe { (list_get(status, 0), list_get(status, 1)) };
    let mut decoder = Utf8Decoder {
        state: int_of(state)
            .and_then(|s| u8::try_from(s).ok())
            .ok_or_else(|| internal("bad state"))?,
        char_or_index: int_of(char_or_index).unwrap_or(0),
        allow_malformed: a.get(3) == iso(p).bool_value(true),
    };
    let single = a.get(4) == iso(p).bool_value(true);
    let out = decoder.decode(&bytes, start.min(end), end, single);
    // SAFETY: the status list is live; both values are Smis (no barrier needed, but
    // `list_set` runs it anyway).
    unsafe {
        list_set(status, 0, Value::smi(decoder.state as i64));
        list_set(status, 1, Value::smi(decoder.char_or_index));
    }
    Ok(new_string_units(iso(p), &out))
}

/// The escaped content of a JSON string literal for `units`, as the SDK's
/// `writeStringContent` writes it; `None` when nothing needs escaping.
pub fn escape_json(units: &[u16]) -> Option<Vec<u16>> {
    let is_lead = |u: u16| u & 0xFC00 == 0xD800;
    let is_trail = |u: u16| u & 0xFC00 == 0xDC00;
    let hex = |x: u16| if x < 10 { 48 + x } else { 87 + x };
    let mut out: Option<Vec<u16>> = None;
    for (i, &c) in units.iter().enumerate() {
        let escape: Option<Vec<u16>> = if (0xD800..0xE000).contains(&c) {
            let paired = if is_lead(c) {
                units.get(i + 1).is_some_and(|&n| is_trail(n))
            } else {
                i > 0 && is_lead(units[i - 1])
            };
            (!paired).then(|| {
                vec![
                    0x5c,
                    0x75,
                    0x64,
                    hex((c >> 8) & 0xf),
                    hex((c >> 4) & 0xf),
                    hex(c & 0xf),
                ]
            })
        } else if c < 32 {
            Some(match c {
                0x08 => vec![0x5c, 0x62],
                0x09 => vec![0x5c, 0x74],
                0x0a => vec![0x5c, 0x6e],
                0x0c => vec![0x5c, 0x66],
                0x0d => vec![0x5c, 0x72],
                _ => vec![0x5c, 0x75, 0x30, 0x30, hex((c >> 4) & 0xf), hex(c & 0xf)],
            })
        } else if c == 0x22 || c == 0x5c {
            Some(vec![0x5c, c])
        } else {
            None
        };
        match (escape, &mut out) {
            (Some(e), Some(o)) => o.extend_from_slice(&e),
            (Some(e), None) => {
                let mut o = units[..i].to_vec();
                o.extend_from_slice(&e);
                out = Some(o);
            }
            (None, Some(o)) => o.push(c),
            (None, None) => {}
        }
    }
    out
}

/// Builds Dart values from parse events, as the SDK's `_BuildJsonListener`: the current
/// value, key and container live in handles (the collector moves them), the enclosing
/// containers and keys are pushed on the handle stack.
struct Builder {
    p: IsolatePtr,
    value: usize,
    key: usize,
    container: usize,
    template: usize,
    /// Whether each open container is a map (its key is saved below it).
    open: Vec<bool>,
}

impl Builder {
    fn set(&self, slot: usize, v: Value) {
        iso(self.p).handles[slot] = v.0;
    }

    fn get(&self, slot: usize) -> Value {
        Value(iso(self.p).handles[slot])
    }

    fn push_container(&mut self, is_map: bool) {
        let (key, container) = (self.get(self.key), self.get(self.container));
        let i = iso(self.p);
        i.handles.push(key.0);
        i.handles.push(container.0);
        let fresh = if is_map {
            let m = maps::new_map(i, CID_MAP);
            let type_args = Value(i.handles[self.template]);
            // SAFETY: a fresh map; the template is a live map of the same layout.
            unsafe { m.set_slot(MAP_TYPE_ARGS, type_args.slot(MAP_TYPE_ARGS)) };
            m
        } else {
            new_growable(i, 0)
        };
        self.set(self.container, fresh);
        self.open.push(is_map);
    }

    fn pop_container(&mut self) {
        self.set(self.value, self.get(self.container));
        self.open.pop();
        let i = iso(self.p);
        let container = i.handles.pop().unwrap_or(i.null().0);
        let key = i.handles.pop().unwrap_or(i.null().0);
        self.set(self.container, Value(container));
        self.set(self.key, Value(key));
    }

    fn value(&mut self, v: Value) {
        self.set(self.value, v);
    }
}

impl JsonListener for Builder {
    fn string(&mut self, units: &[u16]) {
        let s = new_string_units(iso(self.p), units);
        self.value(s);
    }
    fn int(&mut self, v: i64) {
        let n = new_int(iso(self.p), v);
        self.value(n);
    }
    fn double(&mut self, v: f64) {
        let d = new_double(iso(self.p), v);
        self.value(d);
    }
    fn boolean(&mut self, v: bool) {
        let b = iso(self.p).bool_value(v);
        self.value(b);
    }
    fn null(&mut self) {
        let n = iso(self.p).null();
        self.value(n);
    }
    fn begin_object(&mut self) {
        self.push_container(true);
    }
    fn property_name(&mut self) {
        self.set(self.key, self.get(self.value));
        self.null();
    }
    fn property_value(&mut self) {
        // String keys hash and compare without calling Dart, so this cannot fail.
        let _ = maps::insert(self.p, self.container, self.key, self.value);
        self.null();
    }
    fn end_object(&mut self) {
        self.pop_container();
    }
    fn begin_array(&mut self) {
        self.push_container(false);
    }
    fn array_element(&mut self) {
        growable_add(iso(self.p), self.container, self.value);
        self.null();
    }
    fn end_array(&mut self) {
        self.pop_container();
    }
}

/// `_jsonParse(source, template, error)`: the decoded value, or null with the VM's
/// message and offset in `error`.
fn json_decode(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let src = units(a, 0)?;
    let i = iso(p);
    let base = i.handles.len();
    let null = i.null().0;
    i.handles.extend_from_slice(&[null, null, null, a.get(1).0]);
    let mut builder = Builder {
        p,
        value: base,
        key: base + 1,
        container: base + 2,
        template: base + 3,
        open: Vec::new(),
    };
    let outcome = json::parse(&src, &mut builder);
    let i = iso(p);
    let result = Value(i.handles[base]);
    i.handles.truncate(base);
    let Err(e) = outcome else {
        return Ok(result);
    };
    let message = new_string(iso(p), e.message);
    // Re-read after the allocation: arguments live in the Dart frame, which the
    // collector updates.
    let error = a.get(2);
    // SAFETY: a valid value.
    if !error.is_heap() || !is_list_cid(unsafe { error.cid() }) || unsafe { list_len(error) } != 2 {
        return Err(internal("bad error list"));
    }
    // SAFETY: a live two-element list.
    unsafe {
        list_set(error, 0, message);
        list_set(error, 1, Value::smi(e.offset as i64));
    }
    Ok(iso(p).null())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let units: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16_lossy(&escape_json(&units).unwrap_or(units))
    }

    #[test]
    fn escapes_like_the_sdk() {
        assert_eq!(esc("plain"), "plain");
        assert_eq!(esc("a\"b\\c\n\t\u{1}"), "a\\\"b\\\\c\\n\\t\\u0001");
        let lone = String::from_utf16_lossy(&[0x61]) + "\u{1F600}";
        assert_eq!(esc(&lone), lone);
        let units = [0x61, 0xD800, 0x62];
        let out = escape_json(&units).expect("escaped");
        assert_eq!(String::from_utf16_lossy(&out), "a\\ud800b");
    }
}
