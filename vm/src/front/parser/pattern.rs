//! Patterns (Dart 3): logical `||`/`&&`, relational, cast, null-check and null-assert,
//! constants, variables, wildcards, parenthesised, list (with rest), map, record and
//! object patterns. What a bare identifier means depends on the context ([`PatCtx`]).

use super::expr::PREC_BIT_OR;
use super::{Parser, TokenKind::*};
use crate::front::ast::*;

/// Where a pattern appears, which decides what a bare identifier `x` means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatCtx {
    /// `case x:` / `if (e case x)`: compares with the constant `x`.
    Matching,
    /// `var (x, y) = ...`: declares `x`.
    Declaration,
    /// `(x, y) = ...`: assigns to the existing `x`.
    Assignment,
}

fn mk(kind: PatternKind, span: crate::front::source::Span) -> Pattern {
    Pattern { kind, span }
}

impl<'a, 'd> Parser<'a, 'd> {
    pub(super) fn pattern(&mut self, ctx: PatCtx) -> Pattern {
        if !self.enter() {
            return mk(PatternKind::Error, self.cur_span());
        }
        let p = self.pattern_or(ctx);
        self.leave();
        p
    }

    fn pattern_or(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        let mut left = self.pattern_and(ctx);
        while self.eat(PipePipe) {
            let right = self.pattern_and(ctx);
            left = mk(
                PatternKind::Or(Box::new(left), Box::new(right)),
                self.span_from(start),
            );
        }
        left
    }

    fn pattern_and(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        let mut left = self.pattern_relational(ctx);
        while self.eat(AmpAmp) {
            let right = self.pattern_relational(ctx);
            left = mk(
                PatternKind::And(Box::new(left), Box::new(right)),
                self.span_from(start),
            );
        }
        left
    }

    fn pattern_relational(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        let op = match self.kind() {
            EqEq => RelationalOp::Eq,
            BangEq => RelationalOp::NotEq,
            Lt if !self.typed_collection_ahead() => RelationalOp::Lt,
            LtEq => RelationalOp::LtEq,
            Gt => RelationalOp::Gt,
            GtEq => RelationalOp::GtEq,
            _ => return self.pattern_postfix(ctx),
        };
        self.bump();
        let operand = self.binary(PREC_BIT_OR);
        mk(
            PatternKind::Relational { op, operand },
            self.span_from(start),
        )
    }

    /// `<T>[...]` or `<K, V>{...}` rather than a `<` relational pattern.
    fn typed_collection_ahead(&self) -> bool {
        self.skip_type_args(self.pos)
            .is_some_and(|j| matches!(self.kind_at(j), LBracket | LBrace))
    }

    fn pattern_postfix(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        let mut p = self.pattern_primary(ctx);
        loop {
            p = match self.kind() {
                KwAs => {
                    self.bump();
                    let ty = self.parse_type();
                    mk(
                        PatternKind::Cast {
                            pattern: Box::new(p),
                            ty,
                        },
                        self.span_from(start),
                    )
                }
                Question => {
                    self.bump();
                    mk(PatternKind::NullCheck(Box::new(p)), self.span_from(start))
                }
                Bang => {
                    self.bump();
                    mk(PatternKind::NullAssert(Box::new(p)), self.span_from(start))
                }
                _ => return p,
            };
        }
    }

    fn pattern_primary(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        match self.kind() {
            LParen if self.typed_variable_ahead() => self.typed_variable(false, start),
            LParen => self.record_pattern(ctx),
            LBracket => self.list_pattern(ctx, None, start),
            LBrace => self.map_pattern(ctx, Vec::new(), start),
            Lt => self.typed_collection_pattern(ctx),
            KwVar => {
                self.bump();
                self.variable_after_keyword(false, None, start)
            }
            KwFinal => {
                self.bump();
                // `final x as T` and `final x when g` name `x`, they do not declare `as`/`when`.
                if self.typed_variable_ahead() {
                    return self.typed_variable(true, start);
                }
                self.variable_after_keyword(true, None, start)
            }
            KwConst => self.const_pattern(),
            Minus | Int | Double | StringFull | StringHead | KwNull | KwTrue | KwFalse | Hash => {
                let e = self.binary(u8::MAX);
                mk(PatternKind::Constant(e), self.span_from(start))
            }
            KwVoid | KwFunction => self.typed_variable(false, start),
            k if k.is_identifier() => self.identifier_pattern(ctx),
            _ => {
                self.expected_identifier();
                mk(PatternKind::Error, self.cur_span())
            }
        }
    }

    /// `Type name` ahead (also `(int, int) pair`)? `when` and `as` after a type are not
    /// names: `case x when ...` is a constant with a guard.
    fn typed_variable_ahead(&self) -> bool {
        match self.type_then_ident() {
            Some(j) => !matches!(self.kind_at(j), KwWhen | KwAs),
            None => false,
        }
    }

    fn typed_variable(&mut self, is_final: bool, start: usize) -> Pattern {
        let ty = self.parse_type();
        self.variable_after_keyword(is_final, Some(ty), start)
    }

    /// The name after `var`, `final` or a type: a variable, or `_` (a wildcard).
    fn variable_after_keyword(
        &mut self,
        is_final: bool,
        ty: Option<TypeAnnotation>,
        start: usize,
    ) -> Pattern {
        let name = self.ident();
        let kind = if name.name.as_str() == "_" {
            PatternKind::Wildcard { ty }
        } else {
            PatternKind::Variable { is_final, ty, name }
        };
        mk(kind, self.span_from(start))
    }

    fn identifier_pattern(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        if self.typed_variable_ahead() {
            return self.typed_variable(false, start);
        }
        if self.object_pattern_ahead() {
            return self.object_pattern(ctx);
        }
        let name = self.ident();
        if self.at(Dot) {
            let mut e = Expr {
                kind: ExprKind::Ident(name),
                span: name.span,
            };
            while self.eat(Dot) {
                let member = self.member_name();
                e = Expr {
                    kind: ExprKind::PropertyGet {
                        target: Box::new(e),
                        null_aware: false,
                        name: member,
                    },
                    span: self.span_from(start),
                };
            }
            return mk(PatternKind::Constant(e), self.span_from(start));
        }
        if name.name.as_str() == "_" {
            return mk(PatternKind::Wildcard { ty: None }, name.span);
        }
        let kind = match ctx {
            PatCtx::Matching => PatternKind::Constant(Expr {
                kind: ExprKind::Ident(name),
                span: name.span,
            }),
            PatCtx::Declaration => PatternKind::Variable {
                is_final: false,
                ty: None,
                name,
            },
            PatCtx::Assignment => PatternKind::Assign(name),
        };
        mk(kind, name.span)
    }

    /// `Name(`, `p.Name(`, `Name<T>(`, `p.Name<T>(`.
    fn object_pattern_ahead(&self) -> bool {
        let mut i = self.pos + 1;
        if self.kind_at(i) == Dot && self.kind_at(i + 1).is_identifier() {
            i += 2;
        }
        if self.kind_at(i) == Lt {
            match self.skip_type_args(i) {
                Some(j) => i = j,
                None => return false,
            }
        }
        self.kind_at(i) == LParen
    }

    fn object_pattern(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        let ty = self.parse_type();
        let fields = self.pattern_fields(ctx);
        mk(PatternKind::Object { ty, fields }, self.span_from(start))
    }

    /// `(p)`, `(p,)`, `(a, b)`, `(x: p, :var y)`, `()`.
    fn record_pattern(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        let close = self.partner(start);
        let mut fields = self.pattern_fields(ctx);
        let trailing_comma = close.is_some_and(|c| self.kind_at(c - 1) == Comma);
        if fields.len() == 1
            && fields[0].name.is_none()
            && !fields[0].implicit_name
            && !trailing_comma
        {
            if let Some(f) = fields.pop() {
                return mk(
                    PatternKind::Paren(Box::new(f.pattern)),
                    self.span_from(start),
                );
            }
        }
        mk(PatternKind::Record { fields }, self.span_from(start))
    }

    /// Parenthesised fields of a record or object pattern (cursor at `(`).
    fn pattern_fields(&mut self, ctx: PatCtx) -> Vec<PatternField> {
        let open = self.pos;
        let mut fields = Vec::new();
        if !self.expect(LParen) {
            return fields;
        }
        while !self.at(RParen) && !self.at(Eof) {
            fields.push(self.pattern_field(ctx));
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(open, RParen);
        fields
    }

    fn pattern_field(&mut self, ctx: PatCtx) -> PatternField {
        let start = self.pos;
        let (name, implicit_name) = if self.at_ident() && self.peek(1) == Colon {
            let n = self.ident();
            self.bump();
            (Some(n), false)
        } else if self.eat(Colon) {
            (None, true)
        } else {
            (None, false)
        };
        let pattern = self.pattern(ctx);
        PatternField {
            name,
            implicit_name,
            pattern,
            span: self.span_from(start),
        }
    }

    fn typed_collection_pattern(&mut self, ctx: PatCtx) -> Pattern {
        let start = self.pos;
        let mut args = self.type_args();
        if self.at(LBracket) {
            let arg = if args.is_empty() {
                None
            } else {
                Some(args.swap_remove(0))
            };
            return self.list_pattern(ctx, arg, start);
        }
        if self.at(LBrace) {
            return self.map_pattern(ctx, args, start);
        }
        self.error_here("Expected '[' or '{' before this.");
        mk(PatternKind::Error, self.span_from(start))
    }

    fn list_pattern(
        &mut self,
        ctx: PatCtx,
        type_arg: Option<TypeAnnotation>,
        start: usize,
    ) -> Pattern {
        let open = self.pos;
        self.bump();
        let mut elements = Vec::new();
        while !self.at(RBracket) && !self.at(Eof) {
            if self.at(DotDotDot) {
                let rest_start = self.pos;
                self.bump();
                let sub = if matches!(self.kind(), Comma | RBracket) {
                    None
                } else {
                    Some(self.pattern(ctx))
                };
                elements.push(ListPatternElement::Rest(sub, self.span_from(rest_start)));
            } else {
                elements.push(ListPatternElement::Pattern(self.pattern(ctx)));
            }
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(open, RBracket);
        mk(
            PatternKind::List { type_arg, elements },
            self.span_from(start),
        )
    }

    fn map_pattern(
        &mut self,
        ctx: PatCtx,
        type_args: Vec<TypeAnnotation>,
        start: usize,
    ) -> Pattern {
        let open = self.pos;
        self.bump();
        let mut entries = Vec::new();
        while !self.at(RBrace) && !self.at(Eof) {
            if self.at(DotDotDot) {
                let span = self.cur_span();
                self.bump();
                entries.push(MapPatternEntry::Rest(span));
            } else {
                let key = self.expr_no_cascade();
                self.expect(Colon);
                let value = self.pattern(ctx);
                entries.push(MapPatternEntry::Entry { key, value });
            }
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(open, RBrace);
        mk(
            PatternKind::Map { type_args, entries },
            self.span_from(start),
        )
    }

    /// `const [..]`, `const {..}`, `const (e)`, `const Foo(..)`: a constant pattern.
    fn const_pattern(&mut self) -> Pattern {
        let start = self.pos;
        let e = if self.peek(1) == LParen {
            self.bump();
            let open = self.pos;
            self.bump();
            let inner = self.expr();
            self.expect_closer(open, RParen);
            Expr {
                kind: ExprKind::Paren(Box::new(inner)),
                span: self.span_from(start),
            }
        } else {
            self.postfix_const()
        };
        mk(PatternKind::Constant(e), self.span_from(start))
    }

    fn postfix_const(&mut self) -> Expr {
        self.binary(u8::MAX)
    }
}
