//! Natives of `String`: strings are immutable arrays of UTF-16 code units, so every
//! operation works on code units, as Dart's do.

use super::{int_of, iso, new_int, NResult, NativeArgs, NativeError, NativeRegistry, ThrowArg};
use crate::runtime::entries::new_string_units;
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::object::Value;
use crate::runtime::strings::{is_string, string_hash, string_len, string_unit_at, string_units};

/// Compares two strings' code units in place.
///
/// # Safety
/// Both must be live strings.
unsafe fn strings_equal(x: Value, y: Value) -> bool {
    // SAFETY: per the caller.
    unsafe {
        let n = string_len(x);
        n == string_len(y) && (0..n).all(|k| string_unit_at(x, k) == string_unit_at(y, k))
    }
}

fn units(a: &NativeArgs, i: usize) -> Result<Vec<u16>, NativeError> {
    let v = a.get(i);
    // SAFETY: `v` is a valid value, read as a string only if it is one.
    unsafe {
        if is_string(v) {
            Ok(string_units(v))
        } else {
            Err(NativeError::Throw {
                entry_point: "_throwTypeErrorFor",
                args: vec![ThrowArg::Value(v), ThrowArg::Str("String".into())],
            })
        }
    }
}

/// Argument `i` as a string object (no copy), or a TypeError.
fn string_obj(a: &NativeArgs, i: usize) -> Result<Value, NativeError> {
    let v = a.get(i);
    // SAFETY: `v` is a valid value.
    if unsafe { is_string(v) } {
        Ok(v)
    } else {
        Err(NativeError::Throw {
            entry_point: "_throwTypeErrorFor",
            args: vec![ThrowArg::Value(v), ThrowArg::Str("String".into())],
        })
    }
}

fn int_arg(a: &NativeArgs, i: usize) -> Result<i64, NativeError> {
    int_of(a.get(i)).ok_or(NativeError::Throw {
        entry_point: "_throwTypeErrorFor",
        args: vec![ThrowArg::Value(a.get(i)), ThrowArg::Str("int".into())],
    })
}

/// An optional int argument: absent or null (not an int) gives `None`.
fn opt_int(a: &NativeArgs, i: usize) -> Result<Option<i64>, NativeError> {
    if i >= a.count {
        return Ok(None);
    }
    Ok(int_of(a.get(i)))
}

fn ret(p: IsolatePtr, u: &[u16]) -> NResult {
    Ok(new_string_units(iso(p), u))
}

/// The receiver (argument 0, whose units are `original`) itself when an operation left
/// it unchanged, as the Dart VM returns `this` from `trim` or `toLowerCase`; else a new
/// string of `result`.
fn same_or_new(p: IsolatePtr, a: &NativeArgs, original: &[u16], result: &[u16]) -> NResult {
    if result == original {
        return Ok(a.get(0));
    }
    ret(p, result)
}

fn ret_int(p: IsolatePtr, v: i64) -> NResult {
    Ok(new_int(iso(p), v))
}

fn ret_bool(p: IsolatePtr, b: bool) -> NResult {
    Ok(iso(p).bool_value(b))
}

/// The Dart VM's error for a bad string index (as for lists).
fn index_error(index: i64, length: usize) -> NativeError {
    NativeError::Throw {
        entry_point: "_throwRangeError",
        args: vec![
            ThrowArg::Int(index),
            ThrowArg::Int(0),
            ThrowArg::Int(length as i64 - 1),
            ThrowArg::Str("index".into()),
        ],
    }
}

fn range_error(value: i64, min: i64, max: i64, name: &str) -> NativeError {
    NativeError::Throw {
        entry_point: "_throwRangeError",
        args: vec![
            ThrowArg::Int(value),
            ThrowArg::Int(min),
            ThrowArg::Int(max),
            ThrowArg::Str(name.into()),
        ],
    }
}

fn find(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    (from..hay.len().saturating_sub(needle.len()) + 1).find(|&i| hay[i..].starts_with(needle))
}

fn rfind(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    let last = from.min(hay.len().saturating_sub(needle.len()));
    if needle.len() > hay.len() {
        return None;
    }
    (0..=last).rev().find(|&i| hay[i..].starts_with(needle))
}

fn is_space(u: u16) -> bool {
    crate::runtime::dart_number::is_dart_whitespace(u)
}

fn map_case(u: &[u16], upper: bool) -> Vec<u16> {
    let s = String::from_utf16_lossy(u);
    let t = if upper {
        s.to_uppercase()
    } else {
        s.to_lowercase()
    };
    t.encode_utf16().collect()
}

fn null_or(p: IsolatePtr, a: &NativeArgs, i: usize) -> bool {
    i >= a.count || a.get(i) == iso(p).null()
}

pub fn register(r: &mut NativeRegistry) {
    r.add("String_fromCharCode", |p, a| {
        let c = int_arg(a, 0)?;
        if !(0..=0x10ffff).contains(&c) {
            return Err(range_error(c, 0, 0x10ffff, "charCode"));
        }
        let mut buf = [0u16; 2];
        let u: &[u16] = match char::from_u32(c as u32) {
            Some(ch) => ch.encode_utf16(&mut buf),
            None => {
                buf[0] = c as u16;
                &buf[..1]
            }
        };
        ret(p, u)
    });
    r.add("String_length", |p, a| {
        // SAFETY: `string_obj` checked that the receiver is a live string.
        ret_int(p, unsafe { string_len(string_obj(a, 0)?) } as i64)
    });
    r.add("String_concat", |p, a| {
        let mut u = units(a, 0)?;
        u.extend(units(a, 1)?);
        ret(p, &u)
    });
    r.add("String_equals", |p, a| {
        let (s, other) = (string_obj(a, 0)?, a.get(1));
        // SAFETY: both are live strings when compared.
        let eq = unsafe { is_string(other) && strings_equal(s, other) };
        ret_bool(p, eq)
    });
    r.add("String_hashCode", |p, a| {
        // SAFETY: the receiver is a string.
        let h = unsafe { string_hash(a.get(0)) };
        ret_int(p, h)
    });
    r.add("String_charAt", |p, a| {
        let s = string_obj(a, 0)?;
        let i = int_arg(a, 1)?;
        // SAFETY: a live string; the index is checked against its length.
        let unit = unsafe {
            let len = string_len(s);
            if i < 0 || i as usize >= len {
                return Err(index_error(i, len));
            }
            string_unit_at(s, i as usize)
        };
        ret(p, &[unit])
    });
    r.add("String_codeUnitAt", |p, a| {
        let s = string_obj(a, 0)?;
        let i = int_arg(a, 1)?;
        // SAFETY: a live string; the index is checked against its length.
        unsafe {
            let len = string_len(s);
            if i < 0 || i as usize >= len {
                return Err(index_error(i, len));
            }
            ret_int(p, string_unit_at(s, i as usize) as i64)
        }
    });
    r.add("String_substring", |p, a| {
        let s = string_obj(a, 0)?;
        // SAFETY: a live string.
        let len = unsafe { string_len(s) } as i64;
        let start = int_arg(a, 1)?;
        let end = if null_or(p, a, 2) {
            len
        } else {
            int_arg(a, 2)?
        };
        if start < 0 || start > len {
            return Err(range_error(start, 0, len, "start"));
        }
        if end < start || end > len {
            return Err(range_error(end, start, len, "end"));
        }
        // SAFETY: [start, end) is within the string; copied out before allocating.
        let part: Vec<u16> = (start as usize..end as usize)
            .map(|k| unsafe { string_unit_at(s, k) })
            .collect();
        ret(p, &part)
    });
    r.add("String_indexOf", |p, a| {
        let u = units(a, 0)?;
        let n = units(a, 1)?;
        let start = opt_int(a, 2)?.unwrap_or(0);
        if start < 0 || start as usize > u.len() {
            return Err(range_error(start, 0, u.len() as i64, "start"));
        }
        ret_int(p, find(&u, &n, start as usize).map_or(-1, |i| i as i64))
    });
    r.add("String_lastIndexOf", |p, a| {
        let u = units(a, 0)?;
        let n = units(a, 1)?;
        let start = if null_or(p, a, 2) {
            u.len() as i64
        } else {
            int_arg(a, 2)?
        };
        if start < 0 || start as usize > u.len() {
            return Err(range_error(start, 0, u.len() as i64, "start"));
        }
        ret_int(p, rfind(&u, &n, start as usize).map_or(-1, |i| i as i64))
    });
    r.add("String_startsWith", |p, a| {
        let u = units(a, 0)?;
        let n = units(a, 1)?;
        let at = opt_int(a, 2)?.unwrap_or(0);
        if at < 0 || at as usize > u.len() {
            return Err(range_error(at, 0, u.len() as i64, "index"));
        }
        ret_bool(p, u[at as usize..].starts_with(&n))
    });
    r.add("String_endsWith", |p, a| {
        let u = units(a, 0)?;
        ret_bool(p, u.ends_with(&units(a, 1)?))
    });
    r.add("String_toUpperCase", |p, a| {
        let u = units(a, 0)?;
        same_or_new(p, a, &u, &map_case(&u, true))
    });
    r.add("String_toLowerCase", |p, a| {
        let u = units(a, 0)?;
        same_or_new(p, a, &u, &map_case(&u, false))
    });
    r.add("String_trim", |p, a| {
        let u = units(a, 0)?;
        let s = u.iter().position(|&c| !is_space(c)).unwrap_or(u.len());
        let e = u.iter().rposition(|&c| !is_space(c)).map_or(s, |e| e + 1);
        same_or_new(p, a, &u, &u[s..e.max(s)])
    });
    r.add("String_trimLeft", |p, a| {
        let u = units(a, 0)?;
        let s = u.iter().position(|&c| !is_space(c)).unwrap_or(u.len());
        same_or_new(p, a, &u, &u[s..])
    });
    r.add("String_trimRight", |p, a| {
        let u = units(a, 0)?;
        let e = u.iter().rposition(|&c| !is_space(c)).map_or(0, |e| e + 1);
        same_or_new(p, a, &u, &u[..e])
    });
    r.add("String_split", split);
    r.add("String_replaceAll", |p, a| {
        let u = units(a, 0)?;
        let from = units(a, 1)?;
        let to = units(a, 2)?;
        ret(p, &replace(&u, &from, &to, 0, usize::MAX))
    });
    r.add("String_replaceFirst", |p, a| {
        let u = units(a, 0)?;
        let from = units(a, 1)?;
        let to = units(a, 2)?;
        let start = opt_int(a, 3)?.unwrap_or(0);
        if start < 0 || start as usize > u.len() {
            return Err(range_error(start, 0, u.len() as i64, "startIndex"));
        }
        ret(p, &replace(&u, &from, &to, start as usize, 1))
    });
    r.add("String_compareTo", |p, a| {
        let x = units(a, 0)?;
        let y = units(a, 1)?;
        ret_int(p, x.cmp(&y) as i64)
    });
    r.add("String_repeat", |p, a| {
        let u = units(a, 0)?;
        let n = int_arg(a, 1)?;
        if n <= 0 {
            return ret(p, &[]);
        }
        ret(p, &u.repeat(n as usize))
    });
    r.add("String_join", |p, a| {
        let list = a.get(0);
        let sep = units(a, 1)?;
        let mut out = Vec::new();
        // SAFETY: the argument is a List<String>.
        let parts = unsafe { crate::runtime::lists::list_elements(list) };
        for (i, s) in parts.into_iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&sep);
            }
            // SAFETY: elements are valid values.
            unsafe {
                if is_string(s) {
                    out.extend(string_units(s));
                }
            }
        }
        ret(p, &out)
    });
}

fn replace(u: &[u16], from: &[u16], to: &[u16], start: usize, max: usize) -> Vec<u16> {
    let mut out = u[..start].to_vec();
    let mut i = start;
    let mut done = 0;
    while done < max {
        match find(u, from, i) {
            Some(j) => {
                out.extend_from_slice(&u[i..j]);
                out.extend_from_slice(to);
                done += 1;
                if from.is_empty() {
                    if j < u.len() {
                        out.push(u[j]);
                    }
                    i = j + 1;
                    if i > u.len() {
                        return out;
                    }
                } else {
                    i = j + from.len();
                }
            }
            None => break,
        }
    }
    if i <= u.len() {
        out.extend_from_slice(&u[i..]);
    }
    out
}

/// `String.split(String)`: an empty pattern splits into code units.
fn split(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let u = units(a, 0)?;
    let pat = units(a, 1)?;
    let pieces: Vec<Vec<u16>> = if pat.is_empty() {
        u.iter().map(|&c| vec![c]).collect()
    } else {
        let mut v = Vec::new();
        let mut i = 0;
        while let Some(j) = find(&u, &pat, i) {
            v.push(u[i..j].to_vec());
            i = j + pat.len();
        }
        v.push(u[i..].to_vec());
        v
    };
    let i = iso(p);
    let base = i.handles.len();
    let list = crate::runtime::lists::new_growable(i, pieces.len());
    i.handles.push(list.0);
    for piece in &pieces {
        let s = new_string_units(i, piece);
        i.handles.push(s.0);
        crate::runtime::lists::growable_add(i, base, base + 1);
        i.handles.truncate(base + 1);
    }
    let list = Value(i.handles[base]);
    i.handles.truncate(base);
    Ok(list)
}
