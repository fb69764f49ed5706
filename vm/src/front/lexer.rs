//! The lexer: Dart source text to a flat [`Token`] vector. It owns everything
//! character-level: comments (nested), the `#!` script tag, number syntax, string quoting,
//! escapes and interpolation (`$x`, `${...}` nested to any depth, tracked with an explicit
//! mode stack rather than recursion), bracket matching (every bracket token records its
//! partner, which the parser uses for cheap lookahead and recovery), and the lexical
//! diagnostics. String contents are not decoded here: [`decode_string`] does that when the
//! parser builds the AST, so lexing allocates nothing per token.

use super::diagnostics::Diagnostics;
use super::source::{FileId, Span};
use super::token::{keyword_kind, string_flags as sf, Token, TokenKind, NO_MATCH};
use TokenKind::*;

/// What the lexer produces for one file.
#[derive(Debug)]
pub struct LexOutput {
    /// The tokens, always ending with one `Eof`.
    pub tokens: Vec<Token>,
    /// The `#!...` first line, without the line terminator.
    pub script_tag: Option<String>,
    /// Some bracket had no partner (already reported); the parser then stays quiet about
    /// the end of file, where it would only repeat the same problem.
    pub unmatched_brackets: bool,
}

/// Lexes `src` (the text of file `file`), reporting lexical errors into `diags`.
pub fn lex(src: &str, file: FileId, diags: &mut Diagnostics) -> LexOutput {
    let mut lexer = Lexer {
        text: src,
        src: src.as_bytes(),
        pos: 0,
        file,
        diags,
        // About one token per 5 bytes in typical code; reserving a little more
        // avoids a final doubling copy of a multi-megabyte vector.
        tokens: Vec::with_capacity(src.len() / 3 + 16),
        interps: Vec::new(),
        open: Vec::new(),
        unmatched: false,
        errors: 0,
    };
    let script_tag = lexer.script_tag();
    lexer.run();
    LexOutput {
        tokens: lexer.tokens,
        script_tag,
        unmatched_brackets: lexer.unmatched,
    }
}

/// An open `${` interpolation: how to resume the string when its `}` arrives.
struct Interp {
    flags: u8,
    /// Unclosed `{` inside the interpolation (a map literal or block in a closure).
    braces: u32,
    /// Where the enclosing string started, for "unterminated string" reports.
    string_start: u32,
}

struct Lexer<'a, 'd> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
    file: FileId,
    diags: &'d mut Diagnostics,
    tokens: Vec<Token>,
    interps: Vec<Interp>,
    /// Indices of open bracket tokens not yet matched.
    open: Vec<u32>,
    unmatched: bool,
    errors: usize,
}

/// Lexical errors reported per file at most.
pub const MAX_ERRORS: usize = 100;

/// How far down the open-bracket stack a closer looks for its partner; beyond this the
/// closer counts as unmatched (keeps pathological inputs linear).
const MATCH_SEARCH: usize = 32;

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == b'$'
}

fn is_ident_part(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

impl<'a, 'd> Lexer<'a, 'd> {
    fn peek(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start as u32, end as u32)
    }

    /// Reports an error; after [`MAX_ERRORS`] the rest of the file's lexical errors are
    /// dropped (garbage input would otherwise produce one per byte).
    fn error(&mut self, start: usize, end: usize, msg: impl Into<String>) {
        if self.errors >= MAX_ERRORS {
            return;
        }
        self.errors += 1;
        let span = self.span(start, end);
        self.diags.error(span, msg);
    }

    fn script_tag(&mut self) -> Option<String> {
        // A UTF-8 byte order mark is not part of the program.
        if self.text.starts_with('\u{feff}') {
            self.pos = 3;
        }
        if !self.text[self.pos..].starts_with("#!") {
            return None;
        }
        let start = self.pos;
        while self.pos < self.src.len() && !matches!(self.src[self.pos], b'\n' | b'\r') {
            self.pos += 1;
        }
        Some(self.text[start..self.pos].to_string())
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.push_tok(Token::new(kind, start as u32, end as u32));
    }

    fn push_tok(&mut self, tok: Token) {
        let index = self.tokens.len() as u32;
        if tok.kind.is_open_bracket() {
            self.open.push(index);
        } else if tok.kind.is_close_bracket() {
            self.tokens.push(tok);
            self.match_closer(index);
            return;
        }
        self.tokens.push(tok);
    }

    /// Pairs the closer at `index` with the nearest open bracket of its kind; openers
    /// skipped over on the way are left unmatched (and reported at the end).
    fn match_closer(&mut self, index: u32) {
        let want = match self.tokens[index as usize].kind {
            RParen => LParen,
            RBracket => LBracket,
            RBrace => LBrace,
            _ => InterpStart,
        };
        // An interpolation's `}` never looks past its own `${`; other closers never look
        // past an enclosing `${` (they cannot belong to the outer code).
        let floor = self.open.len().saturating_sub(MATCH_SEARCH);
        let Some(found) = self.open[floor..]
            .iter()
            .rposition(|&i| {
                let k = self.tokens[i as usize].kind;
                k == want || k == InterpStart
            })
            .map(|i| i + floor)
        else {
            return;
        };
        let opener = self.open[found];
        if self.tokens[opener as usize].kind != want {
            return;
        }
        for &skipped in &self.open[found + 1..] {
            self.tokens[skipped as usize].aux = NO_MATCH;
        }
        let skipped: Vec<u32> = self.open.drain(found..).skip(1).collect();
        self.report_unmatched(&skipped);
        self.tokens[opener as usize].aux = index;
        self.tokens[index as usize].aux = opener;
    }

    fn report_unmatched(&mut self, openers: &[u32]) {
        for &i in openers {
            let tok = self.tokens[i as usize];
            let (open, close) = match tok.kind {
                LParen => ("(", ")"),
                LBracket => ("[", "]"),
                LBrace => ("{", "}"),
                _ => ("${", "}"),
            };
            self.unmatched = true;
            self.error(
                tok.start as usize,
                tok.end as usize,
                format!("Can't find '{close}' to match '{open}'."),
            );
        }
    }

    fn run(&mut self) {
        loop {
            self.skip_trivia();
            if self.pos >= self.src.len() {
                break;
            }
            self.token();
        }
        let end = self.src.len();
        if let Some(interp) = self.interps.last() {
            let start = interp.string_start as usize;
            let quote = quote_text(interp.flags);
            self.error(
                start,
                end,
                format!("String starting with {quote} must end with {quote}."),
            );
        }
        let open = std::mem::take(&mut self.open);
        self.report_unmatched(&open);
        self.push(Eof, end, end);
    }

    fn skip_trivia(&mut self) {
        while self.pos < self.src.len() {
            match self.src[self.pos] {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0c => self.pos += 1,
                b'/' if self.peek(1) == b'/' => {
                    while self.pos < self.src.len() && !matches!(self.src[self.pos], b'\n' | b'\r')
                    {
                        self.pos += 1;
                    }
                }
                b'/' if self.peek(1) == b'*' => self.block_comment(),
                _ => return,
            }
        }
    }

    fn block_comment(&mut self) {
        let start = self.pos;
        self.pos += 2;
        let mut depth = 1u32;
        while self.pos < self.src.len() {
            match (self.src[self.pos], self.peek(1)) {
                (b'*', b'/') => {
                    self.pos += 2;
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                (b'/', b'*') => {
                    self.pos += 2;
                    depth += 1;
                }
                _ => self.pos += 1,
            }
        }
        self.error(
            start,
            self.src.len(),
            "Comment starting with '/*' must end with '*/'.",
        );
    }

    fn token(&mut self) {
        let c = self.src[self.pos];
        match c {
            b'r' if matches!(self.peek(1), b'\'' | b'"') => self.string(true),
            b'\'' | b'"' => self.string(false),
            _ if is_ident_start(c) => self.word(),
            b'0'..=b'9' => self.number(),
            b'.' if self.peek(1).is_ascii_digit() => self.number(),
            b'{' => {
                if let Some(interp) = self.interps.last_mut() {
                    interp.braces += 1;
                }
                self.op(LBrace, 1);
            }
            b'}' => self.close_brace(),
            _ if c >= 0x80 => self.non_ascii(),
            _ => self.operator(c),
        }
    }

    fn op(&mut self, kind: TokenKind, len: usize) {
        let start = self.pos;
        self.pos += len;
        self.push(kind, start, self.pos);
    }

    fn close_brace(&mut self) {
        match self.interps.last_mut() {
            Some(interp) if interp.braces == 0 => {
                let Some(interp) = self.interps.pop() else {
                    return;
                };
                self.op(InterpEnd, 1);
                self.string_body(interp.flags, self.pos, self.pos, interp.string_start, false);
            }
            Some(interp) => {
                interp.braces -= 1;
                self.op(RBrace, 1);
            }
            None => self.op(RBrace, 1),
        }
    }

    fn operator(&mut self, c: u8) {
        let (p1, p2, p3) = (self.peek(1), self.peek(2), self.peek(3));
        let (kind, len) = match c {
            b'(' => (LParen, 1),
            b')' => (RParen, 1),
            b'[' => (LBracket, 1),
            b']' => (RBracket, 1),
            b';' => (Semicolon, 1),
            b':' => (Colon, 1),
            b',' => (Comma, 1),
            b'@' => (At, 1),
            b'#' => (Hash, 1),
            b'.' => match (p1, p2, p3) {
                (b'.', b'.', b'?') => (DotDotDotQuestion, 4),
                (b'.', b'.', _) => (DotDotDot, 3),
                (b'.', _, _) => (DotDot, 2),
                _ => (Dot, 1),
            },
            b'?' => match (p1, p2, p3) {
                (b'.', b'.', _) => (QuestionDotDot, 3),
                // `c ?.5 : 1` is a conditional with a double, not `?.`.
                (b'.', d, _) if !d.is_ascii_digit() => (QuestionDot, 2),
                (b'?', b'=', _) => (QuestionQuestionEq, 3),
                (b'?', _, _) => (QuestionQuestion, 2),
                _ => (Question, 1),
            },
            b'=' => match p1 {
                b'=' => (EqEq, 2),
                b'>' => (Arrow, 2),
                _ => (Eq, 1),
            },
            b'!' => match p1 {
                b'=' => (BangEq, 2),
                _ => (Bang, 1),
            },
            b'<' => match (p1, p2) {
                (b'<', b'=') => (LtLtEq, 3),
                (b'<', _) => (LtLt, 2),
                (b'=', _) => (LtEq, 2),
                _ => (Lt, 1),
            },
            b'>' => match (p1, p2, p3) {
                (b'>', b'>', b'=') => (GtGtGtEq, 4),
                (b'>', b'>', _) => (GtGtGt, 3),
                (b'>', b'=', _) => (GtGtEq, 3),
                (b'>', _, _) => (GtGt, 2),
                (b'=', _, _) => (GtEq, 2),
                _ => (Gt, 1),
            },
            b'+' => Self::with_eq_or_double(p1, b'+', Plus, PlusEq, PlusPlus),
            b'-' => Self::with_eq_or_double(p1, b'-', Minus, MinusEq, MinusMinus),
            b'&' => Self::with_eq_or_double(p1, b'&', Amp, AmpEq, AmpAmp),
            b'|' => Self::with_eq_or_double(p1, b'|', Pipe, PipeEq, PipePipe),
            b'*' => Self::with_eq(p1, Star, StarEq),
            b'/' => Self::with_eq(p1, Slash, SlashEq),
            b'%' => Self::with_eq(p1, Percent, PercentEq),
            b'^' => Self::with_eq(p1, Caret, CaretEq),
            b'~' => match (p1, p2) {
                (b'/', b'=') => (TildeSlashEq, 3),
                (b'/', _) => (TildeSlash, 2),
                _ => (Tilde, 1),
            },
            _ => return self.bad_char(c),
        };
        self.op(kind, len);
    }

    fn with_eq(next: u8, plain: TokenKind, eq: TokenKind) -> (TokenKind, usize) {
        if next == b'=' {
            (eq, 2)
        } else {
            (plain, 1)
        }
    }

    fn with_eq_or_double(
        next: u8,
        same: u8,
        plain: TokenKind,
        eq: TokenKind,
        double: TokenKind,
    ) -> (TokenKind, usize) {
        if next == same {
            (double, 2)
        } else {
            Self::with_eq(next, plain, eq)
        }
    }

    /// An ASCII character that starts no token (control characters, `` ` ``, `\`).
    fn bad_char(&mut self, c: u8) {
        let start = self.pos;
        self.pos += 1;
        let msg = if c < 0x20 || c == 0x7f {
            format!(
                "The control character U+{:04X} can only be used in strings and comments.",
                c
            )
        } else {
            format!("The character '{}' can't be used here.", c as char)
        };
        self.error(start, self.pos, msg);
    }

    /// A non-ASCII character outside strings and comments. A letter is reported and
    /// then read as part of an identifier, so the parser does not pile a second error on
    /// what was clearly meant as a name; anything else is reported and skipped.
    fn non_ascii(&mut self) {
        let start = self.pos;
        let ch = self.text[start..].chars().next().unwrap_or('\u{fffd}');
        if ch.is_alphanumeric() {
            return self.word();
        }
        self.pos += ch.len_utf8().max(1);
        let msg = if ch.is_whitespace() {
            format!(
                "The non-ASCII space character U+{:04X} can only be used in strings and comments.",
                ch as u32
            )
        } else {
            non_ascii_message(ch)
        };
        self.error(start, self.pos, msg);
    }

    fn word(&mut self) {
        let start = self.pos;
        let mut reported = false;
        while self.pos < self.src.len() {
            let c = self.src[self.pos];
            if is_ident_part(c) {
                self.pos += 1;
                continue;
            }
            if c < 0x80 {
                break;
            }
            let ch = self.text[self.pos..].chars().next().unwrap_or('\u{fffd}');
            if !ch.is_alphanumeric() {
                break;
            }
            let len = ch.len_utf8();
            if !reported {
                reported = true;
                self.error(self.pos, self.pos + len, non_ascii_message(ch));
            }
            self.pos += len;
        }
        let kind = keyword_kind(&self.src[start..self.pos]);
        self.push(kind, start, self.pos);
    }

    // ------------------------------------------------------------------ numbers

    fn number(&mut self) {
        let start = self.pos;
        if self.src[start] == b'0' && matches!(self.peek(1), b'x' | b'X') {
            self.pos += 2;
            let digits = self.digits(|c| c.is_ascii_hexdigit());
            if !digits {
                self.error(
                    start,
                    self.pos,
                    "A hex digit (0-9 or A-F) must follow '0x'.",
                );
            }
            self.push(Int, start, self.pos);
            return;
        }
        let mut kind = Int;
        self.digits(|c| c.is_ascii_digit());
        if self.peek(0) == b'.' && self.peek(1).is_ascii_digit() {
            kind = Double;
            self.pos += 1;
            self.digits(|c| c.is_ascii_digit());
        }
        if matches!(self.peek(0), b'e' | b'E') {
            let exp = self.pos;
            kind = Double;
            self.pos += 1;
            if matches!(self.peek(0), b'+' | b'-') {
                self.pos += 1;
            }
            if !self.digits(|c| c.is_ascii_digit()) {
                self.error(exp, self.pos, "Numbers in exponential notation should always contain an exponent (an integer number with an optional sign).");
            }
        }
        self.push(kind, start, self.pos);
    }

    /// Digits with `_` separators; returns whether there was at least one digit.
    /// Separators must sit between two digits.
    fn digits(&mut self, is_digit: impl Fn(u8) -> bool) -> bool {
        let begin = self.pos;
        let mut last_digit = false;
        while self.pos < self.src.len() {
            let c = self.src[self.pos];
            if is_digit(c) {
                last_digit = true;
            } else if c == b'_' && self.pos > begin {
                last_digit = false;
            } else {
                break;
            }
            self.pos += 1;
        }
        if self.pos > begin && !last_digit {
            let at = self.pos - 1;
            self.error(
                at,
                at + 1,
                "Digit separators ('_') in a number literal can only be placed between two digits.",
            );
        }
        self.pos > begin
    }

    // ------------------------------------------------------------------ strings

    fn string(&mut self, raw: bool) {
        let start = self.pos;
        if raw {
            self.pos += 1;
        }
        let q = self.src[self.pos];
        let mut flags = if raw { sf::RAW } else { 0 };
        if q == b'"' {
            flags |= sf::DOUBLE;
        }
        if self.peek(1) == q && self.peek(2) == q {
            flags |= sf::TRIPLE;
            self.pos += 3;
            self.skip_first_line();
        } else {
            self.pos += 1;
        }
        self.string_body(flags, start, self.pos, start as u32, true);
    }

    /// A multi-line string drops its first line when that line is only whitespace.
    fn skip_first_line(&mut self) {
        let mut p = self.pos;
        while matches!(self.src.get(p), Some(b' ' | b'\t')) {
            p += 1;
        }
        if self.src.get(p) == Some(&b'\\') && self.src.get(p + 1).is_none_or(|c| *c != b'\n') {
            return;
        }
        match self.src.get(p) {
            Some(b'\n') => self.pos = p + 1,
            Some(b'\r') => {
                self.pos = p + 1;
                if self.src.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
            }
            _ => {}
        }
    }

    /// Scans string content from `self.pos` (a segment starting at token offset
    /// `tok_start`, content at `content`) until the closing quote, an interpolation or
    /// the end of the line (single-line strings) or file.
    fn string_body(
        &mut self,
        flags: u8,
        tok_start: usize,
        content: usize,
        string_start: u32,
        first: bool,
    ) {
        let q = if flags & sf::DOUBLE != 0 { b'"' } else { b'\'' };
        let triple = flags & sf::TRIPLE != 0;
        let raw = flags & sf::RAW != 0;
        let mut seg_start = tok_start;
        let mut content_start = content;
        let mut first = first;
        loop {
            let Some(&c) = self.src.get(self.pos) else {
                return self.unterminated(flags, seg_start, content_start, string_start, first);
            };
            if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
                self.pos += if triple { 3 } else { 1 };
                let kind = if first { StringFull } else { StringTail };
                return self.push_string(kind, flags | sf::TERMINATED, seg_start, content_start);
            }
            match c {
                b'\\' if !raw => self.escape(),
                b'\n' | b'\r' if !triple => {
                    return self.unterminated(flags, seg_start, content_start, string_start, first)
                }
                b'$' if !raw && !starts_interpolation(self.peek(1)) => {
                    self.error(self.pos, self.pos + 1, "A '$' has special meaning inside a string, and must be followed by an identifier or an expression in curly braces ({}).");
                    // The lone `$` stays part of the text.
                    self.pos += 1;
                }
                b'$' if !raw => {
                    let kind = if first { StringHead } else { StringMid };
                    self.push_string(kind, flags, seg_start, content_start);
                    first = false;
                    if !self.interpolation(flags, string_start) {
                        return;
                    }
                    seg_start = self.pos;
                    content_start = self.pos;
                }
                _ => self.pos += 1,
            }
        }
    }

    fn push_string(&mut self, kind: TokenKind, flags: u8, start: usize, content: usize) {
        let mut tok = Token::new(kind, start as u32, self.pos as u32);
        tok.flags = flags;
        tok.aux = content as u32;
        self.push_tok(tok);
    }

    fn unterminated(
        &mut self,
        flags: u8,
        seg_start: usize,
        content: usize,
        string_start: u32,
        first: bool,
    ) {
        let quote = quote_text(flags);
        self.error(
            string_start as usize,
            self.pos,
            format!("String starting with {quote} must end with {quote}."),
        );
        let kind = if first { StringFull } else { StringTail };
        self.push_string(kind, flags, seg_start, content);
    }

    /// At a `$` that starts an interpolation. Returns `true` when the string continues
    /// right here (after `$name`), `false` when a `${` handed control back to the main
    /// loop.
    fn interpolation(&mut self, flags: u8, string_start: u32) -> bool {
        let dollar = self.pos;
        if self.peek(1) == b'{' {
            self.pos += 2;
            self.push(InterpStart, dollar, self.pos);
            self.interps.push(Interp {
                flags,
                braces: 0,
                string_start,
            });
            return false;
        }
        // `$name` takes letters, digits and `_` but not `$`: `'$a$b'` is two names.
        self.pos += 1;
        let start = self.pos;
        while self.pos < self.src.len()
            && (self.src[self.pos].is_ascii_alphanumeric() || self.src[self.pos] == b'_')
        {
            self.pos += 1;
        }
        self.push(InterpIdent, start, self.pos);
        true
    }

    /// Validates an escape sequence (decoding happens later, in [`decode_string`]).
    fn escape(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let Some(&c) = self.src.get(self.pos) else {
            return;
        };
        match c {
            b'x' => {
                self.pos += 1;
                let ok = (0..2).all(|i| self.peek(i).is_ascii_hexdigit());
                if ok {
                    self.pos += 2;
                } else {
                    self.error(start, self.pos, "An escape sequence starting with '\\x' must be followed by 2 hexadecimal digits.");
                }
            }
            b'u' => {
                self.pos += 1;
                self.unicode_escape(start);
            }
            _ if c >= 0x80 => {
                let len = self.text[self.pos..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                self.pos += len;
            }
            _ => self.pos += 1,
        }
    }

    fn unicode_escape(&mut self, start: usize) {
        const MSG: &str = "An escape sequence starting with '\\u' must be followed by 4 hexadecimal digits or from 1 to 6 digits between '{' and '}'.";
        if self.peek(0) == b'{' {
            let mut n = 0;
            while self.peek(1 + n).is_ascii_hexdigit() {
                n += 1;
            }
            if n == 0 || n > 6 || self.peek(1 + n) != b'}' {
                self.pos += 1 + n;
                return self.error(start, self.pos, MSG);
            }
            let digits = &self.text[self.pos + 1..self.pos + 1 + n];
            self.pos += n + 2;
            let value = u32::from_str_radix(digits, 16).unwrap_or(u32::MAX);
            if value > 0x10FFFF {
                self.error(
                    start,
                    self.pos,
                    "The escape sequence starting with '\\u' isn't a valid code point.",
                );
            }
        } else if (0..4).all(|i| self.peek(i).is_ascii_hexdigit()) {
            self.pos += 4;
        } else {
            self.error(start, self.pos, MSG);
        }
    }
}

fn non_ascii_message(ch: char) -> String {
    format!(
        "The non-ASCII character '{}' (U+{:04X}) can't be used in identifiers, only in strings and comments.",
        ch, ch as u32
    )
}

fn starts_interpolation(next: u8) -> bool {
    next == b'{' || next.is_ascii_alphabetic() || next == b'_'
}

fn quote_text(flags: u8) -> &'static str {
    let double = flags & sf::DOUBLE != 0;
    let triple = flags & sf::TRIPLE != 0;
    match (double, triple) {
        (false, false) => "'",
        (true, false) => "\"",
        (false, true) => "'''",
        (true, true) => "\"\"\"",
    }
}

/// Decodes the content of a string token segment: escapes are processed unless `raw`,
/// and line terminators are normalised to `\n` as Dart does (`\r\n` and `\r` in a
/// multi-line string both read as `\n`). Malformed escapes (already reported by the
/// lexer) decode leniently rather than fail.
pub fn decode_string(raw_text: &str, raw: bool) -> String {
    let needs_work = raw_text.bytes().any(|b| b == b'\r' || (!raw && b == b'\\'));
    if !needs_work {
        return raw_text.to_string();
    }
    let mut out = String::with_capacity(raw_text.len());
    let mut chars = raw_text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\\' if !raw => decode_escape(&mut chars, &mut out),
            _ => out.push(c),
        }
    }
    out
}

fn decode_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, out: &mut String) {
    let Some(c) = chars.next() else {
        return;
    };
    let simple = match c {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'v' => '\u{b}',
        'x' => return push_code(out, take_hex(chars, 2)),
        'u' => {
            if chars.peek() == Some(&'{') {
                chars.next();
                let v = take_hex(chars, 6);
                if chars.peek() == Some(&'}') {
                    chars.next();
                }
                return push_code(out, v);
            }
            let v = take_hex(chars, 4);
            return push_code(out, combine_surrogate_pair(chars, v));
        }
        '\r' => {
            // A backslash before a line break keeps the break (normalised).
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            '\n'
        }
        other => other,
    };
    out.push(simple);
}

fn take_hex(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, max: usize) -> u32 {
    let mut v = 0u32;
    for _ in 0..max {
        match chars.peek().and_then(|c| c.to_digit(16)) {
            Some(d) => {
                v = v * 16 + d;
                chars.next();
            }
            None => break,
        }
    }
    v
}

/// `\uD83D\uDE00` is one character written as its UTF-16 surrogate pair: when `high` is
/// a high surrogate and the next escape a low one, consumes it and returns the pair's
/// code point.
fn combine_surrogate_pair(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, high: u32) -> u32 {
    if !(0xD800..0xDC00).contains(&high) {
        return high;
    }
    let mut ahead = chars.clone();
    if ahead.next() != Some('\\') || ahead.next() != Some('u') {
        return high;
    }
    let digits: String = (0..4)
        .map_while(|_| ahead.next_if(char::is_ascii_hexdigit))
        .collect();
    match u32::from_str_radix(&digits, 16) {
        Ok(low) if digits.len() == 4 && (0xDC00..0xE000).contains(&low) => {
            *chars = ahead;
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        }
        _ => high,
    }
}

/// Dart strings are UTF-16; a lone surrogate escape (`\uD800`) has no UTF-8 form, so it
/// becomes U+FFFD here.
fn push_code(out: &mut String, v: u32) {
    out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogate_pair_escapes_decode_to_one_character() {
        assert_eq!(decode_string(r"\uD83D\uDE00!", false), "\u{1F600}!");
        assert_eq!(decode_string(r"a\uD83D\u0041", false), "a\u{fffd}A");
        assert_eq!(decode_string(r"\uDE00\uD83D", false), "\u{fffd}\u{fffd}");
    }

    fn kinds(src: &str) -> Vec<TokenKind> {
        let mut d = Diagnostics::new();
        let out = lex(src, FileId(0), &mut d);
        assert!(
            d.items.is_empty(),
            "unexpected diagnostics for {src:?}: {:?}",
            d.items
        );
        out.tokens.iter().map(|t| t.kind).collect()
    }

    fn errors(src: &str) -> Vec<String> {
        let mut d = Diagnostics::new();
        lex(src, FileId(0), &mut d);
        d.items.into_iter().map(|d| d.message).collect()
    }

    fn texts(src: &str) -> Vec<String> {
        let mut d = Diagnostics::new();
        let out = lex(src, FileId(0), &mut d);
        out.tokens
            .iter()
            .map(|t| src[t.start as usize..t.end as usize].to_string())
            .collect()
    }

    #[test]
    fn operators_max_munch() {
        assert_eq!(
            kinds("a >>>= b >>> c >>= d >> e >= f > g"),
            vec![
                Identifier, GtGtGtEq, Identifier, GtGtGt, Identifier, GtGtEq, Identifier, GtGt,
                Identifier, GtEq, Identifier, Gt, Identifier, Eof
            ]
        );
        assert_eq!(
            kinds("??= ?.. ?. ?? ? ...? ... .. . ~/= ~/ ~ => == = != !"),
            vec![
                QuestionQuestionEq,
                QuestionDotDot,
                QuestionDot,
                QuestionQuestion,
                Question,
                DotDotDotQuestion,
                DotDotDot,
                DotDot,
                Dot,
                TildeSlashEq,
                TildeSlash,
                Tilde,
                Arrow,
                EqEq,
                Eq,
                BangEq,
                Bang,
                Eof
            ]
        );
        assert_eq!(
            kinds("<<= << <= < && &= & || |= | ^= ^ ++ += + -- -= - *= * /= / %= % # @"),
            vec![
                LtLtEq, LtLt, LtEq, Lt, AmpAmp, AmpEq, Amp, PipePipe, PipeEq, Pipe, CaretEq, Caret,
                PlusPlus, PlusEq, Plus, MinusMinus, MinusEq, Minus, StarEq, Star, SlashEq, Slash,
                PercentEq, Percent, Hash, At, Eof
            ]
        );
    }

    #[test]
    fn question_dot_before_digit_is_conditional() {
        assert_eq!(
            kinds("c ?.5 : 1"),
            vec![Identifier, Question, Double, Colon, Int, Eof]
        );
    }

    #[test]
    fn words() {
        assert_eq!(
            kinds("class get $x _y when on Function"),
            vec![KwClass, KwGet, Identifier, Identifier, KwWhen, KwOn, KwFunction, Eof]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("1 0x1F 1_000 0xFF_FF 1.5 1.5e-3 .5 1e10 2E+3 1.toString"),
            vec![
                Int, Int, Int, Int, Double, Double, Double, Double, Double, Int, Dot, Identifier,
                Eof
            ]
        );
        assert_eq!(
            errors("0x"),
            vec!["A hex digit (0-9 or A-F) must follow '0x'."]
        );
        assert_eq!(errors("1e").len(), 1);
        assert_eq!(errors("1_").len(), 1);
    }

    #[test]
    fn comments_nest() {
        assert_eq!(
            kinds("a /* x /* y */ z */ b // c\n d /** doc */ e /// doc\n"),
            vec![Identifier, Identifier, Identifier, Identifier, Eof]
        );
        assert_eq!(
            errors("a /* /* */"),
            vec!["Comment starting with '/*' must end with '*/'."]
        );
    }

    #[test]
    fn script_tag() {
        let mut d = Diagnostics::new();
        let out = lex("#!/usr/bin/env dart\nmain() {}", FileId(0), &mut d);
        assert_eq!(out.script_tag.as_deref(), Some("#!/usr/bin/env dart"));
        assert_eq!(out.tokens[0].kind, Identifier);
    }

    #[test]
    fn simple_strings() {
        assert_eq!(
            kinds(r#"'a' "b" r'c\n' '''d''' """e""" r"""f""""#),
            vec![StringFull, StringFull, StringFull, StringFull, StringFull, StringFull, Eof]
        );
    }

    #[test]
    fn interpolation_tokens() {
        assert_eq!(
            kinds(r#"'a$b c${d + 1}e'"#),
            vec![
                StringHead,
                InterpIdent,
                StringMid,
                InterpStart,
                Identifier,
                Plus,
                Int,
                InterpEnd,
                StringTail,
                Eof
            ]
        );
        assert_eq!(texts(r#"'a$b'"#), vec!["'a", "b", "'", ""]);
    }

    #[test]
    fn nested_interpolation() {
        let src = r#""x${'y${"z${1}"}'}""#;
        assert_eq!(
            kinds(src),
            vec![
                StringHead,
                InterpStart,
                StringHead,
                InterpStart,
                StringHead,
                InterpStart,
                Int,
                InterpEnd,
                StringTail,
                InterpEnd,
                StringTail,
                InterpEnd,
                StringTail,
                Eof
            ]
        );
    }

    #[test]
    fn braces_inside_interpolation() {
        assert_eq!(
            kinds("'${{1: 2}[1]}'"),
            vec![
                StringHead,
                InterpStart,
                LBrace,
                Int,
                Colon,
                Int,
                RBrace,
                LBracket,
                Int,
                RBracket,
                InterpEnd,
                StringTail,
                Eof
            ]
        );
    }

    #[test]
    fn string_content_and_decoding() {
        let src = "'''\n  hello\r\nworld'''";
        let mut d = Diagnostics::new();
        let out = lex(src, FileId(0), &mut d);
        let (s, e) = out.tokens[0].string_content();
        assert_eq!(
            decode_string(&src[s as usize..e as usize], false),
            "  hello\nworld"
        );
        assert_eq!(
            decode_string(r"\n\r\t\b\f\v\x41\u0041\u{1F600}\$\\\'", false),
            "\n\r\t\u{8}\u{c}\u{b}AA\u{1F600}$\\'"
        );
        assert_eq!(decode_string(r"\n", true), r"\n");
    }

    #[test]
    fn string_errors() {
        assert_eq!(
            errors("'abc\n"),
            vec!["String starting with ' must end with '."]
        );
        assert_eq!(
            errors("\"abc"),
            vec!["String starting with \" must end with \"."]
        );
        assert_eq!(
            errors("'''abc"),
            vec!["String starting with ''' must end with '''."]
        );
        assert_eq!(errors(r"'\x4'").len(), 1);
        assert_eq!(errors(r"'\u{110000}'").len(), 1);
        assert_eq!(errors(r"'\uZ'").len(), 1);
        assert_eq!(errors("'$'").len(), 1);
    }

    #[test]
    fn brackets_match() {
        let mut d = Diagnostics::new();
        let out = lex("f(a[1], {2})", FileId(0), &mut d);
        let t = &out.tokens;
        assert_eq!(t[1].aux, 10);
        assert_eq!(t[3].aux, 5);
        assert!(!out.unmatched_brackets);
        assert_eq!(errors("main("), vec!["Can't find ')' to match '('."]);
        assert_eq!(errors("f(a[1)"), vec!["Can't find ']' to match '['."]);
    }

    #[test]
    fn bad_characters() {
        assert_eq!(errors("a ` b").len(), 1);
        assert_eq!(errors("var å = 1;").len(), 1);
        assert_eq!(errors("\u{1}").len(), 1);
        // Non-ASCII text in strings and comments is fine.
        assert!(errors("'å' // é").is_empty());
    }
}
