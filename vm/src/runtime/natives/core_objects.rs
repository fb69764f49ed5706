//! Natives of `Object`, `bool`, `Function`, `Type`, `StackTrace` and the top-level
//! `print`, `identical` and `identityHashCode`.

use super::{iso, new_int, NResult, NativeArgs, NativeError, NativeRegistry};
use crate::runtime::entries::{capture_stack_trace, new_string};
use crate::runtime::isolate::{Isolate, IsolatePtr};
use crate::runtime::layout::*;
use crate::runtime::maps::identity_hash;
use crate::runtime::object::*;
use crate::runtime::strings::{is_string, string_to_rust};

/// `Instance of 'Foo'`, the default `Object.toString()`.
pub fn instance_of_text(iso: &mut Isolate, v: Value) -> String {
    format!(
        "Instance of '{}'",
        crate::runtime::types::runtime_type_name(iso, v)
    )
}

/// `identical(a, b)`: the same object, or numbers with the same value and type
/// (boxed ints and doubles are compared by value, as the Dart VM does).
pub fn identical(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    if a.is_smi() || b.is_smi() {
        return false;
    }
    // SAFETY: both are live heap objects.
    unsafe {
        let (ca, cb) = (a.cid(), b.cid());
        ca == cb && matches!(ca, CID_MINT | CID_DOUBLE) && a.slot(0) == b.slot(0)
    }
}

/// `v.runtimeType`: the canonical Type object of `v`'s runtime type.
fn type_object(p: IsolatePtr, v: Value) -> NResult {
    Ok(crate::runtime::types::runtime_type_object(iso(p), v))
}

/// Formats a captured stack trace as the Dart VM prints it.
pub fn format_stack_trace(iso: &Isolate, trace: Value) -> String {
    // SAFETY: `trace` is a live StackTrace; a trace made from text (`StackTrace.fromString`,
    // or one that came from another isolate) holds a String instead of frames.
    unsafe {
        let frames = Value(trace.slot(STACK_TRACE_FRAMES));
        if crate::runtime::strings::is_string(frames) {
            return crate::runtime::strings::string_to_rust(frames);
        }
    }
    // SAFETY: `trace` is a live StackTrace whose frames array holds Smi pairs.
    // Each frame is (entry index, absolute pc); see `capture_stack_trace`.
    let pairs: Vec<(u32, u64)> = unsafe {
        let frames = Value(trace.slot(STACK_TRACE_FRAMES));
        let n = Value(frames.slot(ARRAY_LENGTH)).smi_value() as usize / 2;
        (0..n)
            .map(|k| {
                let e = Value(frames.slot(array_element_slot(2 * k))).smi_value() as u32;
                let pc = Value(frames.slot(array_element_slot(2 * k + 1))).smi_value() as u64;
                (e, pc)
            })
            .collect()
    };
    let mut out = String::new();
    let mut n = 0;
    for (entry, pc) in pairs {
        if entry == crate::runtime::entries::ASYNC_GAP {
            out.push_str("<asynchronous suspension>\n");
            continue;
        }
        if iso.synthetic_at(entry).is_some() {
            continue;
        }
        let Some(func) = iso.program.functions.get(entry as usize) else {
            continue;
        };
        if is_throw_helper(iso, func) {
            continue;
        }
        let location = iso
            .code_at(entry, pc)
            .and_then(|c| {
                let offset = pc.wrapping_sub(c.start);
                c.positions
                    .iter()
                    .find(|(o, _)| *o as u64 == offset)
                    .map(|(_, s)| *s)
            })
            .map(|span| {
                let span = iso.sources.resolve(span);
                let file = iso.sources.get(span.file);
                let (line, col) = file.line_col(span.start);
                format!("{}:{}:{}", file.uri, line, col)
            })
            .unwrap_or_else(|| iso.sources.get(func.span.file).uri.clone());
        out.push_str(&format!(
            "#{:<6} {} ({})\n",
            n, func.qualified_name, location
        ));
        n += 1;
    }
    out
}

/// The `_throwX` entry points of dart:core do not appear in traces: the error belongs to
/// the code that called the failing operation.
fn is_throw_helper(iso: &Isolate, func: &crate::kernel::ir::Function) -> bool {
    func.name.as_str().starts_with("_throw")
        && iso.program.libraries[func.library.index()].uri == "dart:core"
}

pub fn register(r: &mut NativeRegistry) {
    r.add("Object_equals", |p, a| {
        Ok(iso(p).bool_value(a.get(0) == a.get(1)))
    });
    r.add("Object_hashCode", |p, a| {
        let h = identity_hash(iso(p), a.get(0));
        Ok(new_int(iso(p), h))
    });
    r.add("Builtin_identityHashCode", |p, a| {
        let h = identity_hash(iso(p), a.get(0));
        Ok(new_int(iso(p), h))
    });
    r.add("Object_toString", |p, a| {
        let text = super::debug_string(iso(p), a.get(0));
        Ok(new_string(iso(p), &text))
    });
    r.add("Object_runtimeType", |p, a| type_object(p, a.get(0)));
    r.add("Bool_hashCode", |p, a| {
        let h = if a.get(0) == iso(p).bool_value(true) {
            1231
        } else {
            1237
        };
        Ok(Value::smi(h))
    });
    r.add("Builtin_identical", |p, a| {
        Ok(iso(p).bool_value(identical(a.get(0), a.get(1))))
    });
    r.add("Builtin_print", |p, a| {
        let v = a.get(0);
        // SAFETY: a valid value, read as a string only if it is one.
        let text = unsafe {
            if is_string(v) {
                string_to_rust(v)
            } else {
                super::debug_string(iso(p), v)
            }
        };
        let i = iso(p);
        // One write, so an observer sees the line as one event (as the Dart VM's print).
        i.out.write_str(&format!("{text}\n"));
        Ok(i.null())
    });
    register_functions(r);
    register_types_and_traces(r);
}

fn closure_parts(v: Value) -> Option<(i64, Value, Value)> {
    // SAFETY: read only when `v` is a closure.
    unsafe {
        (v.is_heap() && v.cid() == CID_CLOSURE).then(|| {
            (
                Value(v.slot(CLOSURE_FUNCTION)).smi_value(),
                Value(v.slot(CLOSURE_CAPTURES)),
                Value(v.slot(CLOSURE_BOUND_RECEIVER)),
            )
        })
    }
}

fn register_functions(r: &mut NativeRegistry) {
    r.add("Function_equals", |p, a| {
        let (x, y) = (a.get(0), a.get(1));
        let eq = x == y
            || match (closure_parts(x), closure_parts(y)) {
                // Tear-offs of the same method from the same receiver are equal.
                // (each tear-off has its own captures array holding the receiver).
                (Some((fx, _, rx)), Some((fy, _, ry))) => {
                    fx == fy && rx != iso(p).null() && identical(rx, ry)
                }
                _ => false,
            };
        Ok(iso(p).bool_value(eq))
    });
    r.add("Function_hashCode", |p, a| {
        let v = a.get(0);
        let h = match closure_parts(v) {
            Some((f, _, recv)) if recv != iso(p).null() => f ^ identity_hash(iso(p), recv),
            _ => identity_hash(iso(p), v),
        };
        Ok(new_int(iso(p), h))
    });
    r.add("Function_apply", function_apply);
    r.add("Function_toString", |p, a| {
        let i = iso(p);
        let text = match closure_parts(a.get(0)) {
            Some((f, _, _)) => match i.program.functions.get(f as usize) {
                Some(func) => format!("Closure: {}", func.qualified_name),
                None => "Closure".to_string(),
            },
            None => "Closure".to_string(),
        };
        Ok(new_string(i, &text))
    });
}

fn register_types_and_traces(r: &mut NativeRegistry) {
    r.add("Type_toString", |_, a| {
        // SAFETY: the receiver is a Type object whose slot 0 is its name.
        Ok(unsafe { Value(a.get(0).slot(0)) })
    });
    r.add("Type_equals", |p, a| {
        let (x, y) = (a.get(0), a.get(1));
        // SAFETY: read slot 1 only of Type objects.
        let eq = x == y || unsafe { y.is_heap() && y.cid() == CID_TYPE && x.slot(1) == y.slot(1) };
        Ok(iso(p).bool_value(eq))
    });
    r.add("Type_hashCode", |p, a| {
        // SAFETY: the receiver is a Type object.
        let k = unsafe { Value(a.get(0).slot(1)).smi_value() };
        Ok(new_int(iso(p), crate::runtime::maps::int_hash(k)))
    });
    r.add("StackTrace_toString", |p, a| {
        let text = format_stack_trace(iso(p), a.get(0));
        Ok(new_string(iso(p), &text))
    });
    r.add("StackTrace_current", |p, _| Ok(capture_stack_trace(iso(p))));
    r.add("StackTrace_fromString", |p, a| {
        let text = a.get(0);
        let i = iso(p);
        i.handles.push(text.0);
        let trace = i.allocate(CID_STACK_TRACE, 1 + STACK_TRACE_SLOTS);
        let text = Value(i.handles.pop().unwrap_or(text.0));
        // SAFETY: a fresh stack trace with one slot; `text` is a String (the Dart
        // signature says so), which `format_stack_trace` prints as it is.
        unsafe { trace.set_slot(STACK_TRACE_FRAMES, text.0) };
        Ok(trace)
    });
}

/// `Function._apply(function, positional, names, values)`: a dynamic call of the closure
/// with these positional and named arguments (NoSuchMethodError when its parameters do
/// not accept that shape).
fn function_apply(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let callee = a.get(0);
    // SAFETY: the Dart caller passes lists (of Strings for `names`); their elements are
    // copied out before anything allocates, and nothing allocates until the call.
    let (positional, names, values) = unsafe {
        let names = crate::runtime::lists::list_elements(a.get(2))
            .into_iter()
            .map(|n| crate::runtime::strings::string_to_rust(n))
            .collect::<Vec<_>>();
        (
            crate::runtime::lists::list_elements(a.get(1)),
            names,
            crate::runtime::lists::list_elements(a.get(3)),
        )
    };
    let names: Vec<crate::front::intern::Symbol> = names
        .iter()
        .map(|n| crate::front::intern::Symbol::intern(n))
        .collect();
    let mut args = Vec::with_capacity(1 + positional.len() + values.len());
    args.push(callee);
    args.extend(positional);
    args.extend(values);
    let i = iso(p);
    // No static type vouches for the arguments: the callee checks its parameters.
    let desc = i.argdesc_for((args.len() - names.len()) as u32, &names)
        | crate::runtime::isolate::DYNAMIC_CALL;
    let entry = crate::runtime::entries::resolve_closure(p, callee, desc);
    if iso(p).thread.has_pending_exception() {
        return Err(NativeError::Pending);
    }
    Isolate::invoke(p, entry as u32, &args, desc).map_err(|_| NativeError::Pending)
}
