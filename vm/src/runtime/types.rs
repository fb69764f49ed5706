//! Runtime type tests (`is`, `as`, `catch on`) and the names of runtime types as Dart
//! prints them in error messages.

use super::isolate::Isolate;
use super::object::*;
use crate::kernel::ir::DartType;

/// `v is ty`.
pub fn instance_of(iso: &mut Isolate, v: Value, ty: &DartType) -> bool {
    let is_null = v == iso.null();
    match ty {
        DartType::Dynamic | DartType::Void => true,
        DartType::Never => false,
        DartType::Null => is_null,
        DartType::Function { nullable } => {
            // SAFETY: `v` is a valid value.
            (is_null && *nullable) || (!is_null && unsafe { v.cid() } == CID_CLOSURE)
        }
        DartType::Interface {
            class, nullable, ..
        } => {
            if is_null {
                return *nullable || is_top_nullable(iso, *class);
            }
            let program = iso.program.clone();
            if program.core.object == Some(*class) || is_named_core(iso, *class, "Object") {
                return true;
            }
            // SAFETY: `v` is a valid, non-null value.
            let cid = unsafe { v.cid() };
            match iso.classes.class_of_cid(cid) {
                Some(c) => iso.classes.is_subclass(&program, c, *class),
                None => false,
            }
        }
        // Type arguments are not reified yet (a known gap, see docs/ARCHITECTURE.md): a type
        // parameter may stand for any type, `Null` included, so every value passes.
        DartType::TypeParameter { .. } => true,
        DartType::Record { nullable } => {
            // SAFETY: `v` is a valid value.
            (is_null && *nullable) || (!is_null && unsafe { v.cid() } == CID_RECORD)
        }
        DartType::RecordType(r) => super::records::record_type_test(iso, v, r),
    }
}

fn is_named_core(iso: &Isolate, class: crate::kernel::ir::ClassId, name: &str) -> bool {
    let c = iso.program.class(class);
    c.name.as_str() == name && iso.program.libraries[c.library.index()].uri == "dart:core"
}

/// `Object?`-like classes accept null only when nullable; `Null` itself accepts null.
fn is_top_nullable(iso: &Isolate, class: crate::kernel::ir::ClassId) -> bool {
    is_named_core(iso, class, "Null")
}

/// The name of `v`'s runtime type (`int`, `String`, `Foo`, `List<dynamic>`...).
pub fn runtime_type_name(iso: &Isolate, v: Value) -> String {
    // SAFETY: `v` is a valid value.
    let cid = unsafe { v.cid() };
    match cid {
        CID_NULL => "Null".into(),
        CID_SMI | CID_MINT => "int".into(),
        CID_DOUBLE => "double".into(),
        CID_BOOL => "bool".into(),
        CID_ONE_BYTE_STRING | CID_TWO_BYTE_STRING => "String".into(),
        CID_ARRAY | CID_GROWABLE_LIST | CID_IMMUTABLE_ARRAY => "List<dynamic>".into(),
        CID_MAP => "_Map<dynamic, dynamic>".into(),
        CID_SET => "_Set<dynamic>".into(),
        CID_CLOSURE => "Closure".into(),
        CID_STACK_TRACE => "_StackTrace".into(),
        CID_RECORD => super::records::runtime_type_name(iso, v),
        _ => match iso.classes.class_of_cid(cid) {
            Some(c) => iso.program.class(c).name.as_str().to_string(),
            None => format!("<class {cid}>"),
        },
    }
}

/// A static type as Dart prints it.
pub fn type_name(iso: &Isolate, ty: &DartType) -> String {
    let q = |nullable: bool| if nullable { "?" } else { "" };
    match ty {
        DartType::Dynamic => "dynamic".into(),
        DartType::Void => "void".into(),
        DartType::Never => "Never".into(),
        DartType::Null => "Null".into(),
        DartType::Function { nullable } => format!("Function{}", q(*nullable)),
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

/// What identifies a Type object: types are not reified, so a class stands for all its
/// instantiations (`List<int>` and `List<String>` share one Type object).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeKey {
    Class(crate::kernel::ir::ClassId),
    /// A runtime class id with no kernel class.
    Other(u32),
    Dynamic,
    Void,
    Never,
    Function,
    Record,
    TypeParameter,
    /// A record type, by its index in the isolate's record type table.
    RecordType(u32),
}

impl TypeKey {
    /// A small integer for equality and hashing inside the Type object.
    pub fn code(self) -> i64 {
        match self {
            TypeKey::Class(c) => c.0 as i64,
            TypeKey::Other(cid) => (1 << 32) + cid as i64,
            TypeKey::Dynamic => -1,
            TypeKey::Void => -2,
            TypeKey::Never => -3,
            TypeKey::Function => -4,
            TypeKey::Record => -5,
            TypeKey::TypeParameter => -6,
            TypeKey::RecordType(i) => (2 << 32) + i as i64,
        }
    }

    /// The key of a static type (`Null` is the class of null, as `null.runtimeType` is).
    pub fn of(iso: &mut Isolate, ty: &DartType) -> TypeKey {
        match ty {
            DartType::Interface { class, .. } => TypeKey::Class(*class),
            DartType::Null => iso
                .classes
                .class_of_cid(CID_NULL)
                .map_or(TypeKey::Other(CID_NULL), TypeKey::Class),
            DartType::Dynamic => TypeKey::Dynamic,
            DartType::Void => TypeKey::Void,
            DartType::Never => TypeKey::Never,
            DartType::Function { .. } => TypeKey::Function,
            DartType::Record { .. } => TypeKey::Record,
            DartType::RecordType(r) => super::records::static_type_key(iso, r),
            DartType::TypeParameter { .. } => TypeKey::TypeParameter,
        }
    }
}

/// The canonical (immortal) Type object for `key`: `[name: String, key: Smi]`; the first
/// request names it.
pub fn type_object(iso: &mut Isolate, key: TypeKey, name: &str) -> Value {
    let code = key.code();
    if let Some(&t) = iso.type_objects.get(&code) {
        return t;
    }
    let name = super::strings::new_immortal_string(&mut iso.heap, name);
    let t = iso.heap.allocate_immortal(CID_TYPE, 3);
    // SAFETY: a fresh three-word object.
    unsafe {
        t.set_slot(0, name.0);
        t.set_slot(1, Value::smi(code).0);
    }
    iso.type_objects.insert(code, t);
    t
}
