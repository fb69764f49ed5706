//! The runtime errors generated code raises by kind (`RaiseError`), and the Dart error
//! class each one becomes.

/// What generated code asks the runtime to throw. The numbering is part of the code
/// generator's contract (it is an immediate in generated code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum ErrorKind {
    /// `e!` on null: TypeError "Null check operator used on a null value".
    NullCheck = 0,
    /// A failed `assert`: AssertionError.
    Assertion = 1,
    /// A call reached an abstract member: AbstractClassInstantiationError-like NoSuchMethodError.
    AbstractCall = 2,
}

impl ErrorKind {
    pub fn from_raw(v: u64) -> Option<ErrorKind> {
        Some(match v {
            0 => ErrorKind::NullCheck,
            1 => ErrorKind::Assertion,
            2 => ErrorKind::AbstractCall,
            _ => return None,
        })
    }
}

use super::entries::{new_string, throw_core_error};
use super::isolate::{Isolate, IsolatePtr};
use super::object::Value;
use super::rtt::TypeArgsId;
use crate::compiler::Selector;
use crate::front::intern::Symbol;

/// The part of a failed assertion's message that quotes the source, as the Dart VM
/// prints it: `'file:///a.dart': Failed assertion: line 3 pos 10: 'x > 0': ` (Dart code
/// appends the message, or `is not true.`).
pub fn failed_assertion_text(iso: &Isolate, pos: u32) -> String {
    let Some(span) = iso.positions.get(pos as usize).copied() else {
        return "Failed assertion: ".to_string();
    };
    let span = iso.sources.resolve(span);
    let file = iso.sources.get(span.file);
    let (line, col) = file.line_col(span.start);
    let source = file
        .text
        .get(span.start as usize..span.end as usize)
        .unwrap_or("");
    format!(
        "'{}': Failed assertion: line {line} pos {col}: '{source}': ",
        file.uri
    )
}

/// Throws NoSuchMethodError for a failed instance call: the receiver and its arguments
/// are the pushed slots starting at `receiver_slot` (arguments below it).
pub fn throw_no_such_method(
    iso_ptr: IsolatePtr,
    receiver_slot: u64,
    selector: Selector,
    argdesc: u32,
) {
    let (receiver, args, named, type_args) = pushed_call(iso_ptr, receiver_slot, argdesc);
    if std::env::var_os("DARTRS_TRACE_NSM").is_some() {
        // SAFETY: a value from the Dart stack.
        eprintln!("[nsm] {selector:?} on class id {}", unsafe {
            receiver.cid()
        });
    }
    let (name, kind) = selector_name_kind(selector);
    let values = invocation_parts(iso_ptr, receiver, name, kind, &args, &named, type_args);
    throw_core_error(iso_ptr, "_throwNoSuchMethod", &values);
}

/// A failed dynamic call on a receiver whose class overrides `noSuchMethod`: calls it
/// with the call's `Invocation` and returns the entry index the call site should jump
/// to so that the call's value is `noSuchMethod`'s result (the identity stub, with that
/// result stored into the last pushed slot; a setter's value stays its argument), or
/// `Err(())` when `noSuchMethod` threw (the exception is pending).
/// `None` when the receiver's `noSuchMethod` is `Object`'s.
pub fn forward_to_no_such_method(
    iso_ptr: IsolatePtr,
    cid: u32,
    receiver_slot: u64,
    selector: Selector,
    argdesc: u32,
) -> Option<Result<u32, ()>> {
    let iso = iso_ptr.get();
    let program = iso.program.clone();
    let nsm = Selector::Method(Symbol::intern("noSuchMethod"));
    let Some(super::classes::Target::Function(f)) = iso.classes.lookup(&program, cid, nsm) else {
        return None;
    };
    let owner = program.function(f).owner?;
    let object_class = program.class(owner);
    if object_class.name.as_str() == "Object" && object_class.superclass.is_none() {
        return None;
    }
    let forward = iso.core_function("_forwardNoSuchMethod")?;
    let (receiver, args, named, type_args) = pushed_call(iso_ptr, receiver_slot, argdesc);
    let (name, kind) = selector_name_kind(selector);
    let values = invocation_parts(iso_ptr, receiver, name, kind, &args, &named, type_args);
    let iso = iso_ptr.get();
    let desc = iso.argdesc_for(values.len() as u32, &[]);
    let Ok(result) = Isolate::invoke(iso_ptr, forward.0, &values, desc) else {
        return Some(Err(()));
    };
    let iso = iso_ptr.get();
    let count = iso.argdesc_shape(argdesc).count();
    if kind != 2 {
        // SAFETY: the call site pushed `count` slots from the receiver down; the last one
        // is what the identity stub returns.
        unsafe { *((receiver_slot - 8 * (count as u64 - 1)) as *mut u64) = result.0 };
    }
    match iso.return_first_argument_entry() {
        Ok(entry) => Some(Ok(entry)),
        Err(fatal) => super::entries::die(iso, fatal),
    }
}

/// The receiver, the arguments (positional, then named values), the argument names and
/// the passed type-argument vector of the call whose pushed slots start at
/// `receiver_slot`.
fn pushed_call(
    iso_ptr: IsolatePtr,
    receiver_slot: u64,
    argdesc: u32,
) -> (Value, Vec<Value>, Vec<Symbol>, Option<TypeArgsId>) {
    // SAFETY: called from an inline-cache miss; no other borrow is live.
    let iso = iso_ptr.get();
    let desc = iso.argdesc_shape(argdesc).clone();
    // SAFETY: the call site pushed `desc.count()` values starting at the receiver.
    let read = |i: u32| unsafe { Value(*((receiver_slot - 8 * i as u64) as *const u64)) };
    // A passed type-argument vector (right after the receiver) is not an argument.
    let first = 1 + desc.type_args as u32;
    let vector = read(1);
    let type_args = (desc.type_args && vector.is_smi() && iso.rtt.is_vector(vector.smi_value()))
        .then(|| TypeArgsId(vector.smi_value() as u32));
    (
        read(0),
        (first..desc.count()).map(read).collect(),
        desc.named,
        type_args,
    )
}

fn selector_name_kind(selector: Selector) -> (Symbol, i64) {
    match selector {
        Selector::Method(n) => (n, 0),
        Selector::Getter(n) => (n, 1),
        Selector::Setter(n) => (n, 2),
    }
}

/// NoSuchMethodError for calling `callee` (not a function, or wrong arguments).
pub fn throw_no_such_method_value(iso_ptr: IsolatePtr, callee: Value, name: Symbol) {
    let values = invocation_parts(iso_ptr, callee, name, 0, &[], &[], None);
    throw_core_error(iso_ptr, "_throwNoSuchMethod", &values);
}

/// The arguments of `_throwNoSuchMethod`/`_forwardNoSuchMethod`: receiver, member name,
/// kind (0 method, 1 getter, 2 setter), a list of the argument values (positional, then
/// named), a list of the named arguments' names and, for a call that passed type
/// arguments, a list of their `Type`s.
fn invocation_parts(
    iso_ptr: IsolatePtr,
    receiver: Value,
    name: Symbol,
    kind: i64,
    args: &[Value],
    named: &[Symbol],
    type_args: Option<TypeArgsId>,
) -> Vec<Value> {
    // SAFETY: no other borrow of the isolate is live in callers.
    let iso = iso_ptr.get();
    let base = iso.handles.len();
    iso.handles.push(receiver.0);
    iso.handles.extend(args.iter().map(|v| v.0));
    let list_h = push_growable(iso, base + 1, args.len());
    let first_name = iso.handles.len();
    for n in named {
        let s = new_string(iso, n.as_str());
        iso.handles.push(s.0);
    }
    let names_h = push_growable(iso, first_name, named.len());
    let types_h = type_args.map(|vector| {
        let first_type = iso.handles.len();
        let count = iso.rtt.vector_len(vector);
        for i in 0..count {
            let t = iso.rtt.arg(vector, i);
            let object = super::types::type_object(iso, t);
            iso.handles.push(object.0);
        }
        push_growable(iso, first_type, count)
    });
    let name_v = new_string(iso, name.as_str());
    let mut values = vec![
        Value(iso.handles[base]),
        name_v,
        Value::smi(kind),
        Value(iso.handles[list_h]),
        Value(iso.handles[names_h]),
    ];
    values.extend(types_h.map(|h| Value(iso.handles[h])));
    iso.handles.truncate(base);
    values
}

/// A new growable list of the `count` handles from `first`, itself pushed as a handle
/// (whose index is returned).
fn push_growable(iso: &mut Isolate, first: usize, count: usize) -> usize {
    let list = super::lists::new_growable(iso, count);
    iso.handles.push(list.0);
    let list_h = iso.handles.len() - 1;
    for k in 0..count {
        iso.handles.push(iso.handles[first + k]);
        super::lists::growable_add(iso, list_h, list_h + 1);
        iso.handles.pop();
    }
    list_h
}
