//! The JSON parser of `dart:convert`'s `jsonDecode`: the Dart VM's state machine
//! (`_ChunkedJsonParser` in the SDK's `convert_patch.dart`) over a complete text, so
//! every malformed input fails with the VM's message at the VM's position, and numbers
//! follow its rules (an integer literal is an `int` when it fits 64 bits and a
//! `double` otherwise; a fraction or exponent makes a `double`; `-0` is the int 0 and
//! `-0.0` the double -0.0). The parser reports values to a [`JsonListener`] in source
//! order (the SDK's listener protocol); it never recurses, so nesting depth is only
//! limited by memory.

/// What the parser found wrong: the VM's `FormatException` message and offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub message: &'static str,
    pub offset: usize,
}

/// Receives parse events (the SDK's `_JsonListener`).
pub trait JsonListener {
    fn string(&mut self, units: &[u16]);
    fn int(&mut self, v: i64);
    fn double(&mut self, v: f64);
    fn boolean(&mut self, v: bool);
    fn null(&mut self);
    fn begin_object(&mut self);
    fn property_name(&mut self);
    fn property_value(&mut self);
    fn end_object(&mut self);
    fn begin_array(&mut self);
    fn array_element(&mut self);
    fn end_array(&mut self);
}

// Parser states, as the SDK composes them from context, emptiness and what may follow.
const ALLOW_STRING_MASK: u32 = 8;
const ALLOW_VALUE_MASK: u32 = 4;
const VALUE_READ_BITS: u32 = 16 | 12;
const STATE_INITIAL: u32 = 0;
const STATE_END: u32 = 16 | 12;
const STATE_ARRAY_EMPTY: u32 = 1;
const STATE_ARRAY_VALUE: u32 = 1 | 16 | 12;
const STATE_ARRAY_COMMA: u32 = 1 | 16;
const STATE_OBJECT_EMPTY: u32 = 2 | 4;
const STATE_OBJECT_KEY: u32 = 2 | 16 | 12;
const STATE_OBJECT_COLON: u32 = 3 | 16;
const STATE_OBJECT_VALUE: u32 = 3 | 16 | 12;
const STATE_OBJECT_COMMA: u32 = 2 | 16 | 4;

const UNTERMINATED_STRING: &str = "Unterminated string";
const UNTERMINATED_NUMBER: &str = "Unterminated number literal";
const MISSING_DIGIT: &str = "Missing expected digit";
const CONTROL_CHARACTER: &str = "Control character in string";

struct Parser<'a, L> {
    src: &'a [u16],
    listener: &'a mut L,
}

type Step = Result<usize, JsonError>;

/// Parses `src` (UTF-16 code units) as one complete JSON text.
pub fn parse<L: JsonListener>(src: &[u16], listener: &mut L) -> Result<(), JsonError> {
    Parser { src, listener }.run()
}

fn is_digit(c: u16) -> bool {
    (0x30..=0x39).contains(&c)
}

impl<L: JsonListener> Parser<'_, L> {
    fn end(&self) -> usize {
        self.src.len()
    }

    /// The SDK's `fail`: the default message depends on whether the input ended.
    fn fail<T>(&self, position: usize, message: Option<&'static str>) -> Result<T, JsonError> {
        let message = message.unwrap_or(if position == self.end() {
            "Unexpected end of input"
        } else {
            "Unexpected character"
        });
        Err(JsonError {
            message,
            offset: position,
        })
    }

    fn run(&mut self) -> Result<(), JsonError> {
        let mut state = STATE_INITIAL;
        let mut states = Vec::new();
        let mut position = 0;
        while position < self.end() {
            let c = self.src[position];
            match c {
                0x20 | 0x0d | 0x0a | 0x09 => position += 1,
                0x22 => {
                    if state & ALLOW_STRING_MASK != 0 {
                        return self.fail(position, None);
                    }
                    state |= VALUE_READ_BITS;
                    position = self.string(position + 1)?;
                }
                0x5b | 0x7b => {
                    if state & ALLOW_VALUE_MASK != 0 {
                        return self.fail(position, None);
                    }
                    states.push(state);
                    if c == 0x5b {
                        self.listener.begin_array();
                        state = STATE_ARRAY_EMPTY;
                    } else {
                        self.listener.begin_object();
                        state = STATE_OBJECT_EMPTY;
                    }
                    position += 1;
                }
                0x6e | 0x66 | 0x74 => {
                    if state & ALLOW_VALUE_MASK != 0 {
                        return self.fail(position, None);
                    }
                    state |= VALUE_READ_BITS;
                    position = self.keyword(position)?;
                }
                0x3a => {
                    if state != STATE_OBJECT_KEY {
                        return self.fail(position, None);
                    }
                    self.listener.property_name();
                    state = STATE_OBJECT_COLON;
                    position += 1;
                }
                0x2c => {
                    if state == STATE_OBJECT_VALUE {
                        self.listener.property_value();
                        state = STATE_OBJECT_COMMA;
                    } else if state == STATE_ARRAY_VALUE {
                        self.listener.array_element();
                        state = STATE_ARRAY_COMMA;
                    } else {
                        return self.fail(position, None);
                    }
                    position += 1;
                }
                0x5d | 0x7d => {
                    let (empty, with_value) = if c == 0x5d {
                        (STATE_ARRAY_EMPTY, STATE_ARRAY_VALUE)
                    } else {
                        (STATE_OBJECT_EMPTY, STATE_OBJECT_VALUE)
                    };
                    if state == with_value {
                        if c == 0x5d {
                            self.listener.array_element();
                        } else {
                            self.listener.property_value();
                        }
                    } else if state != empty {
                        return self.fail(position, None);
                    }
                    if c == 0x5d {
                        self.listener.end_array();
                    } else {
                        self.listener.end_object();
                    }
                    state = states.pop().unwrap_or(STATE_INITIAL) | VALUE_READ_BITS;
                    position += 1;
                }
                _ => {
                    if state & ALLOW_VALUE_MASK != 0 {
                        return self.fail(position, None);
                    }
                    state |= VALUE_READ_BITS;
                    position = self.number(position)?;
                }
            }
        }
        if state != STATE_END {
            return self.fail(self.end(), None);
        }
        Ok(())
    }

    /// `null`, `true` or `false` at `position` (its first letter is known).
    fn keyword(&mut self, position: usize) -> Step {
        let word: &[u8] = match self.src[position] {
            0x6e => b"null",
            0x74 => b"true",
            _ => b"false",
        };
        for (k, &expected) in word.iter().enumerate().skip(1) {
            match self.src.get(position + k) {
                // A prefix of the keyword up to the end: incomplete literal.
                None => return self.fail(self.end(), None),
                Some(&c) if c != expected as u16 => return self.fail(position, None),
                Some(_) => {}
            }
        }
        match word[0] {
            b'n' => self.listener.null(),
            b't' => self.listener.boolean(true),
            _ => self.listener.boolean(false),
        }
        Ok(position + word.len())
    }

    /// A string literal whose opening quote is just before `start`.
    fn string(&mut self, start: usize) -> Step {
        let mut position = start;
        while position < self.end() {
            let c = self.src[position];
            position += 1;
            if c > 0x5c {
                continue;
            }
            if c == 0x5c {
                let mut buffer = self.src[start..position - 1].to_vec();
                return self.string_with_escapes(position - 1, &mut buffer);
            }
            if c == 0x22 {
                let (listener, src) = (&mut *self.listener, self.src);
                listener.string(&src[start..position - 1]);
                return Ok(position);
            }
            if c < 0x20 {
                return self.fail(position - 1, Some(CONTROL_CHARACTER));
            }
        }
        self.fail(self.end(), Some(UNTERMINATED_STRING))
    }

    /// The rest of a string literal that has escapes (the SDK's `parseStringToBuffer`).
    fn string_with_escapes(&mut self, mut position: usize, buffer: &mut Vec<u16>) -> Step {
        let mut start = position;
        loop {
            if position == self.end() {
                return self.fail(self.end(), Some(UNTERMINATED_STRING));
            }
            let c = self.src[position];
            position += 1;
            if c > 0x5c {
                continue;
            }
            if c < 0x20 {
                // The VM reports this one without the control-character message.
                return self.fail(position - 1, None);
            }
            if c == 0x22 {
                buffer.extend_from_slice(&self.src[start..position - 1]);
                self.listener.string(buffer);
                return Ok(position);
            }
            if c != 0x5c {
                continue;
            }
            buffer.extend_from_slice(&self.src[start..position - 1]);
            if position == self.end() {
                return self.fail(self.end(), Some(UNTERMINATED_STRING));
            }
            position = self.escape(position, buffer)?;
            start = position;
        }
    }

    /// The escape after a backslash at `position - 1`.
    fn escape(&self, mut position: usize, buffer: &mut Vec<u16>) -> Step {
        let c = self.src[position];
        position += 1;
        let unit = match c {
            0x62 => 0x08,
            0x66 => 0x0c,
            0x6e => 0x0a,
            0x72 => 0x0d,
            0x74 => 0x09,
            0x2f | 0x5c | 0x22 => c,
            0x75 => {
                let hex_start = position - 1;
                let mut value: u16 = 0;
                for _ in 0..4 {
                    let Some(&h) = self.src.get(position) else {
                        return self.fail(self.end(), Some(UNTERMINATED_STRING));
                    };
                    position += 1;
                    let digit = match h {
                        0x30..=0x39 => h - 0x30,
                        _ if (0x61..=0x66).contains(&(h | 0x20)) => (h | 0x20) - 0x61 + 10,
                        _ => return self.fail(hex_start, Some("Invalid unicode escape")),
                    };
                    value = value * 16 + digit;
                }
                value
            }
            _ if c < 0x20 => return self.fail(position, Some(CONTROL_CHARACTER)),
            _ => return self.fail(position, Some("Unrecognized string escape")),
        };
        buffer.push(unit);
        Ok(position)
    }

    /// Skips digits from `position`; returns the first position that is not one.
    fn digits(&self, mut position: usize) -> usize {
        while position < self.end() && is_digit(self.src[position]) {
            position += 1;
        }
        position
    }

    /// A number (or, as in the VM, any other unexpected character) at `start`.
    fn number(&mut self, start: usize) -> Step {
        let end = self.end();
        let mut position = start;
        let negative = self.src[position] == 0x2d;
        if negative {
            position += 1;
            if position == end {
                return self.fail(end, Some(UNTERMINATED_NUMBER));
            }
        }
        let first = self.src[position];
        if !is_digit(first) {
            return self.fail(position, negative.then_some(MISSING_DIGIT));
        }
        if first == 0x30 {
            position += 1;
            if position < end && is_digit(self.src[position]) {
                return self.fail(position, None);
            }
        } else {
            position = self.digits(position);
        }
        let mut is_double = false;
        if position < end && self.src[position] == 0x2e {
            is_double = true;
            position += 1;
            if position == end {
                return self.fail(end, Some(UNTERMINATED_NUMBER));
            }
            if !is_digit(self.src[position]) {
                return self.fail(position, None);
            }
            position = self.digits(position);
        }
        if position < end && self.src[position] | 0x20 == 0x65 {
            is_double = true;
            position += 1;
            if position == end {
                return self.fail(end, Some(UNTERMINATED_NUMBER));
            }
            if matches!(self.src[position], 0x2b | 0x2d) {
                position += 1;
                if position == end {
                    return self.fail(end, Some(UNTERMINATED_NUMBER));
                }
            }
            if !is_digit(self.src[position]) {
                return self.fail(position, Some(MISSING_DIGIT));
            }
            position = self.digits(position);
        }
        // The literal is ASCII by construction.
        let text: String = self.src[start..position]
            .iter()
            .map(|&u| u as u8 as char)
            .collect();
        match (is_double, text.parse::<i64>()) {
            (false, Ok(v)) => self.listener.int(v),
            // Integer literals beyond 64 bits, fractions and exponents: a double,
            // correctly rounded (as the VM's fast path and `double.parse` give).
            _ => self
                .listener
                .double(text.parse::<f64>().unwrap_or(f64::NAN)),
        }
        Ok(position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the events as compact text, to compare with expectations.
    #[derive(Default)]
    struct Trace(String);

    impl JsonListener for Trace {
        fn string(&mut self, units: &[u16]) {
            self.0 += &format!("s({})", String::from_utf16_lossy(units));
        }
        fn int(&mut self, v: i64) {
            self.0 += &format!("i({v})");
        }
        fn double(&mut self, v: f64) {
            self.0 += &format!("d({v:?})");
        }
        fn boolean(&mut self, v: bool) {
            self.0 += &format!("b({v})");
        }
        fn null(&mut self) {
            self.0 += "n";
        }
        fn begin_object(&mut self) {
            self.0 += "{";
        }
        fn property_name(&mut self) {
            self.0 += ":";
        }
        fn property_value(&mut self) {
            self.0 += ";";
        }
        fn end_object(&mut self) {
            self.0 += "}";
        }
        fn begin_array(&mut self) {
            self.0 += "[";
        }
        fn array_element(&mut self) {
            self.0 += ",";
        }
        fn end_array(&mut self) {
            self.0 += "]";
        }
    }

    fn run(text: &str) -> Result<String, (&'static str, usize)> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut t = Trace::default();
        parse(&units, &mut t).map_err(|e| (e.message, e.offset))?;
        Ok(t.0)
    }

    #[test]
    fn values_and_numbers() {
        assert_eq!(
            run(r#"{"a": [1, -0, 2.5, -0.0, 1e2, true, null], "b\n": "x\u0041"}"#).as_deref(),
            Ok("{s(a):[i(1),i(0),d(2.5),d(-0.0),d(100.0),b(true),n,];s(b\n):s(xA);}")
        );
        assert_eq!(
            run("9223372036854775807").as_deref(),
            Ok("i(9223372036854775807)")
        );
        assert_eq!(
            run("9223372036854775808").as_deref(),
            Ok("d(9.223372036854776e18)")
        );
        assert_eq!(
            run("-9223372036854775808").as_deref(),
            Ok("i(-9223372036854775808)")
        );
        assert_eq!(run("1e400").as_deref(), Ok("d(inf)"));
    }

    #[test]
    fn errors_match_the_dart_vm() {
        assert_eq!(run(""), Err(("Unexpected end of input", 0)));
        assert_eq!(run("{\"a\" 1}"), Err(("Unexpected character", 5)));
        assert_eq!(run("[1,]"), Err(("Unexpected character", 3)));
        assert_eq!(run("[1"), Err(("Unexpected end of input", 2)));
        assert_eq!(run("\"abc"), Err(("Unterminated string", 4)));
        assert_eq!(run("\"a\tb\""), Err(("Control character in string", 2)));
        assert_eq!(run("\"\\x\""), Err(("Unrecognized string escape", 3)));
        assert_eq!(run("\"\\u12g4\""), Err(("Invalid unicode escape", 2)));
        assert_eq!(run("-"), Err(("Unterminated number literal", 1)));
        assert_eq!(run("-a"), Err(("Missing expected digit", 1)));
        assert_eq!(run("01"), Err(("Unexpected character", 1)));
        assert_eq!(run("1.x"), Err(("Unexpected character", 2)));
        assert_eq!(run("1e+"), Err(("Unterminated number literal", 3)));
        assert_eq!(run("tru"), Err(("Unexpected end of input", 3)));
        assert_eq!(run("trux"), Err(("Unexpected character", 0)));
        assert_eq!(run("nul "), Err(("Unexpected character", 0)));
        assert_eq!(run("{} x"), Err(("Unexpected character", 3)));
        assert_eq!(run("\"\\n\u{1}\""), Err(("Unexpected character", 3)));
    }
}
