//! Natives of `dart:convert`: UTF-8 (`runtime::utf8`), JSON decoding into Dart maps
//! and lists (`runtime::json`) and JSON string escaping. The Dart side keeps the
//! converter framework; these are its inner loops.

use super::typed_data::{typed_list_parts, Kind};
use super::{int_of, iso, new_double, new_int, NResult, NativeArgs, NativeError, NativeRegistry};
use super::{IsolatePtr, ThrowArg};
use crate::runtime::base64;
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

/// The code units of string argument `i` (a TypeError when a dynamic call passed
/// something else).
fn units(a: &NativeArgs, i: usize) -> Result<Vec<u16>, NativeError> {
    let v = a.get(i);
    // SAFETY: a valid value; strings are read before anything allocates.
    if unsafe { is_string(v) } {
        Ok(unsafe { string_units(v) })
    } else {
        Err(NativeError::Throw {
            entry_point: "_throwTypeErrorFor",
            args: vec![ThrowArg::Value(v), ThrowArg::Str("String".into())],
        })
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

/// The elements `[0, len)` of a typed list or built-in list when every one is a byte
/// (`None` otherwise: the Dart code then reports the SDK's error).
fn exact_bytes(p: IsolatePtr, list: Value, len: usize) -> Option<Vec<u8>> {
    if let Some(parts) = typed_list_parts(iso(p), list) {
        if !matches!(parts.kind, Kind::Uint8 | Kind::Uint8Clamped) {
            return None;
        }
        // SAFETY: nothing allocates while the slice is read.
        return unsafe { parts.bytes() }.map(|b| b[..len.min(b.len())].to_vec());
    }
    (0..len)
        // SAFETY: the caller passes the live list's length.
        .map(|i| int_of(unsafe { list_get(list, i) }).and_then(|v| u8::try_from(v).ok()))
        .collect()
}

/// `_base64DecodeInto(input, start, end, out, error)`: decodes into `out` (sized by
/// `Base64_decodedLength`), or leaves the SDK's message and offset in `error`.
fn base64_decode_into(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let u = units(a, 0)?;
    let (start, end) = (index(a, 1)?, index(a, 2)?);
    slice(&u, start, end)?;
    match base64::decode(&u, start, end) {
        Ok(bytes) => {
            let parts =
                typed_list_parts(iso(p), a.get(3)).ok_or_else(|| internal("not a Uint8List"))?;
            // SAFETY: nothing allocates while the bytes are written.
            let out = unsafe { parts.bytes() }.ok_or_else(|| internal("bad typed list"))?;
            if out.len() != bytes.len() {
                return Err(internal("base64 buffer of the wrong size"));
            }
            out.copy_from_slice(&bytes);
            Ok(iso(p).null())
        }
        Err((message, offset)) => report_error(p, a, 4, message, offset),
    }
}

/// Leaves `message` and `offset` in the two-element list argument `error_arg`.
fn report_error(
    p: IsolatePtr,
    a: &NativeArgs,
    error_arg: usize,
    message: &str,
    offset: usize,
) -> NResult {
    let message = new_string(iso(p), message);
    // Re-read after the allocation: arguments live in the Dart frame, which the
    // collector updates.
    let error = a.get(error_arg);
    // SAFETY: a valid value.
    if !error.is_heap() || !is_list_cid(unsafe { error.cid() }) || unsafe { list_len(error) } != 2 {
        return Err(internal("bad error list"));
    }
    // SAFETY: a live two-element list.
    unsafe {
        list_set(error, 0, message);
        list_set(error, 1, Value::smi(offset as i64));
    }
    Ok(iso(p).null())
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
    r.add("Base64_encode", |p, a| {
        let len = match typed_list_parts(iso(p), a.get(0)) {
            Some(parts) => parts.length,
            // SAFETY: a valid value.
            None if a.get(0).is_heap() && is_list_cid(unsafe { a.get(0).cid() }) => unsafe {
                list_len(a.get(0))
            },
            None => return Ok(iso(p).null()),
        };
        let Some(bytes) = exact_bytes(p, a.get(0), len) else {
            return Ok(iso(p).null());
        };
        let url_safe = a.get(1) == iso(p).bool_value(true);
        Ok(new_string_units(iso(p), &base64::encode(&bytes, url_safe)))
    });
    r.add("Base64_decodedLength", |_, a| {
        let u = units(a, 0)?;
        let (start, end) = (index(a, 1)?, index(a, 2)?);
        slice(&u, start, end)?;
        Ok(Value::smi(base64::decoded_len(&u, start, end) as i64))
    });
    r.add("Base64_decodeInto", base64_decode_into);
    r.add("Json_encode", json_encode);
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
    report_error(p, a, 2, e.message, e.offset)
}

/// Deepest nesting the native JSON encoder follows (deeper documents take the Dart path).
const MAX_NATIVE_DEPTH: usize = 512;

/// `_jsonEncodeNative(value, indent)`: the JSON text of a document made only of null,
/// bools, numbers, strings, built-in lists and maps with string keys, as the SDK's
/// stringifier writes it; null for anything else (objects needing `toJson`, non-finite
/// doubles, non-string keys, cycles, typed lists), which the Dart encoder then handles
/// with its exact errors.
fn json_encode(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let indent = match a.get(1) {
        v if v == iso(p).null() => None,
        _ => Some(units(a, 1)?),
    };
    let mut writer = JsonWriter {
        out: Vec::new(),
        indent,
        open: Vec::new(),
    };
    if !writer.value(iso(p), a.get(0)) {
        return Ok(iso(p).null());
    }
    Ok(new_string_units(iso(p), &writer.out))
}

/// Writes JSON for the native fast path (no allocation: every value is read in place).
struct JsonWriter {
    out: Vec<u16>,
    indent: Option<Vec<u16>>,
    /// The lists and maps being written (cycle detection, depth).
    open: Vec<Value>,
}

impl JsonWriter {
    fn ascii(&mut self, s: &str) {
        self.out.extend(s.bytes().map(u16::from));
    }

    fn newline_indent(&mut self) {
        if let Some(indent) = &self.indent {
            self.out.push(0x0a);
            for _ in 0..self.open.len() {
                self.out.extend_from_slice(indent);
            }
        }
    }

    fn string(&mut self, units: &[u16]) {
        self.out.push(0x22);
        match escape_json(units) {
            Some(escaped) => self.out.extend_from_slice(&escaped),
            None => self.out.extend_from_slice(units),
        }
        self.out.push(0x22);
    }

    /// Writes `v`; false when the fast path cannot encode it.
    fn value(&mut self, iso: &mut crate::runtime::isolate::Isolate, v: Value) -> bool {
        // SAFETY: a valid value; strings, lists and maps are read in place and nothing
        // allocates while the writer runs.
        unsafe {
            if v.is_heap() && is_string(v) {
                self.string(&string_units(v));
                return true;
            }
            if v.is_heap()
                && v.cid() == crate::runtime::object::CID_DOUBLE
                && !f64::from_bits(v.slot(0)).is_finite()
            {
                return false;
            }
            if let Some(text) = super::numbers::primitive_to_string(iso, v) {
                self.ascii(&text);
                return true;
            }
            if !v.is_heap() {
                return false;
            }
            let cid = v.cid();
            if is_list_cid(cid) {
                return self.container(iso, v, false);
            }
            if matches!(cid, CID_MAP | crate::runtime::object::CID_CONST_MAP) {
                return self.container(iso, v, true);
            }
        }
        false
    }

    fn container(
        &mut self,
        iso: &mut crate::runtime::isolate::Isolate,
        v: Value,
        is_map: bool,
    ) -> bool {
        if self.open.contains(&v) || self.open.len() >= MAX_NATIVE_DEPTH {
            return false;
        }
        let (open, close) = if is_map { (0x7b, 0x7d) } else { (0x5b, 0x5d) };
        let entries: Vec<(Option<Value>, Value)> = if is_map {
            maps::entries(iso, v)
                .into_iter()
                .map(|(k, v)| (Some(k), v))
                .collect()
        } else {
            // SAFETY: a live list.
            unsafe { crate::runtime::lists::list_elements(v) }
                .into_iter()
                .map(|e| (None, e))
                .collect()
        };
        self.out.push(open);
        if entries.is_empty() {
            self.out.push(close);
            return true;
        }
        self.open.push(v);
        for (i, (key, value)) in entries.into_iter().enumerate() {
            if i > 0 {
                self.out.push(0x2c);
            }
            self.newline_indent();
            if let Some(key) = key {
                // SAFETY: a valid value.
                if !(key.is_heap() && unsafe { is_string(key) }) {
                    return false;
                }
                // SAFETY: a live string.
                self.string(&unsafe { string_units(key) });
                self.out.push(0x3a);
                if self.indent.is_some() {
                    self.out.push(0x20);
                }
            }
            if !self.value(iso, value) {
                return false;
            }
        }
        self.open.pop();
        self.newline_indent();
        self.out.push(close);
        true
    }
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
