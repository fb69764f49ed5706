//! Expressions: the full precedence table (assignment, cascade, conditional, `??`, logical,
//! equality, relational with `is`/`as`, bitwise, shift, additive, multiplicative, unary,
//! postfix and selectors), literals of every kind (strings with nested interpolation,
//! collections with spread/if/for/null-aware elements, records, symbols), function
//! literals, `new`/`const` and implicit constructor calls, generic calls and tear-offs,
//! and switch expressions.

use super::{Parser, PatCtx, TokenKind, TokenKind::*};
use crate::front::ast::*;
use crate::front::lexer::decode_string;
use crate::front::source::Span;
use crate::front::token::string_flags;

const PREC_IF_NULL: u8 = 1;
const PREC_RELATIONAL: u8 = 5;
pub(super) const PREC_BIT_OR: u8 = 6;

fn binary_op(k: TokenKind) -> Option<(u8, BinaryOp)> {
    use BinaryOp as B;
    Some(match k {
        QuestionQuestion => (PREC_IF_NULL, B::IfNull),
        PipePipe => (2, B::Or),
        AmpAmp => (3, B::And),
        EqEq => (4, B::Eq),
        BangEq => (4, B::NotEq),
        Lt => (PREC_RELATIONAL, B::Lt),
        Gt => (PREC_RELATIONAL, B::Gt),
        LtEq => (PREC_RELATIONAL, B::LtEq),
        GtEq => (PREC_RELATIONAL, B::GtEq),
        Pipe => (PREC_BIT_OR, B::BitOr),
        Caret => (7, B::BitXor),
        Amp => (8, B::BitAnd),
        LtLt => (9, B::Shl),
        GtGt => (9, B::Shr),
        GtGtGt => (9, B::UShr),
        Plus => (10, B::Add),
        Minus => (10, B::Sub),
        Star => (11, B::Mul),
        Slash => (11, B::Div),
        TildeSlash => (11, B::IntDiv),
        Percent => (11, B::Mod),
        _ => return None,
    })
}

/// `=` is `Some(None)`; `+=` is `Some(Some(Add))`.
fn assign_op(k: TokenKind) -> Option<Option<BinaryOp>> {
    use BinaryOp as B;
    Some(Some(match k {
        Eq => return Some(None),
        StarEq => B::Mul,
        SlashEq => B::Div,
        TildeSlashEq => B::IntDiv,
        PercentEq => B::Mod,
        PlusEq => B::Add,
        MinusEq => B::Sub,
        LtLtEq => B::Shl,
        GtGtEq => B::Shr,
        GtGtGtEq => B::UShr,
        AmpEq => B::BitAnd,
        CaretEq => B::BitXor,
        PipeEq => B::BitOr,
        QuestionQuestionEq => B::IfNull,
        _ => return None,
    }))
}

/// Tokens that may follow `<...>` for it to be read as type arguments rather than `<`
/// comparisons (the Dart spec's rule for `f<a, b>(c)` versus `f(a < b, c > (d))`).
fn may_follow_type_args(k: TokenKind) -> bool {
    matches!(
        k,
        LParen
            | Dot
            | RParen
            | RBracket
            | RBrace
            | Semicolon
            | Colon
            | Comma
            | EqEq
            | BangEq
            | QuestionDot
            | DotDot
            | QuestionDotDot
            | QuestionQuestion
            | AmpAmp
            | PipePipe
            | InterpEnd
            | Eof
    )
}

/// Can an expression start with this token? (Used where `await`, `yield` and friends
/// are identifiers unless an operand follows.)
pub(super) fn can_start_expr(k: TokenKind) -> bool {
    k.is_identifier()
        || matches!(
            k,
            Int | Double
                | StringFull
                | StringHead
                | LParen
                | LBracket
                | LBrace
                | Bang
                | Minus
                | Tilde
                | PlusPlus
                | MinusMinus
                | KwThis
                | KwSuper
                | KwNew
                | KwConst
                | KwNull
                | KwTrue
                | KwFalse
                | KwSwitch
                | KwThrow
                | Hash
        )
}

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

impl<'a, 'd> Parser<'a, 'd> {
    /// A full expression (cascades included).
    pub(super) fn expr(&mut self) -> Expr {
        self.expression(true)
    }

    pub(super) fn expr_no_cascade(&mut self) -> Expr {
        self.expression(false)
    }

    fn expression(&mut self, cascade: bool) -> Expr {
        if !self.enter() {
            return self.error_expr();
        }
        let e = self.expression_inner(cascade);
        self.leave();
        e
    }

    fn expression_inner(&mut self, cascade: bool) -> Expr {
        let start = self.pos;
        if self.at(KwThrow) {
            self.bump();
            let value = self.expression(cascade);
            return mk(ExprKind::Throw(Box::new(value)), self.span_from(start));
        }
        if self.looks_like_pattern_assignment() {
            let pattern = self.pattern(PatCtx::Assignment);
            self.expect(Eq);
            let value = self.expression(cascade);
            return mk(
                ExprKind::PatternAssign {
                    pattern: Box::new(pattern),
                    value: Box::new(value),
                },
                self.span_from(start),
            );
        }
        let lhs = self.conditional();
        if let Some(op) = assign_op(self.kind()) {
            self.bump();
            let value = self.expression(cascade);
            return mk(
                ExprKind::Assign {
                    target: Box::new(lhs),
                    op,
                    value: Box::new(value),
                },
                self.span_from(start),
            );
        }
        if cascade && matches!(self.kind(), DotDot | QuestionDotDot) {
            return self.cascade(lhs, start);
        }
        lhs
    }

    /// `(a, b) = ...`, `[a, b] = ...`, `{'k': v} = ...`, `Point(:x) = ...`: a bracketed
    /// group followed directly by `=`.
    pub(super) fn looks_like_pattern_assignment(&self) -> bool {
        let mut i = self.pos;
        match self.kind() {
            LParen | LBracket | LBrace => {}
            // `<int>[a, b] = ...`, `<String, int>{'k': v} = ...`
            Lt => match self.skip_type_args(i) {
                Some(j) if matches!(self.kind_at(j), LBracket | LBrace) => i = j,
                _ => return false,
            },
            k if k.is_identifier() => {
                i += 1;
                if self.kind_at(i) == Dot && self.kind_at(i + 1).is_identifier() {
                    i += 2;
                }
                if self.kind_at(i) == Lt {
                    match self.skip_type_args(i) {
                        Some(j) => i = j,
                        None => return false,
                    }
                }
                if self.kind_at(i) != LParen {
                    return false;
                }
            }
            _ => return false,
        }
        match self.partner(i) {
            Some(close) => self.kind_at(close + 1) == Eq,
            None => false,
        }
    }

    fn cascade(&mut self, target: Expr, start: usize) -> Expr {
        let null_aware = self.at(QuestionDotDot);
        let mut sections = Vec::new();
        while matches!(self.kind(), DotDot | QuestionDotDot) {
            let dots = self.bump();
            let recv_span = Span::new(self.file, dots.start, dots.end);
            let recv = mk(ExprKind::CascadeReceiver, recv_span);
            let section_start = self.pos;
            let mut e = if self.at(LBracket) {
                recv
            } else {
                let name = self.member_name();
                mk(
                    ExprKind::PropertyGet {
                        target: Box::new(recv),
                        null_aware: false,
                        name,
                    },
                    self.span_from(section_start),
                )
            };
            e = self.selectors(e, section_start);
            if let Some(op) = assign_op(self.kind()) {
                self.bump();
                let value = self.expr_no_cascade();
                e = mk(
                    ExprKind::Assign {
                        target: Box::new(e),
                        op,
                        value: Box::new(value),
                    },
                    self.span_from(section_start),
                );
            }
            sections.push(e);
        }
        mk(
            ExprKind::Cascade {
                target: Box::new(target),
                null_aware,
                sections,
            },
            self.span_from(start),
        )
    }

    fn conditional(&mut self) -> Expr {
        let start = self.pos;
        let condition = self.binary(PREC_IF_NULL);
        if !self.at(Question) {
            return condition;
        }
        self.bump();
        let then = self.expr_no_cascade();
        self.expect(Colon);
        let otherwise = self.expr_no_cascade();
        mk(
            ExprKind::Conditional {
                condition: Box::new(condition),
                then: Box::new(then),
                otherwise: Box::new(otherwise),
            },
            self.span_from(start),
        )
    }

    /// Binary operators by precedence climbing; `is`/`as` bind at relational level.
    pub(super) fn binary(&mut self, min_prec: u8) -> Expr {
        let start = self.pos;
        let mut left = self.unary();
        loop {
            let k = self.kind();
            if matches!(k, KwIs | KwAs) && min_prec <= PREC_RELATIONAL {
                left = self.type_test(left, start);
                continue;
            }
            let Some((prec, op)) = binary_op(k) else {
                break;
            };
            if prec < min_prec {
                break;
            }
            self.bump();
            let right = self.binary(prec + 1);
            left = mk(
                ExprKind::Binary {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
                self.span_from(start),
            );
        }
        left
    }

    fn type_test(&mut self, expr: Expr, start: usize) -> Expr {
        let is_as = self.bump().kind == KwAs;
        let negated = !is_as && self.eat(Bang);
        let outer = std::mem::replace(&mut self.type_test_depth, self.depth + 1);
        let ty = self.parse_type();
        self.type_test_depth = outer;
        let expr = Box::new(expr);
        let kind = if is_as {
            ExprKind::As { expr, ty }
        } else {
            ExprKind::Is { expr, ty, negated }
        };
        mk(kind, self.span_from(start))
    }

    fn unary(&mut self) -> Expr {
        if !self.enter() {
            return self.error_expr();
        }
        let e = self.unary_inner();
        self.leave();
        e
    }

    fn unary_inner(&mut self) -> Expr {
        let start = self.pos;
        let op = match self.kind() {
            Minus => Some(UnaryOp::Neg),
            Bang => Some(UnaryOp::Not),
            Tilde => Some(UnaryOp::BitNot),
            _ => None,
        };
        if let Some(op) = op {
            self.bump();
            let operand = Box::new(self.unary());
            return mk(ExprKind::Unary { op, operand }, self.span_from(start));
        }
        match self.kind() {
            PlusPlus | MinusMinus => {
                let op = if self.bump().kind == PlusPlus {
                    IncDec::Inc
                } else {
                    IncDec::Dec
                };
                let target = Box::new(self.unary());
                mk(ExprKind::Prefix { op, target }, self.span_from(start))
            }
            KwAwait if can_start_expr(self.peek(1)) && self.peek(1) != Minus => {
                self.bump();
                let e = self.unary();
                mk(ExprKind::Await(Box::new(e)), self.span_from(start))
            }
            Plus => {
                self.error_here("'+' is not a prefix operator.");
                self.bump();
                self.unary()
            }
            _ => self.postfix(),
        }
    }

    fn postfix(&mut self) -> Expr {
        let start = self.pos;
        let e = self.primary();
        let e = self.selectors(e, start);
        let op = match self.kind() {
            PlusPlus => IncDec::Inc,
            MinusMinus => IncDec::Dec,
            _ => return e,
        };
        self.bump();
        mk(
            ExprKind::Postfix {
                op,
                target: Box::new(e),
            },
            self.span_from(start),
        )
    }

    /// Member access, calls, indexing, `!`, and explicit type arguments after a primary.
    pub(super) fn selectors(&mut self, mut e: Expr, start: usize) -> Expr {
        loop {
            e = match self.kind() {
                Dot | QuestionDot => {
                    let null_aware = self.bump().kind == QuestionDot;
                    let name = self.member_name();
                    mk(
                        ExprKind::PropertyGet {
                            target: Box::new(e),
                            null_aware,
                            name,
                        },
                        self.span_from(start),
                    )
                }
                Bang => {
                    self.bump();
                    mk(ExprKind::NullCheck(Box::new(e)), self.span_from(start))
                }
                LParen => {
                    let args = self.arguments();
                    self.make_call(e, Vec::new(), args, start)
                }
                LBracket => self.index(e, false, start),
                Question if self.peek(1) == LBracket && self.is_null_aware_index() => {
                    self.bump();
                    self.index(e, true, start)
                }
                Lt => match self.skip_type_args(self.pos) {
                    Some(j) if may_follow_type_args(self.kind_at(j)) => {
                        self.explicit_type_args(e, start)
                    }
                    _ => return e,
                },
                _ => return e,
            };
        }
    }

    /// `e?[` is a null-aware index unless `? [...] : ...` reads as a conditional. A `?`
    /// written against its operand (`m?[k]`, as formatted Dart always has it) is taken as
    /// null-aware outright, so `c ? m?[0] : d` works; a spaced one is tried as a
    /// conditional first.
    fn is_null_aware_index(&mut self) -> bool {
        let touching = self.pos > 0 && self.toks[self.pos].start == self.toks[self.pos - 1].end;
        if touching || self.speculating > 0 {
            return true;
        }
        let m = self.mark();
        self.speculating += 1;
        self.bump();
        let _ = self.expr_no_cascade();
        let conditional = self.at(Colon) && self.diags.items.len() == m.diags && !self.fatal;
        self.speculating -= 1;
        self.reset(m);
        !conditional
    }

    fn index(&mut self, target: Expr, null_aware: bool, start: usize) -> Expr {
        let open = self.pos;
        self.bump();
        let index = self.expr();
        self.expect_closer(open, RBracket);
        mk(
            ExprKind::Index {
                target: Box::new(target),
                null_aware,
                index: Box::new(index),
            },
            self.span_from(start),
        )
    }

    /// After `e<...>` known to be type arguments: a generic call, an implicit constructor
    /// call or tear-off (`Foo<int>.named(1)`, `C<int>.new`), or an instantiation.
    fn explicit_type_args(&mut self, e: Expr, start: usize) -> Expr {
        let targs_start = self.pos;
        let type_args = self.type_args();
        if self.at(LParen) {
            let args = self.arguments();
            return self.make_call(e, type_args, args, start);
        }
        if self.at(Dot) {
            if let Some(ty) = self.expr_as_type(&e, type_args.clone(), start) {
                self.bump();
                let name = self.member_name();
                if self.at(LParen) {
                    let args = self.arguments();
                    let kind = ExprKind::New {
                        keyword: NewKeyword::Implicit,
                        ty,
                        name: Some(name),
                        args,
                    };
                    return mk(kind, self.span_from(start));
                }
                let ty_span = ty.span();
                let target = Box::new(mk(ExprKind::TypeLiteral(ty), ty_span));
                return mk(
                    ExprKind::PropertyGet {
                        target,
                        null_aware: false,
                        name,
                    },
                    self.span_from(start),
                );
            }
        }
        let _ = targs_start;
        mk(
            ExprKind::Instantiation {
                expr: Box::new(e),
                type_args,
            },
            self.span_from(start),
        )
    }

    /// `Foo` or `prefix.Foo` read as a type (with the given arguments).
    fn expr_as_type(
        &self,
        e: &Expr,
        args: Vec<TypeAnnotation>,
        start: usize,
    ) -> Option<TypeAnnotation> {
        let (prefix, name) = match &e.kind {
            ExprKind::Ident(name) => (None, *name),
            ExprKind::PropertyGet {
                target,
                null_aware: false,
                name,
            } => match target.kind {
                ExprKind::Ident(prefix) => (Some(prefix), *name),
                _ => return None,
            },
            _ => return None,
        };
        Some(TypeAnnotation::Named {
            prefix,
            name,
            args,
            nullable: false,
            span: self.span_from(start),
        })
    }

    fn make_call(
        &mut self,
        callee: Expr,
        type_args: Vec<TypeAnnotation>,
        args: Arguments,
        start: usize,
    ) -> Expr {
        let span = self.span_from(start);
        let kind = match callee.kind {
            ExprKind::Ident(name) => ExprKind::MethodCall {
                target: None,
                null_aware: false,
                name,
                type_args,
                args,
            },
            ExprKind::PropertyGet {
                target,
                null_aware,
                name,
            } => ExprKind::MethodCall {
                target: Some(target),
                null_aware,
                name,
                type_args,
                args,
            },
            _ => ExprKind::Call {
                callee: Box::new(callee),
                type_args,
                args,
            },
        };
        mk(kind, span)
    }

    /// Between list items: a `,`, or (reported) a missing `,` when another item plainly
    /// follows, so `f(a b)` reads as two arguments. `false` ends the list.
    fn list_separator(&mut self, close: TokenKind) -> bool {
        if self.eat(Comma) {
            return true;
        }
        if self.at(close) || !can_start_expr(self.kind()) {
            return false;
        }
        self.error_here("Expected ',' before this.");
        true
    }

    /// `(a, name: b)`; the cursor is at `(`.
    pub(super) fn arguments(&mut self) -> Arguments {
        let open = self.pos;
        self.bump();
        let mut args = Vec::with_capacity(self.count_items(open));
        while !self.at(RParen) && !self.at(Eof) {
            let name = if self.at_ident() && self.peek(1) == Colon {
                let n = self.ident();
                self.bump();
                Some(n)
            } else {
                None
            };
            let value = self.expr();
            args.push(Argument { name, value });
            if !self.list_separator(RParen) {
                break;
            }
        }
        self.expect_closer(open, RParen);
        Arguments {
            args,
            span: self.span_from(open),
        }
    }

    // ------------------------------------------------------------------ primaries

    fn primary(&mut self) -> Expr {
        let start = self.pos;
        let simple = match self.kind() {
            KwNull => Some(ExprKind::Null),
            KwTrue => Some(ExprKind::Bool(true)),
            KwFalse => Some(ExprKind::Bool(false)),
            KwThis => Some(ExprKind::This),
            KwSuper => Some(ExprKind::Super),
            _ => None,
        };
        if let Some(kind) = simple {
            self.bump();
            return mk(kind, self.span_from(start));
        }
        match self.kind() {
            Int => {
                let text = self.text(start).replace('_', "");
                self.bump();
                mk(ExprKind::Int(text), self.span_from(start))
            }
            Double => {
                let value = self
                    .text(start)
                    .replace('_', "")
                    .parse::<f64>()
                    .unwrap_or(f64::NAN);
                self.bump();
                mk(ExprKind::Double(value), self.span_from(start))
            }
            StringFull | StringHead => self.string_literal(),
            Hash => self.symbol_literal(),
            LParen => self.paren_like(),
            LBracket => self.list_literal(false, None, start),
            LBrace => self.set_or_map_literal(false, Vec::new(), start),
            Lt => self.generic_literal(false, start),
            KwConst => self.const_expr(),
            KwNew => {
                self.bump();
                self.constructor_call(NewKeyword::New, start)
            }
            KwSwitch => self.switch_expr(),
            k if k.is_identifier() => {
                let name = self.ident();
                mk(ExprKind::Ident(name), name.span)
            }
            _ => {
                self.expected_identifier();
                self.error_expr()
            }
        }
    }

    /// One string literal or several adjacent ones, merged.
    pub(super) fn string_literal(&mut self) -> Expr {
        let start = self.pos;
        let mut parts = Vec::with_capacity(self.count_string_parts());
        while matches!(self.kind(), StringFull | StringHead) {
            self.string_parts(&mut parts);
        }
        mk(ExprKind::String(parts), self.span_from(start))
    }

    /// An upper bound on the parts of the (possibly adjacent) string literal at the
    /// cursor: one per segment and interpolation (adjacent texts merge, so fewer).
    fn count_string_parts(&self) -> usize {
        let mut i = self.pos;
        let mut n = 0;
        loop {
            match self.kind_at(i) {
                StringFull | StringHead | StringMid | StringTail | InterpIdent => n += 1,
                InterpStart => {
                    n += 1;
                    match self.partner(i) {
                        Some(p) => i = p,
                        None => return n,
                    }
                }
                _ => return n,
            }
            i += 1;
        }
    }

    fn string_parts(&mut self, parts: &mut Vec<StringPart>) {
        loop {
            let tok = self.bump();
            let (s, e) = tok.string_content();
            let raw = tok.flags & string_flags::RAW != 0;
            let text = self.src.get(s as usize..e as usize).unwrap_or("");
            if !text.is_empty() {
                let decoded = decode_string(text, raw);
                match parts.last_mut() {
                    Some(StringPart::Text(prev)) => prev.push_str(&decoded),
                    _ => parts.push(StringPart::Text(decoded)),
                }
            }
            if matches!(tok.kind, StringFull | StringTail) {
                return;
            }
            match self.kind() {
                InterpIdent => {
                    let i = self.pos;
                    self.bump();
                    let e = if self.text(i) == "this" {
                        mk(ExprKind::This, self.tok_span(i))
                    } else {
                        let name = self.ident_at(i);
                        mk(ExprKind::Ident(name), name.span)
                    };
                    parts.push(StringPart::Interpolation(e));
                }
                InterpStart => {
                    let open = self.pos;
                    self.bump();
                    let e = self.expr();
                    self.expect_closer(open, InterpEnd);
                    parts.push(StringPart::Interpolation(e));
                }
                _ => {}
            }
            if !matches!(self.kind(), StringMid | StringTail) {
                // Only after an earlier error (reported already).
                return;
            }
        }
    }

    /// `#name`, `#a.b.c`, `#+`, `#[]=`, `#unary-`.
    fn symbol_literal(&mut self) -> Expr {
        let start = self.pos;
        self.bump();
        let mut text = String::new();
        if self.kind().is_word() {
            text.push_str(self.text(self.pos));
            self.bump();
            // `#unary-` names the unary minus operator.
            if text == "unary"
                && self.at(Minus)
                && self.toks[self.pos].start == self.toks[self.pos - 1].end
            {
                self.bump();
                text.push('-');
            }
            while self.at(Dot) && self.peek(1).is_word() {
                self.bump();
                text.push('.');
                text.push_str(self.text(self.pos));
                self.bump();
            }
        } else if self.at(LBracket) && self.peek(1) == RBracket {
            self.pos += 2;
            text.push_str("[]");
            if self.eat(Eq) {
                text.push('=');
            }
        } else if is_user_operator(self.kind()) {
            text.push_str(self.text(self.pos));
            self.bump();
        } else {
            self.expected_identifier();
        }
        mk(ExprKind::Symbol(text), self.span_from(start))
    }

    /// `(`: a function literal, a parenthesised expression or a record.
    fn paren_like(&mut self) -> Expr {
        let start = self.pos;
        if let Some(close) = self.partner(start) {
            if self.is_body_start(close + 1) && !self.ends_switch_guard(start, close) {
                return self.function_literal(Vec::new(), start);
            }
        }
        self.record_or_paren(false, start)
    }

    /// Is `(` at `open` (closing at `close`, then `=>`) at the top bracket level of a
    /// switch expression guard, so the `=>` belongs to the case?
    fn ends_switch_guard(&self, open: usize, close: usize) -> bool {
        let Some(guard) = self.switch_guard_start else {
            return false;
        };
        self.kind_at(close + 1) == Arrow
            && (guard..open).all(|i| self.partner(i).is_none_or(|p| p < open))
    }

    fn record_or_paren(&mut self, is_const: bool, start: usize) -> Expr {
        let open = self.pos;
        self.bump();
        let mut fields = Vec::new();
        let mut trailing_comma = false;
        while !self.at(RParen) && !self.at(Eof) {
            trailing_comma = false;
            let name = if self.at_ident() && self.peek(1) == Colon {
                let n = self.ident();
                self.bump();
                Some(n)
            } else {
                None
            };
            let value = self.expr();
            fields.push(RecordField { name, value });
            if !self.eat(Comma) {
                break;
            }
            trailing_comma = true;
        }
        self.expect_closer(open, RParen);
        if fields.len() == 1 && fields[0].name.is_none() && !trailing_comma && !is_const {
            if let Some(field) = fields.pop() {
                return mk(
                    ExprKind::Paren(Box::new(field.value)),
                    self.span_from(start),
                );
            }
        }
        mk(ExprKind::Record { is_const, fields }, self.span_from(start))
    }

    /// A function literal at `<` or `(`: `<T>(x) => e`, `(a, b) async { ... }`.
    fn function_literal(&mut self, type_params: Vec<TypeParameter>, start: usize) -> Expr {
        let params = self.formal_params();
        let body = self.function_body(false);
        mk(
            ExprKind::Function {
                type_params,
                params,
                body,
            },
            self.span_from(start),
        )
    }

    /// `<T>[...]`, `<K, V>{...}`, or a generic function literal `<T>(T x) => x`.
    fn generic_literal(&mut self, is_const: bool, start: usize) -> Expr {
        if let Some(j) = self.skip_type_args(self.pos) {
            if self.kind_at(j) == LParen && !is_const {
                let type_params = self.type_params();
                return self.function_literal(type_params, start);
            }
        }
        let mut args = self.type_args();
        match self.kind() {
            LBracket => {
                if args.len() > 1 {
                    self.error_at(
                        usize::MAX,
                        self.span_from(start),
                        "List literal requires exactly one type argument.",
                    );
                }
                let arg = if args.is_empty() {
                    None
                } else {
                    Some(args.swap_remove(0))
                };
                self.list_literal(is_const, arg, start)
            }
            LBrace => self.set_or_map_literal(is_const, args, start),
            _ => {
                let msg = "Expected '[' or '{' before this.";
                self.error_here(msg);
                self.error_expr()
            }
        }
    }

    fn list_literal(
        &mut self,
        is_const: bool,
        type_arg: Option<TypeAnnotation>,
        start: usize,
    ) -> Expr {
        let elements = self.elements(RBracket, false);
        mk(
            ExprKind::List {
                is_const,
                type_arg: type_arg.map(Box::new),
                elements,
            },
            self.span_from(start),
        )
    }

    fn set_or_map_literal(
        &mut self,
        is_const: bool,
        type_args: Vec<TypeAnnotation>,
        start: usize,
    ) -> Expr {
        let elements = self.elements(RBrace, true);
        mk(
            ExprKind::SetOrMap {
                is_const,
                type_args,
                elements,
            },
            self.span_from(start),
        )
    }

    /// Collection elements up to `close` (cursor at the opening bracket).
    fn elements(&mut self, close: TokenKind, map: bool) -> Vec<CollectionElement> {
        let open = self.pos;
        self.bump();
        let mut elements = Vec::with_capacity(self.count_items(open));
        while !self.at(close) && !self.at(Eof) {
            elements.push(self.element(map));
            if !self.list_separator(close) {
                break;
            }
        }
        self.expect_closer(open, close);
        elements
    }

    fn element(&mut self, map: bool) -> CollectionElement {
        if !self.enter() {
            return CollectionElement::Expr(self.error_expr());
        }
        let e = self.element_inner(map);
        self.leave();
        e
    }

    fn element_inner(&mut self, map: bool) -> CollectionElement {
        match self.kind() {
            DotDotDot | DotDotDotQuestion => {
                let null_aware = self.bump().kind == DotDotDotQuestion;
                CollectionElement::Spread {
                    null_aware,
                    expr: self.expr(),
                }
            }
            KwIf => self.if_element(map),
            KwFor => self.for_element(map, false),
            KwAwait if self.peek(1) == KwFor => {
                self.bump();
                self.for_element(map, true)
            }
            Question => {
                self.bump();
                let key = self.expr();
                self.entry_or_expr(key, true, map)
            }
            _ => {
                let key = self.expr();
                self.entry_or_expr(key, false, map)
            }
        }
    }

    fn entry_or_expr(&mut self, key: Expr, null_aware_key: bool, map: bool) -> CollectionElement {
        if !(map && self.eat(Colon)) {
            return if null_aware_key {
                CollectionElement::NullAwareExpr(key)
            } else {
                CollectionElement::Expr(key)
            };
        }
        let null_aware_value = self.eat(Question);
        let value = self.expr();
        CollectionElement::MapEntry {
            key,
            value,
            null_aware_key,
            null_aware_value,
        }
    }

    fn if_element(&mut self, map: bool) -> CollectionElement {
        self.bump();
        let (condition, case) = self.if_condition();
        let then = Box::new(self.element(map));
        let otherwise = if self.eat(KwElse) {
            Some(Box::new(self.element(map)))
        } else {
            None
        };
        CollectionElement::If {
            condition,
            case,
            then,
            otherwise,
        }
    }

    /// `(expr)` or `(expr case pattern when guard)` after `if`.
    pub(super) fn if_condition(&mut self) -> (Expr, Option<CaseHead>) {
        let open = self.pos;
        if !self.expect(LParen) {
            return (self.error_expr(), None);
        }
        let condition = self.expr();
        let case = if self.at(KwCase) {
            self.bump();
            Some(self.case_head())
        } else {
            None
        };
        self.expect_closer(open, RParen);
        (condition, case)
    }

    /// `pattern [when guard]`.
    pub(super) fn case_head(&mut self) -> CaseHead {
        let start = self.pos;
        let pattern = self.pattern(PatCtx::Matching);
        let guard = if self.at(KwWhen) {
            self.bump();
            Some(self.expr())
        } else {
            None
        };
        CaseHead {
            pattern,
            guard,
            span: self.span_from(start),
        }
    }

    /// A switch expression's `pattern [when guard]`: the guard ends at the case's `=>`.
    fn switch_expr_case_head(&mut self) -> CaseHead {
        let start = self.pos;
        let pattern = self.pattern(PatCtx::Matching);
        let guard = if self.at(KwWhen) {
            self.bump();
            let saved = self.switch_guard_start.replace(self.pos);
            let guard = self.expr();
            self.switch_guard_start = saved;
            Some(guard)
        } else {
            None
        };
        CaseHead {
            pattern,
            guard,
            span: self.span_from(start),
        }
    }

    fn for_element(&mut self, map: bool, is_await: bool) -> CollectionElement {
        self.bump();
        let header = self.for_header(is_await);
        let body = Box::new(self.element(map));
        match header {
            super::stmt::ForHeader::Classic {
                init,
                condition,
                updates,
            } => CollectionElement::For {
                init,
                condition,
                updates,
                body,
            },
            super::stmt::ForHeader::In { binding, iterable } => CollectionElement::ForIn {
                is_await,
                binding,
                iterable,
                body,
            },
        }
    }

    /// `const` followed by a collection, a record, or a constructor call.
    fn const_expr(&mut self) -> Expr {
        let start = self.pos;
        self.bump();
        match self.kind() {
            LBracket => self.list_literal(true, None, start),
            LBrace => self.set_or_map_literal(true, Vec::new(), start),
            Lt => self.generic_literal(true, start),
            LParen => self.record_or_paren(true, start),
            _ => self.constructor_call(NewKeyword::Const, start),
        }
    }

    /// After `new`/`const`: `T(args)`, `T.name(args)`, `p.T<A>.name(args)`.
    fn constructor_call(&mut self, keyword: NewKeyword, start: usize) -> Expr {
        let ctor = self.constructor_ref();
        let args = if self.at(LParen) {
            self.arguments()
        } else {
            self.error_here("Expected to find '('.");
            Arguments {
                args: Vec::new(),
                span: self.cur_span(),
            }
        };
        mk(
            ExprKind::New {
                keyword,
                ty: ctor.ty,
                name: ctor.name,
                args,
            },
            self.span_from(start),
        )
    }

    /// `T`, `T.name`, `p.T`, `T<A>.name`, `p.T<A>.name`. Without type arguments `a.b` is
    /// read as type `a`, constructor `b` (the common case); `kernel` reinterprets it when
    /// `a` turns out to be an import prefix.
    pub(super) fn constructor_ref(&mut self) -> ConstructorRef {
        let start = self.pos;
        let first = self.ident();
        let mut second = None;
        if self.at(Dot) && (self.peek(1).is_identifier() || self.peek(1) == KwNew) {
            self.bump();
            second = Some(self.member_name());
        }
        let args = if self.at(Lt) {
            self.type_args()
        } else {
            Vec::new()
        };
        let mut third = None;
        if self.at(Dot) {
            self.bump();
            third = Some(self.member_name());
        }
        let (prefix, name, ctor) = match (second, third) {
            (Some(s), Some(t)) => (Some(first), s, Some(t)),
            (Some(s), None) if !args.is_empty() => (Some(first), s, None),
            (Some(s), None) => (None, first, Some(s)),
            (None, t) => (None, first, t),
        };
        let ty_end = ctor.map_or(self.span_from(start), |c| {
            Span::new(
                self.file,
                self.tok_span(start).start,
                c.span.start.saturating_sub(1),
            )
        });
        let ty = TypeAnnotation::Named {
            prefix,
            name,
            args,
            nullable: false,
            span: ty_end,
        };
        ConstructorRef {
            ty,
            name: ctor,
            span: self.span_from(start),
        }
    }

    /// `switch (e) { pattern when g => value, ... }`
    fn switch_expr(&mut self) -> Expr {
        let start = self.pos;
        self.bump();
        let subject = self.paren_expr();
        let mut cases = Vec::new();
        let open = self.pos;
        if !self.expect(LBrace) {
            return mk(
                ExprKind::Switch {
                    subject: Box::new(subject),
                    cases,
                },
                self.span_from(start),
            );
        }
        while !self.at(RBrace) && !self.at(Eof) {
            let case_start = self.pos;
            if self.at(KwDefault) {
                self.error_here("A switch expression may not use the `default` keyword.");
                self.bump();
            }
            let head = self.switch_expr_case_head();
            self.expect(Arrow);
            let body = self.expr();
            cases.push(SwitchExprCase {
                head,
                body,
                span: self.span_from(case_start),
            });
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(open, RBrace);
        mk(
            ExprKind::Switch {
                subject: Box::new(subject),
                cases,
            },
            self.span_from(start),
        )
    }

    /// `( expr )` after `if`, `while`, `switch`.
    pub(super) fn paren_expr(&mut self) -> Expr {
        let open = self.pos;
        if !self.expect(LParen) {
            return self.error_expr();
        }
        let e = self.expr();
        self.expect_closer(open, RParen);
        e
    }
}

/// Operators a class may declare (also the operator symbols `#+`).
pub(super) fn is_user_operator(k: TokenKind) -> bool {
    matches!(
        k,
        EqEq | Lt
            | Gt
            | LtEq
            | GtEq
            | Minus
            | Plus
            | Slash
            | TildeSlash
            | Star
            | Percent
            | Pipe
            | Caret
            | Amp
            | LtLt
            | GtGt
            | GtGtGt
            | Tilde
    )
}
