//! Natives: the Rust implementations of the core library's `external` members, looked up
//! by the name in their `@pragma('vm:external-name', ...)`.
//!
//! A native reads its arguments from the Dart stack through [`NativeArgs`] (re-reading
//! after anything that allocates, since the collector moves objects) and returns a value
//! or a [`NativeError`] describing the Dart error to throw. Natives that call back into
//! Dart get the isolate as a raw pointer and hold no borrow across the call.

mod asynchrony;
mod convert;
mod core_objects;
mod date_time;
mod developer;
mod io;
mod isolates;
mod lists_maps;
mod numbers;
mod records;
mod regexp;
mod strings;
mod system;
mod typed_data;

pub use asynchrony::timer_millis;
pub use core_objects::format_stack_trace as format_trace;
pub use numbers::{as_number, Num};

use super::entries::{new_string, throw_core_error};
use super::isolate::{Isolate, IsolatePtr, Pending};
use super::object::*;
use crate::runtime::dart_number::NumError;
use std::collections::HashMap;

/// Arguments of a native call: argument `i` lives at `first - 8*i` on the Dart stack.
pub struct NativeArgs {
    pub first: *const u64,
    pub count: usize,
}

impl NativeArgs {
    /// Argument `i` (receiver first for instance members). Out-of-range reads give null
    /// only in debug-assert-free builds; callers index within the declared arity.
    pub fn get(&self, i: usize) -> Value {
        debug_assert!(i < self.count, "native argument {i} of {}", self.count);
        // SAFETY: the emitter passes `count` arguments laid out downwards from `first`,
        // all live slots of the calling frame.
        unsafe { Value(*self.first.sub(i)) }
    }
}

/// What a native wants thrown, or how it otherwise ends abnormally.
#[derive(Debug)]
pub enum NativeError {
    /// Throw by calling a `dart:core` entry point with these arguments.
    Throw {
        entry_point: &'static str,
        args: Vec<ThrowArg>,
    },
    /// A number operation's error.
    Num(NumError),
    /// A Dart exception is already pending (raised by Dart code the native called).
    Pending,
    /// The program asked to exit.
    Exit(i32),
    /// dartrs cannot do this yet: the program stops with this message.
    Unsupported(String),
}

#[derive(Debug, Clone)]
pub enum ThrowArg {
    Int(i64),
    Str(String),
    Null,
    Value(Value),
}

pub type NResult = Result<Value, NativeError>;
pub type NativeFn = fn(IsolatePtr, &NativeArgs) -> NResult;

pub struct NativeRegistry {
    fns: Vec<NativeFn>,
    by_name: HashMap<&'static str, u32>,
}

impl Default for NativeRegistry {
    fn default() -> Self {
        Self::new()
    }
}

impl NativeRegistry {
    pub fn new() -> NativeRegistry {
        let mut r = NativeRegistry {
            fns: Vec::new(),
            by_name: HashMap::new(),
        };
        core_objects::register(&mut r);
        numbers::register(&mut r);
        strings::register(&mut r);
        lists_maps::register(&mut r);
        records::register(&mut r);
        regexp::register(&mut r);
        system::register(&mut r);
        date_time::register(&mut r);
        asynchrony::register(&mut r);
        developer::register(&mut r);
        io::register(&mut r);
        typed_data::register(&mut r);
        convert::register(&mut r);
        isolates::register(&mut r);
        super::reload::register_natives(&mut r);
        r
    }

    pub fn add(&mut self, name: &'static str, f: NativeFn) {
        self.by_name.insert(name, self.fns.len() as u32);
        self.fns.push(f);
    }

    pub fn index_of(&self, name: &str) -> Option<u32> {
        self.by_name.get(name).copied()
    }

    pub fn get(&self, index: u32) -> NativeFn {
        self.fns[index as usize]
    }
}

pub(crate) fn iso<'a>(p: IsolatePtr) -> &'a mut Isolate {
    p.get()
}

/// Turns a native's error into a pending Dart exception (or ends the program).
pub fn raise(p: IsolatePtr, e: NativeError) {
    match e {
        NativeError::Pending => {}
        NativeError::Exit(code) => {
            super::run::isolate_exiting(p);
            super::agent::run_exit_hook();
            std::process::exit(code);
        }
        NativeError::Unsupported(m) => {
            let i = iso(p);
            i.out.flush();
            eprintln!("dartrs: {m}");
            std::process::exit(254);
        }
        NativeError::Num(n) => raise(p, num_error(n)),
        NativeError::Throw { entry_point, args } => {
            let base = iso(p).handles.len();
            for a in &args {
                let i = iso(p);
                let v = match a {
                    ThrowArg::Int(v) => new_int(i, *v),
                    ThrowArg::Str(s) => new_string(i, s),
                    ThrowArg::Null => i.null(),
                    ThrowArg::Value(v) => *v,
                };
                i.handles.push(v.0);
            }
            let values: Vec<Value> = iso(p).handles[base..].iter().map(|&w| Value(w)).collect();
            iso(p).handles.truncate(base);
            throw_core_error(p, entry_point, &values);
        }
    }
}

/// The Dart error for a number operation's failure.
fn num_error(n: NumError) -> NativeError {
    use ThrowArg::*;
    let (entry_point, args) = match n {
        NumError::Range(info) => (
            "_throwRangeErrorFull",
            vec![
                info.invalid_value.map_or(Null, Int),
                info.start.map_or(Null, Int),
                info.end.map_or(Null, Int),
                info.name.map_or(Null, |s| Str(s.to_string())),
                info.message.map_or(Null, Str),
            ],
        ),
        NumError::Argument { message } => ("_throwArgumentError", vec![Null, Null, Str(message)]),
        NumError::Format(info) => (
            "_throwFormatException",
            vec![
                Str(info.message),
                info.source.map_or(Null, Str),
                info.offset.map_or(Null, |o| Int(o as i64)),
            ],
        ),
        NumError::Unsupported { message } => ("_throwUnsupported", vec![Str(message)]),
        NumError::IntegerDivisionByZero => ("_throwIntegerDivisionByZero", vec![]),
        NumError::Exception { message } => ("_throwException", vec![Str(message)]),
    };
    NativeError::Throw { entry_point, args }
}

/// An int value: a Smi when it fits, a boxed Mint otherwise.
pub fn new_int(iso: &mut Isolate, v: i64) -> Value {
    match Value::try_smi(v) {
        Some(s) => s,
        None => {
            let m = iso.allocate(CID_MINT, 2);
            // SAFETY: a fresh two-word object.
            unsafe { m.set_slot(0, v as u64) };
            m
        }
    }
}

pub fn new_double(iso: &mut Isolate, d: f64) -> Value {
    let m = iso.allocate(CID_DOUBLE, 2);
    // SAFETY: a fresh two-word object.
    unsafe { m.set_slot(0, d.to_bits()) };
    m
}

/// The int value of `v`, if it is an int.
pub fn int_of(v: Value) -> Option<i64> {
    if v.is_smi() {
        return Some(v.smi_value());
    }
    // SAFETY: `v` is a live heap object.
    unsafe { (v.cid() == CID_MINT).then(|| v.slot(0) as i64) }
}

/// Calls method (or getter, with `getter`) `name` on `receiver` with `args`.
/// `Err(Pending)` means a Dart exception is pending.
pub fn call_method(
    p: IsolatePtr,
    receiver: Value,
    name: &str,
    args: &[Value],
    getter: bool,
) -> Result<Value, Pending> {
    use crate::compiler::Selector;
    let i = iso(p);
    let sym = crate::front::intern::Symbol::intern(name);
    let selector = if getter {
        Selector::Getter(sym)
    } else {
        Selector::Method(sym)
    };
    let program = i.program.clone();
    // SAFETY: `receiver` is a valid value.
    let cid = unsafe { receiver.cid() };
    let entry = match i.classes.lookup(&program, cid, selector) {
        Some(super::classes::Target::Function(f)) => f.0,
        Some(super::classes::Target::Field { slot, .. }) => {
            // SAFETY: an instance with this field slot.
            return Ok(unsafe { Value(receiver.slot(slot as usize)) });
        }
        _ => {
            let text = format!(
                "{name} is not defined for {}",
                super::types::runtime_type_name(i, receiver)
            );
            let s = new_string(i, &text);
            throw_core_error(p, "_throwStateError", &[s]);
            return Err(Pending);
        }
    };
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(receiver);
    all.extend_from_slice(args);
    let desc = i.argdesc_for(all.len() as u32, &[]);
    // SAFETY: no borrow of the isolate is held across the call.
    Isolate::invoke(p, entry, &all, desc)
}

/// `value.toString()` as Rust text, for the runtime's own messages (uses Dart's
/// `toString` for objects; never throws: a throwing `toString` gives the default form).
pub fn debug_string(iso: &mut Isolate, v: Value) -> String {
    numbers::primitive_to_string(iso, v).unwrap_or_else(|| core_objects::instance_of_text(iso, v))
}

/// `toString()` of any value, calling Dart for objects. `Err(Pending)`: exception pending.
pub fn to_dart_string(p: IsolatePtr, v: Value) -> Result<String, Pending> {
    if let Some(s) = numbers::primitive_to_string(iso(p), v) {
        return Ok(s);
    }
    // SAFETY: `v` is a valid value.
    if unsafe { super::strings::is_string(v) } {
        return Ok(unsafe { super::strings::string_to_rust(v) });
    }
    let s = call_method(p, v, "toString", &[], false)?;
    // SAFETY: a valid value returned by Dart code.
    if unsafe { super::strings::is_string(s) } {
        Ok(unsafe { super::strings::string_to_rust(s) })
    } else {
        Ok(debug_string(iso(p), s))
    }
}

#[cfg(test)]
mod tests {
    /// Every `@pragma('vm:external-name', ...)` in the embedded core library has a native,
    /// and every native is declared somewhere: a missing one would only fail when a
    /// program first calls it.
    #[test]
    fn core_library_natives_and_registry_agree() {
        let sources = [
            include_str!("../../corelib/core.dart"),
            include_str!("../../corelib/uri.dart"),
            include_str!("../../corelib/date_time.dart"),
            include_str!("../../corelib/math.dart"),
            include_str!("../../corelib/io.dart"),
            include_str!("../../corelib/io/file.dart"),
            include_str!("../../corelib/io/process.dart"),
            include_str!("../../corelib/io/http.dart"),
            include_str!("../../corelib/collection.dart"),
            include_str!("../../corelib/async.dart"),
            include_str!("../../corelib/developer.dart"),
            include_str!("../../corelib/typed_data.dart"),
            include_str!("../../corelib/convert.dart"),
            include_str!("../../corelib/isolate.dart"),
        ];
        let marker = "@pragma('vm:external-name', '";
        let mut declared = std::collections::BTreeSet::new();
        for src in sources {
            for (at, _) in src.match_indices(marker) {
                let rest = &src[at + marker.len()..];
                if let Some(end) = rest.find('\'') {
                    declared.insert(rest[..end].to_string());
                }
            }
        }
        declared.remove("Name"); // the file header's example
        for stub in crate::runtime::isolate::STUB_NATIVES {
            declared.remove(*stub);
        }
        let registry = super::NativeRegistry::new();
        let missing: Vec<_> = declared
            .iter()
            .filter(|n| registry.index_of(n).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "natives declared but not implemented: {missing:?}"
        );
        // Members a hot reload synthesises call their native without a declaration.
        let synthesised = [crate::kernel::reload::LAZY_FIELD_NATIVE];
        let unused: Vec<_> = registry
            .by_name
            .keys()
            .filter(|n| !declared.contains(**n) && !synthesised.contains(*n))
            .collect();
        assert!(
            unused.is_empty(),
            "natives implemented but never declared: {unused:?}"
        );
    }
}
