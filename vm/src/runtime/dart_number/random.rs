//! `dart:math` `Random(seed)` exactly as the Dart VM implements it
//! (sdk/lib/_internal/vm/lib/math_patch.dart `_Random`), so seeded sequences match the
//! VM's: a 64-bit multiply-with-carry generator (base 2^32, multiplier 0xffffda61) whose
//! seed is scrambled with Thomas Wang's 64-bit mix and then stepped four times.

use super::error::NumError;

/// The MWC multiplier, from Numerical Recipes 3rd ed. p.348 B1.
const MULTIPLIER: u64 = 0xffff_da61;
const POW2_32: i64 = 1 << 32;

/// The VM's seeded pseudo-random generator (`_Random`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DartRandom {
    state: u64,
}

impl DartRandom {
    /// `Random(seed)`.
    pub fn new(seed: i64) -> DartRandom {
        let mut r = DartRandom {
            state: setup_seed(seed as u64),
        };
        for _ in 0..4 {
            r.next_state();
        }
        r
    }

    /// A generator with this raw state and no seed scrambling (`_Random._withState`),
    /// which is how the VM builds the global generator that seeds unseeded `Random()`s
    /// from 64 bits of entropy.
    pub fn with_state(state: u64) -> DartRandom {
        DartRandom { state }
    }

    /// The current 64-bit state.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// The seed an unseeded `Random()` takes from the global generator
    /// (`_Random._nextSeed`): step once, return the low 32 bits.
    pub fn next_seed(&mut self) -> i64 {
        self.next_state();
        (self.state & 0xffff_ffff) as i64
    }

    /// One MWC step: `state = A * (state & 0xffffffff) + (state >>> 32)`. The sum is below
    /// 2^64, so nothing wraps.
    fn next_state(&mut self) {
        let lo = self.state & 0xffff_ffff;
        let hi = self.state >> 32;
        self.state = MULTIPLIER * lo + hi;
    }

    fn low32(&self) -> i64 {
        (self.state & 0xffff_ffff) as i64
    }

    /// `nextInt(max)`: uniform in `0..max` for `1 <= max <= 2^32`; powers of two take the
    /// low bits of one step, other values reject the biased top of the 32-bit range.
    pub fn next_int(&mut self, max: i64) -> Result<i64, NumError> {
        if max <= 0 || max > POW2_32 {
            return Err(NumError::range(
                max,
                Some(1),
                Some(POW2_32),
                "max",
                Some("Must be positive and <= 2^32"),
            ));
        }
        if max & max.wrapping_neg() == max {
            self.next_state();
            return Ok(self.low32() & (max - 1));
        }
        loop {
            self.next_state();
            let rnd32 = self.low32();
            let result = rnd32 % max;
            if rnd32 - result + max <= POW2_32 {
                return Ok(result);
            }
        }
    }

    /// `nextDouble()`: 26 + 27 random bits as a multiple of 2^-53 in `[0, 1)`.
    pub fn next_double(&mut self) -> f64 {
        let high = self.next_int_pow2(1 << 26) as f64;
        let low = self.next_int_pow2(1 << 27) as f64;
        (high * (1u64 << 27) as f64 + low) / (1u64 << 53) as f64
    }

    /// `nextBool()`: `nextInt(2) == 0`.
    pub fn next_bool(&mut self) -> bool {
        self.next_int_pow2(2) == 0
    }

    /// `nextInt(max)` for a power of two `max <= 2^32`, which cannot fail.
    fn next_int_pow2(&mut self, max: i64) -> i64 {
        self.next_state();
        self.low32() & (max - 1)
    }
}

/// `_Random._setupSeed`: Thomas Wang's 64-bit integer mix (all arithmetic mod 2^64,
/// shifts logical), with a zero result replaced by 0x5a17.
fn setup_seed(seed: u64) -> u64 {
    let mut n = seed;
    n = (!n).wrapping_add(n << 21);
    n ^= n >> 24;
    n = n.wrapping_mul(265);
    n ^= n >> 14;
    n = n.wrapping_mul(21);
    n ^= n >> 28;
    n = n.wrapping_add(n << 31);
    if n == 0 {
        n = 0x5a17;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_random_test_sequence() {
        // dart-lang/sdk tests/lib/math/random_test.dart, checkSequence(): the values the
        // VM (and dart2js) must produce for seed 20130307 and nextInt(2), nextInt(4), ...
        let expected: [i64; 32] = [
            0, 3, 7, 5, 29, 17, 104, 199, 408, 362, 995, 2561, 2548, 9553, 2628, 42376, 101848,
            85153, 495595, 647122, 793546, 1073343, 4479969, 9680425, 28460171, 49481738, 9878974,
            132552472, 210267283, 125422442, 226275094, 1639629168,
        ];
        let mut rnd = DartRandom::new(20130307);
        let mut i: i64 = 1;
        for want in expected {
            i *= 2;
            assert_eq!(rnd.next_int(i).unwrap(), want, "nextInt({i})");
        }
        assert_eq!(i, 0x1_0000_0000);
        let e = rnd.next_int(i + 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "RangeError (max): Must be positive and <= 2^32: \
             Not in inclusive range 1..4294967296: 4294967297"
        );

        // Same file: nextDouble() for seed 6790, compared with Expect.approxEquals (whose
        // default tolerance is 1e-4 of the expected value).
        let mut rnd = DartRandom::new(6790);
        for want in [0.1202733131, 0.5554054805, 0.0385160727, 0.2836345217] {
            let got = rnd.next_double();
            assert!((got - want).abs() <= want * 1e-4, "{got} vs {want}");
        }
    }

    #[test]
    fn sdk_random_test_seeds() {
        // dart-lang/sdk tests/lib/math/random_test.dart, checkSeed(): the first
        // nextInt(65536) for seeds rawSeed * 2^k and -rawSeed * 2^k while they stay
        // positive in 64 bits, and for seed 0.
        let raw_seed: i64 = 0x19a32c640e1d71;
        let expectations: [i64; 11] = [
            26007, 43006, 46458, 18610, 16413, 50455, 2164, 47399, 8859, 9732, 20367,
        ];
        let negative: [i64; 11] = [
            12170, 42844, 39228, 64032, 29046, 57572, 8453, 52224, 27060, 28454, 20510,
        ];
        let mut m: i64 = 1;
        let mut checked = 0;
        for i in 0..75 {
            let seed = raw_seed.wrapping_mul(m);
            if seed < 0 {
                break;
            }
            assert_eq!(
                DartRandom::new(seed).next_int(65536).unwrap(),
                expectations[i],
                "seed {seed}"
            );
            assert_eq!(
                DartRandom::new(raw_seed.wrapping_mul(m.wrapping_neg()))
                    .next_int(65536)
                    .unwrap(),
                negative[i],
                "seed -{seed}"
            );
            m = m.wrapping_mul(2);
            checked += 1;
        }
        assert_eq!(checked, 11);
        assert_eq!(DartRandom::new(0).next_int(65536).unwrap(), 21391);
    }

    #[test]
    fn derived_values() {
        // Derived by hand from the MWC step `A * lo + hi` with A = 0xffffda61.
        let mut r = DartRandom::with_state(1);
        r.next_state();
        assert_eq!(r.state(), 0xffff_da61);
        let mut r = DartRandom::with_state(1 << 32);
        r.next_state();
        assert_eq!(r.state(), 1);
        // The largest state steps to (A + 1) * (2^32 - 1), which still fits in 64 bits.
        let mut r = DartRandom::with_state(u64::MAX);
        r.next_state();
        assert_eq!(r.state(), 0xffff_da61_0000_259e);
        // `_nextSeed`: one step, low 32 bits.
        assert_eq!(DartRandom::with_state(1).next_seed(), 0xffff_da61);
        // Seed 0 is not special-cased before mixing (`~0` is all ones).
        assert_ne!(setup_seed(0), 0);
    }

    #[test]
    fn ranges_and_bools() {
        let mut r = DartRandom::new(42);
        for max in [1i64, 2, 3, 7, 10, 1000, (1 << 31) + 1, 1 << 32] {
            for _ in 0..50 {
                let v = r.next_int(max).unwrap();
                assert!((0..max).contains(&v), "{v} for {max}");
            }
        }
        for _ in 0..100 {
            let d = r.next_double();
            assert!((0.0..1.0).contains(&d));
        }
        let trues = (0..1000).filter(|_| r.next_bool()).count();
        assert!((400..600).contains(&trues));
        for bad in [0, -1, (1 << 32) + 1, i64::MIN, i64::MAX] {
            assert!(r.next_int(bad).is_err());
        }
        assert_eq!(
            r.next_int(0).unwrap_err().to_string(),
            "RangeError (max): Must be positive and <= 2^32: Not in inclusive range 1..4294967296: 0"
        );
        // nextBool is nextInt(2) == 0 on the same stream.
        let mut a = DartRandom::new(7);
        let mut b = DartRandom::new(7);
        for _ in 0..20 {
            assert_eq!(a.next_bool(), b.next_int(2).unwrap() == 0);
        }
    }
}
