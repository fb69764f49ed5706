//! Decimal digit generation for doubles: the exact decimal expansion of a binary64 value
//! (for `toStringAsFixed`/`Exponential`/`Precision`, which round the exact value half
//! up, like the VM's double-conversion library) and the shortest round-trip digits (for
//! `toString`, taken from Rust's float formatter, which is shortest-round-trip too, with
//! double-conversion's round-half-even tie break applied on top).

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
    let (mantissa, exponent) = binary_parts(v);
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

/// `|v| = mantissa × 2^exponent` for a finite non-zero `v`, with factors of two moved
/// from the mantissa into a negative exponent (so the mantissa is odd when `exponent < 0`).
fn binary_parts(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    while exponent < 0 && mantissa & 1 == 0 {
        mantissa >>= 1;
        exponent += 1;
    }
    (mantissa, exponent)
}

/// The shortest digits that round-trip to `|v|`, as double-conversion's SHORTEST mode
/// gives them: of the candidates of that length that round-trip, the one closest to the
/// exact binary value, and on an exact tie the one whose last digit is even.
///
/// Rust's formatter already picks the closest shortest candidate but rounds an exact tie
/// up (`1e15 + 0.3`, exactly 1000000000000000.25, comes out as `...0.3` where the VM
/// prints `...0.2`), so ties are detected on the exact expansion and re-broken here.
pub(crate) fn shortest(v: f64) -> Digits {
    let v = v.abs();
    if !v.is_finite() || v == 0.0 {
        return Digits::zero();
    }
    let d = rust_shortest(v);
    break_tie_to_even(v, d)
}

/// Rust's shortest round-trip digits of the positive finite `v`.
fn rust_shortest(v: f64) -> Digits {
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

/// double-conversion's shortest-digit generation (`GenerateShortestDigits` in
/// bignum-dtoa.cc, which Grisu3 in fast-dtoa.cc falls back to whenever it cannot prove
/// its answer closest) stops at the first length `n` where the truncated digits or those
/// digits plus one unit round-trip; when both do it keeps the closer one and, if the
/// remainder is exactly half a unit, the one with an even last digit. Rust's choice `d`
/// (length `n`) agrees except on that exact half, where it rounds up.
///
/// An exact half means the exact expansion of `v` is `n + 1 <= 18` digits ending in a `5`
/// in the place `10^(t-1)`, where `10^t`, the candidates' spacing, is at most one ulp.
/// With `v = m × 2^e` (`m` odd when `e < 0`): for `e < 0` the expansion has as many
/// digits as `m × 5^-e`, 19 or more once `-e > 25`; an integer `v` has its `5` after
/// the point when its ulp is below 1, and when its ulp `2^e` is 1 or more the `5` would
/// sit in a place `10^(t-1)` with `t - 1 < e`, where a multiple of `2^e` cannot end in
/// `5 × 10^(t-1)`. So only `-25 <= e < 0` needs the exact expansion.
fn break_tie_to_even(v: f64, d: Digits) -> Digits {
    let (_, exponent) = binary_parts(v);
    if !(-25..0).contains(&exponent) {
        return d;
    }
    let n = d.digits.len();
    let e = exact(v);
    if e.digits.len() != n + 1 || e.digits[n] != b'5' {
        return d;
    }
    // `v` is exactly halfway between `lower` (its first n digits) and `lower` + 1 unit.
    let mut even = Digits {
        digits: e.digits[..n].to_vec(),
        point: e.point,
    };
    if (even.digits[n - 1] - b'0') % 2 == 1 && increment(&mut even.digits) {
        // All nines carry into a new leading digit.
        even.digits.insert(0, b'1');
        even.point += 1;
    }
    even.trim_trailing_zeros();
    // Away from powers of two both neighbours round-trip or neither does; at a power of
    // two the lower boundary is twice as close, so the lower neighbour may not.
    if even != d && round_trips(&even, v) {
        even
    } else {
        d
    }
}

/// Whether `0.digits × 10^point` reads back (correctly rounded) as `v`.
fn round_trips(d: &Digits, v: f64) -> bool {
    let text = format!(
        "0.{}e{}",
        std::str::from_utf8(&d.digits).unwrap_or("0"),
        d.point
    );
    text.parse::<f64>() == Ok(v)
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
    fn shortest_breaks_exact_ties_to_even() {
        // Exactly halfway between two shortest candidates that both round-trip: the even
        // last digit wins, as double-conversion's halfway case has it (node prints these
        // the same way; Rust's formatter rounds the tie up).
        for (x, digits, point) in [
            // 1000000000000000.25: node prints 1000000000000000.2.
            (1e15 + 0.3, "10000000000000002", 16),
            // Exactly 1000000000000000.75: the lower candidate ends in 7, so up.
            (1e15 + 0.75, "10000000000000008", 16),
            // 2^-25 = 2.98023223876953125e-8: node prints 2.9802322387695312e-8.
            (2f64.powi(-25), "29802322387695312", -7),
            // 1.25 × 2^-21 = 5.9604644775390625e-7: node prints 5.960464477539062e-7.
            (
                f64::from_bits(0x3ea4_0000_0000_0000),
                "5960464477539062",
                -6,
            ),
            // 0.0311222076416015625: node 0.031122207641601562.
            (
                f64::from_bits(0x3f9f_de80_0000_0000),
                "31122207641601562",
                -1,
            ),
            // 112.624176025390625: node 112.62417602539062.
            (
                f64::from_bits(0x405c_27f2_8000_0000),
                "11262417602539062",
                3,
            ),
            // 1000000000.22265625: node 1000000000.2226562.
            (
                f64::from_bits(0x41cd_cd65_001c_8000),
                "10000000002226562",
                10,
            ),
            // 1597681045006.90625: node 1597681045006.9062.
            (
                f64::from_bits(0x4277_3fd3_60e0_ee80),
                "15976810450069062",
                13,
            ),
            // 25585385940.5234375: the lower candidate ends in 7, so the tie goes up.
            (
                f64::from_bits(0x4217_d408_0752_1800),
                "25585385940523438",
                11,
            ),
            // 2^-24 = 5.9604644775390625e-8 is a power of two, whose lower rounding boundary
            // is twice as close: the even ...062 does not read back as 2^-24, so the
            // only shortest candidate is ...063 (node prints 5.960464477539063e-8).
            (2f64.powi(-24), "5960464477539063", -7),
        ] {
            assert_eq!(s(&shortest(x)), (digits.into(), point), "{x:e}");
            assert_eq!(s(&shortest(-x)), (digits.into(), point), "-{x:e}");
        }
    }

    /// double-conversion's SHORTEST rule restated on the exact expansion: at the first
    /// length where the truncated digits or the truncated digits plus one unit read back
    /// as `v`, the one that does (both: the closer, on an exact tie the even one). When a
    /// shorter candidate reads back, so does one of these two at that length, as the set
    /// of decimals reading back as `v` is an interval around it.
    fn reference_shortest(v: f64) -> Digits {
        let e = exact(v);
        for len in 1..e.digits.len() {
            let floor = Digits {
                digits: e.digits[..len].to_vec(),
                point: e.point,
            };
            let mut ceil = floor.clone();
            if increment(&mut ceil.digits) {
                ceil.digits.insert(0, b'1');
                ceil.point += 1;
            }
            let (down, up) = (round_trips(&floor, v), round_trips(&ceil, v));
            // The remainder past `len` digits against half a unit: "5" exactly is a tie.
            let rest = &e.digits[len..];
            let pick_up = match (down, up) {
                (false, false) => continue,
                (true, false) => false,
                (false, true) => true,
                (true, true) => match rest.cmp(&b"5"[..]) {
                    std::cmp::Ordering::Less => false,
                    std::cmp::Ordering::Greater => true,
                    std::cmp::Ordering::Equal => (floor.digits[len - 1] - b'0') % 2 == 1,
                },
            };
            let mut d = if pick_up { ceil } else { floor };
            d.trim_trailing_zeros();
            return d;
        }
        e
    }

    /// Doubles exactly halfway between two round-tripping shortest candidates, found
    /// binade by binade. Such a tie at spacing `10^-s` needs `v = r / 2^(s+1)` (odd `r`),
    /// representable in the binade (`s + 1 <= j` for ulp `2^-j`) with `10^-s <= 2^-j`.
    fn tie_doubles() -> Vec<f64> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut out = Vec::new();
        for p in -30i32..=52 {
            let j = 52 - p;
            let low = 2f64.powi(p);
            for s in 1..j {
                if 10f64.powi(s) < 2f64.powi(j) {
                    continue;
                }
                let scale = 2f64.powi(s + 1);
                for t in 0..40 {
                    let base = match t {
                        0 => low,
                        1..=19 => low * (1.0 + (next() >> 11) as f64 / (1u64 << 53) as f64),
                        _ => {
                            // Around the power of ten inside the binade, if there is one.
                            let ten = 10f64.powi(low.log10().ceil() as i32);
                            if ten < 2.0 * low {
                                ten + (t - 30) as f64 * 7.0 / scale
                            } else {
                                low * 1.5
                            }
                        }
                    };
                    let mut r = (base * scale).floor();
                    if r % 2.0 == 0.0 {
                        r += 1.0;
                    }
                    let x = r / scale;
                    let e = exact(x);
                    let n = e.digits.len() - 1;
                    let tie = x >= low
                        && x < 2.0 * low
                        && e.digits.last() == Some(&b'5')
                        && rust_shortest(x).digits.len() == n
                        && round_trips(
                            &Digits {
                                digits: e.digits[..n].to_vec(),
                                point: e.point,
                            },
                            x,
                        );
                    if tie {
                        out.push(x);
                    }
                }
                if s > j / 2 + 2 {
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn shortest_matches_reference_on_ties() {
        let ties = tie_doubles();
        let mut changed = 0;
        for &x in &ties {
            let d = shortest(x);
            assert_eq!(s(&d), s(&reference_shortest(x)), "{x:e}");
            assert_eq!(d.digits.last().map(|b| (b - b'0') % 2), Some(0), "{x:e}");
            if d != rust_shortest(x) {
                changed += 1;
            }
        }
        assert!(ties.len() > 1000, "only {} ties", ties.len());
        assert!(
            changed > 500,
            "only {changed} ties differ from Rust's choice"
        );
    }

    #[test]
    fn shortest_matches_reference_on_samples() {
        // Closest-candidate rule and shortness away from ties: random bit patterns (every
        // exponent, subnormals included), random magnitudes, binary fractions, and every
        // power of two.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        // 2^p from its bits: `2f64.powi(p)` underflows to zero for the deep subnormals.
        let pow2 = |p: i32| {
            if p >= -1022 {
                f64::from_bits(((p + 1023) as u64) << 52)
            } else {
                f64::from_bits(1 << (p + 1074))
            }
        };
        let mut samples: Vec<f64> = (-1074..=1023).map(pow2).collect();
        assert!(samples.iter().all(|&x| x > 0.0 && x.is_finite()));
        for _ in 0..2000 {
            samples.push(f64::from_bits(next() & !(1 << 63)));
            let m = (next() >> 11) as f64 / (1u64 << 53) as f64;
            samples.push(m * 10f64.powi((next() % 60) as i32 - 30));
            let k = (next() % 10_000_000) as f64;
            samples.push(k / 2f64.powi((next() % 40) as i32) + (next() % (1 << 40)) as f64);
            samples.push(f64::from_bits(next() % (1 << 52)));
        }
        for x in samples {
            if x.is_finite() && x != 0.0 {
                assert_eq!(s(&shortest(x)), s(&reference_shortest(x)), "{x:e}");
            }
        }
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
