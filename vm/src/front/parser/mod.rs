//! The parser: tokens to [`ast::CompilationUnit`], by hand-written recursive descent over
//! the whole Dart 3 grammar. This module owns the shared machinery (token cursor,
//! diagnostics with CFE wording, error recovery, nesting limit, identifier interning and
//! the cheap token-level lookahead used to disambiguate types from expressions); the
//! grammar itself lives in `decl.rs`, `stmt.rs`, `expr.rs`, `types.rs` and `pattern.rs`.
//!
//! Ambiguities are settled by lookahead over the token vector, never by re-parsing:
//! every bracket token knows its partner (see [`crate::front::lexer`]), so "is this `(`
//! the start of a function literal" is one index lookup. The few places that still
//! speculate (`?[` in a conditional) restore the cursor, diagnostics and token splits.

mod decl;
mod expr;
pub mod incremental;
mod pattern;
mod stmt;
mod types;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::ast::{self, Expr, ExprKind, Ident};
use super::diagnostics::Diagnostics;
use super::intern::Symbol;
use super::lexer;
use super::source::{FileId, SourceMap, Span};
use super::token::{Token, TokenKind, NO_MATCH};
use TokenKind::*;

pub use pattern::PatCtx;

/// Deeper nesting than this (of expressions, statements, types and patterns together)
/// is reported as `Nesting too deep.` rather than risking the native stack.
const MAX_DEPTH: u32 = 500;

/// Syntax errors reported per file at most; after that the parser goes on silently.
const MAX_ERRORS: usize = 100;

/// Parses one file of `sources`. Never panics; problems become diagnostics and the
/// returned tree contains `Error` nodes where the text could not be read.
pub fn parse_compilation_unit(
    sources: &SourceMap,
    file: FileId,
    diags: &mut Diagnostics,
) -> ast::CompilationUnit {
    on_parser_stack(|| parse_unit_here(sources, file, diags))
}

/// Stack for the parser's own thread: recursion is bounded by [`MAX_DEPTH`], and this
/// leaves a wide margin at that depth whatever stack the caller runs on (test threads
/// and thread-pool workers often have only 2 MiB). Untouched stack pages cost nothing.
const PARSER_STACK: usize = 64 << 20;

/// Runs `f` on a scoped thread with [`PARSER_STACK`] bytes of stack (or, if no thread can
/// be started, right here).
fn on_parser_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let slot = std::sync::Mutex::new(Some(f));
    let take = || slot.lock().unwrap_or_else(|p| p.into_inner()).take();
    let spawned = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("dartrs-parser".into())
            .stack_size(PARSER_STACK)
            .spawn_scoped(scope, || take().map(|f| f()))
            .map(|handle| handle.join())
    });
    match spawned {
        Ok(Ok(Some(result))) => result,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        // No thread could be started: parse on the caller's stack.
        _ => match take() {
            Some(f) => f(),
            None => unreachable!("the parser closure is taken exactly once"),
        },
    }
}

fn parse_unit_here(
    sources: &SourceMap,
    file: FileId,
    diags: &mut Diagnostics,
) -> ast::CompilationUnit {
    let text = sources.get(file).text.clone();
    let first_diag = diags.items.len();
    let lexed = lexer::lex(&text, file, diags);
    let mut p = Parser::new(&text, file, lexed.tokens, diags, lexed.unmatched_brackets);
    let unit = p.compilation_unit(lexed.script_tag);
    // Lexical and syntax errors were collected in two passes; report them in source
    // order, as the Dart front end (which scans while it parses) does.
    diags.items[first_diag..].sort_by_key(|d| d.span.start);
    unit
}

/// Parses `src` as a single expression (for tests and tools). Any diagnostic makes this
/// an `Err` with the rendered diagnostics.
pub fn parse_expression_str(src: &str) -> Result<Expr, String> {
    on_parser_stack(|| parse_expression_here(src))
}

fn parse_expression_here(src: &str) -> Result<Expr, String> {
    let mut sources = SourceMap::new();
    let file = sources.add_virtual("expression.dart", src);
    let mut diags = Diagnostics::new();
    let text = sources.get(file).text.clone();
    let lexed = lexer::lex(&text, file, &mut diags);
    let mut p = Parser::new(
        &text,
        file,
        lexed.tokens,
        &mut diags,
        lexed.unmatched_brackets,
    );
    let e = p.expr();
    if !p.at(Eof) {
        let msg = format!("Unexpected token '{}'.", p.text(p.pos));
        p.error_here(msg);
    }
    drop(p);
    if diags.items.is_empty() {
        Ok(e)
    } else {
        Err(diags.render(&sources))
    }
}

/// A small, fast, non-cryptographic hash for the identifier cache (the same idea as
/// rustc's FxHasher): identifiers are short and attacker-controlled hashing is no concern
/// in a compiler.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A position to return to after speculation.
#[derive(Clone, Copy)]
struct Mark {
    pos: usize,
    diags: usize,
    splits: usize,
    last_error: usize,
    errors: usize,
}

pub(crate) struct Parser<'a, 'd> {
    src: &'a str,
    file: FileId,
    toks: Vec<Token>,
    pos: usize,
    diags: &'d mut Diagnostics,
    depth: u32,
    /// Set after `Nesting too deep.`: the cursor jumped to the end and everything else
    /// stays quiet while the recursion unwinds.
    fatal: bool,
    /// The lexer reported unmatched brackets: errors at end of file would repeat them.
    quiet_at_eof: bool,
    /// Token index of the last error, so one bad token yields one diagnostic.
    last_error: usize,
    /// Tokens split in place (`>>` read as two `>`), so speculation can undo them.
    splits: Vec<(usize, Token)>,
    speculating: u32,
    /// The nesting depth of the type after `is`/`as` being parsed (0: none). At that
    /// level a `?` followed by an expression is the conditional operator, not a
    /// nullable type (`x is int ? a : b`); nested types are unaffected.
    type_test_depth: u32,
    /// Parsing a class-like body: `;` is a valid (abstract) function body there.
    in_class_body: bool,
    /// Token index where the guard of a switch expression case starts: at the guard's
    /// own bracket level `(e) =>` is the guard `(e)` and the case's `=>`, not a function
    /// literal (`case x when (b) => body`).
    switch_guard_start: Option<usize>,
    /// The member being parsed is `external` (its body is `;`).
    external_member: bool,
    /// The kind of the innermost function body being parsed: in `async`, `async*` and
    /// `sync*` bodies `await` and `yield` cannot be declared as names.
    body_kind: ast::AsyncKind,
    /// Syntax errors reported so far in this file (capped at [`MAX_ERRORS`]).
    errors: usize,
    /// Statements and members of the blocks/bodies being parsed, stacked: each list is
    /// built on top of this shared buffer and moved out at its end with its exact
    /// length. AST nodes are large (a `Stmt` is over 500 bytes), so growing one `Vec`
    /// per block by doubling was the parser's main cost.
    stmt_buf: Vec<ast::Stmt>,
    member_buf: Vec<ast::ClassMember>,
    /// Per-file cache in front of the global (locked) interner.
    names: HashMap<&'a str, Symbol, BuildHasherDefault<FxHasher>>,
}

impl<'a, 'd> Parser<'a, 'd> {
    fn new(
        src: &'a str,
        file: FileId,
        mut toks: Vec<Token>,
        diags: &'d mut Diagnostics,
        quiet_at_eof: bool,
    ) -> Self {
        let toks_len = toks.len();
        if toks.last().map(|t| t.kind) != Some(Eof) {
            let end = src.len() as u32;
            toks.push(Token::new(Eof, end, end));
        }
        Parser {
            src,
            file,
            toks,
            pos: 0,
            diags,
            depth: 0,
            fatal: false,
            quiet_at_eof,
            last_error: usize::MAX,
            splits: Vec::new(),
            speculating: 0,
            type_test_depth: 0,
            in_class_body: false,
            switch_guard_start: None,
            external_member: false,
            body_kind: ast::AsyncKind::Sync,
            errors: 0,
            stmt_buf: Vec::new(),
            member_buf: Vec::new(),
            names: HashMap::with_capacity_and_hasher(toks_len / 16, Default::default()),
        }
    }

    // ------------------------------------------------------------------ cursor

    fn kind(&self) -> TokenKind {
        self.toks[self.pos].kind
    }

    fn peek(&self, ahead: usize) -> TokenKind {
        self.toks.get(self.pos + ahead).map_or(Eof, |t| t.kind)
    }

    fn kind_at(&self, i: usize) -> TokenKind {
        self.toks.get(i).map_or(Eof, |t| t.kind)
    }

    fn at(&self, k: TokenKind) -> bool {
        self.kind() == k
    }

    fn bump(&mut self) -> Token {
        let t = self.toks[self.pos];
        if t.kind != Eof {
            self.pos += 1;
        }
        t
    }

    fn eat(&mut self, k: TokenKind) -> bool {
        if self.at(k) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eof_index(&self) -> usize {
        self.toks.len() - 1
    }

    fn text(&self, i: usize) -> &'a str {
        let t = self.toks[i.min(self.eof_index())];
        self.src.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    fn tok_span(&self, i: usize) -> Span {
        let t = self.toks[i.min(self.eof_index())];
        Span::new(self.file, t.start, t.end)
    }

    fn cur_span(&self) -> Span {
        self.tok_span(self.pos)
    }

    /// Span from the start of token `start` to the end of the last consumed token.
    fn span_from(&self, start: usize) -> Span {
        let s = self.toks[start.min(self.eof_index())].start;
        // When the current token had a `>` split off (`List<List<int>>`), that `>` was
        // the last thing consumed.
        let split_here = self.splits.last().is_some_and(|&(i, _)| i == self.pos);
        let e = if split_here {
            self.toks[self.pos].start
        } else if self.pos > start {
            self.toks[self.pos - 1].end
        } else {
            s
        };
        Span::new(self.file, s, e.max(s))
    }

    fn prev_span(&self) -> Span {
        if self.pos == 0 {
            self.cur_span()
        } else {
            self.tok_span(self.pos - 1)
        }
    }

    fn sym(&mut self, text: &'a str) -> Symbol {
        if let Some(&s) = self.names.get(text) {
            return s;
        }
        let s = Symbol::intern(text);
        self.names.insert(text, s);
        s
    }

    fn ident_at(&mut self, i: usize) -> Ident {
        let text = self.text(i);
        Ident {
            name: self.sym(text),
            span: self.tok_span(i),
        }
    }

    /// A placeholder name for something that was missing (already reported).
    fn missing_ident(&mut self) -> Ident {
        let span = Span::new(
            self.file,
            self.toks[self.pos].start,
            self.toks[self.pos].start,
        );
        Ident {
            name: self.sym(""),
            span,
        }
    }

    // ------------------------------------------------------------------ diagnostics

    fn error_at(&mut self, tok: usize, span: Span, msg: impl Into<String>) {
        if self.fatal || self.errors >= MAX_ERRORS {
            return;
        }
        if tok != usize::MAX {
            if tok == self.last_error {
                return;
            }
            if self.quiet_at_eof && self.kind_at(tok) == Eof {
                return;
            }
            self.last_error = tok;
        }
        self.errors += 1;
        self.diags.error(span, msg);
    }

    fn error_here(&mut self, msg: impl Into<String>) {
        let span = self.cur_span();
        self.error_at(self.pos, span, msg);
    }

    /// `Expected ';' after this.`, pointing at the token before the cursor.
    fn error_after_prev(&mut self, what: &str) {
        // After an unterminated string the lexer has said all there is to say.
        if self.pos > 0 {
            let prev = self.toks[self.pos - 1];
            if matches!(prev.kind, StringFull | StringTail)
                && prev.flags & crate::front::token::string_flags::TERMINATED == 0
            {
                return;
            }
        }
        let span = self.prev_span();
        self.error_at(self.pos, span, format!("Expected '{what}' after this."));
    }

    fn expected_identifier(&mut self) {
        let msg = if self.kind().is_reserved() {
            format!(
                "'{}' can't be used as an identifier because it's a keyword.",
                self.text(self.pos)
            )
        } else {
            format!("Expected an identifier, but got '{}'.", self.text(self.pos))
        };
        self.error_here(msg);
    }

    fn expect(&mut self, k: TokenKind) -> bool {
        if self.eat(k) {
            return true;
        }
        let what = k.fixed_text().unwrap_or("?");
        self.error_here(format!("Expected to find '{what}'."));
        false
    }

    fn expect_semi(&mut self) {
        if !self.eat(Semicolon) {
            self.error_after_prev(";");
        }
    }

    /// Expects the closer of the bracket opened at token `open`; on failure reports it and
    /// resumes after the real partner when the lexer found one.
    fn expect_closer(&mut self, open: usize, closer: TokenKind) {
        if self.eat(closer) {
            return;
        }
        if self.toks[open].kind.is_open_bracket() && self.partner(open).is_none() {
            // The lexer already reported "Can't find ')' to match '('."
            return;
        }
        let what = closer.fixed_text().unwrap_or("?");
        self.error_here(format!("Expected to find '{what}'."));
        if let Some(p) = self.partner(open) {
            if p >= self.pos {
                self.pos = (p + 1).min(self.eof_index());
            }
        }
    }

    fn error_expr(&self) -> Expr {
        Expr {
            kind: ExprKind::Error,
            span: self.cur_span(),
        }
    }

    /// Enters one level of nesting; `false` means the limit was hit (reported once, and
    /// the cursor moved to the end so that every caller unwinds quickly).
    fn enter(&mut self) -> bool {
        if self.fatal {
            return false;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            let span = self.cur_span();
            self.diags.error(span, "Nesting too deep.");
            self.fatal = true;
            self.pos = self.eof_index();
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            diags: self.diags.items.len(),
            splits: self.splits.len(),
            last_error: self.last_error,
            errors: self.errors,
        }
    }

    fn reset(&mut self, m: Mark) {
        self.pos = m.pos;
        self.diags.items.truncate(m.diags);
        while self.splits.len() > m.splits {
            if let Some((i, tok)) = self.splits.pop() {
                self.toks[i] = tok;
            }
        }
        self.last_error = m.last_error;
        self.errors = m.errors;
    }

    /// After a statement or member that reported errors without reaching its end, skips
    /// to the next `;` (consumed) or `}` (left for the enclosing block), stepping over
    /// bracketed groups whole.
    fn recover_to_sync(&mut self, errors_before: usize, start: usize) {
        if self.diags.items.len() == errors_before || self.fatal {
            return;
        }
        if self.pos > start && matches!(self.toks[self.pos - 1].kind, Semicolon | RBrace) {
            return;
        }
        loop {
            match self.kind() {
                Eof | RBrace => return,
                Semicolon => {
                    self.bump();
                    return;
                }
                k if k.is_open_bracket() => self.skip_group(),
                _ => {
                    self.bump();
                }
            }
        }
    }

    /// Skips the bracket at the cursor and everything up to its partner.
    fn skip_group(&mut self) {
        match self.partner(self.pos) {
            Some(p) => self.pos = (p + 1).min(self.eof_index()),
            None => {
                self.bump();
            }
        }
    }

    // ------------------------------------------------------------------ identifiers

    fn at_ident(&self) -> bool {
        self.kind().is_identifier()
    }

    /// Reads an identifier (built-in and contextual words included) or reports one missing.
    fn ident(&mut self) -> Ident {
        if self.at_ident() {
            let i = self.pos;
            self.bump();
            return self.ident_at(i);
        }
        self.expected_identifier();
        self.missing_ident()
    }

    /// The name being declared (variable, parameter): like [`Parser::ident`], but a
    /// reserved word where a name clearly belongs (`var class = 1;`) is reported and
    /// taken as the name, so the rest of the declaration still parses.
    fn declared_name(&mut self) -> Ident {
        self.check_not_async_keyword();
        if self.kind().is_reserved() && matches!(self.peek(1), Eq | Semicolon | Comma | RParen) {
            self.expected_identifier();
            let i = self.pos;
            self.bump();
            return self.ident_at(i);
        }
        self.ident()
    }

    /// Reports `await`/`yield` at the cursor when it is about to be declared as a name
    /// inside an `async`, `async*` or `sync*` body, where both are reserved (the name is
    /// still taken, so parsing goes on).
    fn check_not_async_keyword(&mut self) {
        if self.body_kind == ast::AsyncKind::Sync {
            return;
        }
        let word = match self.kind() {
            KwAwait => "await",
            KwYield => "yield",
            _ => return,
        };
        self.error_here(format!(
            "'{word}' can't be used as an identifier in 'async', 'async*', or 'sync*' methods."
        ));
    }

    /// After `.`: any identifier, or `new` (constructor tear-offs and `C.new(...)`).
    fn member_name(&mut self) -> Ident {
        if self.at(KwNew) {
            let i = self.pos;
            self.bump();
            return self.ident_at(i);
        }
        self.ident()
    }

    // ------------------------------------------------------------------ lookahead

    /// The token index after a type starting at `i`, if the tokens there can be a type.
    /// Pure token-level scan: brackets are jumped over via their partners.
    fn skip_type(&self, i: usize) -> Option<usize> {
        let mut j = self.skip_type_primary(i)?;
        while self.kind_at(j) == KwFunction && matches!(self.kind_at(j + 1), LParen | Lt) {
            j = self.skip_function_tail(j + 1)?;
        }
        Some(j)
    }

    fn skip_type_primary(&self, i: usize) -> Option<usize> {
        match self.kind_at(i) {
            KwVoid => Some(i + 1),
            KwFunction if matches!(self.kind_at(i + 1), LParen | Lt) => {
                self.skip_function_tail(i + 1)
            }
            LParen => {
                let close = self.partner(i)?;
                Some(self.skip_question(close + 1))
            }
            k if k.is_identifier() => {
                let mut j = i + 1;
                if self.kind_at(j) == Dot && self.kind_at(j + 1).is_identifier() {
                    j += 2;
                }
                if self.kind_at(j) == Lt {
                    j = self.skip_type_args(j)?;
                }
                Some(self.skip_question(j))
            }
            _ => None,
        }
    }

    /// After `Function`: optional type parameters, a parameter list, optional `?`.
    fn skip_function_tail(&self, mut j: usize) -> Option<usize> {
        if self.kind_at(j) == Lt {
            j = self.skip_type_args(j)?;
        }
        if self.kind_at(j) != LParen {
            return None;
        }
        let close = self.partner(j)?;
        Some(self.skip_question(close + 1))
    }

    fn skip_question(&self, j: usize) -> usize {
        if self.kind_at(j) == Question {
            j + 1
        } else {
            j
        }
    }

    /// The matching closer of the open bracket at `i` (`aux` means something else on
    /// other tokens, so the kind is checked).
    fn partner(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i)?;
        if !t.kind.is_open_bracket() {
            return None;
        }
        let p = t.aux as usize;
        (t.aux != NO_MATCH && p > i && p < self.toks.len()).then_some(p)
    }

    /// The index after type arguments (or parameters) starting with `<` at `i`; `None`
    /// if the tokens cannot be type arguments or the closing `>` is inside a longer token
    /// (`>>` closing only the inner list is fine: it closes two levels).
    fn skip_type_args(&self, i: usize) -> Option<usize> {
        let mut depth: i32 = 0;
        let mut j = i;
        loop {
            let k = self.kind_at(j);
            match k {
                Lt => depth += 1,
                Gt => depth -= 1,
                GtGt => depth -= 2,
                GtGtGt => depth -= 3,
                LParen => j = self.partner(j)?,
                Comma | Dot | Question | KwVoid | KwExtends | At => {}
                _ if k.is_identifier() => {}
                _ => return None,
            }
            j += 1;
            if depth == 0 {
                return Some(j);
            }
            if depth < 0 {
                return None;
            }
        }
    }

    /// Does a function body start at token `i` (`{`, `=>`, `async`, `async*`, `sync*`)?
    fn is_body_start(&self, i: usize) -> bool {
        match self.kind_at(i) {
            LBrace | Arrow => true,
            KwAsync => matches!(self.kind_at(i + 1), LBrace | Arrow | Star),
            KwSync => self.kind_at(i + 1) == Star,
            _ => false,
        }
    }

    /// How many comma-separated items the bracket at `open` holds (an estimate used as
    /// the exact capacity of the list being parsed: one allocation instead of several).
    fn count_items(&self, open: usize) -> usize {
        let Some(close) = self.partner(open) else {
            return 0;
        };
        if close == open + 1 {
            return 0;
        }
        let mut n = 1;
        let mut i = open + 1;
        while i < close {
            match self.toks[i].kind {
                Comma => n += 1,
                k if k.is_open_bracket() => {
                    if let Some(p) = self.partner(i) {
                        i = p;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        n
    }

    /// Splits a token starting with `>` so that one `>` is consumed (`List<List<int>>`).
    fn expect_gt(&mut self) -> bool {
        let rest = match self.kind() {
            Gt => {
                self.bump();
                return true;
            }
            GtGt => Gt,
            GtGtGt => GtGt,
            GtEq => Eq,
            GtGtEq => GtEq,
            GtGtGtEq => GtGtEq,
            _ => {
                self.error_here("Expected to find '>'.");
                return false;
            }
        };
        let old = self.toks[self.pos];
        self.splits.push((self.pos, old));
        self.toks[self.pos] = Token {
            kind: rest,
            start: old.start + 1,
            ..old
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front::ast_dump;

    fn dump(src: &str) -> String {
        match parse_expression_str(src) {
            Ok(e) => ast_dump::dump_expr(&e),
            Err(e) => format!("ERROR: {e}"),
        }
    }

    #[test]
    fn precedence() {
        assert_eq!(dump("1 + 2 * 3"), "(+ 1 (* 2 3))");
        assert_eq!(
            dump("a ?? b || c && d == e"),
            "(?? a (|| b (&& c (== d e))))"
        );
        assert_eq!(
            dump("a | b ^ c & d << e + f"),
            "(| a (^ b (& c (<< d (+ e f)))))"
        );
        assert_eq!(dump("a >>> b >> c"), "(>> (>>> a b) c)");
        assert_eq!(dump("x = y ??= z"), "(= x (??= y z))");
        assert_eq!(dump("a ? b : c ? d : e"), "(? a b (? c d e))");
        assert_eq!(dump("-a!.b++"), "(neg (post++ (. (! a) b)))");
        assert_eq!(dump("a is! int as Object"), "(as (is! a int) Object)");
    }

    #[test]
    fn generics_vs_comparison() {
        assert_eq!(dump("f(a < b, c > d)"), "(call f (args (< a b) (> c d)))");
        assert_eq!(
            dump("f(a<b, c>(d))"),
            "(call f (args (call a (targs b c) (args d))))"
        );
        assert_eq!(
            dump("Foo<int>.named(1)"),
            "(new implicit (Foo int) named (args 1))"
        );
        assert_eq!(dump("f<int>"), "(inst f (targs int))");
        assert_eq!(dump("x >> y"), "(>> x y)");
    }

    #[test]
    fn closing_angle_brackets_split() {
        assert_eq!(
            dump("<List<List<int>>>[]"),
            "(list (targs (List (List int))))"
        );
        assert_eq!(
            dump("Map<int, List<int>>()"),
            "(call Map (targs int (List int)) (args))"
        );
        assert_eq!(dump("a >>= b"), "(>>= a b)");
    }

    #[test]
    fn split_type_arguments_have_full_spans() {
        let e = parse_expression_str("<List<List<int>>>[]").unwrap_or_else(|e| panic!("{e}"));
        let ExprKind::List {
            type_arg: Some(t), ..
        } = &e.kind
        else {
            panic!("not a list: {e:?}");
        };
        let outer = t.span();
        assert_eq!((outer.start, outer.end), (1, 16), "List<List<int>>");
        let ast::TypeAnnotation::Named { args, .. } = t.as_ref() else {
            panic!("not a named type");
        };
        let inner = args[0].span();
        assert_eq!((inner.start, inner.end), (6, 15), "List<int>");
    }

    /// Statement-level disambiguation of declarations versus expressions.
    fn dump_body(src: &str) -> String {
        let mut sources = SourceMap::new();
        let file = sources.add_virtual("t.dart", &format!("void main() {{ {src} }}"));
        let mut diags = Diagnostics::new();
        let unit = parse_compilation_unit(&sources, file, &mut diags);
        assert!(diags.items.is_empty(), "{}", diags.render(&sources));
        let Some(ast::Declaration::Function(f)) = unit.declarations.first() else {
            panic!("no function");
        };
        let ast::FunctionBody::Block(b, _) = &f.body else {
            panic!("no block body");
        };
        b.stmts
            .iter()
            .map(ast_dump::dump_stmt)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn statements_versus_declarations() {
        assert_eq!(dump_body("x as Foo;"), "(as x Foo)");
        assert_eq!(dump_body("int as = 1;"), "(vars int (as 1))");
        assert_eq!(dump_body("a ? b : c;"), "(? a b c)");
        assert_eq!(dump_body("a? b;"), "(vars a? b)");
        assert_eq!(dump_body("foo<int>(x);"), "(call foo (targs int) (args x))");
        assert_eq!(
            dump_body("List<int> xs = [];"),
            "(vars (List int) (xs (list)))"
        );
        assert_eq!(dump_body("p.T v;"), "(vars p.T v)");
        assert_eq!(
            dump_body("int.parse('1');"),
            "(invoke int parse (args \"1\"))"
        );
        assert_eq!(dump_body("f(x) => x;"), "(function f (params (x)) (=> x))");
        assert_eq!(dump_body("await x;"), "(await x)");
        assert_eq!(dump_body("(int, int) r;"), "(vars (record int int) r)");
    }

    #[test]
    fn records_and_parentheses() {
        assert_eq!(dump("(1)"), "(paren 1)");
        assert_eq!(dump("(1,)"), "(record 1)");
        assert_eq!(dump("()"), "(record)");
        assert_eq!(dump("(1, b: 2)"), "(record 1 (b: 2))");
        assert_eq!(dump("(x) => x"), "(fn (params (x)) (=> x))");
    }

    #[test]
    fn pattern_contexts() {
        assert_eq!(
            dump("switch (o) { x => 1, var y => 2, _ => 3 }"),
            "(switch-expr o (=> (case (const x)) 1) (=> (case (var y)) 2) (=> (case (_)) 3))"
        );
        assert_eq!(
            dump("(a, b) = (b, a)"),
            "(pattern= (record-pattern (assign a) (assign b)) (record b a))"
        );
    }

    #[test]
    fn cascades_and_null_aware() {
        assert_eq!(
            dump("a..b()..c = 1"),
            "(cascade a (invoke .. b (args)) (= (. .. c) 1))"
        );
        assert_eq!(dump("a?..b"), "(?cascade a (. .. b))");
        assert_eq!(dump("a?.b?[0]"), "(?[] (?. a b) 0)");
        assert_eq!(dump("c ? [1] : [2]"), "(? c (list 1) (list 2))");
    }

    #[test]
    fn strings_and_symbols() {
        assert_eq!(dump("'a' 'b' \"c\""), "\"abc\"");
        assert_eq!(
            dump("'x${1 + 2}y$z'"),
            "(str \"x\" ($ (+ 1 2)) \"y\" ($ z))"
        );
        assert_eq!(dump("#foo.bar"), "#foo.bar");
        assert_eq!(dump("#[]="), "#[]=");
    }

    #[test]
    fn expression_errors_are_reported() {
        let err = parse_expression_str("1 +").unwrap_err();
        assert!(err.contains("Expected an identifier, but got ''."), "{err}");
        assert!(parse_expression_str("f(1 2)")
            .unwrap_err()
            .contains("Expected ',' before this."));
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let src = "(".repeat(100_000);
        let err = parse_expression_str(&src).unwrap_err();
        assert!(err.contains("Nesting too deep."), "{err}");
    }
}
