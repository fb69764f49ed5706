//! Regular expressions behind dart:core's `RegExp`: compiling a pattern with the `regress`
//! crate (ECMAScript syntax and semantics, as Dart's are), the isolate's table of compiled
//! expressions (a `RegExp` object holds an index into it, so a pattern is compiled once),
//! and matching over a string's UTF-16 code units so that every offset is a Dart index.
//!
//! Non-unicode expressions see a string as code units (as the Dart VM's irregexp does);
//! unicode ones see surrogate pairs as one code point. A pattern is fed to the parser the
//! same way. Parse errors become the Dart VM's `FormatException` texts where we know them.

use regress::{Flags, Regex};
use std::collections::HashMap;

/// The flags of a Dart `RegExp` (`multiLine`, `caseSensitive`, `unicode`, `dotAll`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RegExpFlags {
    pub multi_line: bool,
    pub case_sensitive: bool,
    pub unicode: bool,
    pub dot_all: bool,
}

impl RegExpFlags {
    fn to_regress(self) -> Flags {
        Flags {
            icase: !self.case_sensitive,
            multiline: self.multi_line,
            dot_all: self.dot_all,
            unicode: self.unicode,
            ..Flags::default()
        }
    }
}

/// One compiled expression and what `RegExpMatch` needs to know about its groups.
pub struct CompiledRegExp {
    regex: Regex,
    /// `(?:pattern)|()`, compiled on the first `matchAsPrefix`: it always matches at the
    /// start offset (the empty alternative), so a sticky match never searches further;
    /// the last group tells whether the pattern itself matched. `None` inside means the
    /// pattern cannot be wrapped (see [`sticky_source`]).
    sticky: Option<Option<Regex>>,
    source: Vec<u16>,
    flags: RegExpFlags,
    pub group_count: usize,
    /// Named groups in pattern order with their group index (1-based).
    pub group_names: Vec<(String, usize)>,
}

/// Group `i` of a match as `(start, end)` code-unit offsets; `None` when it did not take part.
pub type GroupRanges = Vec<Option<(usize, usize)>>;

/// The isolate's compiled expressions. Equal patterns with equal flags share an entry, so
/// the table grows with the number of distinct expressions a program builds, not with the
/// number of `RegExp` objects.
#[derive(Default)]
pub struct RegExpTable {
    entries: Vec<CompiledRegExp>,
    by_key: HashMap<(Vec<u16>, RegExpFlags), usize>,
    /// The last Latin-1 input widened to code units, with its [`InputKey`]: a lexer calls
    /// `matchAsPrefix` on one long string many times, which must not copy it each time.
    widened: Option<(InputKey, Vec<u16>)>,
}

/// Identifies a string object without holding it: its address and the heap's collection
/// count. Objects neither move nor die between collections and bump allocation never
/// reuses an address, so equal keys mean the same (immutable) string.
pub type InputKey = (usize, u64);

impl RegExpTable {
    /// Compiles `source` (or finds it compiled) and returns its index, or the message of
    /// the `FormatException` Dart throws (the VM's text followed by the pattern).
    pub fn compile(&mut self, source: &[u16], flags: RegExpFlags) -> Result<usize, String> {
        let key = (source.to_vec(), flags);
        if let Some(&id) = self.by_key.get(&key) {
            return Ok(id);
        }
        let shape = scan_groups(source).map_err(|m| error_text(m, source))?;
        let regex = Regex::from_unicode(pattern_chars(source, flags.unicode), flags.to_regress())
            .map_err(|e| error_text(dart_message(&e.text, source), source))?;
        let id = self.entries.len();
        self.entries.push(CompiledRegExp {
            regex,
            sticky: None,
            source: source.to_vec(),
            flags,
            group_count: shape.count,
            group_names: shape.names,
        });
        self.by_key.insert(key, id);
        Ok(id)
    }

    pub fn get(&self, id: usize) -> Option<&CompiledRegExp> {
        self.entries.get(id)
    }

    /// [`RegExpTable::exec`] on a Latin-1 string, widened by `widen` unless it is the
    /// string of the previous call (same `key`).
    pub fn exec_latin1(
        &mut self,
        id: usize,
        key: InputKey,
        widen: impl FnOnce() -> Vec<u16>,
        start: usize,
        sticky: bool,
    ) -> Option<GroupRanges> {
        let cached = self.widened.take().filter(|(k, _)| *k == key);
        let (key, text) = cached.unwrap_or_else(|| (key, widen()));
        let found = self.exec(id, &text, start, sticky);
        self.widened = Some((key, text));
        found
    }

    /// The first match in `text` at or after `start` or, with `sticky`, only a match that
    /// starts exactly at `start`.
    pub fn exec(
        &mut self,
        id: usize,
        text: &[u16],
        start: usize,
        sticky: bool,
    ) -> Option<GroupRanges> {
        let entry = self.entries.get_mut(id)?;
        if start > text.len() {
            return None;
        }
        if !sticky {
            return find(
                &entry.regex,
                entry.flags.unicode,
                text,
                start,
                entry.group_count,
            );
        }
        if entry.sticky.is_none() {
            entry.sticky = Some(compile_sticky(&entry.source, entry.flags));
        }
        match entry.sticky.as_ref().and_then(|s| s.as_ref()) {
            Some(wrapped) => {
                let m = find(
                    wrapped,
                    entry.flags.unicode,
                    text,
                    start,
                    entry.group_count + 1,
                )?;
                let unmatched = m.last().is_some_and(|g| g.is_some());
                let at_start = m
                    .first()
                    .is_some_and(|g| g.is_some_and(|(s, _)| s == start));
                if unmatched || !at_start {
                    return None;
                }
                Some(m[..=entry.group_count].to_vec())
            }
            None => {
                let m = find(
                    &entry.regex,
                    entry.flags.unicode,
                    text,
                    start,
                    entry.group_count,
                )?;
                let at_start = m
                    .first()
                    .is_some_and(|g| g.is_some_and(|(s, _)| s == start));
                at_start.then_some(m)
            }
        }
    }
}

/// Runs `regex` over `text` from `start`: group 0 is the whole match, then `groups` groups.
fn find(
    regex: &Regex,
    unicode: bool,
    text: &[u16],
    start: usize,
    groups: usize,
) -> Option<GroupRanges> {
    let m = if unicode {
        regex.find_from_utf16(text, start).next()?
    } else {
        regex.find_from_ucs2(text, start).next()?
    };
    Some(
        (0..=groups)
            .map(|i| m.group(i).map(|r| (r.start, r.end)))
            .collect(),
    )
}

fn compile_sticky(source: &[u16], flags: RegExpFlags) -> Option<Regex> {
    let wrapped = sticky_source(source)?;
    Regex::from_unicode(pattern_chars(&wrapped, flags.unicode), flags.to_regress()).ok()
}

/// `(?:source)|()`, unless the pattern has a `\<digit>` escape: adding a group could turn
/// an octal escape that names a missing group (Annex B) into a backreference.
fn sticky_source(source: &[u16]) -> Option<Vec<u16>> {
    let has_digit_escape = source
        .windows(2)
        .any(|w| w[0] == u16::from(b'\\') && (u16::from(b'1')..=u16::from(b'9')).contains(&w[1]));
    if has_digit_escape {
        return None;
    }
    let mut out: Vec<u16> = "(?:".encode_utf16().collect();
    out.extend_from_slice(source);
    out.extend(")|()".encode_utf16());
    Some(out)
}

/// The pattern as the parser's input: code units, or code points in unicode mode (a lone
/// surrogate stays as it is).
fn pattern_chars(source: &[u16], unicode: bool) -> impl Iterator<Item = u32> + Clone + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let unit = *source.get(i)?;
        i += 1;
        if unicode && (0xD800..0xDC00).contains(&unit) {
            if let Some(&trail) = source.get(i) {
                if (0xDC00..0xE000).contains(&trail) {
                    i += 1;
                    return Some(
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(trail) - 0xDC00),
                    );
                }
            }
        }
        Some(u32::from(unit))
    })
}

/// The `FormatException` message: the VM puts the pattern right after the error text.
fn error_text(message: &str, source: &[u16]) -> String {
    format!("{message}{}", String::from_utf16_lossy(source))
}

/// The Dart VM's text for a `regress` parse error (its own text when we know no better).
fn dart_message<'a>(regress_text: &'a str, source: &[u16]) -> &'a str {
    match regress_text {
        "Unbalanced parenthesis" => {
            if has_unmatched_close(source) {
                "Unmatched ')'"
            } else {
                "Unterminated group"
            }
        }
        "Invalid atom character" | "Invalid braced quantifier" => "Nothing to repeat",
        "Invalid quantifier" => "numbers out of order in {} quantifier",
        "Unbalanced bracket" => "Unterminated character class",
        t if t.starts_with("Range values reversed") => "Range out of order in character class",
        "Incomplete escape" | "Unterminated escape" => "\\ at end of pattern",
        "Invalid group modifier" => "Invalid group",
        "Invalid token at named capture group identifier" => "Invalid capture group name",
        "Invalid named backreference syntax" => "Invalid named reference",
        "Capture group count limit exceeded" => "Too many captures",
        "Invalid unicode escape" => "Invalid Unicode escape",
        "Invalid character escape" => "Invalid escape",
        "Invalid character range" => "Invalid character class",
        "Regular expression is too deeply nested" => "Regular expression too large",
        other => other,
    }
}

/// Groups found by [`scan_groups`].
struct GroupShape {
    count: usize,
    names: Vec<(String, usize)>,
}

/// Counts the capture groups of a pattern and collects the names of named ones, skipping
/// escapes and character classes. Rejects duplicate names (as the Dart VM does; ES2025's
/// duplicates in different alternatives are not Dart syntax).
fn scan_groups(source: &[u16]) -> Result<GroupShape, &'static str> {
    let mut shape = GroupShape {
        count: 0,
        names: Vec::new(),
    };
    let unit = |i: usize| source.get(i).copied().unwrap_or(0);
    let mut i = 0;
    let mut in_class = false;
    while i < source.len() {
        let c = source[i];
        if c == u16::from(b'\\') {
            i += 2;
            continue;
        }
        if in_class {
            in_class = c != u16::from(b']');
        } else if c == u16::from(b'[') {
            in_class = true;
        } else if c == u16::from(b'(') {
            if unit(i + 1) != u16::from(b'?') {
                shape.count += 1;
            } else if !b":=!<".iter().any(|&k| unit(i + 2) == u16::from(k)) {
                // Modifier groups (`(?i:...)`) are not Dart syntax.
                return Err("Invalid group");
            } else if unit(i + 2) == u16::from(b'<')
                && unit(i + 3) != u16::from(b'=')
                && unit(i + 3) != u16::from(b'!')
            {
                shape.count += 1;
                let name_start = i + 3;
                let len = source[name_start..]
                    .iter()
                    .position(|&u| u == u16::from(b'>'))
                    .ok_or("Invalid capture group name")?;
                let name = String::from_utf16_lossy(&source[name_start..name_start + len]);
                if shape.names.iter().any(|(n, _)| *n == name) {
                    return Err("Duplicate capture group name");
                }
                shape.names.push((name, shape.count));
            }
        }
        i += 1;
    }
    Ok(shape)
}

/// Whether a `)` closes no group (outside classes and escapes).
fn has_unmatched_close(source: &[u16]) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    let mut in_class = false;
    while i < source.len() {
        let c = source[i];
        if c == u16::from(b'\\') {
            i += 2;
            continue;
        }
        if in_class {
            in_class = c != u16::from(b']');
        } else if c == u16::from(b'[') {
            in_class = true;
        } else if c == u16::from(b'(') {
            depth += 1;
        } else if c == u16::from(b')') {
            if depth == 0 {
                return true;
            }
            depth -= 1;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    const PLAIN: RegExpFlags = RegExpFlags {
        multi_line: false,
        case_sensitive: true,
        unicode: false,
        dot_all: false,
    };

    #[test]
    fn compiles_once_and_reports_groups() {
        let mut t = RegExpTable::default();
        let a = t
            .compile(&u(r"(?<year>\d{4})-(\d\d)(?:x)[(]"), PLAIN)
            .unwrap();
        let b = t
            .compile(&u(r"(?<year>\d{4})-(\d\d)(?:x)[(]"), PLAIN)
            .unwrap();
        assert_eq!(a, b);
        let e = t.get(a).unwrap();
        assert_eq!(e.group_count, 2);
        assert_eq!(e.group_names, vec![("year".to_string(), 1)]);
    }

    #[test]
    fn errors_use_the_dart_vm_texts() {
        let mut t = RegExpTable::default();
        assert_eq!(
            t.compile(&u("(a"), PLAIN).unwrap_err(),
            "Unterminated group(a"
        );
        assert_eq!(t.compile(&u("a)"), PLAIN).unwrap_err(), "Unmatched ')'a)");
        assert_eq!(
            t.compile(&u("*a"), PLAIN).unwrap_err(),
            "Nothing to repeat*a"
        );
        assert_eq!(
            t.compile(&u("[a"), PLAIN).unwrap_err(),
            "Unterminated character class[a"
        );
        assert_eq!(
            t.compile(&u("(?i:a)"), PLAIN).unwrap_err(),
            "Invalid group(?i:a)"
        );
        assert_eq!(
            t.compile(&u("(?<a>x)(?<a>y)"), PLAIN).unwrap_err(),
            "Duplicate capture group name(?<a>x)(?<a>y)"
        );
    }

    proptest::proptest! {
        /// Whatever the pattern (user text), compiling and matching never panics, and
        /// every reported range lies within the input.
        #[test]
        fn arbitrary_patterns_never_panic(
            pattern in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..12),
            text in "[ab\\n😀é(]{0,8}",
            flags in 0u8..16,
        ) {
            let flags = RegExpFlags {
                multi_line: flags & 1 != 0,
                case_sensitive: flags & 2 != 0,
                unicode: flags & 4 != 0,
                dot_all: flags & 8 != 0,
            };
            let mut t = RegExpTable::default();
            if let Ok(id) = t.compile(&u(&pattern.concat()), flags) {
                let text = u(&text);
                for start in 0..=text.len() {
                    for sticky in [false, true] {
                        for (s, e) in t.exec(id, &text, start, sticky).unwrap_or_default().into_iter().flatten() {
                            proptest::prop_assert!(s <= e && e <= text.len());
                        }
                    }
                }
            }
        }
    }

    const PIECES: &[&str] = &[
        "a",
        "b",
        "(",
        ")",
        "(?:",
        "(?=",
        "(?!",
        "(?<=",
        "(?<!",
        "(?<n>",
        "\\k<n>",
        "[",
        "]",
        "^",
        "$",
        "|",
        "*",
        "+?",
        "{2,}",
        "{1,0}",
        "\\1",
        "\\2",
        "\\",
        "\\u{1F600}",
        "\\ud83d",
        "\\p{L}",
        ".",
        "\\b",
        "[^]",
        "-",
        "😀",
        "\\c",
        "\\x4",
        "{",
    ];

    #[test]
    fn matches_at_utf16_offsets_and_sticky() {
        let mut t = RegExpTable::default();
        let id = t.compile(&u("b+"), PLAIN).unwrap();
        let text = u("😀abbb");
        assert_eq!(t.exec(id, &text, 0, false).unwrap()[0], Some((3, 6)));
        assert!(t.exec(id, &text, 0, true).is_none());
        assert_eq!(t.exec(id, &text, 4, true).unwrap()[0], Some((4, 6)));
        let uni = RegExpFlags {
            unicode: true,
            ..PLAIN
        };
        let dot = t.compile(&u("^."), uni).unwrap();
        assert_eq!(t.exec(dot, &text, 0, false).unwrap()[0], Some((0, 2)));
        let dot = t.compile(&u("^."), PLAIN).unwrap();
        assert_eq!(t.exec(dot, &text, 0, false).unwrap()[0], Some((0, 1)));
    }
}
