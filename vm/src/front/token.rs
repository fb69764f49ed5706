//! Tokens: what the lexer hands the parser. A token is 16 bytes of plain data (kind,
//! flags, byte range, one auxiliary word) so a whole file's token vector is one
//! allocation; identifier text and string contents are read back from the source by range.

/// Every kind of token. Reserved words, built-in identifiers and contextual keywords all
/// get their own kind so the parser compares one byte instead of strings; the parser
/// decides where a built-in or contextual word is just an identifier
/// ([`TokenKind::is_identifier`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TokenKind {
    Eof,
    /// A character the lexer could not read; a diagnostic has been reported.
    Error,
    Identifier,
    /// Integer literal (decimal or hex, possibly with `_` separators). A malformed one
    /// (`0x` without digits) is still an `Int` token; the lexer has reported it.
    Int,
    Double,

    // Strings. A string without interpolation is one `StringFull`. With interpolation:
    // `StringHead`, then per interpolation either `InterpIdent` or `InterpStart` ...
    // `InterpEnd`, each followed by `StringMid` (more interpolations follow) or
    // `StringTail` (the closing quote).
    StringFull,
    StringHead,
    StringMid,
    StringTail,
    /// `$name` inside a string: the token covers `name` only.
    InterpIdent,
    /// `${`
    InterpStart,
    /// The `}` closing `${`.
    InterpEnd,

    // Punctuation.
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Semicolon,
    Colon,
    Comma,
    Dot,
    DotDot,
    DotDotDot,
    DotDotDotQuestion,
    Question,
    QuestionDot,
    QuestionDotDot,
    QuestionQuestion,
    QuestionQuestionEq,
    At,
    Hash,
    Arrow,

    // Operators.
    Eq,
    EqEq,
    Bang,
    BangEq,
    Lt,
    LtEq,
    LtLt,
    LtLtEq,
    Gt,
    GtEq,
    GtGt,
    GtGtEq,
    GtGtGt,
    GtGtGtEq,
    Plus,
    PlusEq,
    PlusPlus,
    Minus,
    MinusEq,
    MinusMinus,
    Star,
    StarEq,
    Slash,
    SlashEq,
    Percent,
    PercentEq,
    TildeSlash,
    TildeSlashEq,
    Tilde,
    Amp,
    AmpEq,
    AmpAmp,
    Pipe,
    PipeEq,
    PipePipe,
    Caret,
    CaretEq,

    // Reserved words: never identifiers.
    KwAssert,
    KwBreak,
    KwCase,
    KwCatch,
    KwClass,
    KwConst,
    KwContinue,
    KwDefault,
    KwDo,
    KwElse,
    KwEnum,
    KwExtends,
    KwFalse,
    KwFinal,
    KwFinally,
    KwFor,
    KwIf,
    KwIn,
    KwIs,
    KwNew,
    KwNull,
    KwRethrow,
    KwReturn,
    KwSuper,
    KwSwitch,
    KwThis,
    KwThrow,
    KwTrue,
    KwTry,
    KwVar,
    KwVoid,
    KwWhile,
    KwWith,

    // Built-in identifiers: identifiers except as type or declaration names.
    KwAbstract,
    KwAs,
    KwCovariant,
    KwDeferred,
    KwDynamic,
    KwExport,
    KwExtension,
    KwExternal,
    KwFactory,
    KwFunction,
    KwGet,
    KwImplements,
    KwImport,
    KwInterface,
    KwLate,
    KwLibrary,
    KwMixin,
    KwOperator,
    KwPart,
    KwRequired,
    KwSet,
    KwStatic,
    KwTypedef,

    // Contextual keywords: identifiers everywhere except in their one construct.
    KwAsync,
    KwAwait,
    KwBase,
    KwHide,
    KwOf,
    KwOn,
    KwSealed,
    KwShow,
    KwSync,
    KwType,
    KwWhen,
    KwYield,
}

use TokenKind::*;

impl TokenKind {
    /// Reserved words (`class`, `if`, ...) can never be identifiers.
    pub fn is_reserved(self) -> bool {
        (KwAssert as u8..=KwWith as u8).contains(&(self as u8))
    }

    /// Built-in identifiers and contextual keywords.
    pub fn is_builtin_or_contextual(self) -> bool {
        (KwAbstract as u8..=KwYield as u8).contains(&(self as u8))
    }

    /// Built-in identifiers (`abstract`, `get`, `Function`, ...), which may not name types.
    pub fn is_builtin(self) -> bool {
        (KwAbstract as u8..=KwTypedef as u8).contains(&(self as u8))
    }

    /// Can this token be used as a plain identifier (a variable or member name)?
    pub fn is_identifier(self) -> bool {
        self == Identifier || self.is_builtin_or_contextual()
    }

    /// Any word: identifier, reserved word, built-in or contextual keyword.
    pub fn is_word(self) -> bool {
        self == Identifier || self.is_reserved() || self.is_builtin_or_contextual()
    }

    pub fn is_string_start(self) -> bool {
        matches!(self, StringFull | StringHead)
    }

    /// Tokens that open a bracket pair the lexer matches.
    pub fn is_open_bracket(self) -> bool {
        matches!(self, LParen | LBracket | LBrace | InterpStart)
    }

    pub fn is_close_bracket(self) -> bool {
        matches!(self, RParen | RBracket | RBrace | InterpEnd)
    }

    /// The fixed text of punctuation, operators and keywords (`None` for tokens whose
    /// text varies: identifiers, literals, strings).
    pub fn fixed_text(self) -> Option<&'static str> {
        Some(match self {
            LParen => "(",
            RParen => ")",
            LBracket => "[",
            RBracket => "]",
            LBrace => "{",
            RBrace | InterpEnd => "}",
            InterpStart => "${",
            Semicolon => ";",
            Colon => ":",
            Comma => ",",
            Dot => ".",
            DotDot => "..",
            DotDotDot => "...",
            DotDotDotQuestion => "...?",
            Question => "?",
            QuestionDot => "?.",
            QuestionDotDot => "?..",
            QuestionQuestion => "??",
            QuestionQuestionEq => "??=",
            At => "@",
            Hash => "#",
            Arrow => "=>",
            Eq => "=",
            EqEq => "==",
            Bang => "!",
            BangEq => "!=",
            Lt => "<",
            LtEq => "<=",
            LtLt => "<<",
            LtLtEq => "<<=",
            Gt => ">",
            GtEq => ">=",
            GtGt => ">>",
            GtGtEq => ">>=",
            GtGtGt => ">>>",
            GtGtGtEq => ">>>=",
            Plus => "+",
            PlusEq => "+=",
            PlusPlus => "++",
            Minus => "-",
            MinusEq => "-=",
            MinusMinus => "--",
            Star => "*",
            StarEq => "*=",
            Slash => "/",
            SlashEq => "/=",
            Percent => "%",
            PercentEq => "%=",
            TildeSlash => "~/",
            TildeSlashEq => "~/=",
            Tilde => "~",
            Amp => "&",
            AmpEq => "&=",
            AmpAmp => "&&",
            Pipe => "|",
            PipeEq => "|=",
            PipePipe => "||",
            Caret => "^",
            CaretEq => "^=",
            _ => return keyword_text(self),
        })
    }
}

/// Keyword table: text and kind. Sorted only for readability; lookup is by length + match.
pub const KEYWORDS: &[(&str, TokenKind)] = &[
    ("assert", KwAssert),
    ("break", KwBreak),
    ("case", KwCase),
    ("catch", KwCatch),
    ("class", KwClass),
    ("const", KwConst),
    ("continue", KwContinue),
    ("default", KwDefault),
    ("do", KwDo),
    ("else", KwElse),
    ("enum", KwEnum),
    ("extends", KwExtends),
    ("false", KwFalse),
    ("final", KwFinal),
    ("finally", KwFinally),
    ("for", KwFor),
    ("if", KwIf),
    ("in", KwIn),
    ("is", KwIs),
    ("new", KwNew),
    ("null", KwNull),
    ("rethrow", KwRethrow),
    ("return", KwReturn),
    ("super", KwSuper),
    ("switch", KwSwitch),
    ("this", KwThis),
    ("throw", KwThrow),
    ("true", KwTrue),
    ("try", KwTry),
    ("var", KwVar),
    ("void", KwVoid),
    ("while", KwWhile),
    ("with", KwWith),
    ("abstract", KwAbstract),
    ("as", KwAs),
    ("covariant", KwCovariant),
    ("deferred", KwDeferred),
    ("dynamic", KwDynamic),
    ("export", KwExport),
    ("extension", KwExtension),
    ("external", KwExternal),
    ("factory", KwFactory),
    ("Function", KwFunction),
    ("get", KwGet),
    ("implements", KwImplements),
    ("import", KwImport),
    ("interface", KwInterface),
    ("late", KwLate),
    ("library", KwLibrary),
    ("mixin", KwMixin),
    ("operator", KwOperator),
    ("part", KwPart),
    ("required", KwRequired),
    ("set", KwSet),
    ("static", KwStatic),
    ("typedef", KwTypedef),
    ("async", KwAsync),
    ("await", KwAwait),
    ("base", KwBase),
    ("hide", KwHide),
    ("of", KwOf),
    ("on", KwOn),
    ("sealed", KwSealed),
    ("show", KwShow),
    ("sync", KwSync),
    ("type", KwType),
    ("when", KwWhen),
    ("yield", KwYield),
];

fn keyword_text(kind: TokenKind) -> Option<&'static str> {
    KEYWORDS.iter().find(|(_, k)| *k == kind).map(|(t, _)| *t)
}

/// The keyword kind of a word, or `Identifier`. A `match` on the bytes compiles to a
/// length switch plus a few comparisons, which keeps the lexer's hot loop free of hashing.
pub fn keyword_kind(word: &[u8]) -> TokenKind {
    match word {
        b"assert" => KwAssert,
        b"break" => KwBreak,
        b"case" => KwCase,
        b"catch" => KwCatch,
        b"class" => KwClass,
        b"const" => KwConst,
        b"continue" => KwContinue,
        b"default" => KwDefault,
        b"do" => KwDo,
        b"else" => KwElse,
        b"enum" => KwEnum,
        b"extends" => KwExtends,
        b"false" => KwFalse,
        b"final" => KwFinal,
        b"finally" => KwFinally,
        b"for" => KwFor,
        b"if" => KwIf,
        b"in" => KwIn,
        b"is" => KwIs,
        b"new" => KwNew,
        b"null" => KwNull,
        b"rethrow" => KwRethrow,
        b"return" => KwReturn,
        b"super" => KwSuper,
        b"switch" => KwSwitch,
        b"this" => KwThis,
        b"throw" => KwThrow,
        b"true" => KwTrue,
        b"try" => KwTry,
        b"var" => KwVar,
        b"void" => KwVoid,
        b"while" => KwWhile,
        b"with" => KwWith,
        b"abstract" => KwAbstract,
        b"as" => KwAs,
        b"covariant" => KwCovariant,
        b"deferred" => KwDeferred,
        b"dynamic" => KwDynamic,
        b"export" => KwExport,
        b"extension" => KwExtension,
        b"external" => KwExternal,
        b"factory" => KwFactory,
        b"Function" => KwFunction,
        b"get" => KwGet,
        b"implements" => KwImplements,
        b"import" => KwImport,
        b"interface" => KwInterface,
        b"late" => KwLate,
        b"library" => KwLibrary,
        b"mixin" => KwMixin,
        b"operator" => KwOperator,
        b"part" => KwPart,
        b"required" => KwRequired,
        b"set" => KwSet,
        b"static" => KwStatic,
        b"typedef" => KwTypedef,
        b"async" => KwAsync,
        b"await" => KwAwait,
        b"base" => KwBase,
        b"hide" => KwHide,
        b"of" => KwOf,
        b"on" => KwOn,
        b"sealed" => KwSealed,
        b"show" => KwShow,
        b"sync" => KwSync,
        b"type" => KwType,
        b"when" => KwWhen,
        b"yield" => KwYield,
        _ => Identifier,
    }
}

/// String token flags (in [`Token::flags`]).
pub mod string_flags {
    /// `r'...'`: no escapes, no interpolation.
    pub const RAW: u8 = 1;
    /// `'''...'''` or `"""..."""`.
    pub const TRIPLE: u8 = 2;
    /// Delimited by `"` rather than `'`.
    pub const DOUBLE: u8 = 4;
    /// The closing quote is present (only meaningful on `StringFull` / `StringTail`).
    pub const TERMINATED: u8 = 8;
}

/// One token. `start..end` is the token's full text in the source. For string tokens,
/// `aux` is the byte offset where the string's content starts (after the opening quote,
/// and after a dropped first line of a multi-line string); for brackets it is the index of
/// the matching bracket token (`u32::MAX` if unmatched).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub flags: u8,
    pub start: u32,
    pub end: u32,
    pub aux: u32,
}

pub const NO_MATCH: u32 = u32::MAX;

impl Token {
    pub fn new(kind: TokenKind, start: u32, end: u32) -> Token {
        Token {
            kind,
            flags: 0,
            start,
            end,
            aux: NO_MATCH,
        }
    }

    /// For string tokens: the byte range of the content, without quotes.
    pub fn string_content(&self) -> (u32, u32) {
        let closes = matches!(self.kind, StringFull | StringTail)
            && self.flags & string_flags::TERMINATED != 0;
        let quote_len = if self.flags & string_flags::TRIPLE != 0 {
            3
        } else {
            1
        };
        let end = if closes {
            self.end - quote_len
        } else {
            self.end
        };
        let start = if matches!(self.kind, StringFull | StringHead) {
            self.aux
        } else {
            self.start
        };
        (start.min(end), end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_classes() {
        assert!(KwClass.is_reserved());
        assert!(!KwClass.is_identifier());
        assert!(KwGet.is_identifier());
        assert!(KwGet.is_builtin());
        assert!(KwWhen.is_identifier());
        assert!(!KwWhen.is_builtin());
        for (text, kind) in KEYWORDS {
            assert_eq!(keyword_kind(text.as_bytes()), *kind);
            assert_eq!(kind.fixed_text(), Some(*text));
        }
        assert_eq!(keyword_kind(b"classy"), Identifier);
    }
}
