//! Natives of `List` and `Map`: indexing with Dart's range errors, growth of growable
//! lists, the fixed-length and unmodifiable restrictions, and the hash map operations.

use super::{int_of, iso, new_int, NResult, NativeArgs, NativeError, NativeRegistry, ThrowArg};
use crate::runtime::isolate::{IsolatePtr, Pending};
use crate::runtime::layout::*;
use crate::runtime::lists::{growable_add, list_get, list_len, list_set, new_array, new_growable};
use crate::runtime::maps;
use crate::runtime::object::*;

fn unsupported(message: &str) -> NativeError {
    NativeError::Throw {
        entry_point: "_throwUnsupported",
        args: vec![ThrowArg::Str(message.into())],
    }
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

fn int_arg(a: &NativeArgs, i: usize) -> Result<i64, NativeError> {
    int_of(a.get(i)).ok_or(NativeError::Throw {
        entry_point: "_throwTypeErrorFor",
        args: vec![ThrowArg::Value(a.get(i)), ThrowArg::Str("int".into())],
    })
}

/// The receiver as a list, with its class id.
fn list_recv(a: &NativeArgs) -> Result<(Value, u32), NativeError> {
    let l = a.get(0);
    // SAFETY: the receiver of a List native is a valid value.
    let cid = unsafe { l.cid() };
    if crate::runtime::lists::is_list_cid(cid) {
        Ok((l, cid))
    } else {
        Err(NativeError::Unsupported(format!(
            "List native called on a non-list (class id {cid})"
        )))
    }
}

fn checked_index(a: &NativeArgs, list: Value) -> Result<usize, NativeError> {
    let i = int_arg(a, 1)?;
    // SAFETY: `list` is a live list.
    let len = unsafe { list_len(list) };
    if i < 0 || i as usize >= len {
        return Err(index_error(i, len));
    }
    Ok(i as usize)
}

fn growable_only(cid: u32, what: &str) -> Result<(), NativeError> {
    match cid {
        CID_GROWABLE_LIST => Ok(()),
        CID_IMMUTABLE_ARRAY => Err(unsupported(&format!("Cannot {what} an unmodifiable list"))),
        _ => Err(unsupported(&format!("Cannot {what} a fixed-length list"))),
    }
}

/// Dart's covariance check: storing `value` into `list` whose element type it is not
/// (`(<Cat>[] as List<Animal>).add(Animal())`) is a TypeError.
fn check_element(p: IsolatePtr, list: Value, value: Value) -> Result<(), NativeError> {
    let i = iso(p);
    let Some((_, args)) = crate::runtime::types::class_and_args(i, list) else {
        return Ok(());
    };
    if args == crate::runtime::rtt::TypeArgsId::EMPTY {
        return Ok(());
    }
    let t = i.rtt.arg(args, 0);
    if crate::runtime::types::instance_of_rt(i, value, t) {
        return Ok(());
    }
    let message = format!(
        "type '{}' is not a subtype of type '{}' of 'value'",
        crate::runtime::types::runtime_type_name(i, value),
        i.rtt.name(&i.program, t)
    );
    Err(NativeError::Throw {
        entry_point: "_throwTypeError",
        args: vec![ThrowArg::Str(message)],
    })
}

/// The type-argument vector a generic factory passes after its parameters (a Smi id),
/// or the empty vector when it was not passed.
fn factory_type_args(a: &NativeArgs, index: usize) -> Value {
    if a.count > index && a.get(index).is_smi() {
        a.get(index)
    } else {
        Value::smi(0)
    }
}

/// Root the receiver and return its handle index.
fn root(p: IsolatePtr, v: Value) -> usize {
    let i = iso(p);
    i.handles.push(v.0);
    i.handles.len() - 1
}

pub fn register(r: &mut NativeRegistry) {
    r.add("List_filled", |p, a| {
        let len = int_arg(a, 0)?;
        if len < 0 {
            return Err(NativeError::Throw {
                entry_point: "_throwRangeErrorFull",
                args: vec![
                    ThrowArg::Int(len),
                    ThrowArg::Int(0),
                    ThrowArg::Null,
                    ThrowArg::Str("length".into()),
                    ThrowArg::Null,
                ],
            });
        }
        let growable = a.count > 2 && a.get(2) == iso(p).bool_value(true);
        let i = iso(p);
        let list = if growable {
            let l = new_growable(i, len as usize);
            // SAFETY: the backing array has room for `len` elements.
            unsafe { l.set_slot(GROWABLE_LENGTH, Value::smi(len).0) };
            l
        } else {
            new_array(i, CID_ARRAY, len as usize)
        };
        let fill = a.get(1);
        let type_args = factory_type_args(a, 3);
        let slot = if growable {
            GROWABLE_TYPE_ARGS
        } else {
            ARRAY_TYPE_ARGS
        };
        // SAFETY: k < len; `slot` is the type-argument slot of the list's layout.
        unsafe {
            for k in 0..len as usize {
                list_set(list, k, fill);
            }
            list.set_slot(slot, type_args.0);
        }
        Ok(list)
    });
    r.add("List_unmodifiableCopy", unmodifiable_copy);
    r.add("List_getIndexed", |_, a| {
        let (l, _) = list_recv(a)?;
        let i = checked_index(a, l)?;
        // SAFETY: bounds checked.
        Ok(unsafe { list_get(l, i) })
    });
    r.add("List_setIndexed", |p, a| {
        let (l, cid) = list_recv(a)?;
        if cid == CID_IMMUTABLE_ARRAY {
            return Err(unsupported("Cannot modify an unmodifiable list"));
        }
        let i = checked_index(a, l)?;
        check_element(p, l, a.get(2))?;
        // SAFETY: bounds checked.
        unsafe { list_set(l, i, a.get(2)) };
        Ok(iso(p).null())
    });
    r.add("List_getLength", |p, a| {
        let (l, _) = list_recv(a)?;
        // SAFETY: a live list.
        Ok(new_int(iso(p), unsafe { list_len(l) } as i64))
    });
    r.add("List_setLength", set_length);
    r.add("List_add", |p, a| {
        let (l, cid) = list_recv(a)?;
        growable_only(cid, "add to")?;
        check_element(p, l, a.get(1))?;
        let lh = root(p, l);
        root(p, a.get(1));
        growable_add(iso(p), lh, lh + 1);
        iso(p).handles.truncate(lh);
        Ok(iso(p).null())
    });
    r.add("List_removeLast", |p, a| {
        let (l, cid) = list_recv(a)?;
        growable_only(cid, "remove from")?;
        // SAFETY: a live growable list.
        let len = unsafe { list_len(l) };
        if len == 0 {
            return Err(NativeError::Throw {
                entry_point: "_throwRangeErrorFull",
                args: vec![
                    ThrowArg::Int(-1),
                    ThrowArg::Int(0),
                    ThrowArg::Null,
                    ThrowArg::Str("index".into()),
                    ThrowArg::Null,
                ],
            });
        }
        // SAFETY: len > 0.
        unsafe {
            let v = list_get(l, len - 1);
            list_set(l, len - 1, iso(p).null());
            l.set_slot(GROWABLE_LENGTH, Value::smi(len as i64 - 1).0);
            Ok(v)
        }
    });
    r.add("List_insert", |p, a| {
        let (l, cid) = list_recv(a)?;
        growable_only(cid, "add to")?;
        let at = int_arg(a, 1)?;
        // SAFETY: a live list.
        let len = unsafe { list_len(l) };
        if at < 0 || at as usize > len {
            return Err(NativeError::Throw {
                entry_point: "_throwRangeError",
                args: vec![
                    ThrowArg::Int(at),
                    ThrowArg::Int(0),
                    ThrowArg::Int(len as i64),
                    ThrowArg::Str("index".into()),
                ],
            });
        }
        check_element(p, l, a.get(2))?;
        let lh = root(p, l);
        root(p, a.get(2));
        growable_add(iso(p), lh, lh + 1);
        let l = Value(iso(p).handles[lh]);
        let v = Value(iso(p).handles[lh + 1]);
        iso(p).handles.truncate(lh);
        // SAFETY: the list now has len + 1 elements.
        unsafe {
            for k in (at as usize..len).rev() {
                list_set(l, k + 1, list_get(l, k));
            }
            list_set(l, at as usize, v);
        }
        Ok(iso(p).null())
    });
    r.add("List_removeAt", |p, a| {
        let (l, cid) = list_recv(a)?;
        growable_only(cid, "remove from")?;
        let at = checked_index(a, l)?;
        // SAFETY: `at` is in bounds of a live growable list.
        unsafe {
            let len = list_len(l);
            let v = list_get(l, at);
            for k in at..len - 1 {
                list_set(l, k, list_get(l, k + 1));
            }
            list_set(l, len - 1, iso(p).null());
            l.set_slot(GROWABLE_LENGTH, Value::smi(len as i64 - 1).0);
            Ok(v)
        }
    });
    r.add("List_checkRemovable", |p, a| {
        let (_, cid) = list_recv(a)?;
        growable_only(cid, "remove from")?;
        Ok(iso(p).null())
    });
    r.add("List_clear", |p, a| {
        let (l, cid) = list_recv(a)?;
        growable_only(cid, "clear")?;
        // SAFETY: a live growable list.
        unsafe {
            for k in 0..list_len(l) {
                list_set(l, k, iso(p).null());
            }
            l.set_slot(GROWABLE_LENGTH, Value::smi(0).0);
        }
        Ok(iso(p).null())
    });
    register_maps(r);
}

fn set_length(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let (l, cid) = list_recv(a)?;
    growable_only(cid, "change the length of")?;
    let new_len = int_arg(a, 1)?;
    if new_len < 0 {
        return Err(NativeError::Throw {
            entry_point: "_throwRangeErrorFull",
            args: vec![
                ThrowArg::Int(new_len),
                ThrowArg::Int(0),
                ThrowArg::Null,
                ThrowArg::Str("newLength".into()),
                ThrowArg::Null,
            ],
        });
    }
    let lh = root(p, l);
    let null = iso(p).null();
    // SAFETY: a live list.
    let len = unsafe { list_len(l) };
    if new_len as usize > len {
        root(p, null);
        for _ in len..new_len as usize {
            growable_add(iso(p), lh, lh + 1);
        }
    } else {
        // SAFETY: shrinking within bounds.
        unsafe {
            for k in new_len as usize..len {
                list_set(l, k, null);
            }
            l.set_slot(GROWABLE_LENGTH, Value::smi(new_len).0);
        }
    }
    iso(p).handles.truncate(lh);
    Ok(null)
}

fn map_recv(a: &NativeArgs) -> Result<Value, NativeError> {
    let m = a.get(0);
    // SAFETY: a valid value.
    if m.is_heap() && matches!(unsafe { m.cid() }, CID_MAP | CID_CONST_MAP) {
        Ok(m)
    } else {
        Err(NativeError::Unsupported(
            "Map native called on a non-map".into(),
        ))
    }
}

/// The receiver of a map native that modifies it: constant maps refuse.
fn mutable_map_recv(a: &NativeArgs) -> Result<Value, NativeError> {
    let m = map_recv(a)?;
    // SAFETY: `m` is a live map.
    if unsafe { m.cid() } == CID_CONST_MAP {
        return Err(unsupported("Cannot modify unmodifiable map"));
    }
    Ok(m)
}

/// Runs a map operation with the map and `extra` arguments rooted in the handles.
fn with_rooted<T>(
    p: IsolatePtr,
    vals: &[Value],
    f: impl FnOnce(usize) -> Result<T, Pending>,
) -> Result<T, NativeError> {
    let base = iso(p).handles.len();
    for v in vals {
        iso(p).handles.push(v.0);
    }
    let r = f(base);
    iso(p).handles.truncate(base);
    r.map_err(|_| NativeError::Pending)
}

fn register_maps(r: &mut NativeRegistry) {
    r.add("Map_new", |p, a| {
        let m = maps::new_map(iso(p), CID_MAP);
        // SAFETY: a fresh map; the vector is a Smi.
        unsafe { m.set_slot(MAP_TYPE_ARGS, factory_type_args(a, 0).0) };
        Ok(m)
    });
    r.add("Map_get", |p, a| {
        let m = map_recv(a)?;
        with_rooted(p, &[m, a.get(1)], |b| {
            let found = maps::find(p, b, b + 1)?;
            let m = Value(iso(p).handles[b]);
            Ok(match found {
                // SAFETY: pair i exists in the live map.
                Some(i) => unsafe {
                    Value(Value(m.slot(MAP_DATA)).slot(array_element_slot(2 * i + 1)))
                },
                None => iso(p).null(),
            })
        })
    });
    r.add("Map_set", |p, a| {
        let m = mutable_map_recv(a)?;
        with_rooted(p, &[m, a.get(1), a.get(2)], |b| {
            maps::insert(p, b, b + 1, b + 2)
        })?;
        Ok(iso(p).null())
    });
    r.add("Map_containsKey", |p, a| {
        let m = map_recv(a)?;
        let found = with_rooted(p, &[m, a.get(1)], |b| maps::find(p, b, b + 1))?;
        Ok(iso(p).bool_value(found.is_some()))
    });
    r.add("Map_remove", |p, a| {
        let m = mutable_map_recv(a)?;
        let old = with_rooted(p, &[m, a.get(1)], |b| maps::remove(p, b, b + 1))?;
        Ok(old.unwrap_or(iso(p).null()))
    });
    r.add("Map_length", |p, a| {
        let m = map_recv(a)?;
        Ok(new_int(iso(p), maps::map_len(m) as i64))
    });
    r.add("Map_clear", |p, a| {
        let m = mutable_map_recv(a)?;
        with_rooted(p, &[m], |b| {
            maps::clear(iso(p), b);
            Ok(())
        })?;
        Ok(iso(p).null())
    });
    r.add("Map_checkModifiable", |p, a| {
        mutable_map_recv(a)?;
        Ok(iso(p).null())
    });
    r.add("Map_keys", |p, a| entry_list(p, a, true));
    r.add("Map_values", |p, a| entry_list(p, a, false));
}

/// A new list of the map's keys or values, in insertion order.
fn entry_list(p: IsolatePtr, a: &NativeArgs, keys: bool) -> NResult {
    let m = map_recv(a)?;
    let n = maps::map_len(m);
    let i = iso(p);
    let mh = root(p, m);
    let list = new_growable(i, n);
    let m = Value(i.handles[mh]);
    let entries = maps::entries(i, m);
    // SAFETY: the list's backing array has room for n elements; no allocation below.
    unsafe {
        let data = Value(list.slot(GROWABLE_DATA));
        for (k, (key, value)) in entries.iter().enumerate() {
            data.set_slot(array_element_slot(k), if keys { key.0 } else { value.0 });
        }
        list.set_slot(GROWABLE_LENGTH, Value::smi(entries.len() as i64).0);
    }
    i.handles.truncate(mh);
    Ok(list)
}

/// `List._unmodifiableCopy(list)`: an unmodifiable fixed-length list (the class of constant
/// lists, whose natives refuse every change) with `list`'s elements and element type.
fn unmodifiable_copy(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let (source, cid) = list_recv(a)?;
    // SAFETY: a live list.
    let len = unsafe { list_len(source) };
    let i = iso(p);
    let base = i.handles.len();
    i.handles.push(source.0);
    let copy = new_array(i, CID_IMMUTABLE_ARRAY, len);
    let source = Value(i.handles[base]);
    i.handles.truncate(base);
    let args_slot = if cid == CID_GROWABLE_LIST {
        GROWABLE_TYPE_ARGS
    } else {
        ARRAY_TYPE_ARGS
    };
    // SAFETY: both are live lists of `len` elements (the source re-read after allocating);
    // the type-argument slots hold Smis.
    unsafe {
        for k in 0..len {
            list_set(copy, k, list_get(source, k));
        }
        copy.set_slot(ARRAY_TYPE_ARGS, source.slot(args_slot));
    }
    Ok(copy)
}
