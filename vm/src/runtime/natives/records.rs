//! Natives of class `Record` (dart:core): the field access that the Dart-written `==`,
//! `hashCode` and `toString` of records are built on, like the Dart VM's `_Record`.

use super::{iso, NResult, NativeError, NativeRegistry, ThrowArg};
use crate::runtime::entries::new_string;
use crate::runtime::object::Value;
use crate::runtime::records;

/// Shape id and fields of the receiver (always a record: these are `Record` members).
fn receiver_parts(v: Value) -> Result<(u32, Vec<Value>), NativeError> {
    if !records::is_record(v) {
        return Err(NativeError::Unsupported(
            "a Record native called on a value that is not a record".into(),
        ));
    }
    // SAFETY: `v` is a record.
    Ok(unsafe { records::parts(v) })
}

/// Argument `i` as a field index of a record with `n` fields.
fn field_index(a: Value, n: usize) -> Result<usize, NativeError> {
    if !a.is_smi() {
        return Err(NativeError::Unsupported(
            "a Record field index that is not a small integer".into(),
        ));
    }
    match a.smi_value() {
        i if (0..n as i64).contains(&i) => Ok(i as usize),
        i => Err(NativeError::Throw {
            entry_point: "_throwRangeError",
            args: vec![
                ThrowArg::Int(i),
                ThrowArg::Int(0),
                ThrowArg::Int(n as i64 - 1),
                ThrowArg::Str("index".into()),
            ],
        }),
    }
}

pub fn register(r: &mut NativeRegistry) {
    r.add("Record_shape", |_, a| {
        let (shape, _) = receiver_parts(a.get(0))?;
        Ok(Value::smi(shape as i64))
    });
    r.add("Record_numFields", |_, a| {
        let (_, fields) = receiver_parts(a.get(0))?;
        Ok(Value::smi(fields.len() as i64))
    });
    r.add("Record_fieldAt", |_, a| -> NResult {
        let (_, fields) = receiver_parts(a.get(0))?;
        let i = field_index(a.get(1), fields.len())?;
        Ok(fields[i])
    });
    r.add("Record_fieldName", |p, a| -> NResult {
        let (_, fields) = receiver_parts(a.get(0))?;
        let i = field_index(a.get(1), fields.len())?;
        let i_ = iso(p);
        let Some(shape) = records::shape_of(i_, a.get(0)) else {
            return Ok(i_.null());
        };
        match i.checked_sub(shape.positional as usize) {
            Some(k) => Ok(new_string(i_, shape.named[k].as_str())),
            None => Ok(i_.null()),
        }
    });
}
