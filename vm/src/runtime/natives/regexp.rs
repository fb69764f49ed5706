//! Natives of `RegExp` (dart:core's `_RegExp`): compiling into the isolate's table and
//! running a compiled expression over a string. Everything else (`RegExpMatch`, the
//! all-matches iteration, `String`'s pattern methods) is Dart code on top of these.

use super::{int_of, iso, new_int, NResult, NativeArgs, NativeError, NativeRegistry, ThrowArg};
use crate::runtime::entries::new_string;
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::lists::{list_set, new_array};
use crate::runtime::object::{Value, CID_ARRAY, CID_ONE_BYTE_STRING};
use crate::runtime::regexp::RegExpFlags;
use crate::runtime::strings::{is_string, string_units, with_string_units};

fn string_arg(a: &NativeArgs, i: usize) -> Result<Value, NativeError> {
    let v = a.get(i);
    // SAFETY: `v` is a valid value.
    if unsafe { is_string(v) } {
        Ok(v)
    } else {
        Err(type_error(v, "String"))
    }
}

fn int_arg(a: &NativeArgs, i: usize) -> Result<i64, NativeError> {
    int_of(a.get(i)).ok_or_else(|| type_error(a.get(i), "int"))
}

fn type_error(v: Value, expected: &str) -> NativeError {
    NativeError::Throw {
        entry_point: "_throwTypeErrorFor",
        args: vec![ThrowArg::Value(v), ThrowArg::Str(expected.into())],
    }
}

fn bool_arg(p: IsolatePtr, a: &NativeArgs, i: usize) -> bool {
    a.get(i) == iso(p).bool_value(true)
}

/// The table index a `_RegExp` holds (an int it got from `RegExp_compile`).
fn regexp_id(p: IsolatePtr, a: &NativeArgs, i: usize) -> Result<usize, NativeError> {
    let id = int_arg(a, i)?;
    usize::try_from(id)
        .ok()
        .filter(|&id| iso(p).regexps.get(id).is_some())
        .ok_or_else(|| NativeError::Unsupported(format!("no compiled RegExp with index {id}")))
}

/// `_RegExp._compile(source, multiLine, caseSensitive, unicode, dotAll)`: the table index,
/// or a `FormatException` with the Dart VM's message.
fn compile(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let source = string_arg(a, 0)?;
    let flags = RegExpFlags {
        multi_line: bool_arg(p, a, 1),
        case_sensitive: bool_arg(p, a, 2),
        unicode: bool_arg(p, a, 3),
        dot_all: bool_arg(p, a, 4),
    };
    // SAFETY: a live string, copied out.
    let units = unsafe { string_units(source) };
    match iso(p).regexps.compile(&units, flags) {
        Ok(id) => Ok(new_int(iso(p), id as i64)),
        Err(message) => Err(NativeError::Throw {
            entry_point: "_throwFormatException",
            args: vec![ThrowArg::Str(message), ThrowArg::Null, ThrowArg::Null],
        }),
    }
}

/// `_RegExp._exec(id, input, start, sticky)`: `[start0, end0, start1, end1, ...]` with -1
/// for groups that did not take part, or null when there is no match.
fn exec(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let id = regexp_id(p, a, 0)?;
    let input = string_arg(a, 1)?;
    let start = int_arg(a, 2)?;
    let sticky = bool_arg(p, a, 3);
    let Ok(start) = usize::try_from(start) else {
        return Ok(iso(p).null());
    };
    let i = iso(p);
    // SAFETY: `input` is a live string; matching allocates nothing in the Dart heap, so it
    // does not move while its units are borrowed.
    let found = unsafe {
        if input.cid() == CID_ONE_BYTE_STRING {
            let key = (input.0 as usize, i.heap.collections);
            i.regexps
                .exec_latin1(id, key, || string_units(input), start, sticky)
        } else {
            with_string_units(input, |text| i.regexps.exec(id, text, start, sticky))
        }
    };
    let Some(groups) = found else {
        return Ok(iso(p).null());
    };
    let list = new_array(iso(p), CID_ARRAY, groups.len() * 2);
    for (g, range) in groups.iter().enumerate() {
        let (s, e) = range.map_or((-1, -1), |(s, e)| (s as i64, e as i64));
        // SAFETY: `list` has 2 * groups.len() elements; Smis need no barrier.
        unsafe {
            list_set(list, 2 * g, Value::smi(s));
            list_set(list, 2 * g + 1, Value::smi(e));
        }
    }
    Ok(list)
}

fn group_count(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let id = regexp_id(p, a, 0)?;
    let count = iso(p).regexps.get(id).map_or(0, |e| e.group_count);
    Ok(new_int(iso(p), count as i64))
}

/// `_RegExp._groupNames(id)`: `[name, index, name, index, ...]` in pattern order.
fn group_names(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let id = regexp_id(p, a, 0)?;
    let names = iso(p)
        .regexps
        .get(id)
        .map(|e| e.group_names.clone())
        .unwrap_or_default();
    let i = iso(p);
    let list = new_array(i, CID_ARRAY, names.len() * 2);
    let base = i.handles.len();
    i.handles.push(list.0);
    for (k, (name, index)) in names.iter().enumerate() {
        let s = new_string(iso(p), name);
        let list = Value(iso(p).handles[base]);
        // SAFETY: `list` (re-read after the allocation) has room for every pair.
        unsafe {
            list_set(list, 2 * k, s);
            list_set(list, 2 * k + 1, Value::smi(*index as i64));
        }
    }
    let list = Value(iso(p).handles[base]);
    iso(p).handles.truncate(base);
    Ok(list)
}

pub fn register(r: &mut NativeRegistry) {
    r.add("RegExp_compile", compile);
    r.add("RegExp_exec", exec);
    r.add("RegExp_groupCount", group_count);
    r.add("RegExp_groupNames", group_names);
}
