//! Dart `int` operations on 64-bit two's-complement values: wrapping arithmetic, `~/`,
//! `%` and `remainder` with Dart's signs and division-by-zero exception, the shift
//! operators' count rules, and the `int` methods `pow`, `gcd`, `modPow`, `modInverse`,
//! `bitLength`, `toUnsigned`, `toSigned` (sdk/lib/_internal/vm/lib/integers.dart,
//! runtime/lib/integers.cc, runtime/vm/object.cc `Integer::ShiftOp`).

use super::error::NumError;

/// `a + b`, wrapping at 64 bits.
pub fn int_add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// `a - b`, wrapping at 64 bits.
pub fn int_sub(a: i64, b: i64) -> i64 {
    a.wrapping_sub(b)
}

/// `a * b`, wrapping at 64 bits.
pub fn int_mul(a: i64, b: i64) -> i64 {
    a.wrapping_mul(b)
}

/// `-a` (`-(-2^63)` is `-2^63`).
pub fn int_neg(a: i64) -> i64 {
    a.wrapping_neg()
}

/// `a.abs()` (`(-2^63).abs()` is `-2^63`).
pub fn int_abs(a: i64) -> i64 {
    a.wrapping_abs()
}

/// `a.sign`: -1, 0 or 1.
pub fn int_sign(a: i64) -> i64 {
    a.signum()
}

/// `a ~/ b`: truncating division; `-2^63 ~/ -1` wraps to `-2^63`.
pub fn int_div(a: i64, b: i64) -> Result<i64, NumError> {
    if b == 0 {
        return Err(NumError::IntegerDivisionByZero);
    }
    Ok(a.wrapping_div(b))
}

/// `a % b`: the Euclidean modulo, never negative for any non-zero `b`.
pub fn int_mod(a: i64, b: i64) -> Result<i64, NumError> {
    if b == 0 {
        return Err(NumError::IntegerDivisionByZero);
    }
    let r = a.wrapping_rem(b);
    Ok(if r < 0 {
        if b < 0 {
            r.wrapping_sub(b)
        } else {
            r.wrapping_add(b)
        }
    } else {
        r
    })
}

/// `a.remainder(b)`: the truncating remainder, with the sign of `a`
/// (`a - (a ~/ b) * b`, so a zero `b` throws from the `~/`).
pub fn int_remainder(a: i64, b: i64) -> Result<i64, NumError> {
    if b == 0 {
        return Err(NumError::IntegerDivisionByZero);
    }
    Ok(a.wrapping_rem(b))
}

/// The VM throws `ArgumentError(count)` for a negative shift count.
fn check_shift_count(count: i64) -> Result<u64, NumError> {
    if count < 0 {
        Err(NumError::Argument {
            message: count.to_string(),
        })
    } else {
        Ok(count as u64)
    }
}

/// `a << count`: bits shifted past bit 63 are lost; counts of 64 or more give 0.
pub fn int_shl(a: i64, count: i64) -> Result<i64, NumError> {
    let count = check_shift_count(count)?;
    Ok(if count >= 64 {
        0
    } else {
        ((a as u64) << count) as i64
    })
}

/// `a >> count`: arithmetic; counts of 63 or more give 0 or -1.
pub fn int_shr(a: i64, count: i64) -> Result<i64, NumError> {
    let count = check_shift_count(count)?;
    Ok(a >> count.min(63))
}

/// `a >>> count`: logical; counts of 64 or more give 0.
pub fn int_ushr(a: i64, count: i64) -> Result<i64, NumError> {
    let count = check_shift_count(count)?;
    Ok(if count >= 64 {
        0
    } else {
        ((a as u64) >> count) as i64
    })
}

/// `~a`.
pub fn int_bit_not(a: i64) -> i64 {
    !a
}

/// `a.bitLength`: the bits needed to store `a` in two's complement, without the sign bit
/// (`(-1).bitLength == 0`, `(-2^63).bitLength == 63`).
pub fn int_bit_length(a: i64) -> i64 {
    let v = a ^ (a >> 63);
    64 - i64::from(v.leading_zeros())
}

/// `a.toUnsigned(width)` = `a & ((1 << width) - 1)`; a negative width throws the shift's
/// `ArgumentError`, widths of 64 and more return `a` unchanged.
pub fn int_to_unsigned(a: i64, width: i64) -> Result<i64, NumError> {
    let mask = int_shl(1, width)?.wrapping_sub(1);
    Ok(a & mask)
}

/// `a.toSigned(width)`: the low `width` bits read as a two's-complement number. A width
/// of 0 or less throws the shift's `ArgumentError(width - 1)`; widths above 64 return `a`.
pub fn int_to_signed(a: i64, width: i64) -> Result<i64, NumError> {
    let sign_mask = int_shl(1, width.wrapping_sub(1))?;
    Ok((a & sign_mask.wrapping_sub(1)).wrapping_sub(a & sign_mask))
}

/// `pow(base, exponent)` from dart:math for an `int` base and a non-negative `int`
/// exponent (`_intPow`): exponentiation by squaring, wrapping at 64 bits.
pub fn int_pow(base: i64, exponent: u64) -> i64 {
    let mut result: i64 = 1;
    let mut base = base;
    let mut e = exponent;
    while e != 0 {
        if e & 1 == 1 {
            result = result.wrapping_mul(base);
        }
        e >>= 1;
        if e != 0 {
            base = base.wrapping_mul(base);
        }
    }
    result
}

/// `a.gcd(b)`: the greatest common divisor of `|a|` and `|b|`; `gcd(0, 0) == 0`.
///
/// The result is computed on the unsigned magnitudes, so `gcd(-2^63, 0)` is `2^63`, which
/// wraps to `-2^63` as in the VM. (The VM's binary GCD never terminates for `-2^63` with a
/// non-zero odd-ish partner; here those return the mathematical answer.)
pub fn int_gcd(a: i64, b: i64) -> i64 {
    let mut x = a.unsigned_abs();
    let mut y = b.unsigned_abs();
    while y != 0 {
        let t = x % y;
        x = y;
        y = t;
    }
    x as i64
}

/// `a.modPow(exponent, modulus)`: `a^exponent mod modulus` in `0..modulus`, except that
/// a zero exponent gives 1 even for modulus 1 (the VM checks `e == 0` first).
pub fn int_mod_pow(a: i64, exponent: i64, modulus: i64) -> Result<i64, NumError> {
    if exponent < 0 {
        return Err(NumError::range(exponent, Some(0), None, "exponent", None));
    }
    if modulus <= 0 {
        return Err(NumError::range(modulus, Some(1), None, "modulus", None));
    }
    if exponent == 0 {
        return Ok(1);
    }
    let m = modulus as u128;
    let mut base = (a as i128).rem_euclid(modulus as i128) as u128;
    let mut result: u128 = 1 % m;
    let mut e = exponent as u64;
    while e > 0 {
        if e & 1 == 1 {
            result = result * base % m;
        }
        e >>= 1;
        base = base * base % m;
    }
    Ok(result as i64)
}

/// `a.modInverse(modulus)`: the `x` in `0..modulus` with `a * x ≡ 1 (mod modulus)`;
/// `Exception("Not coprime")` when there is none, 0 for modulus 1.
pub fn int_mod_inverse(a: i64, modulus: i64) -> Result<i64, NumError> {
    if modulus <= 0 {
        return Err(NumError::range(modulus, Some(1), None, "modulus", None));
    }
    if modulus == 1 {
        return Ok(0);
    }
    let not_coprime = || NumError::Exception {
        message: "Not coprime".to_string(),
    };
    let m = modulus as i128;
    let t = (a as i128).rem_euclid(m);
    if t == 1 {
        return Ok(1);
    }
    if t == 0 || (t % 2 == 0 && m % 2 == 0) {
        return Err(not_coprime());
    }
    // Extended Euclid on (m, t).
    let (mut old_r, mut r) = (t, m);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    if old_r != 1 {
        return Err(not_coprime());
    }
    Ok(old_s.rem_euclid(m) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_wraps() {
        assert_eq!(int_add(i64::MAX, 1), i64::MIN);
        assert_eq!(int_sub(i64::MIN, 1), i64::MAX);
        assert_eq!(int_mul(i64::MAX, 2), -2);
        assert_eq!(int_neg(i64::MIN), i64::MIN);
        assert_eq!(int_abs(i64::MIN), i64::MIN);
        assert_eq!(int_abs(-5), 5);
        assert_eq!(int_sign(-7), -1);
        assert_eq!(int_sign(0), 0);
        assert_eq!(int_bit_not(0), -1);
    }

    #[test]
    fn division_family() {
        // Derived from the definitions: ~/ truncates, % is Euclidean, remainder keeps
        // the dividend's sign.
        assert_eq!(int_div(7, 2).unwrap(), 3);
        assert_eq!(int_div(-7, 2).unwrap(), -3);
        assert_eq!(int_div(7, -2).unwrap(), -3);
        assert_eq!(int_div(i64::MIN, -1).unwrap(), i64::MIN);
        assert_eq!(int_mod(5, 3).unwrap(), 2);
        assert_eq!(int_mod(-5, 3).unwrap(), 1);
        assert_eq!(int_mod(5, -3).unwrap(), 2);
        assert_eq!(int_mod(-5, -3).unwrap(), 1);
        assert_eq!(int_mod(i64::MIN, -1).unwrap(), 0);
        assert_eq!(int_mod(-1, i64::MIN).unwrap(), i64::MAX);
        assert_eq!(int_mod(i64::MIN, i64::MIN).unwrap(), 0);
        assert_eq!(int_remainder(5, 3).unwrap(), 2);
        assert_eq!(int_remainder(-5, 3).unwrap(), -2);
        assert_eq!(int_remainder(5, -3).unwrap(), 2);
        assert_eq!(int_remainder(-5, -3).unwrap(), -2);
        assert_eq!(int_remainder(i64::MIN, -1).unwrap(), 0);
        for r in [int_div(1, 0), int_mod(1, 0), int_remainder(1, 0)] {
            assert_eq!(r.unwrap_err().to_string(), "IntegerDivisionByZeroException");
        }
    }

    #[test]
    fn shifts() {
        assert_eq!(int_shl(1, 3).unwrap(), 8);
        assert_eq!(int_shl(1, 63).unwrap(), i64::MIN);
        assert_eq!(int_shl(1, 64).unwrap(), 0);
        assert_eq!(int_shl(-1, 1000).unwrap(), 0);
        assert_eq!(int_shl(3, 62).unwrap(), i64::MIN + (1 << 62));
        assert_eq!(int_shr(-16, 2).unwrap(), -4);
        assert_eq!(int_shr(-1, 1000).unwrap(), -1);
        assert_eq!(int_shr(i64::MAX, 63).unwrap(), 0);
        assert_eq!(int_shr(i64::MIN, 64).unwrap(), -1);
        assert_eq!(int_ushr(-1, 60).unwrap(), 15);
        assert_eq!(int_ushr(-1, 0).unwrap(), -1);
        assert_eq!(int_ushr(-1, 64).unwrap(), 0);
        assert_eq!(int_ushr(-16, 2).unwrap(), 0x3FFF_FFFF_FFFF_FFFC);
        for r in [int_shl(1, -1), int_shr(1, -1), int_ushr(1, -1)] {
            assert_eq!(r.unwrap_err().to_string(), "Invalid argument(s): -1");
        }
    }

    #[test]
    fn bit_length() {
        // api.dart.dev int.bitLength examples.
        assert_eq!(int_bit_length(0), 0);
        assert_eq!(int_bit_length(1), 1);
        assert_eq!(int_bit_length(2), 2);
        assert_eq!(int_bit_length(3), 2);
        assert_eq!(int_bit_length(4), 3);
        assert_eq!(int_bit_length(-1), 0);
        assert_eq!(int_bit_length(-2), 1);
        assert_eq!(int_bit_length(-3), 2);
        assert_eq!(int_bit_length(-4), 2);
        assert_eq!(int_bit_length(i64::MAX), 63);
        assert_eq!(int_bit_length(i64::MIN), 63);
    }

    #[test]
    fn to_unsigned_and_signed() {
        // Derived from integers.dart's definitions (mask / sign-bit arithmetic).
        assert_eq!(int_to_unsigned(-1, 5).unwrap(), 31);
        assert_eq!(int_to_unsigned(300, 8).unwrap(), 44);
        assert_eq!(int_to_signed(255, 8).unwrap(), -1);
        assert_eq!(int_to_signed(127, 8).unwrap(), 127);
        assert_eq!(int_to_signed(128, 8).unwrap(), -128);
        assert_eq!(int_to_signed(-129, 8).unwrap(), 127);
        assert_eq!(int_to_signed(0x1ff, 9).unwrap(), -1);
        assert_eq!(int_to_unsigned(-1, 64).unwrap(), -1);
        assert_eq!(int_to_unsigned(-1, 100).unwrap(), -1);
        assert_eq!(int_to_unsigned(-1, 63).unwrap(), i64::MAX);
        assert_eq!(int_to_unsigned(-1, 0).unwrap(), 0);
        assert_eq!(int_to_signed(i64::MIN, 64).unwrap(), i64::MIN);
        assert_eq!(int_to_signed(-5, 65).unwrap(), -5);
        assert_eq!(int_to_signed(1, 1).unwrap(), -1);
        assert_eq!(
            int_to_unsigned(1, -1).unwrap_err().to_string(),
            "Invalid argument(s): -1"
        );
        assert_eq!(
            int_to_signed(1, 0).unwrap_err().to_string(),
            "Invalid argument(s): -1"
        );
    }

    #[test]
    fn power() {
        assert_eq!(int_pow(2, 10), 1024);
        assert_eq!(int_pow(-3, 3), -27);
        assert_eq!(int_pow(0, 0), 1);
        assert_eq!(int_pow(7, 0), 1);
        assert_eq!(int_pow(2, 63), i64::MIN);
        assert_eq!(int_pow(2, 64), 0);
        assert_eq!(int_pow(3, 40), 3i64.wrapping_pow(40));
        assert_eq!(int_pow(10, 19), 10i64.wrapping_pow(19));
    }

    #[test]
    fn gcd() {
        // Derived (gcd of absolute values).
        assert_eq!(int_gcd(4, 2), 2);
        assert_eq!(int_gcd(8, 2), 2);
        assert_eq!(int_gcd(10, 2), 2);
        assert_eq!(int_gcd(10, 0), 10);
        assert_eq!(int_gcd(-2, -3), 1);
        assert_eq!(int_gcd(0, 0), 0);
        assert_eq!(int_gcd(-12, 18), 6);
        assert_eq!(int_gcd(i64::MIN, 0), i64::MIN);
        assert_eq!(int_gcd(i64::MIN, 6), 2);
    }

    #[test]
    fn mod_pow_and_inverse() {
        assert_eq!(int_mod_pow(4, 13, 497).unwrap(), 445);
        assert_eq!(int_mod_pow(-2, 3, 5).unwrap(), 2);
        assert_eq!(int_mod_pow(5, 0, 1).unwrap(), 1);
        assert_eq!(int_mod_pow(5, 3, 1).unwrap(), 0);
        assert_eq!(int_mod_pow(2, 62, i64::MAX).unwrap(), 1 << 62);
        assert_eq!(int_mod_pow(2, 63, i64::MAX).unwrap(), 1);
        assert_eq!(int_mod_pow(i64::MAX, 2, i64::MAX - 1).unwrap(), 1);
        assert_eq!(
            int_mod_pow(2, -1, 5).unwrap_err().to_string(),
            "RangeError (exponent): Invalid value: Not greater than or equal to 0: -1"
        );
        assert_eq!(
            int_mod_pow(2, 1, 0).unwrap_err().to_string(),
            "RangeError (modulus): Invalid value: Not greater than or equal to 1: 0"
        );
        assert_eq!(int_mod_inverse(3, 7).unwrap(), 5);
        assert_eq!(int_mod_inverse(-3, 7).unwrap(), 2);
        assert_eq!(int_mod_inverse(10, 17).unwrap(), 12);
        assert_eq!(int_mod_inverse(5, 1).unwrap(), 0);
        assert_eq!(int_mod_inverse(8, 7).unwrap(), 1);
        assert_eq!(int_mod_inverse(2, i64::MAX).unwrap(), (i64::MAX >> 1) + 1);
        assert_eq!(
            int_mod_inverse(4, 8).unwrap_err().to_string(),
            "Exception: Not coprime"
        );
        assert_eq!(
            int_mod_inverse(3, 9).unwrap_err().to_string(),
            "Exception: Not coprime"
        );
        assert_eq!(
            int_mod_inverse(3, -9).unwrap_err().to_string(),
            "RangeError (modulus): Invalid value: Not greater than or equal to 1: -9"
        );
    }
}
