//! Runtime type tests (`is`, `as`, `catch on`), the runtime types of values, canonical
//! `Type` objects, and the names of types as Dart prints them in error messages. The
//! types themselves live in `rtt`; this module connects them to values and the isolate.

use super::isolate::Isolate;
use super::layout::{ARRAY_TYPE_ARGS, GROWABLE_TYPE_ARGS, MAP_TYPE_ARGS};
use super::object::*;
use super::rtt::{RtType, RtTypeId, TypeArgsId};
use crate::kernel::ir::{ClassId, DartType};

/// The type-argument vector stored in slot `slot` of `v` (a Smi id; anything else, e.g.
/// the `null` of an object made before its type arguments were known, is `dynamic`).
fn stored_type_args(iso: &Isolate, v: Value, slot: usize) -> TypeArgsId {
    // SAFETY: the caller names a slot of `v`'s layout.
    let raw = Value(unsafe { v.slot(slot) });
    if raw.is_smi() && iso.rtt.is_vector(raw.smi_value()) {
        TypeArgsId(raw.smi_value() as u32)
    } else {
        TypeArgsId::EMPTY
    }
}

/// The class of non-null, non-closure `v` and its type arguments as that class.
pub fn class_and_args(iso: &Isolate, v: Value) -> Option<(ClassId, TypeArgsId)> {
    // SAFETY: `v` is a valid value.
    let cid = unsafe { v.cid() };
    let class = iso.classes.class_of_cid(cid)?;
    let args = match cid {
        CID_ARRAY | CID_IMMUTABLE_ARRAY => stored_type_args(iso, v, ARRAY_TYPE_ARGS),
        CID_GROWABLE_LIST => stored_type_args(iso, v, GROWABLE_TYPE_ARGS),
        CID_MAP | CID_CONST_MAP | CID_SET => stored_type_args(iso, v, MAP_TYPE_ARGS),
        _ if cid >= FIRST_PROGRAM_CID => match iso.program.class(class).type_args_slot {
            Some(slot) => stored_type_args(iso, v, slot as usize),
            None => TypeArgsId::EMPTY,
        },
        _ => TypeArgsId::EMPTY,
    };
    Some((class, args))
}

/// The runtime type of `v` (a closure's is its function type).
pub fn value_type(iso: &mut Isolate, v: Value) -> RtTypeId {
    if v == iso.null() {
        return iso.rtt.intern(RtType::Null);
    }
    // SAFETY: `v` is a valid value.
    let cid = unsafe { v.cid() };
    match cid {
        CID_CLOSURE => super::closures::closure_type(iso, v),
        CID_RECORD => iso.rtt.intern(RtType::Record { nullable: false }),
        _ => match class_and_args(iso, v) {
            Some((class, args)) => iso.rtt.interface(class, args, false),
            None => RtTypeId(0),
        },
    }
}

/// The runtime type of closed static type `ty` (no type parameters in scope).
pub fn closed_type(iso: &mut Isolate, ty: &DartType) -> RtTypeId {
    let program = iso.program.clone();
    iso.rtt.instantiate(&program, ty, &[])
}

/// `v is t`. Instances of classes whose instances all share one runtime type answer
/// from a per-class cache (one hash lookup; `List<Node>.add(node)` checks this way).
pub fn instance_of_rt(iso: &mut Isolate, v: Value, t: RtTypeId) -> bool {
    if v != iso.null() && type_test_cacheable(iso, v) {
        // SAFETY: `v` is a valid value.
        let cid = unsafe { v.cid() };
        if let Some(answer) = iso.rtt.class_test(cid, t) {
            return answer;
        }
        let answer = instance_of_uncached(iso, v, t);
        iso.rtt.remember_class_test(cid, t, answer);
        return answer;
    }
    instance_of_uncached(iso, v, t)
}

fn instance_of_uncached(iso: &mut Isolate, v: Value, t: RtTypeId) -> bool {
    let s = value_type(iso, v);
    let program = iso.program.clone();
    iso.rtt.is_subtype(&program, s, t)
}

/// `v is ty` for a closed static type.
pub fn instance_of(iso: &mut Isolate, v: Value, ty: &DartType) -> bool {
    if let DartType::RecordType(r) = ty {
        return super::records::record_type_test(iso, v, r);
    }
    let t = closed_type(iso, ty);
    instance_of_rt(iso, v, t)
}

/// `v is types[index]` (the static types generated code's type tests name), with the
/// runtime type of each index built once.
pub fn instance_of_index(iso: &mut Isolate, v: Value, index: usize) -> bool {
    if let Some(DartType::RecordType(r)) = iso.types.get(index) {
        let r = r.clone();
        return super::records::record_type_test(iso, v, &r);
    }
    let t = match iso.type_rt.get(index).copied().flatten() {
        Some(t) => t,
        None => {
            let ty = iso.types[index].clone();
            let t = closed_type(iso, &ty);
            if iso.type_rt.len() <= index {
                iso.type_rt.resize(index + 1, None);
            }
            iso.type_rt[index] = Some(t);
            t
        }
    };
    instance_of_rt(iso, v, t)
}

/// Can the answer of `v is t` be cached by `v`'s class id alone? Only when instances of
/// that class all have one runtime type: not generic, not closures or records.
pub fn type_test_cacheable(iso: &Isolate, v: Value) -> bool {
    // SAFETY: `v` is a valid value.
    let cid = unsafe { v.cid() };
    match cid {
        CID_CLOSURE | CID_RECORD | CID_ARRAY | CID_IMMUTABLE_ARRAY | CID_GROWABLE_LIST
        | CID_MAP | CID_CONST_MAP | CID_SET => false,
        _ => match iso.classes.class_of_cid(cid) {
            Some(c) => iso.program.class(c).type_args_slot.is_none(),
            None => true,
        },
    }
}

/// The name of `v`'s runtime type as `runtimeType.toString()` and error messages print
/// it (`int`, `List<int>`, `_Map<String, int>`, `Foo<bool>`).
pub fn runtime_type_name(iso: &mut Isolate, v: Value) -> String {
    // SAFETY: `v` is a valid value.
    let cid = unsafe { v.cid() };
    let t = value_type(iso, v);
    let name = iso.rtt.name(&iso.program, t);
    let internal = match cid {
        CID_RECORD => return super::records::runtime_type_name(iso, v),
        CID_MAP => "_Map",
        CID_CONST_MAP => "_ConstMap",
        CID_IMMUTABLE_ARRAY => "_ImmutableList",
        CID_SET => "_Set",
        CID_STACK_TRACE => "_StackTrace",
        // `Set()` and set literals: the Dart VM's class is `_Set`.
        _ if iso.classes.class_of_cid(cid).is_some()
            && iso.classes.class_of_cid(cid) == iso.program.core_class("Set") =>
        {
            "_Set"
        }
        CID_CLOSURE if matches!(iso.rtt.get(t), RtType::Function { sig: None, .. }) => {
            return "Closure".into()
        }
        _ => return name,
    };
    match name.find('<') {
        Some(i) => format!("{internal}{}", &name[i..]),
        None => internal.to_string(),
    }
}

/// A static type as Dart prints it, with unresolved type parameters by name.
pub fn type_name(iso: &Isolate, ty: &DartType) -> String {
    let q = |nullable: bool| if nullable { "?" } else { "" };
    match ty {
        // Erased by the resolver; never in a resolved program.
        DartType::Dynamic | DartType::Extension { .. } => "dynamic".into(),
        DartType::Void => "void".into(),
        DartType::Never => "Never".into(),
        DartType::Null => "Null".into(),
        DartType::Function {
            nullable,
            sig: None,
        } => format!("Function{}", q(*nullable)),
        DartType::Function { .. } => {
            let mut rtt = super::rtt::RuntimeTypes::new();
            let t = rtt.instantiate(&iso.program, ty, &[]);
            rtt.name(&iso.program, t)
        }
        DartType::Record { nullable } => format!("Record{}", q(*nullable)),
        DartType::RecordType(r) => crate::kernel::dump::record_type_text(r, |t| type_name(iso, t)),
        DartType::TypeParameter { name, nullable } => format!("{name}{}", q(*nullable)),
        DartType::Interface {
            class,
            args,
            nullable,
        } => {
            let mut s = iso.program.class(*class).name.as_str().to_string();
            if !args.is_empty() {
                let parts: Vec<String> = args.iter().map(|a| type_name(iso, a)).collect();
                s = format!("{s}<{}>", parts.join(", "));
            }
            format!("{s}{}", q(*nullable))
        }
    }
}

/// The canonical (immortal) `Type` object of runtime type `t`: `[name: String, id: Smi]`.
pub fn type_object(iso: &mut Isolate, t: RtTypeId) -> Value {
    let name = iso.rtt.name(&iso.program, t);
    type_object_keyed(iso, t.0 as i64, &name)
}

fn type_object_keyed(iso: &mut Isolate, code: i64, name: &str) -> Value {
    if let Some(&obj) = iso.type_objects.get(&code) {
        return obj;
    }
    let name = super::strings::new_immortal_string(&mut iso.heap, name);
    let obj = iso.heap.allocate_immortal(CID_TYPE, 3);
    // SAFETY: a fresh three-word object.
    unsafe {
        obj.set_slot(0, name.0);
        obj.set_slot(1, Value::smi(code).0);
    }
    iso.type_objects.insert(code, obj);
    obj
}

/// What identifies a `Type` object: a runtime type from `rtt`, or a record type (records
/// keep their own table of shapes and field types, see `records`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeKey {
    Rt(RtTypeId),
    RecordType(u32),
}

impl TypeKey {
    /// A small integer for equality and hashing inside the Type object.
    pub fn code(self) -> i64 {
        match self {
            TypeKey::Rt(t) => t.0 as i64,
            TypeKey::RecordType(i) => (2 << 32) + i as i64,
        }
    }

    /// The key of a closed static type.
    pub fn of(iso: &mut Isolate, ty: &DartType) -> TypeKey {
        match ty {
            DartType::RecordType(r) => super::records::static_type_key(iso, r),
            other => TypeKey::Rt(closed_type(iso, other)),
        }
    }
}

/// The `Type` object of a closed static type (type literals).
pub fn static_type_object(iso: &mut Isolate, ty: &DartType) -> Value {
    match TypeKey::of(iso, ty) {
        TypeKey::Rt(t) => type_object(iso, t),
        key => {
            let name = type_name(iso, ty);
            type_object_keyed(iso, key.code(), &name)
        }
    }
}

/// `v.runtimeType`. Built-in implementation classes (`_Map<K, V>`, `_Set<E>`) are types
/// of their own, distinct from the interface a literal names.
pub fn runtime_type_object(iso: &mut Isolate, v: Value) -> Value {
    if super::records::is_record(v) {
        let key = super::records::runtime_type_key(iso, v);
        let name = runtime_type_name(iso, v);
        return type_object_keyed(iso, key.code(), &name);
    }
    let t = value_type(iso, v);
    let name = runtime_type_name(iso, v);
    if iso.rtt.name(&iso.program, t) == name {
        return type_object(iso, t);
    }
    // SAFETY: `v` is a valid value.
    let cid = unsafe { v.cid() } as i64;
    type_object_keyed(iso, -((cid << 32) | t.0 as i64) - 1, &name)
}
