//! UTF-8 as `dart:convert` does it: the SDK's decoder DFA (Björn Höhrmann's design,
//! with the SDK's states, byte-order-mark skipping, error states and replacement
//! rules), so malformed input fails with the same message at the same offset, or
//! decodes to the same U+FFFD sequence with `allowMalformed`; and the encoder, which
//! writes unpaired surrogates as U+FFFD.

/// Byte types, one letter per byte (the SDK's `typeTable`); the type is `letter & 0x1F`.
const TYPE_TABLE: &[u8; 256] = b"\
AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
FFFFFFFFFFFFFFFFGGGGGGGGGGGGGGGG\
HHHHHHHHHHHHHHHHHHHHHHHHHHHIHHHJ\
EEBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\
KCCCCCCCCCCCCDCLONNNMEEEEEEEEEEE";

// States: offsets into the transition table (odd values are errors).
pub const IA: u8 = 0x00; // initial / accept
pub const BB: u8 = 0x10; // before a byte-order mark
pub const AB: u8 = 0x20; // after a byte-order mark
const X1: u8 = 0x30;
const X2: u8 = 0x3A;
const X3: u8 = 0x44;
const TO: u8 = 0x4E;
const TS: u8 = 0x58;
const QO: u8 = 0x62;
const QR: u8 = 0x6C;
const B1: u8 = 0x76;
const B2: u8 = 0x80;
const E1: u8 = 0x41; // missing extension byte
const E2: u8 = 0x43; // unexpected extension byte
const E3: u8 = 0x45; // invalid byte
const E4: u8 = 0x47; // overlong encoding
const E5: u8 = 0x49; // out of range
const E6: u8 = 0x4B; // encoded surrogate
pub const E7: u8 = 0x4D; // unfinished sequence

/// The SDK's `transitionTable`: `TRANSITIONS[state + type]`. Rows overlap: the last
/// five entries of a short row are the first five (all `E1`) of the next.
const TRANSITIONS: [u8; 144] = transitions();

const fn transitions() -> [u8; 144] {
    let start_row = [IA, X1, X2, TS, E3, E2, E2, E2, E2, E2, TO, X2, QR, X3, QO];
    let rows: [(u8, [u8; 10]); 9] = [
        (X1, [E1, E1, E1, E1, E1, IA, IA, IA, IA, IA]),
        (X2, [E1, E1, E1, E1, E1, X1, X1, X1, X1, X1]),
        (X3, [E1, E1, E1, E1, E1, X2, X2, X2, X2, X2]),
        (TO, [E1, E1, E1, E1, E1, E4, E4, X1, X1, X1]),
        (TS, [E1, E1, E1, E1, E1, X1, X1, E6, E6, E6]),
        (QO, [E1, E1, E1, E1, E1, E4, X2, X2, X2, X2]),
        (QR, [E1, E1, E1, E1, E1, X2, E5, E5, E5, E5]),
        (B1, [E1, E1, E1, E1, E1, X1, X1, X1, B2, X1]),
        (B2, [E1, E1, E1, E1, E1, IA, IA, IA, IA, AB]),
    ];
    let mut t = [0u8; 144];
    let mut i = 0;
    while i < 15 {
        t[IA as usize + 1 + i] = start_row[i];
        t[BB as usize + 1 + i] = start_row[i];
        t[AB as usize + 1 + i] = start_row[i];
        i += 1;
    }
    // Before a BOM, 0xEF (type L) may start one.
    t[BB as usize + 12] = B1;
    let mut r = 0;
    while r < rows.len() {
        let (state, entries) = rows[r];
        let mut j = 0;
        while j < 10 {
            t[state as usize + 1 + j] = entries[j];
            j += 1;
        }
        r += 1;
    }
    // The B2 row is full length: K..O after two BOM bytes are errors.
    let mut k = 11;
    while k < 16 {
        t[B2 as usize + k] = E1;
        k += 1;
    }
    t
}

pub fn is_error(state: u8) -> bool {
    state & 1 != 0
}

/// The SDK's message for an error state.
pub fn error_description(state: u8) -> &'static str {
    match state {
        E1 => "Missing extension byte",
        E2 => "Unexpected extension byte",
        E3 => "Invalid UTF-8 byte",
        E4 => "Overlong encoding",
        E5 => "Out of unicode range",
        E6 => "Encoded surrogate",
        E7 => "Unfinished UTF-8 octet sequence",
        _ => "",
    }
}

/// A decoder between chunks: the DFA state and the partial character (after an
/// error: the index of the offending byte).
#[derive(Debug, Clone, Copy)]
pub struct Utf8Decoder {
    pub state: u8,
    pub char_or_index: i64,
    pub allow_malformed: bool,
}

fn push_char(out: &mut Vec<u16>, c: u32) {
    if c > 0xFFFF {
        let c = c - 0x10000;
        out.push(0xD800 | (c >> 10) as u16);
        out.push(0xDC00 | (c & 0x3FF) as u16);
    } else {
        out.push(c as u16);
    }
}

impl Utf8Decoder {
    /// Decodes `bytes[start..end)` (the SDK's `decodeGeneral`); `single`: the input is
    /// complete, so an unfinished sequence at its end is an error. On an error (without
    /// `allow_malformed`) returns nothing and leaves the error state and its position
    /// (an index into `bytes`) in `self`.
    pub fn decode(&mut self, bytes: &[u8], start: usize, end: usize, single: bool) -> Vec<u16> {
        let mut out = Vec::with_capacity(end.saturating_sub(start));
        let mut state = self.state;
        let mut ch = self.char_or_index as u32;
        let mut i = start;
        while i < end {
            let byte = bytes[i] as u32;
            i += 1;
            if byte < 0x80 && state <= AB {
                // ASCII outside a sequence: accepted as is (the DFA's answer too).
                out.push(byte as u16);
                state = IA;
                continue;
            }
            let ty = (TYPE_TABLE[byte as usize] & 0x1F) as usize;
            ch = if state <= AB {
                byte & (0xF0FE >> ty)
            } else {
                (byte & 0x3F) | (ch << 6)
            };
            state = TRANSITIONS[state as usize + ty];
            if state == IA {
                push_char(&mut out, ch);
            } else if is_error(state) {
                if !self.allow_malformed {
                    self.state = state;
                    self.char_or_index = i as i64 - 1;
                    return Vec::new();
                }
                match state {
                    E3 | E2 => out.push(0xFFFD),
                    E1 => {
                        out.push(0xFFFD);
                        i -= 1; // re-read the byte that could start a sequence
                    }
                    _ => out.extend_from_slice(&[0xFFFD, 0xFFFD]),
                }
                state = IA;
            }
        }
        if single && state > AB {
            if !self.allow_malformed {
                self.state = E7;
                self.char_or_index = end as i64;
                return Vec::new();
            }
            out.push(0xFFFD);
            state = IA;
        }
        self.state = state;
        self.char_or_index = ch as i64;
        out
    }
}

/// Bytes of the UTF-8 encoding of `units` (an unpaired surrogate takes three, as
/// U+FFFD).
pub fn encoded_len(units: &[u16]) -> usize {
    let ascii = units.iter().take_while(|&&u| u < 0x80).count();
    ascii
        + char::decode_utf16(units[ascii..].iter().copied())
            .map(|c| c.map_or(3, char::len_utf8))
            .sum::<usize>()
}

/// The UTF-8 encoding of `units` into `out` (exactly [`encoded_len`] bytes).
pub fn encode_into(units: &[u16], out: &mut [u8]) {
    let ascii = units.iter().take_while(|&&u| u < 0x80).count();
    for (o, &u) in out.iter_mut().zip(&units[..ascii]) {
        *o = u as u8;
    }
    let mut at = ascii;
    for c in char::decode_utf16(units[ascii..].iter().copied()) {
        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
        at += c.encode_utf8(&mut out[at..]).len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], allow: bool) -> Result<String, (&'static str, i64)> {
        let mut d = Utf8Decoder {
            state: BB,
            char_or_index: 0,
            allow_malformed: allow,
        };
        let out = d.decode(bytes, 0, bytes.len(), true);
        if is_error(d.state) {
            return Err((error_description(d.state), d.char_or_index));
        }
        Ok(String::from_utf16_lossy(&out))
    }

    #[test]
    fn table_rows_match_the_sdk_layout() {
        assert_eq!(TRANSITIONS[IA as usize + 1], IA); // ASCII
        assert_eq!(TRANSITIONS[BB as usize + 12], B1); // 0xEF before a BOM
        assert_eq!(TRANSITIONS[IA as usize + 12], X2); // 0xEF elsewhere
        assert_eq!(TRANSITIONS[X1 as usize + 11], E1); // overlaps X2's first E1
        assert_eq!(TRANSITIONS[B2 as usize + 10], AB);
    }

    #[test]
    fn decodes_and_skips_a_leading_bom() {
        assert_eq!(
            decode("héllo €𝄞".as_bytes(), false).as_deref(),
            Ok("héllo €𝄞")
        );
        assert_eq!(decode(b"\xEF\xBB\xBFabc", false).as_deref(), Ok("abc"));
        assert_eq!(
            decode(b"a\xEF\xBB\xBFb", false).as_deref(),
            Ok("a\u{FEFF}b")
        );
    }

    #[test]
    fn errors_have_the_sdk_texts_and_offsets() {
        assert_eq!(
            decode(b"ab\x80", false),
            Err(("Unexpected extension byte", 2))
        );
        assert_eq!(decode(b"\xC3(", false), Err(("Missing extension byte", 1)));
        assert_eq!(decode(b"\xFF", false), Err(("Invalid UTF-8 byte", 0)));
        assert_eq!(decode(b"\xC0\x80", false), Err(("Invalid UTF-8 byte", 0)));
        assert_eq!(
            decode(b"\xE0\x80\x80", false),
            Err(("Overlong encoding", 1))
        );
        assert_eq!(
            decode(b"\xED\xA0\x80", false),
            Err(("Encoded surrogate", 1))
        );
        assert_eq!(
            decode(b"\xF4\x90\x80\x80", false),
            Err(("Out of unicode range", 1))
        );
        assert_eq!(
            decode(b"a\xE2\x82", false),
            Err(("Unfinished UTF-8 octet sequence", 3))
        );
    }

    #[test]
    fn malformed_input_becomes_replacement_characters() {
        assert_eq!(decode(b"a\x80b", true).as_deref(), Ok("a\u{FFFD}b"));
        assert_eq!(decode(b"\xC3(", true).as_deref(), Ok("\u{FFFD}("));
        assert_eq!(decode(b"\xE0\x80", true).as_deref(), Ok("\u{FFFD}\u{FFFD}"));
        assert_eq!(decode(b"a\xE2\x82", true).as_deref(), Ok("a\u{FFFD}"));
    }

    #[test]
    fn encoding_replaces_unpaired_surrogates() {
        let units = [0x61, 0xD800, 0x62, 0xD83D, 0xDE00];
        let mut out = vec![0; encoded_len(&units)];
        encode_into(&units, &mut out);
        assert_eq!(out, b"a\xEF\xBF\xBDb\xF0\x9F\x98\x80");
    }
}
