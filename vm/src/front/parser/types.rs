//! Type syntax: named types with prefixes and arguments, nullable `?`, `void`, function
//! types (`R Function<T>(A, [B], {C c})`, chained), record types, type arguments and type
//! parameters. The `>` that closes type arguments may be split off a `>>`-like token.

use super::{Parser, TokenKind, TokenKind::*};
use crate::front::ast::{
    FunctionTypeParam, ParameterKind, RecordTypeField, TypeAnnotation, TypeParameter,
};

impl<'a, 'd> Parser<'a, 'd> {
    /// A full type, including trailing `Function(...)` suffixes.
    pub(super) fn parse_type(&mut self) -> TypeAnnotation {
        if !self.enter() {
            return self.error_type();
        }
        let start = self.pos;
        let mut ty = self.type_primary();
        while self.at(KwFunction) && matches!(self.peek(1), LParen | Lt) {
            ty = self.function_type(Some(ty), start);
        }
        self.leave();
        ty
    }

    fn error_type(&mut self) -> TypeAnnotation {
        let name = self.missing_ident();
        TypeAnnotation::Named {
            prefix: None,
            name,
            args: Vec::new(),
            nullable: false,
            span: name.span,
        }
    }

    fn type_primary(&mut self) -> TypeAnnotation {
        let start = self.pos;
        match self.kind() {
            KwVoid => {
                let name = self.ident_at(start);
                self.bump();
                TypeAnnotation::Named {
                    prefix: None,
                    name,
                    args: Vec::new(),
                    nullable: false,
                    span: name.span,
                }
            }
            KwFunction if matches!(self.peek(1), LParen | Lt) => self.function_type(None, start),
            LParen => self.record_type(),
            k if k.is_identifier() => self.named_type(),
            _ => {
                let msg = format!("Expected a type, but got '{}'.", self.text(self.pos));
                self.error_here(msg);
                self.error_type()
            }
        }
    }

    /// `name`, `prefix.name`, with optional `<args>` and `?`.
    fn named_type(&mut self) -> TypeAnnotation {
        let start = self.pos;
        let mut name = self.ident();
        let mut prefix = None;
        if self.at(Dot) && self.peek(1).is_identifier() {
            self.bump();
            prefix = Some(name);
            name = self.ident();
        }
        let args = if self.at(Lt) {
            self.type_args()
        } else {
            Vec::new()
        };
        let nullable = self.eat_nullable();
        TypeAnnotation::Named {
            prefix,
            name,
            args,
            nullable,
            span: self.span_from(start),
        }
    }

    /// At `Function`: `Function<T>(params)?` with the given return type.
    fn function_type(
        &mut self,
        return_type: Option<TypeAnnotation>,
        start: usize,
    ) -> TypeAnnotation {
        self.bump();
        let type_params = if self.at(Lt) {
            self.type_params()
        } else {
            Vec::new()
        };
        let params = self.function_type_params();
        let nullable = self.eat_nullable();
        TypeAnnotation::Function {
            return_type: return_type.map(Box::new),
            type_params,
            params,
            nullable,
            span: self.span_from(start),
        }
    }

    fn function_type_params(&mut self) -> Vec<FunctionTypeParam> {
        let open = self.pos;
        let mut params = Vec::new();
        if !self.expect(LParen) {
            return params;
        }
        while !self.at(RParen) && !self.at(Eof) {
            match self.kind() {
                LBracket => self.function_type_group(
                    RBracket,
                    ParameterKind::OptionalPositional,
                    &mut params,
                ),
                LBrace => self.function_type_group(
                    RBrace,
                    ParameterKind::Named { required: false },
                    &mut params,
                ),
                _ => params.push(self.function_type_param(ParameterKind::RequiredPositional)),
            }
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(open, RParen);
        params
    }

    fn function_type_group(
        &mut self,
        close: TokenKind,
        kind: ParameterKind,
        out: &mut Vec<FunctionTypeParam>,
    ) {
        let open = self.pos;
        self.bump();
        while !self.at(close) && !self.at(Eof) {
            out.push(self.function_type_param(kind));
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(open, close);
    }

    /// One parameter of a function type: `[metadata] [required] Type [name]`.
    fn function_type_param(&mut self, mut kind: ParameterKind) -> FunctionTypeParam {
        let start = self.pos;
        let _ = self.metadata();
        if self.at(KwRequired) && !matches!(self.peek(1), Comma | RParen | RBrace | Question) {
            self.bump();
            if let ParameterKind::Named { .. } = kind {
                kind = ParameterKind::Named { required: true };
            }
        }
        let ty = self.parse_type();
        let name = if self.at_ident() {
            Some(self.ident())
        } else {
            None
        };
        FunctionTypeParam {
            kind,
            name,
            ty,
            span: self.span_from(start),
        }
    }

    /// `(int, String name, {bool flag})?` and the empty record type `()`.
    fn record_type(&mut self) -> TypeAnnotation {
        let start = self.pos;
        self.bump();
        let mut positional = Vec::new();
        let mut named = Vec::new();
        while !self.at(RParen) && !self.at(Eof) {
            if self.at(LBrace) {
                let open = self.pos;
                self.bump();
                while !self.at(RBrace) && !self.at(Eof) {
                    named.push(self.record_type_field());
                    if !self.eat(Comma) {
                        break;
                    }
                }
                self.expect_closer(open, RBrace);
                self.eat(Comma);
                break;
            }
            positional.push(self.record_type_field());
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(start, RParen);
        let nullable = self.eat_nullable();
        TypeAnnotation::Record {
            positional,
            named,
            nullable,
            span: self.span_from(start),
        }
    }

    fn record_type_field(&mut self) -> RecordTypeField {
        let start = self.pos;
        let metadata = self.metadata();
        let ty = self.parse_type();
        let name = if self.at_ident() {
            Some(self.ident())
        } else {
            None
        };
        RecordTypeField {
            metadata,
            name,
            ty,
            span: self.span_from(start),
        }
    }

    /// The `?` of a nullable type (see `type_test_depth` for the exception).
    fn eat_nullable(&mut self) -> bool {
        if !self.at(Question) {
            return false;
        }
        if self.type_test_depth == self.depth && super::expr::can_start_expr(self.peek(1)) {
            return false;
        }
        self.bump();
        true
    }

    /// `<T, U>` type arguments (cursor at `<`).
    pub(super) fn type_args(&mut self) -> Vec<TypeAnnotation> {
        self.bump();
        let mut args = Vec::new();
        loop {
            args.push(self.parse_type());
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_gt();
        args
    }

    /// `<T extends Bound, @meta U>` type parameters (cursor at `<`).
    pub(super) fn type_params(&mut self) -> Vec<TypeParameter> {
        self.bump();
        let mut params = Vec::new();
        loop {
            let start = self.pos;
            let metadata = self.metadata();
            let name = self.decl_name();
            let bound = if self.eat(KwExtends) {
                Some(self.parse_type())
            } else {
                None
            };
            params.push(TypeParameter {
                metadata,
                name,
                bound,
                span: self.span_from(start),
            });
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_gt();
        params
    }

    pub(super) fn opt_type_params(&mut self) -> Vec<TypeParameter> {
        if self.at(Lt) {
            self.type_params()
        } else {
            Vec::new()
        }
    }

    /// Comma-separated types (`implements A, B<int>`).
    pub(super) fn type_list(&mut self) -> Vec<TypeAnnotation> {
        let mut list = vec![self.parse_type()];
        while self.eat(Comma) {
            list.push(self.parse_type());
        }
        list
    }

    /// Is there a type at the cursor followed by an identifier (a declaration)?
    pub(super) fn type_then_ident(&self) -> Option<usize> {
        let j = self.skip_type(self.pos)?;
        self.kind_at(j).is_identifier().then_some(j)
    }
}
