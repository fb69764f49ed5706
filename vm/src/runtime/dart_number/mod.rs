//! Dart number semantics, bit-for-bit as the Dart VM has them: formatting
//! (`double.toString`, `toStringAsFixed`/`Exponential`/`Precision`, `int.toRadixString`),
//! parsing (`int.parse`, `double.parse`, `num.parse` with their whitespace rules, limits
//! and `FormatException` texts), integer and double operations whose Dart results differ
//! from Rust's defaults (Euclidean `%`, shift counts, saturating `toInt`, ...), and the
//! VM's seeded `Random`.
//!
//! Everything here is a pure function of its arguments, with no VM types, so the
//! runtime's natives and the compiler's constant folder can share it. Operations that
//! throw in Dart return a [`NumError`] describing the Dart error object, whose
//! [`NumError::dart_to_string`] is what the VM's `toString()` prints. Nothing here
//! panics on any input.
//!
//! The behaviour follows the VM's sources (runtime/vm/double_conversion.cc,
//! runtime/lib/{double,integers,math}.cc, sdk/lib/_internal/vm/lib/{double,
//! double_patch,integers,integers_patch,math_patch}.dart, sdk/lib/core/{errors,
//! exceptions,num}.dart); the tests quote the SDK's own test expectations where they
//! exist.

mod decimal;
mod double_ops;
mod error;
mod format;
mod int_ops;
mod parse;
mod random;

pub use double_ops::{
    double_abs, double_ceil, double_ceil_to_double, double_floor, double_floor_to_double,
    double_modulo, double_pow, double_remainder, double_round, double_round_to_double, double_sign,
    double_to_int, double_trunc_div, double_truncate, double_truncate_to_double,
};
pub use error::{format_exception_to_string, FormatExceptionInfo, NumError, RangeErrorInfo};
pub use format::{
    double_to_string, int_to_radix_string, to_string_as_exponential, to_string_as_fixed,
    to_string_as_precision,
};
pub use int_ops::{
    int_abs, int_add, int_bit_length, int_bit_not, int_div, int_gcd, int_mod, int_mod_inverse,
    int_mod_pow, int_mul, int_neg, int_pow, int_remainder, int_shl, int_shr, int_sign, int_sub,
    int_to_signed, int_to_unsigned, int_ushr,
};
pub use parse::{
    double_parse, double_parse_utf16, double_try_parse, double_try_parse_utf16, int_parse,
    int_parse_utf16, int_try_parse, int_try_parse_utf16, is_dart_whitespace, num_parse,
    num_parse_utf16, num_try_parse, num_try_parse_utf16, DartNum,
};
pub use random::DartRandom;

/// `num.toString()` for a [`DartNum`]: decimal for ints, [`double_to_string`] for doubles.
pub fn num_to_string(n: DartNum) -> String {
    match n {
        DartNum::Int(i) => i.to_string(),
        DartNum::Double(d) => double_to_string(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        // num.parse(n.toString()) is identical to n (api.dart.dev num.parse).
        for d in [
            0.1,
            -0.0,
            1e21,
            1e-7,
            5e-324,
            f64::MAX,
            123456789012345680000.0,
            0.30000000000000004,
            2.2250738585072014e-308,
        ] {
            let s = double_to_string(d);
            match num_parse(&s).unwrap() {
                DartNum::Double(back) => assert_eq!(back.to_bits(), d.to_bits(), "{s}"),
                DartNum::Int(i) => panic!("{s} parsed as int {i}"),
            }
        }
        for i in [0i64, -1, i64::MAX, i64::MIN, 42] {
            assert_eq!(
                num_parse(&num_to_string(DartNum::Int(i))).unwrap(),
                DartNum::Int(i)
            );
            for radix in 2..=36 {
                let s = int_to_radix_string(i, radix).unwrap();
                assert_eq!(int_parse(&s, Some(radix)).unwrap(), i, "{s}/{radix}");
            }
        }
        assert_eq!(num_to_string(DartNum::Double(1.0)), "1.0");
    }

    /// A cheap deterministic stream of bit patterns covering every double class.
    fn patterns() -> impl Iterator<Item = u64> {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..4000).map(move |_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
    }

    #[test]
    fn shortest_round_trips_and_never_panics() {
        for bits in patterns() {
            let d = f64::from_bits(bits);
            let s = double_to_string(d);
            if d.is_nan() {
                assert_eq!(s, "NaN");
                continue;
            }
            let back = double_parse(&s).unwrap();
            assert_eq!(back.to_bits(), d.to_bits(), "{s}");
            for f in [0, 1, 7, 20] {
                // Exactness of these is checked against Rust's exact formatter in
                // format.rs; here every bit pattern just has to produce a parseable string.
                let fixed = to_string_as_fixed(d, f).unwrap();
                assert!(double_parse(&fixed).is_ok(), "{fixed}");
                let _ = to_string_as_exponential(d, Some(f)).unwrap();
            }
            for p in [1, 2, 17, 21] {
                let _ = to_string_as_precision(d, p).unwrap();
            }
            let _ = to_string_as_exponential(d, None).unwrap();
        }
    }

    #[test]
    fn parsers_never_panic() {
        let samples = [
            "",
            " ",
            "+",
            "-",
            "0x",
            "-0x",
            "0X",
            "0xg",
            "١",
            "\u{0}",
            "1e",
            "1e+",
            ".",
            "..",
            "e",
            "NaN",
            "-Infinity",
            "+Infinity",
            "Infinityx",
            "9".repeat(400).leak(),
            "0".repeat(400).leak(),
            "1_0",
            "\u{fffd}",
            "𝟘",
            "🙂1",
        ];
        for s in samples {
            let _ = int_parse(s, None);
            let _ = double_parse(s);
            let _ = num_parse(s);
            for r in [-1, 0, 1, 2, 10, 16, 36, 37, i64::MIN, i64::MAX] {
                let _ = int_parse(s, Some(r));
                let _ = int_try_parse(s, Some(r));
            }
        }
        // Error texts never panic either.
        let _ = int_parse("", Some(i64::MIN)).unwrap_err().to_string();
    }
}
