//! Number to string: `double.toString()`, `toStringAsFixed`, `toStringAsExponential`,
//! `toStringAsPrecision` and `int.toRadixString`, laid out exactly as the Dart VM lays
//! them out (its `DoubleToStringConverter` flags and thresholds from
//! runtime/vm/double_conversion.cc, its argument checks from
//! sdk/lib/_internal/vm/lib/double.dart and integers.dart).

use super::decimal::{self, Digits};
use super::error::NumError;

/// `double.toString()`: shortest round-trip digits; plain decimal notation when the
/// decimal exponent is in `-6..21` (with at least one digit after the point), exponential
/// otherwise; `NaN`, `Infinity`, `-Infinity`, and `-0.0` for negative zero.
pub fn double_to_string(x: f64) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    let d = if x == 0.0 {
        Digits::zero()
    } else {
        decimal::shortest(x)
    };
    let mut out = sign(x);
    let exponent = d.point - 1;
    if (-6..21).contains(&exponent) {
        let after = (d.digits.len() as i32 - d.point).max(0);
        decimal_representation(&mut out, &d, after, true);
    } else {
        exponential_representation(&mut out, &d.digits, exponent);
    }
    out
}

/// `double.toStringAsFixed(fractionDigits)`; `fractionDigits` must be in `0..=20`.
/// Values with magnitude `>= 1e21` (and the infinities) print as `toString()` does.
pub fn to_string_as_fixed(x: f64, fraction_digits: i64) -> Result<String, NumError> {
    if !(0..=20).contains(&fraction_digits) {
        return Err(NumError::range(
            fraction_digits,
            Some(0),
            Some(20),
            "fractionDigits",
            None,
        ));
    }
    if x.is_nan() {
        return Ok("NaN".to_string());
    }
    if x >= 1e21 || x <= -1e21 {
        return Ok(double_to_string(x));
    }
    let f = fraction_digits as i32;
    let d = decimal::round_fixed(&decimal::exact(x), f);
    let mut out = sign(x);
    decimal_representation(&mut out, &d, f, false);
    Ok(out)
}

/// `double.toStringAsExponential([fractionDigits])`; `None` means the shortest digits,
/// `Some(n)` needs `n` in `0..=20` and rounds the exact value half up.
pub fn to_string_as_exponential(x: f64, fraction_digits: Option<i64>) -> Result<String, NumError> {
    if let Some(f) = fraction_digits {
        if !(0..=20).contains(&f) {
            return Err(NumError::range(
                f,
                Some(0),
                Some(20),
                "fractionDigits",
                None,
            ));
        }
    }
    if let Some(s) = special(x) {
        return Ok(s);
    }
    let mut out = sign(x);
    match fraction_digits {
        None => {
            let d = if x == 0.0 {
                Digits::zero()
            } else {
                decimal::shortest(x)
            };
            exponential_representation(&mut out, &d.digits, d.point - 1);
        }
        Some(f) => {
            let count = f as usize + 1;
            let d = significant(x, count);
            let mut digits = d.digits.clone();
            digits.resize(count, b'0');
            exponential_representation(&mut out, &digits, d.point - 1);
        }
    }
    Ok(out)
}

/// `double.toStringAsPrecision(precision)`; `precision` must be in `1..=21`. Exponential
/// when the value needs more than 6 leading zeros after the point or has more integer
/// digits than `precision`.
pub fn to_string_as_precision(x: f64, precision: i64) -> Result<String, NumError> {
    if !(1..=21).contains(&precision) {
        return Err(NumError::range(
            precision,
            Some(1),
            Some(21),
            "precision",
            None,
        ));
    }
    if let Some(s) = special(x) {
        return Ok(s);
    }
    let p = precision as i32;
    let d = significant(x, p as usize);
    let mut out = sign(x);
    let as_exponential = -d.point + 1 > 6 || d.point - p > 0;
    if as_exponential {
        let mut digits = d.digits.clone();
        digits.resize(p as usize, b'0');
        exponential_representation(&mut out, &digits, d.point - 1);
    } else {
        decimal_representation(&mut out, &d, (p - d.point).max(0), false);
    }
    Ok(out)
}

/// `int.toRadixString(radix)`: digits `0-9a-z`, a leading `-` for negative values
/// (including `-9223372036854775808`).
pub fn int_to_radix_string(value: i64, radix: i64) -> Result<String, NumError> {
    if !(2..=36).contains(&radix) {
        return Err(NumError::range(radix, Some(2), Some(36), "radix", None));
    }
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let radix = radix as u64;
    let mut magnitude = value.unsigned_abs();
    let mut buf = Vec::with_capacity(65);
    loop {
        buf.push(DIGITS[(magnitude % radix) as usize]);
        magnitude /= radix;
        if magnitude == 0 {
            break;
        }
    }
    if value < 0 {
        buf.push(b'-');
    }
    buf.reverse();
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// The digits of `|x|` rounded to `count` significant digits (zero is `"0"`, point 1).
fn significant(x: f64, count: usize) -> Digits {
    if x == 0.0 {
        Digits::zero()
    } else {
        decimal::round_significant(&decimal::exact(x), count)
    }
}

fn special(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("NaN".to_string())
    } else if x == f64::INFINITY {
        Some("Infinity".to_string())
    } else if x == f64::NEG_INFINITY {
        Some("-Infinity".to_string())
    } else {
        None
    }
}

/// The sign prefix: Dart's converters never use double-conversion's UNIQUE_ZERO flag, so
/// negative zero keeps its minus sign in every format.
fn sign(x: f64) -> String {
    if x.is_sign_negative() {
        "-".to_string()
    } else {
        String::new()
    }
}

fn pad(out: &mut String, count: i32) {
    for _ in 0..count.max(0) {
        out.push('0');
    }
}

fn push_digits(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&b| b as char));
}

/// double-conversion's `CreateDecimalRepresentation`: the digits laid out around the
/// point, zero-padded to `after` fraction digits. `shortest_flags` adds the `.0` that
/// `toString()` (EMIT_TRAILING_DECIMAL_POINT | EMIT_TRAILING_ZERO_AFTER_POINT) puts on
/// integral values.
fn decimal_representation(out: &mut String, d: &Digits, after: i32, shortest_flags: bool) {
    let digits = &d.digits;
    let len = digits.len() as i32;
    let point = d.point;
    if point <= 0 {
        out.push('0');
        if after > 0 {
            out.push('.');
            pad(out, -point);
            push_digits(out, digits);
            pad(out, after + point - len);
        }
    } else if point >= len {
        push_digits(out, digits);
        pad(out, point - len);
        if after > 0 {
            out.push('.');
            pad(out, after);
        }
    } else {
        let split = point as usize;
        push_digits(out, &digits[..split]);
        out.push('.');
        push_digits(out, &digits[split..]);
        pad(out, after - (len - point));
    }
    if after == 0 && shortest_flags {
        out.push_str(".0");
    }
}

/// double-conversion's `CreateExponentialRepresentation` with EMIT_POSITIVE_EXPONENT_SIGN:
/// `d[.ddd]e±x`.
fn exponential_representation(out: &mut String, digits: &[u8], exponent: i32) {
    let Some((&first, rest)) = digits.split_first() else {
        out.push_str("0e+0");
        return;
    };
    out.push(first as char);
    if !rest.is_empty() {
        out.push('.');
        push_digits(out, rest);
    }
    out.push('e');
    if exponent < 0 {
        out.push('-');
    } else {
        out.push('+');
    }
    out.push_str(&exponent.unsigned_abs().to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(x: f64, f: i64) -> String {
        to_string_as_fixed(x, f).unwrap()
    }
    fn exp(x: f64, f: Option<i64>) -> String {
        to_string_as_exponential(x, f).unwrap()
    }
    fn prec(x: f64, p: i64) -> String {
        to_string_as_precision(x, p).unwrap()
    }

    #[test]
    fn to_string_brief_cases() {
        for (x, s) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (100.0, "100.0"),
            (1e21, "1e+21"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (123456789012345680000.0, "123456789012345680000.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::NAN, "NaN"),
            (-f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (-f64::MAX, "-1.7976931348623157e+308"),
            (1e20, "100000000000000000000.0"),
            (1e100, "1e+100"),
            (12.5, "12.5"),
            (-3.0, "-3.0"),
        ] {
            assert_eq!(double_to_string(x), s, "{x:e}");
        }
    }

    #[test]
    fn to_string_sdk_test() {
        // dart-lang/sdk tests/language/double/to_string_test.dart
        for (x, s) in [
            (90.12, "90.12"),
            (0.1, "0.1"),
            (0.01, "0.01"),
            (0.0123, "0.0123"),
            (1111111111111111111111.0, "1.1111111111111111e+21"),
            (11111111111111111111111.0, "1.1111111111111111e+22"),
            (0.00001, "0.00001"),
            (0.000001, "0.000001"),
            (0.0000001, "1e-7"),
            (0.00000012, "1.2e-7"),
            (0.000000123, "1.23e-7"),
            (0.00000001, "1e-8"),
            (0.000000012, "1.2e-8"),
            (0.0000000123, "1.23e-8"),
            (-0.0, "-0.0"),
            (-90.12, "-90.12"),
            (-0.1, "-0.1"),
            (-0.01, "-0.01"),
            (-0.0123, "-0.0123"),
            (-1111111111111111111111.0, "-1.1111111111111111e+21"),
            (-11111111111111111111111.0, "-1.1111111111111111e+22"),
            (-0.00001, "-0.00001"),
            (-0.000001, "-0.000001"),
            (-0.0000001, "-1e-7"),
            (-0.00000012, "-1.2e-7"),
            (-0.000000123, "-1.23e-7"),
            (-0.00000001, "-1e-8"),
            (-0.000000012, "-1.2e-8"),
            (-0.0000000123, "-1.23e-8"),
            (1000000000000000012800.0, "1e+21"),
            (-1000000000000000012800.0, "-1e+21"),
            (1000000000000000128000.0, "1.0000000000000001e+21"),
        ] {
            assert_eq!(double_to_string(x), s, "{x:e}");
        }
        // api.dart.dev num.toString examples.
        assert_eq!(
            double_to_string(111111111111111111111.0),
            "111111111111111110000.0"
        );
        assert_eq!(
            double_to_string(100000000000000000000.0),
            "100000000000000000000.0"
        );
        assert_eq!(double_to_string(12.345e67), "1.2345e+68");
        assert_eq!(double_to_string(9e59), "9e+59");
    }

    #[test]
    fn to_string_ties_round_to_even() {
        // Exactly halfway between two shortest candidates: the VM (double-conversion)
        // keeps the even last digit; node prints the same digits.
        for (x, s) in [
            // Exactly 1000000000000000.25.
            (1e15 + 0.3, "1000000000000000.2"),
            (-(1e15 + 0.3), "-1000000000000000.2"),
            // Exactly 1000000000000000.75: .7 is odd, so the tie goes up.
            (1e15 + 0.75, "1000000000000000.8"),
            // 2^-25 = 2.98023223876953125e-8.
            (2f64.powi(-25), "2.9802322387695312e-8"),
            // 2^-24 = 5.9604644775390625e-8: the lower candidate ...062 is outside the
            // power of two's narrower lower half-interval, so ...063 is the only one.
            (2f64.powi(-24), "5.960464477539063e-8"),
            // Exactly 0.0311222076416015625 and 112.624176025390625.
            (
                f64::from_bits(0x3f9f_de80_0000_0000),
                "0.031122207641601562",
            ),
            (f64::from_bits(0x405c_27f2_8000_0000), "112.62417602539062"),
        ] {
            assert_eq!(double_to_string(x), s, "{x:e}");
        }
        assert_eq!(exp(1e15 + 0.3, None), "1.0000000000000002e+15");
        assert_eq!(exp(2f64.powi(-25), None), "2.9802322387695312e-8");
    }

    /// `(negative, digits, exponent)` of a JavaScript or Dart number literal as printed by
    /// `toString` (`-1.5e-7`, `0.00012`, `1e+21`, `120.0`), `exponent` being that of the
    /// first digit, `digits` without leading or trailing zeros.
    fn digits_and_exponent(text: &str) -> (bool, String, i32) {
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match text.split_once('e') {
            Some((m, e)) => (m, e.parse::<i32>().unwrap()),
            None => (text, 0),
        };
        let integer_len = mantissa.split('.').next().unwrap().len() as i32;
        let all: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        let leading = (all.len() - all.trim_start_matches('0').len()) as i32;
        let digits = all.trim_matches('0').to_string();
        (negative, digits, exponent + integer_len - leading - 1)
    }

    #[test]
    fn to_string_matches_node() {
        // testdata/shortest_node.txt holds node 20's String(x) for ~2900 doubles: tie
        // cases, powers of two, random bit patterns (every exponent, subnormals
        // included), random magnitudes and binary fractions. V8 takes its shortest
        // digits from the same double-conversion code as the Dart VM; its layout differs
        // only in the `.0` Dart appends to integral values. Regenerate with
        // testdata/node_to_string.js.
        let table = include_str!("testdata/shortest_node.txt");
        let mut count = 0;
        for line in table.lines() {
            let (bits, node) = line.split_once(' ').unwrap();
            let x = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
            let dart = double_to_string(x);
            assert_eq!(
                digits_and_exponent(&dart),
                digits_and_exponent(node),
                "{bits}: dart {dart}, node {node}"
            );
            let integral = !node.contains(['.', 'e']);
            let node_as_dart = format!("{node}{}", if integral { ".0" } else { "" });
            assert_eq!(dart, node_as_dart, "{bits}");
            count += 1;
        }
        assert!(count > 2500, "only {count} rows");
    }

    #[test]
    fn fixed_sdk_test() {
        // dart-lang/sdk tests/language/double/to_string_as_fixed_test.dart
        let cases: &[(f64, i64, &str)] = &[
            (2.0, 3, "2.000"),
            (2.1, 3, "2.100"),
            (2.12, 3, "2.120"),
            (2.123, 3, "2.123"),
            (2.1239, 3, "2.124"),
            (f64::NAN, 3, "NaN"),
            (f64::INFINITY, 3, "Infinity"),
            (f64::NEG_INFINITY, 3, "-Infinity"),
            (1111111111111111111111.0, 8, "1.1111111111111111e+21"),
            (0.1, 1, "0.1"),
            (0.1, 2, "0.10"),
            (0.1, 3, "0.100"),
            (0.01, 2, "0.01"),
            (0.01, 3, "0.010"),
            (0.01, 4, "0.0100"),
            (0.001, 2, "0.00"),
            (0.001, 3, "0.001"),
            (0.001, 4, "0.0010"),
            (1.0, 4, "1.0000"),
            (1.0, 1, "1.0"),
            (1.0, 0, "1"),
            (12.0, 0, "12"),
            (1.1, 0, "1"),
            (12.1, 0, "12"),
            (1.12, 0, "1"),
            (12.12, 0, "12"),
            (0.0000006, 7, "0.0000006"),
            (0.00000006, 8, "0.00000006"),
            (0.00000006, 9, "0.000000060"),
            (0.00000006, 10, "0.0000000600"),
            (0.0, 0, "0"),
            (0.0, 1, "0.0"),
            (0.0, 2, "0.00"),
            (-0.1, 1, "-0.1"),
            (-0.1, 2, "-0.10"),
            (-0.1, 3, "-0.100"),
            (-0.01, 2, "-0.01"),
            (-0.01, 3, "-0.010"),
            (-0.01, 4, "-0.0100"),
            (-0.001, 2, "-0.00"),
            (-0.001, 3, "-0.001"),
            (-0.001, 4, "-0.0010"),
            (-1.0, 4, "-1.0000"),
            (-1.0, 1, "-1.0"),
            (-1.0, 0, "-1"),
            (-1.1, 0, "-1"),
            (-12.1, 0, "-12"),
            (-1.12, 0, "-1"),
            (-12.12, 0, "-12"),
            (-0.0000006, 7, "-0.0000006"),
            (-0.00000006, 8, "-0.00000006"),
            (-0.00000006, 9, "-0.000000060"),
            (-0.00000006, 10, "-0.0000000600"),
            (-0.0, 0, "-0"),
            (-0.0, 1, "-0.0"),
            (-0.0, 2, "-0.00"),
            (1000.0, 0, "1000"),
            (0.00001, 0, "0"),
            (0.00001, 5, "0.00001"),
            (0.0000000000000000001, 20, "0.00000000000000000010"),
            (0.00001, 17, "0.00001000000000000"),
            (1.0, 17, "1.00000000000000000"),
            (1000000000000000128.0, 0, "1000000000000000128"),
            (100000000000000128.0, 1, "100000000000000128.0"),
            (10000000000000128.0, 2, "10000000000000128.00"),
            (
                10000000000000128.0,
                20,
                "10000000000000128.00000000000000000000",
            ),
            (-42.0, 3, "-42.000"),
            (-1000000000000000128.0, 0, "-1000000000000000128"),
            (-0.0000000000000000001, 20, "-0.00000000000000000010"),
            (0.123123123123123, 20, "0.12312312312312299889"),
            (0.5, 0, "1"),
            (-0.5, 0, "-1"),
            (1.25, 1, "1.3"),
            (234.20405, 4, "234.2040"),
            (234.2040506, 4, "234.2041"),
        ];
        for &(x, f, s) in cases {
            assert_eq!(fixed(x, f), s, "{x:e}.toStringAsFixed({f})");
        }
    }

    #[test]
    fn fixed_docs_and_edges() {
        // api.dart.dev num.toStringAsFixed examples.
        assert_eq!(fixed(1.0, 3), "1.000");
        assert_eq!(fixed(4321.12345678, 3), "4321.123");
        assert_eq!(fixed(4321.12345678, 5), "4321.12346");
        assert_eq!(fixed(123456789012345.0, 3), "123456789012345.000");
        assert_eq!(fixed(10000000000000000.0, 4), "10000000000000000.0000");
        assert_eq!(fixed(5.25, 0), "5");
        // co19 LibTest/core/int/toStringAsFixed_A03_t01.dart (10^18 as int).
        assert_eq!(fixed(1e18, 10), "1000000000000000000.0000000000");
        assert_eq!(fixed(1e18, 20), "1000000000000000000.00000000000000000000");
        // Derived: half-up on the exact binary value; 1.005 is 1.00499999999999989...
        assert_eq!(fixed(1.005, 2), "1.00");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(9.995, 2), "9.99");
        assert_eq!(fixed(9.9999, 2), "10.00");
        assert_eq!(fixed(0.006, 2), "0.01");
        assert_eq!(fixed(0.0049, 2), "0.00");
        assert_eq!(fixed(999999999999999999999.0, 2), "1e+21");
        assert_eq!(fixed(5e-324, 20), "0.00000000000000000000");
        assert_eq!(fixed(1e20, 2), "100000000000000000000.00");
        assert_eq!(
            // dart-lang/sdk tests/language/double/to_string_as_fixed2_runtime_test.dart
            // expects RangeErrors for 21 and -1; the text is RangeError.toString's.
            to_string_as_fixed(0.0, 21).unwrap_err().to_string(),
            "RangeError (fractionDigits): Invalid value: Not in inclusive range 0..20: 21"
        );
        assert_eq!(
            to_string_as_fixed(f64::NAN, -1).unwrap_err().to_string(),
            "RangeError (fractionDigits): Invalid value: Not in inclusive range 0..20: -1"
        );
    }

    #[test]
    fn exponential_sdk_test() {
        // dart-lang/sdk tests/language/double/to_string_as_exponential_test.dart
        let cases: &[(f64, Option<i64>, &str)] = &[
            (1.0, None, "1e+0"),
            (11.0, None, "1.1e+1"),
            (112.0, None, "1.12e+2"),
            (1.0, Some(0), "1e+0"),
            (11.0, Some(0), "1e+1"),
            (112.0, Some(0), "1e+2"),
            (1.0, Some(1), "1.0e+0"),
            (11.0, Some(1), "1.1e+1"),
            (112.0, Some(1), "1.1e+2"),
            (1.0, Some(2), "1.00e+0"),
            (11.0, Some(2), "1.10e+1"),
            (112.0, Some(2), "1.12e+2"),
            (1.0, Some(3), "1.000e+0"),
            (11.0, Some(3), "1.100e+1"),
            (112.0, Some(3), "1.120e+2"),
            (0.1, None, "1e-1"),
            (0.11, None, "1.1e-1"),
            (0.112, None, "1.12e-1"),
            (0.1, Some(0), "1e-1"),
            (0.11, Some(0), "1e-1"),
            (0.112, Some(0), "1e-1"),
            (0.1, Some(1), "1.0e-1"),
            (0.11, Some(1), "1.1e-1"),
            (0.112, Some(1), "1.1e-1"),
            (0.1, Some(2), "1.00e-1"),
            (0.11, Some(2), "1.10e-1"),
            (0.112, Some(2), "1.12e-1"),
            (0.1, Some(3), "1.000e-1"),
            (0.11, Some(3), "1.100e-1"),
            (0.112, Some(3), "1.120e-1"),
            (-0.0, None, "-0e+0"),
            (-1.0, None, "-1e+0"),
            (-11.0, None, "-1.1e+1"),
            (-112.0, None, "-1.12e+2"),
            (-1.0, Some(0), "-1e+0"),
            (-11.0, Some(0), "-1e+1"),
            (-112.0, Some(0), "-1e+2"),
            (-1.0, Some(1), "-1.0e+0"),
            (-11.0, Some(1), "-1.1e+1"),
            (-112.0, Some(1), "-1.1e+2"),
            (-1.0, Some(2), "-1.00e+0"),
            (-11.0, Some(2), "-1.10e+1"),
            (-112.0, Some(2), "-1.12e+2"),
            (-1.0, Some(3), "-1.000e+0"),
            (-11.0, Some(3), "-1.100e+1"),
            (-112.0, Some(3), "-1.120e+2"),
            (-0.1, None, "-1e-1"),
            (-0.11, None, "-1.1e-1"),
            (-0.112, None, "-1.12e-1"),
            (-0.1, Some(0), "-1e-1"),
            (-0.11, Some(0), "-1e-1"),
            (-0.112, Some(0), "-1e-1"),
            (-0.1, Some(1), "-1.0e-1"),
            (-0.11, Some(1), "-1.1e-1"),
            (-0.112, Some(1), "-1.1e-1"),
            (-0.1, Some(2), "-1.00e-1"),
            (-0.11, Some(2), "-1.10e-1"),
            (-0.112, Some(2), "-1.12e-1"),
            (-0.1, Some(3), "-1.000e-1"),
            (-0.11, Some(3), "-1.100e-1"),
            (-0.112, Some(3), "-1.120e-1"),
            (f64::NAN, Some(2), "NaN"),
            (f64::INFINITY, Some(2), "Infinity"),
            (f64::NEG_INFINITY, Some(2), "-Infinity"),
            (0.0, None, "0e+0"),
            (0.0, Some(2), "0.00e+0"),
            (11.2356, Some(0), "1e+1"),
            (11.2356, Some(4), "1.1236e+1"),
            (0.000112356, Some(4), "1.1236e-4"),
            (-0.000112356, Some(4), "-1.1236e-4"),
            (0.000112356, None, "1.12356e-4"),
            (-0.000112356, None, "-1.12356e-4"),
        ];
        for &(x, f, s) in cases {
            assert_eq!(exp(x, f), s, "{x:e}.toStringAsExponential({f:?})");
        }
    }

    #[test]
    fn exponential_docs_and_edges() {
        // api.dart.dev num.toStringAsExponential examples.
        assert_eq!(exp(1.0, None), "1e+0");
        assert_eq!(exp(1.0, Some(3)), "1.000e+0");
        assert_eq!(exp(123456.0, None), "1.23456e+5");
        assert_eq!(exp(123456.0, Some(3)), "1.235e+5");
        assert_eq!(exp(123.0, Some(0)), "1e+2");
        // A dart-lang/sdk double language test (the toStringAsExponential(20) one).
        assert_eq!(exp(1.0, Some(20)), "1.00000000000000000000e+0");
        assert_eq!(exp(0.1, Some(20)), "1.00000000000000005551e-1");
        // dart-lang/sdk tests/language/double/to_string_as_exponential2_test.dart: -1 and
        // 21 throw RangeError.
        assert!(to_string_as_exponential(1.0, Some(21)).is_err());
        assert!(to_string_as_exponential(1.0, Some(-1)).is_err());
        // Derived.
        assert_eq!(exp(9.99, Some(1)), "1.0e+1");
        assert_eq!(exp(5e-324, None), "5e-324");
        assert_eq!(exp(5e-324, Some(3)), "4.941e-324");
        assert_eq!(exp(f64::MAX, None), "1.7976931348623157e+308");
        assert_eq!(exp(1e21, None), "1e+21");
        assert_eq!(
            to_string_as_exponential(f64::NAN, Some(-1))
                .unwrap_err()
                .to_string(),
            "RangeError (fractionDigits): Invalid value: Not in inclusive range 0..20: -1"
        );
    }

    #[test]
    fn precision_cases() {
        // api.dart.dev num.toStringAsPrecision examples.
        assert_eq!(prec(1.0, 2), "1.0");
        assert_eq!(prec(1e15, 3), "1.00e+15");
        assert_eq!(prec(1234567.0, 3), "1.23e+6");
        assert_eq!(prec(1234567.0, 9), "1234567.00");
        assert_eq!(prec(12345678901234567890.0, 20), "12345678901234567168");
        assert_eq!(prec(12345678901234567890.0, 14), "1.2345678901235e+19");
        assert_eq!(prec(0.00000012345, 15), "1.23450000000000e-7");
        assert_eq!(prec(0.0000012345, 15), "0.00000123450000000000");
        // dart-lang/sdk tests/language/double/to_string_as_precision3_test.dart
        assert_eq!(prec(0.000555, 21), "0.000555000000000000046248");
        assert_eq!(prec(0.000000555, 21), "5.54999999999999980179e-7");
        assert_eq!(prec(-0.000000555, 21), "-5.54999999999999980179e-7");
        // dart-lang/sdk tests/language/double/to_string_as_precision2_runtime_test.dart
        assert_eq!(
            to_string_as_precision(0.0, 0).unwrap_err().to_string(),
            "RangeError (precision): Invalid value: Not in inclusive range 1..21: 0"
        );
        assert!(to_string_as_precision(0.0, 22).is_err());
        // dart-archive/dart-samples converting_a_number_to_a_string_test.dart
        assert_eq!(prec(1234.0, 5), "1234.0");
        assert_eq!(prec(3.1519, 8), "3.1519000");
        assert_eq!(fixed(3.1519, 2), "3.15");
        assert_eq!(exp(3.1519, Some(5)), "3.15190e+0");
        // Derived from double-conversion's ToPrecision layout rules.
        assert_eq!(prec(0.0, 1), "0");
        assert_eq!(prec(0.0, 3), "0.00");
        assert_eq!(prec(-0.0, 3), "-0.00");
        assert_eq!(prec(123.456, 2), "1.2e+2");
        assert_eq!(prec(123.456, 3), "123");
        assert_eq!(prec(0.000001, 2), "0.0000010");
        assert_eq!(prec(0.0000001, 2), "1.0e-7");
        assert_eq!(prec(99.99, 2), "1.0e+2");
        assert_eq!(prec(2.5, 1), "3");
        assert_eq!(prec(f64::NAN, 5), "NaN");
        assert_eq!(prec(f64::NEG_INFINITY, 5), "-Infinity");
    }

    /// Deterministic sample doubles of many magnitudes, plus binary fractions (k/2^n),
    /// which are where exact decimal ties occur.
    fn samples() -> Vec<f64> {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut out = Vec::new();
        for _ in 0..3000 {
            let r = next();
            let m = (r >> 11) as f64 / (1u64 << 53) as f64;
            let e = (next() % 46) as i32 - 25;
            let sign = if r & 1 == 1 { -1.0 } else { 1.0 };
            out.push(sign * m * 10f64.powi(e));
            let k = (next() % 100_000) as f64;
            let n = (next() % 12) as i32;
            out.push(sign * k / 2f64.powi(n));
        }
        out
    }

    /// Whether the exact value of `x` lies exactly halfway at `fraction_digits`.
    fn is_fixed_tie(x: f64, fraction_digits: i32) -> bool {
        let d = decimal::exact(x);
        x != 0.0
            && d.digits.len() as i32 == d.point + fraction_digits + 1
            && d.digits.last() == Some(&b'5')
    }

    /// Adds one unit in the last place to the ASCII digits, growing on carry-out.
    fn bump(digits: &mut Vec<u8>) {
        for d in digits.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                return;
            }
        }
        digits.insert(0, b'1');
    }

    /// Half-up rounding of a tie, done on Rust's exact text: `{:.(f+1)}` prints the value
    /// exactly (it ends in that 5); drop the 5 and add one unit in the last place.
    fn fixed_tie_reference(x: f64, f: usize) -> String {
        let exact = format!("{:.*}", f + 1, x.abs());
        let (int_part, frac_part) = exact.split_once('.').unwrap();
        let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes().take(f)).collect();
        bump(&mut digits);
        let split = digits.len() - f;
        let mut out = String::from(if x < 0.0 { "-" } else { "" });
        out.push_str(std::str::from_utf8(&digits[..split]).unwrap());
        if f > 0 {
            out.push('.');
            out.push_str(std::str::from_utf8(&digits[split..]).unwrap());
        }
        out
    }

    #[test]
    fn fixed_agrees_with_exact_rounding() {
        // Independent check against Rust's `{:.N}`, which is exact too but rounds ties to
        // even: away from ties the strings must agree; ties must round half up.
        let mut ties = 0;
        for x in samples() {
            if x.abs() >= 1e21 {
                continue;
            }
            for f in [0i64, 1, 2, 3, 5, 10, 17, 20] {
                let reference = if is_fixed_tie(x, f as i32) {
                    ties += 1;
                    fixed_tie_reference(x, f as usize)
                } else {
                    format!("{:.*}", f as usize, x)
                };
                assert_eq!(fixed(x, f), reference, "{x:e} fixed {f}");
            }
        }
        assert!(ties > 100, "only {ties} ties exercised");
    }

    #[test]
    fn exponential_agrees_with_exact_rounding() {
        let mut ties = 0;
        for x in samples() {
            if x == 0.0 {
                continue;
            }
            for f in [0usize, 1, 2, 4, 9, 16, 20] {
                let d = decimal::exact(x);
                let tie = d.digits.len() == f + 2 && d.digits.last() == Some(&b'5');
                // Rust prints "-1.235e5" / "1.2e-7".
                let (mantissa, exponent) = if tie {
                    ties += 1;
                    let rust = format!("{:.*e}", f + 1, x.abs());
                    let (m, e) = rust.split_once('e').unwrap();
                    let mut digits: Vec<u8> = m.bytes().filter(u8::is_ascii_digit).collect();
                    digits.pop();
                    bump(&mut digits);
                    let mut e: i32 = e.parse().unwrap();
                    if digits.len() > f + 1 {
                        digits.pop();
                        e += 1;
                    }
                    let mut m = String::from(if x < 0.0 { "-" } else { "" });
                    m.push(digits[0] as char);
                    if f > 0 {
                        m.push('.');
                        m.push_str(std::str::from_utf8(&digits[1..]).unwrap());
                    }
                    (m, e)
                } else {
                    let rust = format!("{:.*e}", f, x);
                    let (m, e) = rust.split_once('e').unwrap();
                    (m.to_string(), e.parse().unwrap())
                };
                let reference = if exponent < 0 {
                    format!("{mantissa}e{exponent}")
                } else {
                    format!("{mantissa}e+{exponent}")
                };
                assert_eq!(exp(x, Some(f as i64)), reference, "{x:e} exponential {f}");
            }
        }
        assert!(ties > 50, "only {ties} ties exercised");
    }

    #[test]
    fn radix_strings() {
        // dart-archive/dart-samples converting_a_number_to_a_string_test.dart
        assert_eq!(int_to_radix_string(64, 2).unwrap(), "1000000");
        assert_eq!(int_to_radix_string(64, 8).unwrap(), "100");
        assert_eq!(int_to_radix_string(64, 16).unwrap(), "40");
        assert_eq!(int_to_radix_string(0, 2).unwrap(), "0");
        assert_eq!(int_to_radix_string(-255, 16).unwrap(), "-ff");
        assert_eq!(int_to_radix_string(35, 36).unwrap(), "z");
        assert_eq!(
            int_to_radix_string(i64::MIN, 16).unwrap(),
            "-8000000000000000"
        );
        assert_eq!(
            int_to_radix_string(i64::MIN, 10).unwrap(),
            "-9223372036854775808"
        );
        assert_eq!(int_to_radix_string(i64::MAX, 36).unwrap(), "1y2p0ij32e8e7");
        assert_eq!(
            int_to_radix_string(1, 37).unwrap_err().to_string(),
            "RangeError (radix): Invalid value: Not in inclusive range 2..36: 37"
        );
        assert!(int_to_radix_string(1, 1).is_err());
    }
}
