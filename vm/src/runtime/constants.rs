//! Compile-time constants as heap objects. Each constant of the program becomes one
//! immortal object the first time code that uses it is compiled; since kernel
//! canonicalises constants, `identical(const A(1), const A(1))` holds.

use super::isolate::Isolate;
use super::layout::*;
use super::object::*;
use crate::compiler::CompileContext;
use crate::kernel::ir::{ConstId, Constant};

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
        Constant::List { elements, .. } => {
            let values = elements
                .iter()
                .map(|&e| element(iso, e))
                .collect::<Result<Vec<_>, _>>()?;
            immortal_array(iso, CID_IMMUTABLE_ARRAY, &values)
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
        Constant::Map { .. } => return Err("dartrs does not support constant maps yet.".into()),
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
