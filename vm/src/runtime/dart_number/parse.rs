//! String to number: `int.parse`/`tryParse`, `double.parse`/`tryParse` and
//! `num.parse`/`tryParse` with the Dart VM's grammar, whitespace set, 64-bit limits and
//! `FormatException` messages and offsets (sdk/lib/_internal/vm/lib/integers_patch.dart,
//! double_patch.dart, sdk/lib/core/num.dart, and double-conversion's `StringToDouble`
//! with `NO_FLAGS` for the double grammar).
//!
//! Every function comes in a `&str` form and a `_utf16` form taking Dart's UTF-16 code
//! units; offsets in errors always count UTF-16 code units, as Dart's do.

use super::error::{FormatExceptionInfo, NumError};

/// A parsed `num`: `num.parse` returns an `int` when the text is an integer literal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DartNum {
    /// An `int` result.
    Int(i64),
    /// A `double` result.
    Double(f64),
}

/// Whether `unit` is whitespace for Dart's `String.trim` and the number parsers
/// (`_StringBase._isTwoByteWhitespace`: Unicode 6.3 White_Space plus the BOM).
pub fn is_dart_whitespace(unit: u16) -> bool {
    matches!(
        unit,
        0x09..=0x0d
            | 0x20
            | 0x85
            | 0xa0
            | 0x1680
            | 0x2000..=0x200a
            | 0x2028
            | 0x2029
            | 0x202f
            | 0x205f
            | 0x3000
            | 0xfeff
    )
}

/// `(first non-whitespace, last non-whitespace + 1)`; `start == end` when all blank.
fn trim_bounds(units: &[u16]) -> (usize, usize) {
    let start = units
        .iter()
        .position(|&u| !is_dart_whitespace(u))
        .unwrap_or(units.len());
    let end = units
        .iter()
        .rposition(|&u| !is_dart_whitespace(u))
        .map_or(start, |i| i + 1);
    (start, end)
}

fn units_of(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

// ---------------------------------------------------------------------------------------
// int

/// How `int.parse` failed, before it is turned into a `FormatException`.
struct IntFormatFailure {
    offset: Option<usize>,
    /// `None`: the VM's default "Invalid number" / "Invalid radix-N number" message.
    message: Option<&'static str>,
    /// The radix named in the default message (`None` prints "Invalid number").
    radix: Option<i64>,
}

/// Digits per block and the VM's `_PARSE_LIMITS` block sizes for 64-bit (63-bit Smi)
/// platforms, indexed by `radix - 2`. The block structure decides the offset reported for
/// a bad digit: the start of the block holding it.
const BLOCK_SIZE: [u32; 35] = [
    62, 39, 30, 26, 23, 22, 20, 19, 18, 17, 17, 16, 16, 15, 15, 15, 14, 14, 14, 14, 13, 13, 13, 13,
    13, 13, 12, 12, 12, 12, 12, 12, 12, 12, 11,
];

/// `int.parse(source, radix: radix)`.
pub fn int_parse(source: &str, radix: Option<i64>) -> Result<i64, NumError> {
    int_parse_utf16(&units_of(source), radix)
}

/// `int.parse` on UTF-16 code units.
pub fn int_parse_utf16(source: &[u16], radix: Option<i64>) -> Result<i64, NumError> {
    match parse_int_units(source, radix)? {
        Ok(v) => Ok(v),
        Err(failure) => {
            let message = match failure.message {
                Some(m) => m.to_string(),
                None => match failure.radix {
                    None => "Invalid number".to_string(),
                    Some(r) => format!("Invalid radix-{r} number"),
                },
            };
            Err(NumError::Format(FormatExceptionInfo {
                message,
                source: Some(String::from_utf16_lossy(source)),
                offset: failure.offset,
            }))
        }
    }
}

/// `int.tryParse(source, radix: radix)`: `Ok(None)` for text that is not an integer;
/// `Err` only for a radix outside `2..=36` (which Dart throws even from `tryParse`).
pub fn int_try_parse(source: &str, radix: Option<i64>) -> Result<Option<i64>, NumError> {
    int_try_parse_utf16(&units_of(source), radix)
}

/// `int.tryParse` on UTF-16 code units.
pub fn int_try_parse_utf16(source: &[u16], radix: Option<i64>) -> Result<Option<i64>, NumError> {
    Ok(parse_int_units(source, radix)?.ok())
}

/// The shared `int.parse` logic. The outer `Err` is the radix `RangeError`; the inner
/// result is the value or the format failure.
fn parse_int_units(
    source: &[u16],
    radix: Option<i64>,
) -> Result<Result<i64, IntFormatFailure>, NumError> {
    if source.is_empty() {
        // Checked before the radix, so `int.parse("", radix: 99)` is a FormatException.
        return Ok(Err(IntFormatFailure {
            offset: Some(0),
            message: None,
            radix,
        }));
    }
    if let Some(r) = radix {
        if !(2..=36).contains(&r) {
            return Err(NumError::range_message(format!(
                "Radix {r} not in range 2..36"
            )));
        }
    }
    let fail = |offset: Option<usize>, radix: Option<i64>| {
        Ok(Err(IntFormatFailure {
            offset,
            message: None,
            radix,
        }))
    };
    let (mut start, end) = trim_bounds(source);
    if start == end {
        return fail(Some(source.len()), radix);
    }
    let mut sign: i64 = 1;
    let mut first = source[start];
    if first == u16::from(b'+') || first == u16::from(b'-') {
        if first == u16::from(b'-') {
            sign = -1;
        }
        start += 1;
        if start == end {
            return fail(Some(end), radix);
        }
        first = source[start];
    }
    let radix = match radix {
        Some(r) => r as u32,
        None => {
            if first == u16::from(b'0') {
                let mut index = start + 1;
                if index == end {
                    return Ok(Ok(0));
                }
                if source[index] | 0x20 == u16::from(b'x') {
                    index += 1;
                    if index == end {
                        return fail(Some(index), None);
                    }
                    return Ok(parse_radix(source, 16, index, end, sign, sign > 0));
                }
            }
            10
        }
    };
    Ok(parse_radix(source, radix, start, end, sign, false))
}

/// The value of the digits `source[start..end]` in `radix`, or `None` for a bad digit.
fn parse_block(source: &[u16], radix: u32, start: usize, end: usize) -> Option<i128> {
    let mut result: i128 = 0;
    for &c in &source[start..end] {
        let digit = digit_value(c)?;
        if digit >= radix {
            return None;
        }
        result = result * radix as i128 + digit as i128;
    }
    Some(result)
}

fn digit_value(c: u16) -> Option<u32> {
    match c {
        0x30..=0x39 => Some(u32::from(c - 0x30)),
        0x41..=0x5a => Some(u32::from(c - 0x41) + 10),
        0x61..=0x7a => Some(u32::from(c - 0x61) + 10),
        _ => None,
    }
}

/// `int._parseRadix`: a short first block (`length % blockSize` digits), then full
/// blocks; a bad digit reports the start of its block, an overflow reports no offset.
/// With `allow_u64` (an unsigned `0x` literal) the last block may take the value up to
/// 2^64 - 1, which wraps to a negative `int`.
fn parse_radix(
    source: &[u16],
    radix: u32,
    mut start: usize,
    end: usize,
    sign: i64,
    allow_u64: bool,
) -> Result<i64, IntFormatFailure> {
    let bad_digit = |offset: usize| IntFormatFailure {
        offset: Some(offset),
        message: None,
        radix: Some(i64::from(radix)),
    };
    let block_size = BLOCK_SIZE[(radix - 2) as usize] as usize;
    let length = end - start;
    if length <= block_size {
        let value = parse_block(source, radix, start, end).ok_or_else(|| bad_digit(start))?;
        // At most 62 bits, so this fits.
        return Ok((sign as i128 * value) as i64);
    }
    let multiplier = (radix as i128).pow(block_size as u32);
    let small = length % block_size;
    let mut result: i128 = 0;
    if small > 0 {
        let value =
            parse_block(source, radix, start, start + small).ok_or_else(|| bad_digit(start))?;
        result = sign as i128 * value;
        start += small;
    }
    while start + block_size <= end {
        let block_end = start + block_size;
        let value = parse_block(source, radix, start, block_end).ok_or_else(|| bad_digit(start))?;
        let next = result * multiplier + sign as i128 * value;
        if next > i64::MAX as i128 {
            if allow_u64 && next <= u64::MAX as i128 && block_end == end {
                return Ok(next as u64 as i64);
            }
            return Err(IntFormatFailure {
                offset: None,
                message: Some("Positive input exceeds the limit of integer"),
                radix: None,
            });
        }
        if next < i64::MIN as i128 {
            return Err(IntFormatFailure {
                offset: None,
                message: Some("Negative input exceeds the limit of integer"),
                radix: None,
            });
        }
        result = next;
        start = block_end;
    }
    Ok(result as i64)
}

// ---------------------------------------------------------------------------------------
// double

/// `double.parse(source)`: `FormatException("Invalid double", source)` on failure.
pub fn double_parse(source: &str) -> Result<f64, NumError> {
    double_try_parse(source).ok_or_else(|| invalid_double(source.to_string()))
}

/// `double.parse` on UTF-16 code units.
pub fn double_parse_utf16(source: &[u16]) -> Result<f64, NumError> {
    double_try_parse_utf16(source).ok_or_else(|| invalid_double(String::from_utf16_lossy(source)))
}

fn invalid_double(source: String) -> NumError {
    NumError::Format(FormatExceptionInfo {
        message: "Invalid double".to_string(),
        source: Some(source),
        offset: None,
    })
}

/// `double.tryParse(source)`.
pub fn double_try_parse(source: &str) -> Option<f64> {
    double_try_parse_utf16(&units_of(source))
}

/// `double.tryParse` on UTF-16 code units. After trimming Dart whitespace the text must
/// be `[+-]?` followed by `Infinity`, `NaN`, or a decimal numeral: digits with an
/// optional `.` (at least one digit in all) and an optional exponent `[eE][+-]?digits`.
/// No hex, no inner spaces, case-sensitive special names; correctly rounded.
pub fn double_try_parse_utf16(source: &[u16]) -> Option<f64> {
    let (start, end) = trim_bounds(source);
    if start == end {
        return None;
    }
    let mut text = String::with_capacity(end - start);
    for &u in &source[start..end] {
        if u >= 0x80 {
            return None;
        }
        text.push(u as u8 as char);
    }
    parse_double_ascii(&text)
}

fn parse_double_ascii(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut negative = false;
    if let Some(&c) = bytes.first() {
        if c == b'+' || c == b'-' {
            negative = c == b'-';
            i = 1;
        }
    }
    let body = &bytes[i..];
    if body == b"Infinity" {
        return Some(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if body == b"NaN" {
        return Some(f64::NAN);
    }
    let mut j = 0;
    let mut mantissa_digits = 0;
    while j < body.len() && body[j].is_ascii_digit() {
        j += 1;
        mantissa_digits += 1;
    }
    if j < body.len() && body[j] == b'.' {
        j += 1;
        while j < body.len() && body[j].is_ascii_digit() {
            j += 1;
            mantissa_digits += 1;
        }
    }
    if mantissa_digits == 0 {
        return None;
    }
    if j < body.len() && (body[j] == b'e' || body[j] == b'E') {
        j += 1;
        if j < body.len() && (body[j] == b'+' || body[j] == b'-') {
            j += 1;
        }
        let exponent_start = j;
        while j < body.len() && body[j].is_ascii_digit() {
            j += 1;
        }
        if j == exponent_start {
            return None;
        }
    }
    if j != body.len() {
        return None;
    }
    // The text is now a numeral Rust's correctly rounding parser accepts as is.
    text.parse::<f64>().ok()
}

// ---------------------------------------------------------------------------------------
// num

/// `num.parse(input)`: `int.tryParse` then `double.tryParse` on the trimmed input;
/// failure is `FormatException(input)` (the input as the message, no source).
pub fn num_parse(input: &str) -> Result<DartNum, NumError> {
    num_try_parse(input).ok_or_else(|| {
        NumError::Format(FormatExceptionInfo {
            message: input.to_string(),
            source: None,
            offset: None,
        })
    })
}

/// `num.parse` on UTF-16 code units.
pub fn num_parse_utf16(input: &[u16]) -> Result<DartNum, NumError> {
    num_try_parse_utf16(input).ok_or_else(|| {
        NumError::Format(FormatExceptionInfo {
            message: String::from_utf16_lossy(input),
            source: None,
            offset: None,
        })
    })
}

/// `num.tryParse(input)`.
pub fn num_try_parse(input: &str) -> Option<DartNum> {
    num_try_parse_utf16(&units_of(input))
}

/// `num.tryParse` on UTF-16 code units.
pub fn num_try_parse_utf16(input: &[u16]) -> Option<DartNum> {
    let (start, end) = trim_bounds(input);
    let trimmed = &input[start..end];
    if let Ok(Some(i)) = int_try_parse_utf16(trimmed, None) {
        return Some(DartNum::Int(i));
    }
    double_try_parse_utf16(trimmed).map(DartNum::Double)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All the whitespace int_parse_radix_test.dart uses (with U+0085, as on the VM).
    const WHITESPACE: &str = "\u{9}\u{a}\u{b}\u{c}\u{d}\u{20}\u{85}\u{a0}\u{1680}\
        \u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\
        \u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}";

    fn p(s: &str) -> i64 {
        int_parse(s, None).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }
    fn pr(s: &str, r: i64) -> i64 {
        int_parse(s, Some(r)).unwrap_or_else(|e| panic!("{s:?}/{r}: {e}"))
    }
    fn err(s: &str, r: Option<i64>) -> String {
        int_parse(s, r).unwrap_err().to_string()
    }

    #[test]
    fn int_parse_radix_sdk_test() {
        // dart-lang/sdk tests/corelib/int_parse_radix_test.dart
        for ws in WHITESPACE.chars() {
            assert_eq!(pr(&format!("{ws}0{ws}"), 2), 0);
        }
        let zeros = "0".repeat(64);
        for r in 2..=36i64 {
            for i in 0..=r * r {
                let s = super::super::format::int_to_radix_string(i, r).unwrap();
                for (text, expect) in [
                    (s.to_lowercase(), i),
                    (s.to_uppercase(), i),
                    (format!(" {s}"), i),
                    (format!("{s} "), i),
                    (format!(" +{s} "), i),
                    (format!(" -{s} "), -i),
                    (format!("{WHITESPACE}{s}{WHITESPACE}"), i),
                    (format!("{WHITESPACE}-{s}{WHITESPACE}"), -i),
                    (format!("{zeros}{s}"), i),
                    (format!("+{zeros}{s}"), i),
                    (format!("-{zeros}{s}"), -i),
                ] {
                    assert_eq!(pr(&text, r), expect, "{text:?}/{r}");
                }
            }
        }
        // Largest all-max-digit numbers below 2^53 in each radix ("test with bignums").
        let digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        let max = 0x1F_FFFF_FFFF_FFFFi64;
        for r in 2..=36i64 {
            let n = ((max as f64).ln() / (r as f64).ln()).trunc() as u32;
            let digit = &digits[(r - 1) as usize..r as usize];
            let text = digit.repeat(n as usize);
            assert_eq!(pr(&text, r), r.pow(n) - 1, "{text}/{r}");
            assert_eq!(pr(&format!("-{text}"), r), 1 - r.pow(n));
            assert_eq!(pr(&zeros, r), 0);
        }
        assert_eq!(pr("ABCD", 16), 0xABCD);
        assert_eq!(pr("abcd", 16), 0xABCD);
        assert_eq!(pr("09azAZ", 36), 15628859);
        assert_eq!(p("9007199254740991"), 9007199254740991);
        assert_eq!(p("-9007199254740991"), -9007199254740991);
        assert_eq!(p("-9223372036854775808"), i64::MIN);
        for s in [" 1", "1 ", " 1 ", "\n1", "1\n", "\n1\n", "+1"] {
            assert_eq!(pr(s, 2), 1);
        }
        for i in 2..36i64 {
            let c = super::super::format::int_to_radix_string(i, 36).unwrap();
            assert!(int_parse(&c, Some(i)).is_err());
            assert!(int_parse(&c.to_uppercase(), Some(i)).is_err());
            assert_eq!(int_try_parse(&c, Some(i)).unwrap(), None);
        }
        for s in ["", "+ 1", "- 1"] {
            assert!(int_parse(s, Some(2)).is_err());
            assert_eq!(int_try_parse(s, Some(2)).unwrap(), None);
        }
        for r in 2..=33 {
            assert!(int_parse("0x10", Some(r)).is_err(), "0x10/{r}");
        }
        assert_eq!(pr("0x10", 34), 33 * 34 * 34 + 34);
        for r in [-1, 0, 1, 37] {
            assert!(matches!(int_parse("0", Some(r)), Err(NumError::Range(_))));
            assert!(int_try_parse("0", Some(r)).is_err());
        }
    }

    #[test]
    fn int_parse_limited_ints_sdk_test() {
        // dart-lang/sdk tests/corelib/int_parse_with_limited_ints_test.dart
        assert_eq!(p("0"), 0);
        assert_eq!(p("1"), 1);
        assert_eq!(p("-1"), -1);
        assert_eq!(p("0x7ffffffffffffffe"), 0x7ffffffffffffffe);
        assert_eq!(p("0x7fffffffffffffff"), i64::MAX);
        assert_eq!(p("-0x7fffffffffffffff"), -i64::MAX);
        assert_eq!(p("-0x8000000000000000"), i64::MIN);
        assert_eq!(p("0x8000000000000000"), i64::MIN);
        assert_eq!(p("8999999999999999999"), 8999999999999999999);
        assert_eq!(p("-8999999999999999999"), -8999999999999999999);
        assert_eq!(p("9223372036854775807"), i64::MAX);
        assert_eq!(p("-9223372036854775807"), -i64::MAX);
        assert_eq!(p("-9223372036854775808"), i64::MIN);
        for s in [
            "-0x8000000000000001",
            "9223372036854775808",
            "9223372036854775809",
            "-9223372036854775809",
            "10000000000000000000",
        ] {
            assert!(int_parse(s, None).is_err(), "{s}");
        }
        assert_eq!(pr(&"1".repeat(63), 2), i64::MAX);
        assert_eq!(pr(&format!("-{}", "1".repeat(63)), 2), -i64::MAX);
        assert_eq!(pr(&format!("-1{}", "0".repeat(63)), 2), i64::MIN);
        for s in [
            format!("1{}", "0".repeat(63)),
            format!("{}0", "1".repeat(63)),
            "1".repeat(64),
            format!("-1{}1", "0".repeat(62)),
        ] {
            assert!(int_parse(&s, Some(2)).is_err(), "{s}");
        }
    }

    #[test]
    fn int_parse_unsigned_hex_and_messages() {
        // api.dart.dev int.parse: 0x literals above 2^63 parse as unsigned and wrap.
        assert_eq!(p("0xFFFFFFFFFFFFFFFF"), -1);
        assert_eq!(p("+0xffffffffffffffff"), -1);
        assert_eq!(p("0X10"), 16);
        assert_eq!(p("0x0000000000000000ffffffffffffffff"), -1);
        assert_eq!(p(" 0x1 "), 1);
        assert_eq!(p("-0x10"), -16);
        assert_eq!(p("00"), 0);
        assert_eq!(p("0"), 0);
        assert_eq!(p("-0"), 0);
        // Only with the prefix and no radix: radix 16 itself stays signed.
        assert!(int_parse("ffffffffffffffff", Some(16)).is_err());
        assert!(int_parse("0x10000000000000000", None).is_err());
        assert!(int_parse("-0xffffffffffffffff", None).is_err());

        // Messages (sdk/lib/_internal/vm/lib/integers_patch.dart _handleFormatError,
        // printed through FormatException.toString).
        assert_eq!(
            err("abc", None),
            "FormatException: Invalid radix-10 number (at character 1)\nabc\n^\n"
        );
        assert_eq!(
            err("12a", None),
            "FormatException: Invalid radix-10 number (at character 1)\n12a\n^\n"
        );
        assert_eq!(
            err("", None),
            "FormatException: Invalid number (at character 1)\n\n^\n"
        );
        assert_eq!(
            err("", Some(16)),
            "FormatException: Invalid radix-16 number (at character 1)\n\n^\n"
        );
        assert_eq!(
            err("   ", None),
            "FormatException: Invalid number (at character 4)\n   \n   ^\n"
        );
        assert_eq!(
            err(" - ", None),
            "FormatException: Invalid number (at character 3)\n - \n  ^\n"
        );
        assert_eq!(
            err("0x", None),
            "FormatException: Invalid number (at character 3)\n0x\n  ^\n"
        );
        assert_eq!(
            err("0xg", None),
            "FormatException: Invalid radix-16 number (at character 3)\n0xg\n  ^\n"
        );
        assert_eq!(
            err(" -12 34", Some(8)),
            "FormatException: Invalid radix-8 number (at character 3)\n -12 34\n  ^\n"
        );
        assert_eq!(
            err("9223372036854775808", None),
            "FormatException: Positive input exceeds the limit of integer\n9223372036854775808"
        );
        assert_eq!(
            err("-9223372036854775809", None),
            "FormatException: Negative input exceeds the limit of integer\n-9223372036854775809"
        );
        assert_eq!(
            err("1", Some(37)),
            "RangeError: Radix 37 not in range 2..36"
        );
        // The empty-source check comes before the radix check.
        assert!(matches!(int_parse("", Some(37)), Err(NumError::Format(_))));
        assert_eq!(int_try_parse("", Some(37)).unwrap(), None);
        // A bad digit reports the start of its block: 20 digits = 2 + 18.
        assert_eq!(
            err("1234567890123456789x", None),
            "FormatException: Invalid radix-10 number (at character 3)\n1234567890123456789x\n  ^\n"
        );
        // ... and a bad first block reports the first digit.
        assert_eq!(
            err("1x345678901234567890", None),
            "FormatException: Invalid radix-10 number (at character 1)\n1x345678901234567890\n^\n"
        );
        // Non-ASCII digits are not digits.
        assert!(int_parse("١٢", None).is_err());
        assert!(int_parse("１", None).is_err());
    }

    #[test]
    // The SDK test's literals are kept verbatim, even where they carry excess digits.
    #[allow(clippy::excessive_precision)]
    fn double_parse_sdk_test() {
        // dart-lang/sdk tests/corelib/double_parse_test.dart
        fn check(source: &str, expected: f64) {
            for text in [
                source.to_string(),
                format!(" {source}"),
                format!("{source} "),
                format!(" {source} "),
                format!("+{source}"),
                format!(" +{source} "),
            ] {
                let v = double_parse(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
                assert!(
                    (v.is_nan() && expected.is_nan()) || v.to_bits() == expected.to_bits(),
                    "{text:?} -> {v:e}, want {expected:e}"
                );
            }
            for text in [format!("-{source}"), format!(" -{source} ")] {
                let v = double_parse(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
                let want = -expected;
                assert!(
                    (v.is_nan() && want.is_nan()) || v.to_bits() == want.to_bits(),
                    "{text:?} -> {v:e}, want {want:e}"
                );
            }
        }
        for v in [
            0.0,
            5e-324,
            2.225073858507201e-308,
            2.2250738585072014e-308,
            0.49999999999999994,
            0.5,
            0.50000000000000006,
            0.9999999999999999,
            1.0,
            1.0000000000000002,
            4294967295.0,
            4294967296.0,
            4503599627370495.5,
            4503599627370497.0,
            9007199254740991.0,
            9007199254740992.0,
            1.7976931348623157e+308,
            f64::INFINITY,
            f64::NAN,
        ] {
            let s = super::super::format::double_to_string(v);
            check(&s, v);
            if v.is_finite() {
                let e = super::super::format::to_string_as_exponential(v, None).unwrap();
                check(&e.to_lowercase(), v);
                check(&e.to_uppercase(), v);
            }
        }
        check("000000000000", 0.0);
        check("000000000001", 1.0);
        check("000000000000.0000000000000", 0.0);
        check("000000000001.0000000000000", 1.0);
        check("0e0", 0.0);
        check("0e+0", 0.0);
        check("0e-0", 0.0);
        check("1e0", 1.0);
        check("1e+0", 1.0);
        check("1e-0", 1.0);
        check("1.", 1.0);
        check(".1", 0.1);
        check("1.e1", 10.0);
        check(".1e1", 1.0);
        check("Infinity", f64::INFINITY);
        check("NaN", f64::NAN);
        for i in -22i32..=22 {
            for j in [1.0f64, 9007199254740991.0, 9007199254740992.0] {
                let value = if i >= 0 {
                    j * 10f64.powi(i)
                } else {
                    j / 10f64.powi(-i)
                };
                let js = super::super::format::double_to_string(j);
                check(&format!("{js}e{i}"), value);
                check(&format!("{js}E{i}"), value);
                if i >= 0 {
                    check(&format!("{js}e+{i}"), value);
                }
            }
        }
        // The SDK loop's inner `i` shadows the outer one, so every string moves the
        // point left by `i` places and the exponent puts it back.
        let digits = "9007199254740991";
        for i in 0..digits.len() {
            let dot = digits.len() - i;
            check(
                &format!("{}.{}e{i}", &digits[..dot], &digits[dot..]),
                9007199254740991.0,
            );
        }
        check(
            "0.99999999999999988897769753748434595763683319091796875",
            0.9999999999999999,
        );
        check(
            "0.999999999999999944488848768742172978818416595458984375",
            1.0,
        );
        check(
            "0.499999999999999944488848768742172978818416595458984375",
            0.49999999999999994,
        );
        check(
            "0.4999999999999999722444243843710864894092082977294921875",
            0.5,
        );
        check(
            "1.9999999999999997779553950749686919152736663818359375",
            1.9999999999999998,
        );
        check(
            "1.99999999999999988897769753748434595763683319091796875",
            2.0,
        );
        check("4503599627370495.5", 4503599627370495.5);
        check("4503599627370495.75", 4503599627370496.0);
        check("4503599627370496", 4503599627370496.0);
        check("4503599627370496.5", 4503599627370496.0);
        check("9007199254740991", 9007199254740991.0);
        check("9007199254740991.5", 9007199254740992.0);
        check(
            concat!(
                "1797693134862315708145274237317043567980705675258449965989174768",
                "0315726078002853876058955863276687817154045895351438246423432132",
                "6889464182768467546703537516986049910576551282076245490090389328",
                "9440758685084551339423045832369032229481658085593321233482747978",
                "26204144723168738177180919299881250404026184124858368",
            ),
            1.7976931348623157e+308,
        );
        check(
            concat!(
                "1797693134862315807937289714053034150799341327100378194286569501",
                "7574473832160705543739215666582761354682674973879349714831499292",
                "8620232455220458908340124972127889717295245764493583188543574449",
                "7703035690903649098158444443687202655781915109457910629727393062",
                "50541739356374003666875082388828428992938306508423168",
            ),
            1.7976931348623157e+308,
        );
        check(
            concat!(
                "1797693134862315807937289714053034150799341327100378269361737789",
                "8044496829276475094664901797758720709633028641669288791094655554",
                "7851940402630657488671505820681908902000708383676273854845817711",
                "5317644757302700698555713669596228429148198608349364752927190741",
                "68444365510704342711559699508093042880177904174497792",
            ),
            f64::INFINITY,
        );
        check(
            concat!(
                "4503599627370496.50000000000000000000000000000000000037615819226",
                "3132002549995691911118616901972978167068006882800546009093523025",
                "5126953125",
            ),
            4503599627370497.0,
        );
        check("1e22", 1e22);
        check("1e23", 1e23);
        check("1e-22", 1e-22);
        check("1e-23", 1e-23);
        for bad in [
            "- 1", "+ 1", "2 2", "1 .", ". 1", "1e 2", "1 e2", "0x0", "0x1H", "12H", "1x2", "00x2",
            "0x2.2", ".e1", "e1", "e+1", "e-1", "-e1", "-e+1", "-e-1", "--1", "-+1", "+-1", "++1",
            "infinity", "INFINITY", "1.#INF", "inf", "nan", "NAN", "1.#IND", "indef", "qnan",
            "snan",
        ] {
            assert!(double_try_parse(bad).is_none(), "{bad:?}");
            assert!(double_parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn double_parse_edges() {
        assert_eq!(double_parse("5.").unwrap(), 5.0);
        assert_eq!(double_parse(".5").unwrap(), 0.5);
        assert_eq!(double_parse("1e5").unwrap(), 1e5);
        assert_eq!(double_parse("-Infinity").unwrap(), f64::NEG_INFINITY);
        assert!(double_parse("-NaN").unwrap().is_nan());
        assert!(double_parse("-0").unwrap().is_sign_negative());
        assert!(double_parse("-0.0e5").unwrap().is_sign_negative());
        assert_eq!(
            double_parse("\u{feff}\u{3000} 12.5e-1\u{a0}").unwrap(),
            1.25
        );
        assert_eq!(
            double_parse("1e99999999999999999999").unwrap(),
            f64::INFINITY
        );
        assert_eq!(double_parse("1e-99999999999999999999").unwrap(), 0.0);
        assert_eq!(double_parse("0e99999999999999999999").unwrap(), 0.0);
        assert_eq!(
            double_parse(&format!("0.{}1e400", "0".repeat(300))).unwrap(),
            1e99
        );
        for bad in [
            "", " ", ".", "+", "-", "e", "1e", "1e+", "1.2.3", "0x10", "1_000", "½",
        ] {
            assert!(double_try_parse(bad).is_none(), "{bad:?}");
        }
        assert_eq!(
            double_parse("abc").unwrap_err().to_string(),
            "FormatException: Invalid double\nabc"
        );
        assert_eq!(
            double_parse("").unwrap_err().to_string(),
            "FormatException: Invalid double\n"
        );
    }

    #[test]
    // `3.14` is the api docs' example value, not an approximation of pi.
    #[allow(clippy::approx_constant)]
    fn num_parse_sdk_test() {
        // dart-lang/sdk tests/corelib/num_parse_test.dart
        fn int_case(v: i64) {
            let hex = format!(
                "0x{}",
                super::super::format::int_to_radix_string(v, 16).unwrap()
            );
            for (s, want) in [
                (v.to_string(), v),
                (format!("+{v}"), v),
                (format!("-{v}"), -v),
                (hex.clone(), v),
                (format!("+{hex}"), v),
                (format!("-{hex}"), -v),
                (hex.to_uppercase(), v),
                (format!(" {} ", hex.to_uppercase()), v),
            ] {
                assert_eq!(num_parse(&s).unwrap(), DartNum::Int(want), "{s}");
            }
        }
        for v in [0, 1, 9, 10, 99, 100] {
            int_case(v);
        }
        for v in [
            256,
            0x80000000,
            0x100000000,
            0x10000000000000,
            0x20000000000000,
            0x40000000000000,
            0x7ffffffffffffffe,
        ] {
            int_case(v - 1);
            int_case(v);
            if v < i64::MAX {
                int_case(v + 1);
            }
        }
        assert_eq!(num_parse("000000000000").unwrap(), DartNum::Int(0));
        assert_eq!(num_parse("000000000001").unwrap(), DartNum::Int(1));
        assert_eq!(
            num_parse("000000000000.0000000000000").unwrap(),
            DartNum::Double(0.0)
        );
        assert_eq!(num_parse("0x0000000000").unwrap(), DartNum::Int(0));
        assert_eq!(num_parse("1.").unwrap(), DartNum::Double(1.0));
        assert_eq!(num_parse(".1e1").unwrap(), DartNum::Double(1.0));
        match num_parse("-0e0").unwrap() {
            DartNum::Double(d) => assert!(d == 0.0 && d.is_sign_negative()),
            other => panic!("{other:?}"),
        }
        for ws in WHITESPACE.chars() {
            assert_eq!(num_parse(&format!("{ws}0x1{ws}")).unwrap(), DartNum::Int(1));
            assert_eq!(
                num_parse(&format!("{ws}-1e1{ws}")).unwrap(),
                DartNum::Double(-10.0)
            );
        }
        for bad in [
            "- 1", "+ 1", "2 2", "0x 42", "1 .", ". 1", "1e 2", "1 e2", "0x1H", "12H", "1x2",
            "00x2", "0x2.2", "0x", "-0x", "+0x", ".e1", "e1", "e+1", "e-1", "-e1", "-e+1", "-e-1",
            "infinity", "INFINITY", "1.#INF", "inf", "nan", "NAN", "1.#IND", "indef", "qnan",
            "snan",
        ] {
            assert!(num_parse(bad).is_err(), "{bad:?}");
            assert!(num_try_parse(bad).is_none(), "{bad:?}");
        }
        // api.dart.dev num.parse examples.
        assert_eq!(num_parse("2021").unwrap(), DartNum::Int(2021));
        assert_eq!(num_parse("3.14").unwrap(), DartNum::Double(3.14));
        assert_eq!(num_parse("  3.14 \u{a0}").unwrap(), DartNum::Double(3.14));
        assert_eq!(num_parse("0.").unwrap(), DartNum::Double(0.0));
        assert_eq!(num_parse(".0").unwrap(), DartNum::Double(0.0));
        assert_eq!(num_parse("-1.e3").unwrap(), DartNum::Double(-1000.0));
        assert_eq!(
            num_parse("1234E+7").unwrap(),
            DartNum::Double(12340000000.0)
        );
        assert_eq!(num_parse("+.12e-9").unwrap(), DartNum::Double(1.2e-10));
        assert!(matches!(num_parse("-NaN").unwrap(), DartNum::Double(d) if d.is_nan()));
        assert_eq!(num_parse("0xFF").unwrap(), DartNum::Int(255));
        assert_eq!(
            num_parse("Infinity").unwrap(),
            DartNum::Double(f64::INFINITY)
        );
        assert_eq!(
            num_parse("1f").unwrap_err().to_string(),
            "FormatException: 1f"
        );
        assert_eq!(num_parse("").unwrap_err().to_string(), "FormatException");
        // Too big for int: falls through to double.
        assert_eq!(
            num_parse("9223372036854775808").unwrap(),
            DartNum::Double(9223372036854775808.0)
        );
    }

    #[test]
    fn utf16_forms() {
        let units: Vec<u16> = " 42 ".encode_utf16().collect();
        assert_eq!(int_parse_utf16(&units, None).unwrap(), 42);
        assert_eq!(double_parse_utf16(&units).unwrap(), 42.0);
        assert_eq!(num_parse_utf16(&units).unwrap(), DartNum::Int(42));
        // A lone surrogate is not a digit and must not panic.
        let bad = [0xd800u16, 0x31];
        assert!(int_parse_utf16(&bad, None).is_err());
        assert!(double_parse_utf16(&bad).is_err());
        assert!(num_parse_utf16(&bad).is_err());
        assert!(is_dart_whitespace(0x85));
        assert!(!is_dart_whitespace(0x180e));
        assert!(!is_dart_whitespace(0x200b));
    }
}
