//! Natives of `int`, `double` and `dart:math`: the slow paths behind the emitter's inline
//! Smi arithmetic (boxed ints, doubles, mixed operands) with Dart's exact semantics from
//! `runtime::dart_number`.

use super::{
    int_of, iso, new_double, new_int, NResult, NativeArgs, NativeError, NativeRegistry, ThrowArg,
};
use crate::runtime::dart_number as dn;
use crate::runtime::isolate::{Isolate, IsolatePtr};
use crate::runtime::object::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    Double(f64),
}

impl Num {
    pub fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Double(d) => d,
        }
    }

    /// Dart `==` between numbers (`1 == 1.0`).
    pub fn equals(self, other: Num) -> bool {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a == b,
            _ => self.to_f64() == other.to_f64(),
        }
    }
}

pub fn as_number(v: Value) -> Option<Num> {
    if let Some(i) = int_of(v) {
        return Some(Num::Int(i));
    }
    // SAFETY: `v` is a live heap object (Smis are ints).
    unsafe { (v.cid() == CID_DOUBLE).then(|| Num::Double(f64::from_bits(v.slot(0)))) }
}

/// `toString()` of null, bools and numbers (no Dart call needed).
pub fn primitive_to_string(iso: &Isolate, v: Value) -> Option<String> {
    if v == iso.null() {
        return Some("null".into());
    }
    if v == iso.bool_value(true) {
        return Some("true".into());
    }
    if v == iso.bool_value(false) {
        return Some("false".into());
    }
    as_number(v).map(|n| match n {
        Num::Int(i) => i.to_string(),
        Num::Double(d) => dn::double_to_string(d),
    })
}

fn num_arg(a: &NativeArgs, i: usize, name: &str) -> Result<Num, NativeError> {
    as_number(a.get(i)).ok_or_else(|| type_error(a.get(i), name))
}

fn int_arg(a: &NativeArgs, i: usize) -> Result<i64, NativeError> {
    int_of(a.get(i)).ok_or_else(|| type_error(a.get(i), "int"))
}

fn type_error(v: Value, expected: &str) -> NativeError {
    NativeError::Throw {
        entry_point: "_throwTypeErrorFor",
        args: vec![ThrowArg::Value(v), ThrowArg::Str(expected.to_string())],
    }
}

fn double_recv(a: &NativeArgs) -> f64 {
    match as_number(a.get(0)) {
        Some(n) => n.to_f64(),
        None => f64::NAN,
    }
}

fn ret_num(p: IsolatePtr, n: Num) -> NResult {
    Ok(match n {
        Num::Int(i) => new_int(iso(p), i),
        Num::Double(d) => new_double(iso(p), d),
    })
}

fn ret_bool(p: IsolatePtr, b: bool) -> NResult {
    Ok(iso(p).bool_value(b))
}

/// An int binary operation that becomes a double operation when `other` is a double.
fn int_arith(
    p: IsolatePtr,
    a: &NativeArgs,
    int_op: fn(i64, i64) -> Result<i64, dn::NumError>,
    dbl_op: fn(f64, f64) -> f64,
) -> NResult {
    let x = int_arg(a, 0)?;
    match num_arg(a, 1, "num")? {
        Num::Int(y) => ret_num(p, Num::Int(int_op(x, y).map_err(NativeError::Num)?)),
        Num::Double(y) => ret_num(p, Num::Double(dbl_op(x as f64, y))),
    }
}

fn compare(a: &NativeArgs, op: fn(std::cmp::Ordering) -> bool) -> Result<bool, NativeError> {
    let x = num_arg(a, 0, "num")?;
    let y = num_arg(a, 1, "num")?;
    Ok(match (x, y) {
        (Num::Int(x), Num::Int(y)) => op(x.cmp(&y)),
        _ => match x.to_f64().partial_cmp(&y.to_f64()) {
            Some(o) => op(o),
            None => false,
        },
    })
}

pub fn register(r: &mut NativeRegistry) {
    r.add("Integer_add", |p, a| {
        int_arith(p, a, |x, y| Ok(dn::int_add(x, y)), |x, y| x + y)
    });
    r.add("Integer_sub", |p, a| {
        int_arith(p, a, |x, y| Ok(dn::int_sub(x, y)), |x, y| x - y)
    });
    r.add("Integer_mul", |p, a| {
        int_arith(p, a, |x, y| Ok(dn::int_mul(x, y)), |x, y| x * y)
    });
    r.add("Integer_mod", |p, a| {
        int_arith(p, a, dn::int_mod, dn::double_modulo)
    });
    r.add("Integer_remainder", |p, a| {
        int_arith(p, a, dn::int_remainder, dn::double_remainder)
    });
    r.add("Integer_div", |p, a| {
        let x = int_arg(a, 0)? as f64;
        let y = num_arg(a, 1, "num")?.to_f64();
        ret_num(p, Num::Double(x / y))
    });
    r.add("Integer_truncDiv", |p, a| {
        let x = int_arg(a, 0)?;
        match num_arg(a, 1, "num")? {
            Num::Int(y) => ret_num(p, Num::Int(dn::int_div(x, y).map_err(NativeError::Num)?)),
            Num::Double(y) => ret_num(
                p,
                Num::Int(dn::double_trunc_div(x as f64, y).map_err(NativeError::Num)?),
            ),
        }
    });
    r.add("Integer_negate", |p, a| {
        ret_num(p, Num::Int(dn::int_neg(int_arg(a, 0)?)))
    });
    register_comparisons(
        r,
        [
            "Integer_lt",
            "Integer_gt",
            "Integer_le",
            "Integer_ge",
            "Integer_equals",
        ],
    );
    r.add("Integer_bitAnd", |p, a| {
        ret_num(p, Num::Int(int_arg(a, 0)? & int_arg(a, 1)?))
    });
    r.add("Integer_bitOr", |p, a| {
        ret_num(p, Num::Int(int_arg(a, 0)? | int_arg(a, 1)?))
    });
    r.add("Integer_bitXor", |p, a| {
        ret_num(p, Num::Int(int_arg(a, 0)? ^ int_arg(a, 1)?))
    });
    r.add("Integer_bitNot", |p, a| {
        ret_num(p, Num::Int(dn::int_bit_not(int_arg(a, 0)?)))
    });
    r.add("Integer_shl", |p, a| {
        ret_num(
            p,
            Num::Int(dn::int_shl(int_arg(a, 0)?, int_arg(a, 1)?).map_err(NativeError::Num)?),
        )
    });
    r.add("Integer_shr", |p, a| {
        ret_num(
            p,
            Num::Int(dn::int_shr(int_arg(a, 0)?, int_arg(a, 1)?).map_err(NativeError::Num)?),
        )
    });
    r.add("Integer_ushr", |p, a| {
        ret_num(
            p,
            Num::Int(dn::int_ushr(int_arg(a, 0)?, int_arg(a, 1)?).map_err(NativeError::Num)?),
        )
    });
    r.add("Integer_hashCode", |p, a| {
        ret_num(p, Num::Int(int_arg(a, 0)?))
    });
    r.add("Integer_toString", |p, a| {
        let s = int_arg(a, 0)?.to_string();
        Ok(crate::runtime::entries::new_string(iso(p), &s))
    });
    r.add("Integer_toDouble", |p, a| {
        ret_num(p, Num::Double(int_arg(a, 0)? as f64))
    });
    r.add("Integer_toRadixString", |p, a| {
        let s =
            dn::int_to_radix_string(int_arg(a, 0)?, int_arg(a, 1)?).map_err(NativeError::Num)?;
        Ok(crate::runtime::entries::new_string(iso(p), &s))
    });
    r.add("Integer_compareTo", |p, a| {
        let x = num_arg(a, 0, "num")?;
        let y = num_arg(a, 1, "num")?;
        ret_num(p, Num::Int(num_compare(x, y)))
    });

    r.add("Integer_tryParse", |p, a| {
        let src = string_arg(a, 0)?;
        let radix = int_of(a.get(1));
        match dn::int_try_parse_utf16(&src, radix).map_err(NativeError::Num)? {
            Some(v) => ret_num(p, Num::Int(v)),
            None => Ok(iso(p).null()),
        }
    });
    register_double(r);
    register_math(r);
}

/// `<`, `>`, `<=`, `>=` and `==` of `int` and `double` receivers share one numeric
/// comparison (mixed operands compare as doubles; NaN compares false). `names` are the
/// natives' names in that order.
fn register_comparisons(r: &mut NativeRegistry, names: [&'static str; 5]) {
    use std::cmp::Ordering::*;
    let natives: [super::NativeFn; 5] = [
        |p, a| ret_bool(p, compare(a, |o| o == Less)?),
        |p, a| ret_bool(p, compare(a, |o| o == Greater)?),
        |p, a| ret_bool(p, compare(a, |o| o != Greater)?),
        |p, a| ret_bool(p, compare(a, |o| o != Less)?),
        |p, a| {
            let eq = match (as_number(a.get(0)), as_number(a.get(1))) {
                (Some(x), Some(y)) => x.equals(y),
                _ => false,
            };
            ret_bool(p, eq)
        },
    ];
    for (name, f) in names.into_iter().zip(natives) {
        r.add(name, f);
    }
}

fn string_arg(a: &NativeArgs, i: usize) -> Result<Vec<u16>, NativeError> {
    let v = a.get(i);
    // SAFETY: `v` is a valid value; it is read only if it is a string.
    unsafe {
        if crate::runtime::strings::is_string(v) {
            Ok(crate::runtime::strings::string_units(v))
        } else {
            Err(type_error(v, "String"))
        }
    }
}

/// `num.compareTo` (NaN is larger than everything, `-0.0 < 0.0`).
pub fn num_compare(x: Num, y: Num) -> i64 {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => a.cmp(&b) as i64,
        _ => {
            let (a, b) = (x.to_f64(), y.to_f64());
            if a < b {
                -1
            } else if a > b {
                1
            } else if a == b {
                if a == 0.0 {
                    (a.is_sign_positive() as i64) - (b.is_sign_positive() as i64)
                } else {
                    0
                }
            } else if a.is_nan() {
                if b.is_nan() {
                    0
                } else {
                    1
                }
            } else {
                -1
            }
        }
    }
}

fn dbl(p: IsolatePtr, d: f64) -> NResult {
    ret_num(p, Num::Double(d))
}

fn to_int(p: IsolatePtr, r: Result<i64, dn::NumError>) -> NResult {
    ret_num(p, Num::Int(r.map_err(NativeError::Num)?))
}

fn register_double(r: &mut NativeRegistry) {
    r.add("Double_add", |p, a| {
        dbl(p, double_recv(a) + num_arg(a, 1, "num")?.to_f64())
    });
    r.add("Double_sub", |p, a| {
        dbl(p, double_recv(a) - num_arg(a, 1, "num")?.to_f64())
    });
    r.add("Double_mul", |p, a| {
        dbl(p, double_recv(a) * num_arg(a, 1, "num")?.to_f64())
    });
    r.add("Double_div", |p, a| {
        dbl(p, double_recv(a) / num_arg(a, 1, "num")?.to_f64())
    });
    r.add("Double_mod", |p, a| {
        dbl(
            p,
            dn::double_modulo(double_recv(a), num_arg(a, 1, "num")?.to_f64()),
        )
    });
    r.add("Double_remainder", |p, a| {
        dbl(
            p,
            dn::double_remainder(double_recv(a), num_arg(a, 1, "num")?.to_f64()),
        )
    });
    r.add("Double_truncDiv", |p, a| {
        to_int(
            p,
            dn::double_trunc_div(double_recv(a), num_arg(a, 1, "num")?.to_f64()),
        )
    });
    r.add("Double_negate", |p, a| dbl(p, -double_recv(a)));
    register_comparisons(
        r,
        [
            "Double_lt",
            "Double_gt",
            "Double_le",
            "Double_ge",
            "Double_equals",
        ],
    );
    r.add("Double_hashCode", |p, a| {
        let d = double_recv(a);
        let h = if d.fract() == 0.0 && d.abs() < 9.2e18 {
            d as i64
        } else {
            (d.to_bits() ^ (d.to_bits() >> 32)) as i64 & 0x3fff_ffff
        };
        ret_num(p, Num::Int(h))
    });
    r.add("Double_toString", |p, a| {
        let s = dn::double_to_string(double_recv(a));
        Ok(crate::runtime::entries::new_string(iso(p), &s))
    });
    r.add("Double_toStringAsFixed", |p, a| {
        let s = dn::to_string_as_fixed(double_recv(a), int_arg(a, 1)?).map_err(NativeError::Num)?;
        Ok(crate::runtime::entries::new_string(iso(p), &s))
    });
    r.add("Double_toStringAsPrecision", |p, a| {
        let s =
            dn::to_string_as_precision(double_recv(a), int_arg(a, 1)?).map_err(NativeError::Num)?;
        Ok(crate::runtime::entries::new_string(iso(p), &s))
    });
    r.add("Double_toStringAsExponential", |p, a| {
        let digits = if a.count > 1 { int_of(a.get(1)) } else { None };
        let s = dn::to_string_as_exponential(double_recv(a), digits).map_err(NativeError::Num)?;
        Ok(crate::runtime::entries::new_string(iso(p), &s))
    });
    r.add("Double_compareTo", |p, a| {
        let x = num_arg(a, 0, "num")?;
        let y = num_arg(a, 1, "num")?;
        ret_num(p, Num::Int(num_compare(x, y)))
    });
    r.add("Double_isNaN", |p, a| ret_bool(p, double_recv(a).is_nan()));
    r.add("Double_isInfinite", |p, a| {
        ret_bool(p, double_recv(a).is_infinite())
    });
    r.add("Double_isNegative", |p, a| {
        let d = double_recv(a);
        ret_bool(p, d < 0.0 || (d == 0.0 && d.is_sign_negative()))
    });
    r.add("Double_round", |p, a| {
        to_int(p, dn::double_round(double_recv(a)))
    });
    r.add("Double_floor", |p, a| {
        to_int(p, dn::double_floor(double_recv(a)))
    });
    r.add("Double_ceil", |p, a| {
        to_int(p, dn::double_ceil(double_recv(a)))
    });
    r.add("Double_truncate", |p, a| {
        to_int(p, dn::double_truncate(double_recv(a)))
    });
    r.add("Double_roundToDouble", |p, a| {
        dbl(p, dn::double_round_to_double(double_recv(a)))
    });
    r.add("Double_floorToDouble", |p, a| {
        dbl(p, dn::double_floor_to_double(double_recv(a)))
    });
    r.add("Double_ceilToDouble", |p, a| {
        dbl(p, dn::double_ceil_to_double(double_recv(a)))
    });
    r.add("Double_truncateToDouble", |p, a| {
        dbl(p, dn::double_truncate_to_double(double_recv(a)))
    });
    r.add("Double_tryParse", |p, a| {
        let src = string_arg(a, 0)?;
        match dn::double_try_parse_utf16(&src) {
            Some(d) => dbl(p, d),
            None => Ok(iso(p).null()),
        }
    });
}

fn math1(a: &NativeArgs, f: fn(f64) -> f64) -> Result<f64, NativeError> {
    Ok(f(num_arg(a, 0, "num")?.to_f64()))
}

fn register_math(r: &mut NativeRegistry) {
    r.add("Math_sqrt", |p, a| dbl(p, math1(a, f64::sqrt)?));
    r.add("Math_sin", |p, a| dbl(p, math1(a, f64::sin)?));
    r.add("Math_cos", |p, a| dbl(p, math1(a, f64::cos)?));
    r.add("Math_tan", |p, a| dbl(p, math1(a, f64::tan)?));
    r.add("Math_asin", |p, a| dbl(p, math1(a, f64::asin)?));
    r.add("Math_acos", |p, a| dbl(p, math1(a, f64::acos)?));
    r.add("Math_atan", |p, a| dbl(p, math1(a, f64::atan)?));
    r.add("Math_exp", |p, a| dbl(p, math1(a, f64::exp)?));
    r.add("Math_log", |p, a| dbl(p, math1(a, f64::ln)?));
    r.add("Math_atan2", |p, a| {
        let y = num_arg(a, 0, "num")?.to_f64();
        let x = num_arg(a, 1, "num")?.to_f64();
        dbl(p, y.atan2(x))
    });
    r.add("Math_pow", |p, a| {
        let x = num_arg(a, 0, "num")?;
        let y = num_arg(a, 1, "num")?;
        match (x, y) {
            (Num::Int(b), Num::Int(e)) if e >= 0 => ret_num(p, Num::Int(dn::int_pow(b, e as u64))),
            _ => dbl(p, dn::double_pow(x.to_f64(), y.to_f64())),
        }
    });
}
