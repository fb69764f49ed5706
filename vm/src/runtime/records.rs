//! Records at run time: the isolate's shape table, allocation, the structural type test
//! (`r is (int, String)`: shape, then each field's runtime type), field lookup by name
//! for dynamic access (`(r as dynamic).$1`), and record runtime types (their names and
//! canonical `Type` objects). `==`, `hashCode` and `toString` are Dart code in
//! `corelib/core.dart` (class `Record`) over the natives in `natives::records`.
//!
//! A record is `[shape: Smi, fields...]` (see `layout::RECORD_*`). Shapes are interned
//! per isolate, so two records have the same shape exactly when their shape Smis are
//! equal; all shapes a program uses are known when its code is compiled.

use super::entries::throw_cast_error;
use super::isolate::{Isolate, IsolatePtr};
use super::layout::*;
use super::object::*;
use super::thread::Thread;
use super::types::TypeKey;
use crate::compiler::Selector;
use crate::kernel::ir::{RecordShape, RecordType};
use std::collections::HashMap;

/// The shapes of an isolate's records, and its record runtime types (for `Type` objects).
#[derive(Default)]
pub struct RecordShapes {
    shapes: Vec<RecordShape>,
    ids: HashMap<RecordShape, u32>,
    type_keys: HashMap<RecordTypeKey, u32>,
}

/// Identifies a record type: its shape and the type key code of each field.
#[derive(Clone, PartialEq, Eq, Hash)]
struct RecordTypeKey {
    shape: u32,
    fields: Vec<i64>,
    nullable: bool,
}

impl RecordShapes {
    /// The id of `shape`, assigning the next one the first time.
    pub fn intern(&mut self, shape: &RecordShape) -> u32 {
        if let Some(&id) = self.ids.get(shape) {
            return id;
        }
        let id = self.shapes.len() as u32;
        self.shapes.push(shape.clone());
        self.ids.insert(shape.clone(), id);
        id
    }

    pub fn get(&self, id: u32) -> Option<&RecordShape> {
        self.shapes.get(id as usize)
    }

    /// Every shape in id order (generated code embeds the ids: a snapshot keeps them).
    pub fn all(&self) -> &[RecordShape] {
        &self.shapes
    }

    fn type_key(&mut self, key: RecordTypeKey) -> u32 {
        let next = self.type_keys.len() as u32;
        *self.type_keys.entry(key).or_insert(next)
    }
}

/// Whether `v` is a record.
pub fn is_record(v: Value) -> bool {
    // SAFETY: the class id of a heap value is read only for valid values.
    v.is_heap() && unsafe { v.cid() } == CID_RECORD
}

/// Shape id and field values of record `v`.
///
/// # Safety
/// `v` must be a live record.
pub unsafe fn parts(v: Value) -> (u32, Vec<Value>) {
    // SAFETY: a record's slot 0 is its shape Smi and its size covers its fields.
    unsafe {
        let shape = Value(v.slot(RECORD_SHAPE)).smi_value() as u32;
        let size = object_size_words(v.addr(), v.header());
        let fields = (RECORD_HEADER_SLOTS..size - 1)
            .map(|i| Value(v.slot(i)))
            .collect();
        (shape, fields)
    }
}

/// The shape of record `v`.
pub fn shape_of(iso: &Isolate, v: Value) -> Option<RecordShape> {
    if !is_record(v) {
        return None;
    }
    // SAFETY: `v` is a record.
    let id = unsafe { Value(v.slot(RECORD_SHAPE)).smi_value() } as u32;
    iso.record_shapes.get(id).cloned()
}

/// `v is ty` for a record type: null only when `ty` is nullable; otherwise a record of
/// `ty`'s shape whose every field is an instance of the field's type.
pub fn record_type_test(iso: &mut Isolate, v: Value, ty: &RecordType) -> bool {
    if v == iso.null() {
        return ty.nullable;
    }
    if !is_record(v) {
        return false;
    }
    let want = iso.record_shapes.intern(&ty.shape);
    // SAFETY: `v` is a record; type tests do not allocate, so `v` stays put.
    let (shape, fields) = unsafe { parts(v) };
    shape == want
        && fields
            .iter()
            .zip(&ty.fields)
            .all(|(f, t)| super::types::instance_of(iso, *f, t))
}

/// The runtime type of record `v` as Dart prints it: `(int, String)`, `({int a})`.
pub fn runtime_type_name(iso: &mut Isolate, v: Value) -> String {
    let Some(shape) = shape_of(iso, v) else {
        return "Record".into();
    };
    // SAFETY: `v` is a record (`shape_of` checked).
    let (_, fields) = unsafe { parts(v) };
    let names = fields
        .iter()
        .map(|f| super::types::runtime_type_name(iso, *f))
        .collect();
    crate::kernel::dump::record_type_text_from(&shape, names, false)
}

/// The type key of record `v`'s runtime type.
pub fn runtime_type_key(iso: &mut Isolate, v: Value) -> TypeKey {
    if !is_record(v) {
        return TypeKey::Rt(super::types::value_type(iso, v));
    }
    // SAFETY: `v` is a record; computing keys does not allocate.
    let (shape, fields) = unsafe { parts(v) };
    let fields = fields
        .iter()
        .map(|f| value_type_key(iso, *f).code())
        .collect();
    let key = RecordTypeKey {
        shape,
        fields,
        nullable: false,
    };
    TypeKey::RecordType(iso.record_shapes.type_key(key))
}

/// The type key of any value's runtime type (what `runtimeType` identifies it by).
pub fn value_type_key(iso: &mut Isolate, v: Value) -> TypeKey {
    if is_record(v) {
        return runtime_type_key(iso, v);
    }
    TypeKey::Rt(super::types::value_type(iso, v))
}

/// The type key of static record type `ty` (type literals such as a typedef's name).
pub fn static_type_key(iso: &mut Isolate, ty: &RecordType) -> TypeKey {
    let shape = iso.record_shapes.intern(&ty.shape);
    let fields = ty
        .fields
        .iter()
        .map(|f| TypeKey::of(iso, f).code())
        .collect();
    let key = RecordTypeKey {
        shape,
        fields,
        nullable: ty.nullable,
    };
    TypeKey::RecordType(iso.record_shapes.type_key(key))
}

/// Field index of getter `name` on record `v`, for dynamic access.
pub fn field_index(iso: &Isolate, v: Value, name: &str) -> Option<usize> {
    shape_of(iso, v)?.field_index(name)
}

/// An instance call on a record (receiver in `receiver_slot`) whose selector names one of
/// its fields: for a getter, the entry of an accessor of the field's slot; for a method
/// call, the field's value replaces the receiver and is called. Neither is cached in the
/// call site: the field's slot depends on the record's shape, not on its class id.
/// `None` when the selector is not a field of this record.
pub fn resolve_field(
    iso_ptr: IsolatePtr,
    receiver_slot: u64,
    selector: Selector,
    argdesc: u32,
) -> Option<u64> {
    let iso = iso_ptr.get();
    // SAFETY: the call site passes the slot holding the receiver.
    let receiver = unsafe { Value(*(receiver_slot as *const u64)) };
    let (name, is_call) = match selector {
        Selector::Getter(n) => (n, false),
        Selector::Method(n) => (n, true),
        Selector::Setter(_) => return None,
    };
    let slot = record_field_slot(field_index(iso, receiver, name.as_str())?);
    if !is_call {
        return Some(match iso.accessor_entry(slot as u32, false) {
            Ok(e) => e as u64,
            Err(f) => super::entries::die(iso, f),
        });
    }
    // SAFETY: `receiver` is a record with a field in `slot`; the receiver slot is a live
    // Dart stack slot the call site reads the callee from.
    unsafe {
        let callee = Value(receiver.slot(slot));
        *(receiver_slot as *mut u64) = callee.0;
        Some(super::entries::resolve_value_call(
            iso_ptr,
            callee,
            receiver_slot,
            argdesc,
        ))
    }
}

/// A new record of shape `shape` with the `n` fields pushed by generated code.
extern "sysv64" fn rt_allocate_record(
    thread: *mut Thread,
    args: u64,
    shape: u64,
    n: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with `n` pushed field values.
    let iso = unsafe { &mut *((*thread).isolate as *mut Isolate) };
    let n = n as usize;
    if n > RECORD_MAX_FIELDS {
        super::entries::die(
            iso,
            super::isolate::Fatal::Internal(format!("a record with {n} fields")),
        );
    }
    let r = iso.allocate(CID_RECORD, 1 + RECORD_HEADER_SLOTS + n);
    // SAFETY: `r` has room for the shape and `n` fields; the pushed values are re-read
    // after the allocation (the collector updates the Dart stack).
    unsafe {
        r.set_slot(RECORD_SHAPE, Value::smi(shape as i64).0);
        for i in 0..n {
            let v = *((args + 8 * (n - 1 - i) as u64) as *const u64);
            r.set_slot(record_field_slot(i), v);
        }
    }
    r.0
}

/// `v is T` (`is_cast == 0`) or `v as T` for a record type `T` (type index
/// `type_index`). Record type tests have no per-site cache: the answer depends on the
/// shape and the fields, not on the class id.
extern "sysv64" fn rt_record_type_test(
    thread: *mut Thread,
    args: u64,
    type_index: u64,
    is_cast: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with one pushed argument.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let iso = iso_ptr.get();
    // SAFETY: as above.
    let v = unsafe { Value(*(args as *const u64)) };
    let ty = iso.types[type_index as usize].clone();
    let answer = super::types::instance_of(iso, v, &ty);
    if is_cast == 0 {
        return iso.bool_value(answer).0;
    }
    if !answer {
        throw_cast_error(iso_ptr, v, &ty, is_cast == 2);
    }
    v.0
}

/// The runtime entries for records, for the thread block's table.
pub fn allocate_entry() -> super::entries::Entry {
    rt_allocate_record
}

pub fn type_test_entry() -> super::entries::Entry {
    rt_record_type_test
}

/// The canonical empty record `()`, or a record constant with `fields` (immortal values).
pub fn immortal_record(iso: &mut Isolate, shape: &RecordShape, fields: &[Value]) -> Value {
    let id = iso.record_shapes.intern(shape);
    let r = iso
        .heap
        .allocate_immortal(CID_RECORD, 1 + RECORD_HEADER_SLOTS + fields.len());
    // SAFETY: a fresh record with room for `fields`.
    unsafe {
        r.set_slot(RECORD_SHAPE, Value::smi(id as i64).0);
        for (i, f) in fields.iter().enumerate() {
            r.set_slot(record_field_slot(i), f.0);
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front::intern::Symbol;

    #[test]
    fn shapes_are_interned_once() {
        let mut shapes = RecordShapes::default();
        let a = RecordShape::new(1, vec![Symbol::intern("b"), Symbol::intern("a")]);
        let b = RecordShape::new(1, vec![Symbol::intern("a"), Symbol::intern("b")]);
        let c = RecordShape::new(2, Vec::new());
        let ia = shapes.intern(&a);
        assert_eq!(shapes.intern(&b), ia);
        let ic = shapes.intern(&c);
        assert_ne!(ia, ic);
        assert_eq!(shapes.get(ic), Some(&c));
        assert_eq!(shapes.get(99), None);
    }

    #[test]
    fn record_type_names_print_like_the_dart_vm() {
        let text = |shape: &RecordShape, fields: &[&str]| {
            crate::kernel::dump::record_type_text_from(
                shape,
                fields.iter().map(|f| f.to_string()).collect(),
                false,
            )
        };
        let named = RecordShape::new(1, vec![Symbol::intern("name")]);
        assert_eq!(text(&named, &["int", "String"]), "(int, {String name})");
        let only_named = RecordShape::new(0, vec![Symbol::intern("b"), Symbol::intern("a")]);
        assert_eq!(text(&only_named, &["int", "double"]), "({int a, double b})");
        assert_eq!(text(&RecordShape::new(0, Vec::new()), &[]), "()");
        assert_eq!(text(&RecordShape::new(1, Vec::new()), &["int"]), "(int)");
    }
}
