//! Compile-time constants as heap objects. Each constant of the program becomes one
//! immortal object the first time code that uses it is compiled; since kernel
//! canonicalises constants, `identical(const A(1), const A(1))` holds.
//! Constant maps are `CID_CONST_MAP` objects (a map the natives refuse to modify);
//! constant sets are instances of dart:core's `_ConstSet` over such a map.

use super::isolate::Isolate;
use super::layout::*;
use super::object::*;
use super::rtt::TypeArgsId;
use crate::compiler::CompileContext;
use crate::kernel::ir::{ConstId, Constant, DartType};

/// The heap object of constant `id` (allocated in immortal space).
pub fn materialize(iso: &mut Isolate, id: ConstId) -> Result<Value, String> {
    let program = iso.program.clone();
    Ok(match program.constant(id) {
        Constant::Null => iso.null(),
        Constant::Bool(b) => iso.bool_value(*b),
        Constant::Int(v) => match Value::try_smi(*v) {
            Some(s) => s,
            None => {
                let m = iso.heap.allocate_immortal(CID_MINT, 2);
                // SAFETY: a fresh two-word object.
                unsafe { m.set_slot(0, *v as u64) };
                m
            }
        },
        Constant::Double(d) => {
            let m = iso.heap.allocate_immortal(CID_DOUBLE, 2);
            // SAFETY: a fresh two-word object.
            unsafe { m.set_slot(0, d.to_bits()) };
            m
        }
        Constant::String(s) => super::strings::new_immortal_string(&mut iso.heap, s),
        Constant::List {
            element_type,
            elements,
        } => {
            let values = elements
                .iter()
                .map(|&e| element(iso, e))
                .collect::<Result<Vec<_>, _>>()?;
            let list = immortal_array(iso, CID_IMMUTABLE_ARRAY, &values);
            let args =
                iso.rtt
                    .instantiate_vector(&program, std::slice::from_ref(element_type), &[]);
            // SAFETY: a fresh array; its type arguments are a vector id (a Smi).
            unsafe { list.set_slot(ARRAY_TYPE_ARGS, Value::smi(args.0 as i64).0) };
            list
        }
        Constant::Instance { class, fields } => {
            let cid = iso.classes.cid_of(*class);
            let slots = iso.classes.instance_slots(*class) as usize;
            let obj = iso.heap.allocate_immortal(cid, 1 + slots);
            let null = iso.null();
            for i in 0..slots {
                // SAFETY: `obj` has `slots` fields.
                unsafe { obj.set_slot(i, null.0) };
            }
            for &(f, c) in fields {
                let slot = program.field(f).slot as usize;
                let v = element(iso, c)?;
                if slot < slots {
                    // SAFETY: bounds checked above.
                    unsafe { obj.set_slot(slot, v.0) };
                }
            }
            obj
        }
        Constant::Function(f) => {
            let index = iso.entry_index(*f);
            super::entries::static_tear_off(iso, index)
        }
        Constant::Map {
            key_type,
            value_type,
            entries,
        } => {
            let mut pairs = Vec::with_capacity(2 * entries.len());
            for &(k, v) in entries {
                pairs.push(element(iso, k)?);
                pairs.push(element(iso, v)?);
            }
            let types = [key_type.clone(), value_type.clone()];
            let args = iso.rtt.instantiate_vector(&program, &types, &[]);
            immortal_const_map(iso, &pairs, args)
        }
        Constant::Set {
            element_type,
            elements,
        } => {
            let present = iso.bool_value(true);
            let mut pairs = Vec::with_capacity(2 * elements.len());
            for &e in elements {
                pairs.push(element(iso, e)?);
                pairs.push(present);
            }
            let bool_type = DartType::Interface {
                class: program.core_class("bool").ok_or("dart:core has no bool")?,
                args: Vec::new(),
                nullable: false,
            };
            let types = [element_type.clone(), bool_type];
            let map_args = iso.rtt.instantiate_vector(&program, &types, &[]);
            let map = immortal_const_map(iso, &pairs, map_args);
            let set_args =
                iso.rtt
                    .instantiate_vector(&program, std::slice::from_ref(element_type), &[]);
            immortal_const_set(iso, map, set_args)?
        }
        Constant::Record { positional, named } => {
            let shape = crate::kernel::ir::RecordShape::new(
                positional.len() as u32,
                named.iter().map(|(n, _)| *n).collect(),
            );
            if shape.field_count() > RECORD_MAX_FIELDS {
                return Err(format!(
                    "dartrs does not support records with more than {RECORD_MAX_FIELDS} fields yet."
                ));
            }
            let mut values = Vec::with_capacity(shape.field_count());
            for &c in positional {
                values.push(element(iso, c)?);
            }
            for n in &shape.named {
                if let Some(&(_, c)) = named.iter().find(|(m, _)| m == n) {
                    values.push(element(iso, c)?);
                }
            }
            super::records::immortal_record(iso, &shape, &values)
        }
        Constant::Type(ty) => super::types::static_type_object(iso, ty),
    })
}

fn element(iso: &mut Isolate, id: ConstId) -> Result<Value, String> {
    let slot = iso.constant_slot(id)?;
    Ok(Value(iso.constants[slot as usize]))
}

/// An unmodifiable map of `pairs` (key, value, key, value, ...; keys distinct). It has no
/// hash index: lookups compare keys in order, which keeps materialising free of Dart
/// calls (`hashCode`) and the object free of later writes.
fn immortal_const_map(iso: &mut Isolate, pairs: &[Value], args: TypeArgsId) -> Value {
    let data = immortal_array(iso, CID_ARRAY, pairs);
    let m = iso.heap.allocate_immortal(CID_CONST_MAP, 1 + MAP_SLOTS);
    // SAFETY: a fresh object with MAP_SLOTS slots.
    unsafe {
        m.set_slot(MAP_USED, Value::smi(pairs.len() as i64 / 2).0);
        m.set_slot(MAP_DELETED, Value::smi(0).0);
        m.set_slot(MAP_DATA, data.0);
        m.set_slot(MAP_INDEX, iso.null().0);
        m.set_slot(MAP_TYPE_ARGS, Value::smi(args.0 as i64).0);
    }
    m
}

/// An instance of dart:core's `_ConstSet<E>` whose `_map` is the constant map `map`.
fn immortal_const_set(iso: &mut Isolate, map: Value, args: TypeArgsId) -> Result<Value, String> {
    let program = iso.program.clone();
    let missing = || "dart:core lacks the constant set class".to_string();
    let class = program.core_class("_ConstSet").ok_or_else(missing)?;
    let set = program.core_class("Set").ok_or_else(missing)?;
    let map_field = program
        .class(set)
        .instance_fields
        .iter()
        .find(|&&f| program.field(f).name.as_str() == "_map")
        .ok_or_else(missing)?;
    let map_slot = program.field(*map_field).slot as usize;
    let args_slot = program.class(class).type_args_slot.ok_or_else(missing)? as usize;
    let slots = iso.classes.instance_slots(class) as usize;
    if map_slot >= slots || args_slot >= slots {
        return Err(missing());
    }
    let cid = iso.classes.cid_of(class);
    let obj = iso.heap.allocate_immortal(cid, 1 + slots);
    let null = iso.null();
    // SAFETY: `obj` has `slots` fields; both slots were checked against it.
    unsafe {
        for i in 0..slots {
            obj.set_slot(i, null.0);
        }
        obj.set_slot(map_slot, map.0);
        obj.set_slot(args_slot, Value::smi(args.0 as i64).0);
    }
    Ok(obj)
}

pub fn immortal_array(iso: &mut Isolate, cid: u32, values: &[Value]) -> Value {
    let a = iso
        .heap
        .allocate_immortal(cid, 1 + ARRAY_HEADER_SLOTS + values.len());
    // SAFETY: a fresh array with room for `values`.
    unsafe {
        a.set_slot(ARRAY_LENGTH, Value::smi(values.len() as i64).0);
        a.set_slot(ARRAY_TYPE_ARGS, Value::smi(0).0);
        for (i, v) in values.iter().enumerate() {
            a.set_slot(array_element_slot(i), v.0);
        }
    }
    a
}
