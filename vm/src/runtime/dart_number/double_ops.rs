//! Dart `double` operations whose results differ from plain IEEE or Rust defaults:
//! conversion to `int` (saturating, throwing on NaN/Infinity), `round()` half away from
//! zero, `%` (`DartModulo`), `remainder` (`fmod`), `~/`, `abs`, `sign` and
//! dart:math `pow` (sdk/lib/_internal/vm/lib/double.dart, math_patch.dart,
//! runtime/lib/double.cc, runtime/vm/double_conversion.cc `DoubleToInteger`).

use super::error::NumError;

/// `toInt()` / `truncate()`: truncates toward zero, saturating at the `int` range;
/// NaN and the infinities throw `UnsupportedError("Infinity or NaN toInt")`.
pub fn double_to_int(x: f64) -> Result<i64, NumError> {
    if !x.is_finite() {
        return Err(NumError::infinity_or_nan_to_int());
    }
    // Rust's float-to-int cast truncates and saturates exactly as the VM's
    // `val <= kMinInt64 ? kMinInt64 : val >= kMaxInt64 ? kMaxInt64 : (int64_t)val`.
    Ok(x as i64)
}

/// `truncate()` (same as [`double_to_int`]).
pub fn double_truncate(x: f64) -> Result<i64, NumError> {
    double_to_int(x)
}

/// `round()`: nearest integer, halves away from zero (`roundToDouble().toInt()`).
pub fn double_round(x: f64) -> Result<i64, NumError> {
    double_to_int(x.round())
}

/// `floor()`.
pub fn double_floor(x: f64) -> Result<i64, NumError> {
    double_to_int(x.floor())
}

/// `ceil()`.
pub fn double_ceil(x: f64) -> Result<i64, NumError> {
    double_to_int(x.ceil())
}

/// `roundToDouble()`: C `round`, halves away from zero, keeping the sign of zero.
pub fn double_round_to_double(x: f64) -> f64 {
    x.round()
}

/// `floorToDouble()`.
pub fn double_floor_to_double(x: f64) -> f64 {
    x.floor()
}

/// `ceilToDouble()`.
pub fn double_ceil_to_double(x: f64) -> f64 {
    x.ceil()
}

/// `truncateToDouble()`.
pub fn double_truncate_to_double(x: f64) -> f64 {
    x.trunc()
}

/// `a % b` on doubles (the VM's `DartModulo`): `fmod`, then a zero result becomes +0.0
/// and a negative one is moved into `[0, |b|)` by adding `|b|`.
pub fn double_modulo(a: f64, b: f64) -> f64 {
    let r = a % b;
    if r == 0.0 {
        0.0
    } else if r < 0.0 {
        if b < 0.0 {
            r - b
        } else {
            r + b
        }
    } else {
        r
    }
}

/// `a.remainder(b)` on doubles: C `fmod`, with the sign of `a`.
pub fn double_remainder(a: f64, b: f64) -> f64 {
    a % b
}

/// `a ~/ b` with a double operand: `(a / b).truncate()`.
pub fn double_trunc_div(a: f64, b: f64) -> Result<i64, NumError> {
    double_to_int(a / b)
}

/// `abs()`: `-0.0.abs()` is `0.0`; a NaN comes back unchanged (sign bit included).
pub fn double_abs(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else if x < 0.0 {
        -x
    } else {
        x
    }
}

/// `sign`: 1.0, -1.0, or the value itself for ±0.0 and NaN.
pub fn double_sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        x
    }
}

/// dart:math `pow` when either operand is a double (`_doublePow`): ECMA-262 special cases
/// first (`x^0 == 1`, `1^y == 1`, NaN in gives NaN, `x^0.5` is `sqrt` except for -Infinity
/// and with `(-0.0)^0.5 == 0.0`), then C `pow`.
pub fn double_pow(base: f64, exponent: f64) -> f64 {
    if exponent == 0.0 {
        return 1.0;
    }
    if exponent == 1.0 {
        return base;
    }
    if exponent == 2.0 {
        return base * base;
    }
    if exponent == 3.0 {
        return base * base * base;
    }
    if base == 1.0 {
        return 1.0;
    }
    if base.is_nan() || exponent.is_nan() {
        return f64::NAN;
    }
    if base != f64::NEG_INFINITY && exponent == 0.5 {
        if base == 0.0 {
            return 0.0;
        }
        return base.sqrt();
    }
    base.powf(exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNSUPPORTED: &str = "Unsupported operation: Infinity or NaN toInt";

    #[test]
    fn to_int_family() {
        assert_eq!(double_to_int(3.99).unwrap(), 3);
        assert_eq!(double_to_int(-3.99).unwrap(), -3);
        assert_eq!(double_to_int(-0.0).unwrap(), 0);
        assert_eq!(double_to_int(1e300).unwrap(), i64::MAX);
        assert_eq!(double_to_int(-1e300).unwrap(), i64::MIN);
        assert_eq!(double_to_int(9223372036854775807.0).unwrap(), i64::MAX);
        assert_eq!(double_to_int(-9223372036854775808.0).unwrap(), i64::MIN);
        assert_eq!(double_to_int(9007199254740993.0).unwrap(), 9007199254740992);
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for r in [
                double_to_int(x),
                double_round(x),
                double_floor(x),
                double_ceil(x),
                double_truncate(x),
            ] {
                assert_eq!(r.unwrap_err().to_string(), UNSUPPORTED);
            }
        }
        // Half away from zero, per api.dart.dev double.roundToDouble ("(3.5) == 4 and
        // (-3.5) == -4"); the rest derived from C round/floor/ceil.
        assert_eq!(double_round(3.7).unwrap(), 4);
        assert_eq!(double_round(3.5).unwrap(), 4);
        assert_eq!(double_round(3.2).unwrap(), 3);
        assert_eq!(double_round(-3.5).unwrap(), -4);
        assert_eq!(double_round(-3.7).unwrap(), -4);
        assert_eq!(double_round(-3.2).unwrap(), -3);
        assert_eq!(double_round(2.5).unwrap(), 3);
        assert_eq!(double_round(0.49999999999999994).unwrap(), 0);
        assert_eq!(double_floor(-3.2).unwrap(), -4);
        assert_eq!(double_ceil(-3.7).unwrap(), -3);
        assert_eq!(double_ceil(3.2).unwrap(), 4);
        assert_eq!(double_truncate(-3.7).unwrap(), -3);
    }

    #[test]
    fn to_double_rounding_keeps_zero_sign() {
        // api.dart.dev double.roundToDouble examples, and its "-0.5 < d < 0.0 gives -0.0".
        assert_eq!(double_round_to_double(3.0), 3.0);
        assert_eq!(double_round_to_double(3.25), 3.0);
        assert_eq!(double_round_to_double(3.5), 4.0);
        assert_eq!(double_round_to_double(3.75), 4.0);
        assert_eq!(double_round_to_double(-3.5), -4.0);
        assert!(double_round_to_double(-0.4).is_sign_negative());
        assert_eq!(double_round_to_double(-0.5), -1.0);
        assert_eq!(double_round_to_double(0.5), 1.0);
        assert_eq!(double_floor_to_double(-0.5), -1.0);
        assert!(double_ceil_to_double(-0.5).is_sign_negative());
        assert!(double_truncate_to_double(-0.5).is_sign_negative());
        assert!(double_round_to_double(f64::NAN).is_nan());
        assert_eq!(double_round_to_double(f64::INFINITY), f64::INFINITY);
    }

    #[test]
    fn modulo_and_remainder() {
        assert_eq!(double_modulo(5.5, 2.0), 1.5);
        assert_eq!(double_modulo(-5.5, 2.0), 0.5);
        assert_eq!(double_modulo(-5.5, -2.0), 0.5);
        assert_eq!(double_modulo(5.5, -2.0), 1.5);
        assert!(double_modulo(-0.0, 1.0).is_sign_positive());
        assert!(double_modulo(-4.0, 2.0).is_sign_positive());
        assert!(double_modulo(1.0, 0.0).is_nan());
        assert!(double_modulo(f64::INFINITY, 2.0).is_nan());
        assert_eq!(double_modulo(-1.0, f64::INFINITY), f64::INFINITY);
        assert_eq!(double_modulo(1.0, f64::INFINITY), 1.0);
        assert_eq!(double_remainder(-5.5, 2.0), -1.5);
        assert_eq!(double_remainder(5.5, -2.0), 1.5);
        assert!(double_remainder(-0.0, 1.0).is_sign_negative());
        assert!(double_remainder(1.0, 0.0).is_nan());
    }

    #[test]
    fn trunc_div() {
        assert_eq!(double_trunc_div(7.0, 2.0).unwrap(), 3);
        assert_eq!(double_trunc_div(-7.0, 2.0).unwrap(), -3);
        assert_eq!(double_trunc_div(1e300, 1e-5).unwrap(), i64::MAX);
        assert_eq!(
            double_trunc_div(1.0, 0.0).unwrap_err().to_string(),
            UNSUPPORTED
        );
        assert_eq!(
            double_trunc_div(0.0, 0.0).unwrap_err().to_string(),
            UNSUPPORTED
        );
    }

    #[test]
    fn abs_and_sign() {
        assert!(double_abs(-0.0).is_sign_positive());
        assert_eq!(double_abs(-2.5), 2.5);
        assert!(double_abs(-f64::NAN).is_nan());
        assert!(double_abs(-f64::NAN).is_sign_negative());
        assert_eq!(double_sign(-3.0), -1.0);
        assert_eq!(double_sign(3.0), 1.0);
        assert!(double_sign(-0.0).is_sign_negative());
        assert!(double_sign(f64::NAN).is_nan());
    }

    #[test]
    fn pow() {
        assert_eq!(double_pow(f64::NAN, 0.0), 1.0);
        assert_eq!(double_pow(1.0, f64::NAN), 1.0);
        assert!(double_pow(2.0, f64::NAN).is_nan());
        assert!(double_pow(f64::NAN, 2.0).is_nan());
        assert_eq!(double_pow(-0.0, 0.5), 0.0);
        assert!(double_pow(-0.0, 0.5).is_sign_positive());
        assert_eq!(double_pow(f64::NEG_INFINITY, 0.5), f64::INFINITY);
        assert!(double_pow(-4.0, 0.5).is_nan());
        assert_eq!(double_pow(4.0, 0.5), 2.0);
        assert_eq!(double_pow(2.0, -1.0), 0.5);
        assert_eq!(double_pow(2.0, 10.0), 1024.0);
        assert_eq!(double_pow(-1.0, f64::INFINITY), 1.0);
        assert_eq!(double_pow(0.0, -1.0), f64::INFINITY);
        assert_eq!(double_pow(3.0, 3.0), 27.0);
    }
}
