//! Decimal digit generation for doubles: the exact decimal expansion of a binary64 value
//! (for `toStringAsFixed`/`Exponential`/`Precision`, which round the exact value half
//! up, like the VM's double-conversion library) and the shortest round-trip digits (for
//! `toString`, taken from Rust's float formatter, which is shortest-round-trip too).

/// The digits of a positive value: `value = 0.d1 d2 d3 ... × 10^point`.
///
/// `digits` holds ASCII `b'0'..=b'9'`, has no leading zero and (once normalised) no
/// trailing zero. An empty `digits` means zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    pub digits: Vec<u8>,
    pub point: i32,
}

impl Digits {
    /// The representation double-conversion uses for a zero value: `"0"`, point 1.
    pub fn zero() -> Digits {
        Digits {
            digits: vec![b'0'],
            point: 1,
        }
    }

    fn trim_trailing_zeros(&mut self) {
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
        }
    }
}

/// A little-endian base-2^32 unsigned big integer, just big enough for one double's
/// exact expansion (at most 53 + 2494 bits).
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let p = (*limb as u64) * (m as u64) + carry;
            *limb = p as u32;
            carry = p >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut k: u32) {
        const FIVE_13: u32 = 1_220_703_125; // 5^13, the largest power of 5 below 2^32.
        while k >= 13 {
            self.mul_small(FIVE_13);
            k -= 13;
        }
        if k > 0 {
            self.mul_small(5u32.pow(k));
        }
    }

    fn shl(&mut self, bits: u32) {
        let words = (bits / 32) as usize;
        let rest = bits % 32;
        if rest != 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = *limb;
                *limb = (v << rest) | carry;
                carry = v >> (32 - rest);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if words > 0 {
            let mut v = vec![0u32; words];
            v.append(&mut self.0);
            self.0 = v;
        }
    }

    /// Divides in place, returning the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let cur = (rem << 32) | (*limb as u64);
            *limb = (cur / d as u64) as u32;
            rem = cur % d as u64;
        }
        self.trim();
        rem as u32
    }

    /// Decimal digits, most significant first; empty for zero.
    fn into_decimal(mut self) -> Vec<u8> {
        let mut chunks = Vec::new();
        while !self.0.is_empty() {
            chunks.push(self.div_small(1_000_000_000));
        }
        let mut out = Vec::with_capacity(chunks.len() * 9);
        for (i, chunk) in chunks.iter().rev().enumerate() {
            if i == 0 {
                out.extend_from_slice(chunk.to_string().as_bytes());
            } else {
                out.extend_from_slice(format!("{chunk:09}").as_bytes());
            }
        }
        out
    }
}

/// The exact decimal expansion of `|v|`; `v` must be finite and non-zero (zero and
/// non-finite values give [`Digits::zero`]).
pub(crate) fn exact(v: f64) -> Digits {
    if !v.is_finite() || v == 0.0 {
        return Digits::zero();
    }
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    // value = mantissa × 2^exponent; drop factors of two to keep the numbers small.
    while exponent < 0 && mantissa & 1 == 0 {
        mantissa >>= 1;
        exponent += 1;
    }
    let mut big = Big::from_u64(mantissa);
    let digits;
    let point;
    if exponent >= 0 {
        big.shl(exponent as u32);
        digits = big.into_decimal();
        point = digits.len() as i32;
    } else {
        // m × 2^-k = m × 5^k / 10^k.
        big.mul_pow5((-exponent) as u32);
        digits = big.into_decimal();
        point = digits.len() as i32 + exponent;
    }
    let mut d = Digits { digits, point };
    d.trim_trailing_zeros();
    d
}

/// The shortest digits that round-trip to `|v|` (closest to the exact value when several
/// have that length), as double-conversion's SHORTEST mode gives them.
pub(crate) fn shortest(v: f64) -> Digits {
    let v = v.abs();
    if !v.is_finite() || v == 0.0 {
        return Digits::zero();
    }
    // Rust prints e.g. "1.2345e-7" / "1e21": shortest round-trip digits.
    let s = format!("{v:e}");
    let Some((mantissa, exp)) = s.split_once('e') else {
        return exact(v);
    };
    let Ok(exp) = exp.parse::<i32>() else {
        return exact(v);
    };
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let mut d = Digits {
        digits,
        point: exp + 1,
    };
    d.trim_trailing_zeros();
    if d.digits.is_empty() {
        return exact(v);
    }
    d
}

/// Adds one unit in the last place of `digits` (ASCII), returning `true` when the carry
/// ran off the front (all nines), in which case `digits` is now all zeros.
fn increment(digits: &mut [u8]) -> bool {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return false;
        }
    }
    true
}

/// Rounds `d` (exact digits) to `count >= 1` significant digits, half up (away from
/// zero), as double-conversion's PRECISION mode does on the exact binary value.
pub(crate) fn round_significant(d: &Digits, count: usize) -> Digits {
    if d.digits.len() <= count {
        return d.clone();
    }
    let mut digits = d.digits[..count].to_vec();
    let mut point = d.point;
    if d.digits[count] >= b'5' && increment(&mut digits) {
        digits.clear();
        digits.push(b'1');
        point += 1;
    }
    let mut r = Digits { digits, point };
    r.trim_trailing_zeros();
    r
}

/// Rounds `d` (exact digits) to `fraction_digits` digits after the decimal point, half
/// up. A result of zero has empty digits and `point == -fraction_digits`, as in
/// double-conversion's FIXED mode.
pub(crate) fn round_fixed(d: &Digits, fraction_digits: i32) -> Digits {
    let zero = Digits {
        digits: Vec::new(),
        point: -fraction_digits,
    };
    if d.digits.is_empty() || d.digits == [b'0'] {
        return Digits::zero();
    }
    let keep = d.point as i64 + fraction_digits as i64;
    if keep < 0 {
        return zero;
    }
    let keep = keep as usize;
    if keep >= d.digits.len() {
        return d.clone();
    }
    if keep == 0 {
        // Everything is below the last kept place: round to one unit or to zero.
        return if d.digits[0] >= b'5' {
            Digits {
                digits: vec![b'1'],
                point: d.point + 1,
            }
        } else {
            zero
        };
    }
    round_significant(d, keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(d: &Digits) -> (String, i32) {
        (String::from_utf8(d.digits.clone()).unwrap(), d.point)
    }

    #[test]
    fn exact_expansions() {
        assert_eq!(s(&exact(1.0)), ("1".into(), 1));
        assert_eq!(s(&exact(100.0)), ("1".into(), 3));
        assert_eq!(s(&exact(0.5)), ("5".into(), 0));
        assert_eq!(s(&exact(0.125)), ("125".into(), 0));
        // 0.1 is 0.1000000000000000055511151231257827021181583404541015625 exactly.
        assert_eq!(
            s(&exact(0.1)),
            (
                "1000000000000000055511151231257827021181583404541015625".into(),
                0
            )
        );
        // 2^64.
        assert_eq!(
            s(&exact(18446744073709551616.0)),
            ("18446744073709551616".into(), 20)
        );
        // The smallest subnormal: 4.9406564584124654417656879286822137236505980e-324, 751
        // significant digits.
        let tiny = exact(5e-324);
        assert_eq!(tiny.point, -323);
        assert_eq!(tiny.digits.len(), 751);
        assert!(tiny
            .digits
            .starts_with(b"49406564584124654417656879286822137236505980"));
        assert!(tiny.digits.ends_with(b"5625"));
        // The largest double has 309 integer digits.
        let max = exact(f64::MAX);
        assert_eq!(max.point, 309);
        assert!(max.digits.starts_with(b"17976931348623157081"));
    }

    #[test]
    fn shortest_digits() {
        assert_eq!(s(&shortest(0.1)), ("1".into(), 0));
        assert_eq!(
            s(&shortest(0.30000000000000004)),
            ("30000000000000004".into(), 0)
        );
        assert_eq!(s(&shortest(1e21)), ("1".into(), 22));
        assert_eq!(s(&shortest(5e-324)), ("5".into(), -323));
        assert_eq!(s(&shortest(123.0)), ("123".into(), 3));
    }

    #[test]
    fn rounding() {
        let d = exact(0.5);
        assert_eq!(s(&round_fixed(&d, 0)), ("1".into(), 1));
        let d = exact(0.001);
        assert_eq!(s(&round_fixed(&d, 2)), ("".into(), -2));
        let d = exact(0.006);
        assert_eq!(s(&round_fixed(&d, 2)), ("1".into(), -1));
        let d = exact(9.99);
        assert_eq!(s(&round_fixed(&d, 1)), ("1".into(), 2));
        let d = exact(999.0);
        assert_eq!(s(&round_significant(&d, 2)), ("1".into(), 4));
    }
}
