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
use crate::compiler::Selector;
use crate::front::intern::Symbol;

/// The part of a failed assertion's message that quotes the source, as the Dart VM
/// prints it: `'file:///a.dart': Failed assertion: line 3 pos 10: 'x > 0': ` (Dart code
/// appends the message, or `is not true.`).
pub fn failed_assertion_text(iso: &Isolate, pos: u32) -> String {
    let Some(span) = iso.positions.get(pos as usize).copied() else {
        return "Failed assertion: ".to_string();
    };
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
    // SAFETY: called from an inline-cache miss; no other borrow is live.
    let iso = iso_ptr.get();
    let desc = iso.argdescs[argdesc as usize].clone();
    // SAFETY: the call site pushed `desc.count()` values starting at the receiver.
    let read = |i: u32| unsafe { Value(*((receiver_slot - 8 * i as u64) as *const u64)) };
    let receiver = read(0);
    // A passed type-argument vector (right after the receiver) is not an argument.
    let first = 1 + desc.type_args as u32;
    let args: Vec<Value> = (first..desc.count()).map(read).collect();
    if std::env::var_os("DARTRS_TRACE_NSM").is_some() {
        eprintln!("[nsm] {selector:?} on class id {}", unsafe {
            receiver.cid()
        });
    }
    let (name, kind) = match selector {
        Selector::Method(n) => (n, 0),
        Selector::Getter(n) => (n, 1),
        Selector::Setter(n) => (n, 2),
    };
    throw_nsm(iso_ptr, receiver, name, kind, &args, &desc.named);
}

/// NoSuchMethodError for calling `callee` (not a function, or wrong arguments).
pub fn throw_no_such_method_value(iso_ptr: IsolatePtr, callee: Value, name: Symbol) {
    throw_nsm(iso_ptr, callee, name, 0, &[], &[]);
}

fn throw_nsm(
    iso_ptr: IsolatePtr,
    receiver: Value,
    name: Symbol,
    kind: i64,
    args: &[Value],
    named: &[Symbol],
) {
    // SAFETY: no other borrow of the isolate is live in callers.
    let iso = iso_ptr.get();
    let base = iso.handles.len();
    iso.handles.push(receiver.0);
    iso.handles.extend(args.iter().map(|v| v.0));
    let positional_count = args.len() - named.len();
    let list = super::lists::new_growable(iso, positional_count);
    iso.handles.push(list.0);
    let list_h = iso.handles.len() - 1;
    for k in 0..positional_count {
        iso.handles.push(iso.handles[base + 1 + k]);
        super::lists::growable_add(iso, list_h, list_h + 1);
        iso.handles.pop();
    }
    let name_v = new_string(iso, name.as_str());
    let values = [
        Value(iso.handles[base]),
        name_v,
        Value::smi(kind),
        Value(iso.handles[list_h]),
        iso.null(),
    ];
    iso.handles.truncate(base);
    throw_core_error(iso_ptr, "_throwNoSuchMethod", &values);
}
