//! Base64 as `dart:convert`'s one-shot `base64.encode`/`base64.decode` do it: the SDK's
//! decoder (both alphabets, `=` or `%3D` padding, the exact buffer size it allocates)
//! with its error messages and offsets. The chunked converters stay in Dart.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const INVALID: i8 = -2;
const PADDING: i8 = -1;
const PERCENT: u16 = 0x25;
const EQUALS: u16 = 0x3d;

/// The SDK's `_inverseAlphabet`: both alphabets, `=` and `%` as padding.
const INVERSE: [i8; 128] = inverse();

const fn inverse() -> [i8; 128] {
    let mut t = [INVALID; 128];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as i8;
        i += 1;
    }
    t[b'-' as usize] = 62;
    t[b'_' as usize] = 63;
    t[PERCENT as usize] = PADDING;
    t[EQUALS as usize] = PADDING;
    t
}

/// Base64 text of `bytes`, padded.
pub fn encode(bytes: &[u8], url_safe: bool) -> Vec<u16> {
    let alphabet = if url_safe { URL_ALPHABET } else { ALPHABET };
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let bits = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(alphabet[(bits >> (18 - 6 * k) & 0x3f) as usize] as u16);
            } else {
                out.push(EQUALS);
            }
        }
    }
    out
}

/// A decoding error: the SDK's message and the offset into the input.
pub type DecodeError = (&'static str, usize);

/// The size of the buffer the SDK allocates for `input[start..end)` (exact for valid
/// input).
pub fn decoded_len(input: &[u16], start: usize, end: usize) -> usize {
    let padding_start = trim_padding(input, start, end);
    let length = padding_start - start;
    let mut n = (length >> 2) * 3;
    let remainder = length & 3;
    if remainder != 0 && padding_start < end {
        n += remainder - 1;
    }
    n
}

/// The SDK's `_trimPaddingChars`: where trailing padding (up to two `=` or `%3D`) starts.
fn trim_padding(input: &[u16], start: usize, end: usize) -> usize {
    let (mut padding, mut index, mut new_end) = (0, end, end);
    while index > start && padding < 2 {
        index -= 1;
        let mut c = input[index];
        if c == EQUALS {
            padding += 1;
            new_end = index;
            continue;
        }
        if c | 0x20 == 0x64 {
            if index == start {
                break;
            }
            index -= 1;
            c = input[index];
        }
        if c == 0x33 {
            if index == start {
                break;
            }
            index -= 1;
            c = input[index];
        }
        if c == PERCENT {
            padding += 1;
            new_end = index;
            continue;
        }
        break;
    }
    new_end
}

/// Decodes `input[start..end)` completely (the SDK's `decode` then `close`).
pub fn decode(input: &[u16], start: usize, end: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(decoded_len(input, start, end));
    let (mut bits, mut count, mut char_or) = (0u32, 0u32, 0u16);
    for i in start..end {
        let c = input[i];
        char_or |= c;
        let code = INVERSE[(c & 127) as usize];
        if code >= 0 {
            bits = ((bits << 6) | code as u32) & 0xFF_FFFF;
            count = (count + 1) & 3;
            if count == 0 {
                out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8, bits as u8]);
                bits = 0;
            }
            continue;
        }
        if code == PADDING && count > 1 {
            if char_or > 127 {
                break;
            }
            if count == 3 {
                if bits & 0x03 != 0 {
                    return Err(("Invalid encoding before padding", i));
                }
                out.extend_from_slice(&[(bits >> 10) as u8, (bits >> 2) as u8]);
            } else {
                if bits & 0x0F != 0 {
                    return Err(("Invalid encoding before padding", i));
                }
                out.push((bits >> 4) as u8);
            }
            let mut expected = (3 - count as i32) * 3;
            if c == PERCENT {
                expected += 2;
            }
            let state = check_padding(input, i + 1, end, -expected - 1)?;
            if state < -1 {
                return Err(("Missing padding character", end));
            }
            return Ok(out);
        }
        return Err(("Invalid character", i));
    }
    if char_or <= 127 {
        if count != 0 {
            return Err(("Invalid length, must be multiple of four", end));
        }
        return Ok(out);
    }
    let bad = (start..end).find(|&i| input[i] > 127).unwrap_or(end);
    Err(("Invalid character", bad))
}

/// The SDK's `_checkPadding`: the rest of the input after the first padding character
/// must complete the padding and nothing else. Returns the padding state.
fn check_padding(
    input: &[u16],
    mut start: usize,
    end: usize,
    state: i32,
) -> Result<i32, DecodeError> {
    if start == end {
        return Ok(state);
    }
    let mut expected = -state - 1;
    while expected > 0 {
        let mut c = input[start];
        if expected == 3 {
            if c == EQUALS {
                expected -= 3;
                start += 1;
                break;
            }
            if c != PERCENT {
                break;
            }
            expected -= 1;
            start += 1;
            if start == end {
                break;
            }
            c = input[start];
        }
        let partial = if expected > 3 { expected - 3 } else { expected };
        if partial == 2 {
            if c != 0x33 {
                break;
            }
            start += 1;
            expected -= 1;
            if start == end {
                break;
            }
            c = input[start];
        }
        if c | 0x20 != 0x64 {
            break;
        }
        start += 1;
        expected -= 1;
        if start == end {
            break;
        }
    }
    if start != end {
        return Err(("Invalid padding character", start));
    }
    Ok(-expected - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn dec(s: &str) -> Result<Vec<u8>, DecodeError> {
        let u = units(s);
        decode(&u, 0, u.len())
    }

    #[test]
    fn encodes_with_padding_in_both_alphabets() {
        let text = |v: Vec<u16>| String::from_utf16_lossy(&v);
        assert_eq!(text(encode(&[], false)), "");
        assert_eq!(text(encode(&[250], false)), "+g==");
        assert_eq!(text(encode(&[250, 251], true)), "-vs=");
        assert_eq!(text(encode(&[0xfb, 0xff, 0xbf], true)), "-_-_");
        assert_eq!(text(encode(b"Many hands", false)), "TWFueSBoYW5kcw==");
    }

    #[test]
    fn decodes_and_reports_like_the_sdk() {
        assert_eq!(dec("YQ=="), Ok(vec![97]));
        assert_eq!(dec("YQ%3D%3D"), Ok(vec![97]));
        assert_eq!(dec("-_-_"), Ok(vec![251, 255, 191]));
        assert_eq!(
            dec("YQ"),
            Err(("Invalid length, must be multiple of four", 2))
        );
        assert_eq!(dec("YQ="), Err(("Missing padding character", 3)));
        assert_eq!(dec("Y==="), Err(("Invalid character", 1)));
        assert_eq!(dec("YQ==YQ=="), Err(("Invalid padding character", 4)));
        assert_eq!(dec("YR=="), Err(("Invalid encoding before padding", 2)));
        assert_eq!(dec("é==="), Err(("Invalid character", 1)));
        assert_eq!(dec("aé=="), Err(("Invalid character", 1)));
        let u = units("YWJjZA==");
        assert_eq!(decoded_len(&u, 0, u.len()), 4);
    }
}
