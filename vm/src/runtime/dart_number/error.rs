//! The errors Dart's number operations throw, kept as data (so a native can build the
//! matching Dart object) together with the exact text the VM's `toString()` gives for
//! each, reproduced from `sdk/lib/core/errors.dart` and `sdk/lib/core/exceptions.dart`.

use std::fmt;

/// Something a Dart number operation throws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// A `RangeError`, made by `RangeError.range(...)` or `RangeError(message)`.
    Range(RangeErrorInfo),
    /// An `ArgumentError(message)` without a recorded invalid value, as the VM throws for
    /// a negative shift count (`ArgumentError(-1)` prints `Invalid argument(s): -1`).
    Argument {
        /// The message, already converted to a string (`"-1"` for the shift case).
        message: String,
    },
    /// A `FormatException` (from `int.parse`, `double.parse`, `num.parse`).
    Format(FormatExceptionInfo),
    /// An `UnsupportedError(message)`, e.g. `toInt()` of NaN or Infinity.
    Unsupported {
        /// The error's `message`.
        message: String,
    },
    /// `IntegerDivisionByZeroException`, thrown by integer `~/` and `%` by zero.
    IntegerDivisionByZero,
    /// A plain `Exception(message)`, e.g. `Exception("Not coprime")` from `modInverse`.
    Exception {
        /// The exception's message.
        message: String,
    },
}

impl NumError {
    /// `RangeError.range(value, start, end, name, message)`; `message` `None` means the
    /// default `"Invalid value"`.
    pub fn range(
        value: i64,
        start: Option<i64>,
        end: Option<i64>,
        name: &'static str,
        message: Option<&str>,
    ) -> NumError {
        NumError::Range(RangeErrorInfo {
            invalid_value: Some(value),
            start,
            end,
            name: Some(name),
            message: Some(message.unwrap_or("Invalid value").to_string()),
        })
    }

    /// `RangeError(message)`: no value, no limits.
    pub fn range_message(message: String) -> NumError {
        NumError::Range(RangeErrorInfo {
            invalid_value: None,
            start: None,
            end: None,
            name: None,
            message: Some(message),
        })
    }

    /// `UnsupportedError("Infinity or NaN toInt")`, what the VM's `DoubleToInteger`
    /// throws for every non-finite `toInt()`, `round()`, `floor()`, `ceil()`,
    /// `truncate()` and double `~/` (runtime/vm/double_conversion.cc).
    pub fn infinity_or_nan_to_int() -> NumError {
        NumError::Unsupported {
            message: "Infinity or NaN toInt".to_string(),
        }
    }

    /// The Dart class name of the thrown object.
    pub fn dart_class(&self) -> &'static str {
        match self {
            NumError::Range(_) => "RangeError",
            NumError::Argument { .. } => "ArgumentError",
            NumError::Format(_) => "FormatException",
            NumError::Unsupported { .. } => "UnsupportedError",
            NumError::IntegerDivisionByZero => "IntegerDivisionByZeroException",
            NumError::Exception { .. } => "_Exception",
        }
    }

    /// Exactly what `toString()` on the thrown Dart object returns in the VM.
    pub fn dart_to_string(&self) -> String {
        match self {
            NumError::Range(info) => info.dart_to_string(),
            NumError::Argument { message } => format!("Invalid argument(s): {message}"),
            NumError::Format(info) => info.dart_to_string(),
            NumError::Unsupported { message } => format!("Unsupported operation: {message}"),
            NumError::IntegerDivisionByZero => "IntegerDivisionByZeroException".to_string(),
            NumError::Exception { message } => format!("Exception: {message}"),
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dart_to_string())
    }
}

impl std::error::Error for NumError {}

/// The fields of a Dart `RangeError` that its `toString()` reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeErrorInfo {
    /// The invalid value; `None` for `RangeError(message)` (Dart's `_hasValue == false`).
    pub invalid_value: Option<i64>,
    /// Inclusive lower limit, if any.
    pub start: Option<i64>,
    /// Inclusive upper limit, if any.
    pub end: Option<i64>,
    /// The argument's name, e.g. `fractionDigits`.
    pub name: Option<&'static str>,
    /// The message (`"Invalid value"` unless the thrower gave another).
    pub message: Option<String>,
}

impl RangeErrorInfo {
    /// `RangeError.toString()` as `ArgumentError.toString` composes it with
    /// `RangeError._errorExplanation`.
    pub fn dart_to_string(&self) -> String {
        let mut out = String::from("RangeError");
        if let Some(name) = self.name {
            out.push_str(" (");
            out.push_str(name);
            out.push(')');
        }
        if let Some(message) = &self.message {
            out.push_str(": ");
            out.push_str(message);
        }
        let Some(value) = self.invalid_value else {
            return out;
        };
        match (self.start, self.end) {
            (None, None) => {}
            (None, Some(end)) => out.push_str(&format!(": Not less than or equal to {end}")),
            (Some(start), None) => out.push_str(&format!(": Not greater than or equal to {start}")),
            (Some(start), Some(end)) => {
                if end > start {
                    out.push_str(&format!(": Not in inclusive range {start}..{end}"));
                } else if end < start {
                    out.push_str(": Valid value range is empty");
                } else {
                    out.push_str(&format!(": Only valid value is {start}"));
                }
            }
        }
        out.push_str(&format!(": {value}"));
        out
    }
}

/// The fields of a Dart `FormatException`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatExceptionInfo {
    /// The message (`""` prints as a bare `FormatException`).
    pub message: String,
    /// The source string, if the thrower passed one.
    pub source: Option<String>,
    /// Offset into `source` in UTF-16 code units, if known.
    pub offset: Option<usize>,
}

impl FormatExceptionInfo {
    /// `FormatException.toString()`.
    pub fn dart_to_string(&self) -> String {
        format_exception_to_string(
            &self.message,
            self.source.as_deref(),
            self.offset.map(|o| o as i64),
        )
    }
}

/// `FormatException(message, source, offset).toString()` for a string (or absent)
/// source: the message, then (for a string source) the line holding `offset`, cut to at
/// most 78 characters, and a caret under the offending character. Offsets count UTF-16
/// code units, as Dart strings do.
pub fn format_exception_to_string(
    message: &str,
    source: Option<&str>,
    offset: Option<i64>,
) -> String {
    let mut report = String::from("FormatException");
    if !message.is_empty() {
        report.push_str(": ");
        report.push_str(message);
    }
    let Some(source) = source else {
        if let Some(offset) = offset {
            report.push_str(&format!(" (at offset {offset})"));
        }
        return report;
    };
    let units: Vec<u16> = source.encode_utf16().collect();
    let len = units.len();
    let offset = offset
        .filter(|&o| o >= 0 && o <= len as i64)
        .map(|o| o as usize);
    let Some(offset) = offset else {
        let shown = if len > 78 {
            let mut s = String::from_utf16_lossy(&units[..75]);
            s.push_str("...");
            s
        } else {
            source.to_string()
        };
        return format!("{report}\n{shown}");
    };
    let mut line_num = 1usize;
    let mut line_start = 0usize;
    let mut previous_was_cr = false;
    for (i, &c) in units.iter().enumerate().take(offset) {
        if c == 0x0a {
            if line_start != i || !previous_was_cr {
                line_num += 1;
            }
            line_start = i + 1;
            previous_was_cr = false;
        } else if c == 0x0d {
            line_num += 1;
            line_start = i + 1;
            previous_was_cr = true;
        }
    }
    if line_num > 1 {
        report.push_str(&format!(
            " (at line {line_num}, character {})\n",
            offset - line_start + 1
        ));
    } else {
        report.push_str(&format!(" (at character {})\n", offset + 1));
    }
    let mut line_end = len;
    for (i, &c) in units.iter().enumerate().skip(offset) {
        if c == 0x0a || c == 0x0d {
            line_end = i;
            break;
        }
    }
    let mut start = line_start;
    let mut end = line_end;
    let mut prefix = "";
    let mut postfix = "";
    if line_end - line_start > 78 {
        // Show 75 characters: anchored at the nearer line end if the offset is within
        // reach of it, otherwise centred on the offset.
        let index = offset - line_start;
        if index < 75 {
            end = start + 75;
            postfix = "...";
        } else if end - offset < 75 {
            start = end - 75;
            prefix = "...";
        } else {
            start = offset - 36;
            end = offset + 36;
            prefix = "...";
            postfix = "...";
        }
    }
    let slice = String::from_utf16_lossy(&units[start..end]);
    let mark_offset = offset - start + prefix.len();
    format!(
        "{report}{prefix}{slice}{postfix}\n{}^\n",
        " ".repeat(mark_offset)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_error_texts() {
        // The text the brief quotes for `1.0.toStringAsFixed(21)`.
        assert_eq!(
            NumError::range(21, Some(0), Some(20), "fractionDigits", None).to_string(),
            "RangeError (fractionDigits): Invalid value: Not in inclusive range 0..20: 21"
        );
        assert_eq!(
            NumError::range(-1, Some(0), None, "exponent", None).to_string(),
            "RangeError (exponent): Invalid value: Not greater than or equal to 0: -1"
        );
        assert_eq!(
            NumError::range(5, None, Some(3), "x", None).to_string(),
            "RangeError (x): Invalid value: Not less than or equal to 3: 5"
        );
        assert_eq!(
            NumError::range(5, Some(3), Some(3), "x", None).to_string(),
            "RangeError (x): Invalid value: Only valid value is 3: 5"
        );
        assert_eq!(
            NumError::range(5, Some(3), Some(2), "x", None).to_string(),
            "RangeError (x): Invalid value: Valid value range is empty: 5"
        );
        assert_eq!(
            NumError::range_message("Radix 37 not in range 2..36".into()).to_string(),
            "RangeError: Radix 37 not in range 2..36"
        );
    }

    #[test]
    fn other_error_texts() {
        assert_eq!(
            NumError::Argument {
                message: "-1".into()
            }
            .to_string(),
            "Invalid argument(s): -1"
        );
        assert_eq!(
            NumError::infinity_or_nan_to_int().to_string(),
            "Unsupported operation: Infinity or NaN toInt"
        );
        assert_eq!(
            NumError::IntegerDivisionByZero.to_string(),
            "IntegerDivisionByZeroException"
        );
        assert_eq!(
            NumError::Exception {
                message: "Not coprime".into()
            }
            .to_string(),
            "Exception: Not coprime"
        );
    }

    #[test]
    fn format_exception_layouts() {
        assert_eq!(
            format_exception_to_string("", None, None),
            "FormatException"
        );
        assert_eq!(
            format_exception_to_string("1f", None, None),
            "FormatException: 1f"
        );
        assert_eq!(
            format_exception_to_string("m", None, Some(3)),
            "FormatException: m (at offset 3)"
        );
        assert_eq!(
            format_exception_to_string("Invalid radix-10 number", Some("abc"), Some(0)),
            "FormatException: Invalid radix-10 number (at character 1)\nabc\n^\n"
        );
        assert_eq!(
            format_exception_to_string("Invalid double", Some("x"), None),
            "FormatException: Invalid double\nx"
        );
        // An offset past the end is dropped, so only the source is shown.
        assert_eq!(
            format_exception_to_string("m", Some("ab"), Some(5)),
            "FormatException: m\nab"
        );
        // Offset at the very end is valid.
        assert_eq!(
            format_exception_to_string("m", Some("ab"), Some(2)),
            "FormatException: m (at character 3)\nab\n  ^\n"
        );
        // Line counting: CRLF counts once.
        assert_eq!(
            format_exception_to_string("m", Some("a\r\nbc\nd"), Some(4)),
            "FormatException: m (at line 2, character 2)\nbc\n ^\n"
        );
        // Long sources without an offset are cut at 75 characters.
        let long = "x".repeat(100);
        assert_eq!(
            format_exception_to_string("m", Some(&long), None),
            format!("FormatException: m\n{}...", "x".repeat(75))
        );
        // Long line, offset near the start.
        assert_eq!(
            format_exception_to_string("m", Some(&long), Some(1)),
            format!(
                "FormatException: m (at character 2)\n{}...\n ^\n",
                "x".repeat(75)
            )
        );
        // Long line, offset near the end.
        assert_eq!(
            format_exception_to_string("m", Some(&long), Some(99)),
            format!(
                "FormatException: m (at character 100)\n...{}\n{}^\n",
                "x".repeat(75),
                " ".repeat(77)
            )
        );
        // Long line, offset in the middle.
        let long = "y".repeat(200);
        assert_eq!(
            format_exception_to_string("m", Some(&long), Some(100)),
            format!(
                "FormatException: m (at character 101)\n...{}...\n{}^\n",
                "y".repeat(72),
                " ".repeat(39)
            )
        );
    }
}
