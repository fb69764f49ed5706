//! Statements: blocks, local variables (including `late` and pattern declarations), local
//! functions, `if` (with `case`), all loops (`for`, `for-in`, `await for`, pattern
//! for-in, `while`, `do`), `switch` statements with patterns, guards and shared bodies,
//! `try`/`on`/`catch`/`finally`, jumps, `yield`, `assert`, labels, and expression
//! statements. Statement-level error recovery skips to the next `;` or `}`.

use super::expr::can_start_expr;
use super::{Parser, PatCtx, TokenKind, TokenKind::*};
use crate::front::ast::*;

/// A parsed `for (...)` header, shared by statements and collection elements.
pub(super) enum ForHeader {
    Classic {
        init: Option<ForInit>,
        condition: Option<Expr>,
        updates: Vec<Expr>,
    },
    In {
        binding: ForInBinding,
        iterable: Expr,
    },
}

/// What starts a `for (...)` header: the binding of a for-in (cursor at `in`), or the
/// initializer of a classic loop (its `;` consumed).
enum ForStart {
    In(ForInBinding),
    Init(Option<ForInit>),
}

/// Modifiers before a local or top-level variable.
#[derive(Default, Clone, Copy)]
pub(super) struct VarMods {
    pub is_late: bool,
    pub is_final: bool,
    pub is_const: bool,
    pub is_var: bool,
}

impl<'a, 'd> Parser<'a, 'd> {
    /// `{ statements }` (cursor at `{`).
    pub(super) fn block(&mut self) -> Block {
        let open = self.pos;
        if !self.expect(LBrace) {
            return Block {
                stmts: Vec::new(),
                span: self.cur_span(),
            };
        }
        let stmts = self.statements_until(&[RBrace]);
        self.expect_closer(open, RBrace);
        Block {
            stmts,
            span: self.span_from(open),
        }
    }

    /// Statements until one of `stops` (not consumed), `}` or end of file, recovering
    /// from errors at `;`/`}` and always making progress.
    fn statements_until(&mut self, stops: &[TokenKind]) -> Vec<Stmt> {
        let mark = self.stmt_buf.len();
        while !self.at(RBrace) && !self.at(Eof) && !stops.contains(&self.kind()) {
            let before = self.pos;
            let errors = self.diags.items.len();
            let stmt = self.statement();
            self.stmt_buf.push(stmt);
            self.recover_to_sync(errors, before);
            if self.pos == before {
                self.bump();
            }
        }
        self.stmt_buf.drain(mark..).collect()
    }

    pub(super) fn statement(&mut self) -> Stmt {
        let start = self.pos;
        if !self.enter() {
            return Stmt {
                kind: StmtKind::Empty,
                span: self.cur_span(),
            };
        }
        let kind = self.statement_kind();
        self.leave();
        Stmt {
            kind,
            span: self.span_from(start),
        }
    }

    fn statement_kind(&mut self) -> StmtKind {
        match self.kind() {
            // `{'k': v} = map;` is a pattern assignment, any other `{` a block.
            LBrace if self.looks_like_pattern_assignment() => {
                let e = self.expr();
                self.expect_semi();
                StmtKind::Expr(e)
            }
            LBrace => StmtKind::Block(self.block()),
            Semicolon => {
                self.bump();
                StmtKind::Empty
            }
            KwIf => self.if_stmt(),
            KwFor => self.for_stmt(false),
            KwAwait if self.peek(1) == KwFor => {
                self.bump();
                self.for_stmt(true)
            }
            KwWhile => self.while_stmt(),
            KwDo => self.do_stmt(),
            KwSwitch if self.switch_is_statement() => self.switch_stmt(),
            KwTry => self.try_stmt(),
            KwBreak | KwContinue => self.jump_stmt(),
            KwReturn => self.return_stmt(),
            KwRethrow if self.peek(1) == Semicolon => {
                self.pos += 2;
                StmtKind::Rethrow
            }
            KwAssert if self.peek(1) == LParen => self.assert_stmt(),
            KwYield if self.peek(1) == Star || can_start_expr(self.peek(1)) => self.yield_stmt(),
            KwVar | KwFinal | KwLate => self.local_declaration(),
            KwConst if self.const_starts_declaration() => self.local_declaration(),
            At => self.local_declaration(),
            k if k.is_identifier() && self.peek(1) == Colon => self.labeled_stmt(),
            _ => self.declaration_or_expression(),
        }
    }

    /// A switch at statement level is a statement unless it is used as a value
    /// (`switch (x) { ... }.foo;` is vanishingly rare; the statement reading wins when the
    /// body holds `case`/`default`).
    fn switch_is_statement(&self) -> bool {
        let Some(close) = self.partner(self.pos + 1) else {
            return true;
        };
        matches!(self.kind_at(close + 2), KwCase | KwDefault | RBrace)
            || (self.kind_at(close + 2).is_identifier() && self.kind_at(close + 3) == Colon)
    }

    /// `const x = 1;` and `const int x = 1;` declare; `const Foo();` is an expression.
    fn const_starts_declaration(&self) -> bool {
        if self.peek(1).is_identifier() && self.peek(2) == Eq {
            return true;
        }
        match self.skip_type(self.pos + 1) {
            Some(j) => self.kind_at(j).is_identifier(),
            None => false,
        }
    }

    fn declaration_or_expression(&mut self) -> StmtKind {
        if let Some(kind) = self.try_local_function_or_variable() {
            return kind;
        }
        let e = self.expr();
        self.expect_semi();
        StmtKind::Expr(e)
    }

    /// `Type name ...` or `name(...) { }` at statement start.
    fn try_local_function_or_variable(&mut self) -> Option<StmtKind> {
        let start = self.pos;
        if self.kind().is_identifier() && self.local_function_at(start + 1) {
            return Some(StmtKind::LocalFunction(self.function_decl(
                Vec::new(),
                None,
                start,
            )));
        }
        let j = self.skip_type(start)?;
        let reserved_name = self.kind_at(j).is_reserved()
            && !matches!(self.kind_at(j), KwIs | KwIn)
            && matches!(self.kind_at(j + 1), Eq | Semicolon | Comma);
        if !self.kind_at(j).is_identifier() && !reserved_name {
            return None;
        }
        // `await x;` and `yield x;` are not declarations of a type `await`.
        if j == start + 1 && matches!(self.kind(), KwAwait | KwYield) {
            return None;
        }
        // `x as T;` is a cast, not a variable named `as` (which `int as = 1;` would be).
        if self.kind_at(j) == KwAs
            && !matches!(self.kind_at(j + 1), Eq | Semicolon | Comma)
            && !self.local_function_at(j + 1)
        {
            return None;
        }
        let after = self.kind_at(j + 1);
        let nullable_type = self.kind_at(j - 1) == Question;
        if self.local_function_at(j + 1) {
            let ty = self.parse_type();
            return Some(StmtKind::LocalFunction(self.function_decl(
                Vec::new(),
                Some(ty),
                start,
            )));
        }
        // `a ? b : c;` must not read as a declaration of `b` with type `a?`.
        if nullable_type && !matches!(after, Eq | Semicolon | Comma) {
            return None;
        }
        let ty = self.parse_type();
        let decl = self.variables(Vec::new(), VarMods::default(), Some(ty), start);
        Some(StmtKind::Variables(decl))
    }

    /// Does a function's parameter list (possibly generic) start at `i`, followed by a
    /// body?
    fn local_function_at(&self, mut i: usize) -> bool {
        if self.kind_at(i) == Lt {
            match self.skip_type_args(i) {
                Some(j) => i = j,
                None => return false,
            }
        }
        if self.kind_at(i) != LParen {
            return false;
        }
        match self.partner(i) {
            Some(close) => self.is_body_start(close + 1),
            None => false,
        }
    }

    /// `var`/`final`/`const`/`late` declarations, pattern declarations, and annotated
    /// local declarations.
    fn local_declaration(&mut self) -> StmtKind {
        let start = self.pos;
        let metadata = self.metadata();
        let mods = self.var_mods();
        if (mods.is_var || mods.is_final) && !mods.is_late && self.pattern_decl_ahead() {
            let pattern = self.pattern(PatCtx::Declaration);
            self.expect(Eq);
            let init = self.expr();
            self.expect_semi();
            return StmtKind::PatternVariables {
                is_final: mods.is_final,
                pattern,
                init,
            };
        }
        if !mods.is_var && !mods.is_final && !mods.is_const && !mods.is_late {
            // Only annotations were read: what follows is a typed declaration or function.
            if self.at_ident() && self.local_function_at(self.pos + 1) {
                return StmtKind::LocalFunction(self.function_decl(metadata, None, start));
            }
            if let Some(j) = self.type_then_ident() {
                if self.local_function_at(j + 1) {
                    let ty = self.parse_type();
                    return StmtKind::LocalFunction(self.function_decl(metadata, Some(ty), start));
                }
            }
        }
        let ty = self.optional_var_type();
        StmtKind::Variables(self.variables(metadata, mods, ty, start))
    }

    /// `late`, `final`, `const`, `var` in any order (duplicates are reported).
    pub(super) fn var_mods(&mut self) -> VarMods {
        let mut m = VarMods::default();
        loop {
            let flag = match self.kind() {
                KwLate => &mut m.is_late,
                KwFinal => &mut m.is_final,
                KwConst => &mut m.is_const,
                KwVar => &mut m.is_var,
                _ => return m,
            };
            if *flag {
                let msg = format!(
                    "The modifier '{}' was already specified.",
                    self.text(self.pos)
                );
                self.error_here(msg);
            }
            *flag = true;
            self.bump();
        }
    }

    /// After `var`/`final`: a pattern rather than a name?
    fn pattern_decl_ahead(&self) -> bool {
        match self.kind() {
            LParen => self.type_then_ident().is_none(),
            // `var <int>[a, b] = ...`, `final <String, int>{'k': v} = ...`
            LBracket | LBrace | Lt => true,
            k if k.is_identifier() => {
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
            _ => false,
        }
    }

    /// The type after variable modifiers, if the next tokens are `Type name`.
    pub(super) fn optional_var_type(&mut self) -> Option<TypeAnnotation> {
        if self.type_then_ident().is_some() {
            Some(self.parse_type())
        } else {
            None
        }
    }

    /// Declarators `a = 1, b` and the closing `;`.
    pub(super) fn variables(
        &mut self,
        metadata: Metadata,
        mods: VarMods,
        ty: Option<TypeAnnotation>,
        start: usize,
    ) -> VariableDecl {
        let vars = self.declarators();
        self.expect_semi();
        VariableDecl {
            metadata,
            is_static: false,
            is_late: mods.is_late,
            is_final: mods.is_final,
            is_const: mods.is_const,
            is_covariant: false,
            is_external: false,
            is_abstract: false,
            ty,
            vars,
            span: self.span_from(start),
        }
    }

    pub(super) fn declarators(&mut self) -> Vec<VariableDeclarator> {
        let mut vars = Vec::new();
        loop {
            let start = self.pos;
            let name = self.declared_name();
            let init = if self.eat(Eq) {
                Some(self.expr())
            } else {
                None
            };
            vars.push(VariableDeclarator {
                name,
                init,
                span: self.span_from(start),
            });
            if !self.eat(Comma) {
                return vars;
            }
        }
    }

    fn labeled_stmt(&mut self) -> StmtKind {
        let mut labels = Vec::new();
        while self.at_ident() && self.peek(1) == Colon {
            labels.push(self.ident());
            self.bump();
        }
        let body = Box::new(self.statement());
        StmtKind::Labeled { labels, body }
    }

    fn if_stmt(&mut self) -> StmtKind {
        self.bump();
        let (condition, case) = self.if_condition();
        let then = Box::new(self.statement());
        let otherwise = if self.eat(KwElse) {
            Some(Box::new(self.statement()))
        } else {
            None
        };
        StmtKind::If {
            condition,
            case,
            then,
            otherwise,
        }
    }

    fn while_stmt(&mut self) -> StmtKind {
        self.bump();
        let condition = self.paren_expr();
        let body = Box::new(self.statement());
        StmtKind::While { condition, body }
    }

    fn do_stmt(&mut self) -> StmtKind {
        self.bump();
        let body = Box::new(self.statement());
        if !self.eat(KwWhile) {
            self.error_here("Expected to find 'while'.");
        }
        let condition = self.paren_expr();
        self.expect_semi();
        StmtKind::DoWhile { body, condition }
    }

    fn for_stmt(&mut self, is_await: bool) -> StmtKind {
        self.bump();
        let header = self.for_header(is_await);
        let body = Box::new(self.statement());
        match header {
            ForHeader::Classic {
                init,
                condition,
                updates,
            } => StmtKind::For {
                init,
                condition,
                updates,
                body,
            },
            ForHeader::In { binding, iterable } => StmtKind::ForIn {
                is_await,
                binding,
                iterable,
                body,
            },
        }
    }

    /// `( init; cond; updates )` or `( binding in iterable )` after `for`.
    pub(super) fn for_header(&mut self, is_await: bool) -> ForHeader {
        let open = self.pos;
        if !self.expect(LParen) {
            return ForHeader::Classic {
                init: None,
                condition: None,
                updates: Vec::new(),
            };
        }
        let header = match self.for_init() {
            ForStart::In(binding) => {
                self.bump();
                let iterable = self.expr();
                ForHeader::In { binding, iterable }
            }
            ForStart::Init(init) => {
                if is_await {
                    self.error_here("Expected to find 'in'.");
                }
                self.classic_for_rest(init)
            }
        };
        self.expect_closer(open, RParen);
        header
    }

    fn classic_for_rest(&mut self, init: Option<ForInit>) -> ForHeader {
        let condition = if self.at(Semicolon) {
            None
        } else {
            Some(self.expr())
        };
        self.expect_semi();
        let mut updates = Vec::new();
        while !self.at(RParen) && !self.at(Eof) {
            updates.push(self.expr());
            if !self.eat(Comma) {
                break;
            }
        }
        ForHeader::Classic {
            init,
            condition,
            updates,
        }
    }

    /// The part before `in` or the first `;`.
    fn for_init(&mut self) -> ForStart {
        if self.eat(Semicolon) {
            return ForStart::Init(None);
        }
        let start = self.pos;
        if matches!(self.kind(), KwVar | KwFinal | KwConst | KwLate | At) {
            let _ = self.metadata();
            let mods = self.var_mods();
            if (mods.is_var || mods.is_final) && self.pattern_decl_ahead() {
                let pattern = self.pattern(PatCtx::Declaration);
                if self.at(KwIn) {
                    return ForStart::In(ForInBinding::Pattern {
                        is_final: mods.is_final,
                        pattern,
                    });
                }
                self.expect(Eq);
                let init = self.expr();
                self.expect_semi();
                return ForStart::Init(Some(ForInit::Pattern {
                    is_final: mods.is_final,
                    pattern,
                    init,
                }));
            }
            let ty = self.optional_var_type();
            return self.for_variables(mods, ty, start);
        }
        if let Some(j) = self.type_then_ident() {
            if matches!(self.kind_at(j + 1), KwIn | Eq | Semicolon | Comma) {
                let ty = Some(self.parse_type());
                return self.for_variables(VarMods::default(), ty, start);
            }
        }
        let first = self.expr();
        if self.at(KwIn) {
            return ForStart::In(ForInBinding::Target(first));
        }
        let mut exprs = vec![first];
        while self.eat(Comma) {
            exprs.push(self.expr());
        }
        self.expect_semi();
        ForStart::Init(Some(ForInit::Exprs(exprs)))
    }

    fn for_variables(
        &mut self,
        mods: VarMods,
        ty: Option<TypeAnnotation>,
        start: usize,
    ) -> ForStart {
        if self.at_ident() && self.peek(1) == KwIn {
            let name = self.ident();
            return ForStart::In(ForInBinding::Variable {
                is_final: mods.is_final,
                ty,
                name,
            });
        }
        let decl = self.variables(Vec::new(), mods, ty, start);
        ForStart::Init(Some(ForInit::Variables(decl)))
    }

    fn switch_stmt(&mut self) -> StmtKind {
        self.bump();
        let subject = self.paren_expr();
        let open = self.pos;
        let mut cases = Vec::new();
        if !self.expect(LBrace) {
            return StmtKind::Switch { subject, cases };
        }
        while !self.at(RBrace) && !self.at(Eof) {
            let before = self.pos;
            match self.switch_case() {
                Some(case) => cases.push(case),
                None => {
                    let msg = "Expected to find 'case'.";
                    self.error_here(msg);
                }
            }
            if self.pos == before {
                self.bump();
            }
        }
        self.expect_closer(open, RBrace);
        StmtKind::Switch { subject, cases }
    }

    /// Labels and `case`/`default` heads sharing one body, then the body.
    fn switch_case(&mut self) -> Option<SwitchCase> {
        let start = self.pos;
        let mut labels = Vec::new();
        let mut heads = Vec::new();
        let mut is_default = false;
        loop {
            if self.at_ident() && self.peek(1) == Colon {
                labels.push(self.ident());
                self.bump();
            } else if self.at(KwCase) {
                self.bump();
                heads.push(self.case_head());
                self.expect(Colon);
            } else if self.at(KwDefault) {
                self.bump();
                is_default = true;
                self.expect(Colon);
            } else {
                break;
            }
        }
        if heads.is_empty() && !is_default {
            return None;
        }
        let body = self.case_body();
        Some(SwitchCase {
            labels,
            heads,
            is_default,
            body,
            span: self.span_from(start),
        })
    }

    fn case_body(&mut self) -> Vec<Stmt> {
        let mark = self.stmt_buf.len();
        while !matches!(self.kind(), RBrace | Eof | KwCase | KwDefault) && !self.label_before_case()
        {
            let before = self.pos;
            let errors = self.diags.items.len();
            let stmt = self.statement();
            self.stmt_buf.push(stmt);
            self.recover_to_sync(errors, before);
            if self.pos == before {
                self.bump();
            }
        }
        self.stmt_buf.drain(mark..).collect()
    }

    /// `label: case ...` starts the next case rather than labelling a statement.
    fn label_before_case(&self) -> bool {
        let mut i = self.pos;
        while self.kind_at(i).is_identifier() && self.kind_at(i + 1) == Colon {
            i += 2;
        }
        i > self.pos && matches!(self.kind_at(i), KwCase | KwDefault)
    }

    fn try_stmt(&mut self) -> StmtKind {
        let try_tok = self.pos;
        self.bump();
        let body = self.block();
        let mut catches = Vec::new();
        while matches!(self.kind(), KwOn | KwCatch) {
            catches.push(self.catch_clause());
        }
        let finally = if self.eat(KwFinally) {
            Some(self.block())
        } else {
            None
        };
        if catches.is_empty() && finally.is_none() {
            let span = self.tok_span(try_tok);
            self.error_at(
                try_tok,
                span,
                "A try block must be followed by an 'on', 'catch', or 'finally' clause.",
            );
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        }
    }

    fn catch_clause(&mut self) -> CatchClause {
        let start = self.pos;
        let on_type = if self.eat(KwOn) {
            Some(self.parse_type())
        } else {
            None
        };
        let mut exception = None;
        let mut stack_trace = None;
        if self.at(KwCatch) {
            self.bump();
            let open = self.pos;
            if self.expect(LParen) {
                exception = Some(self.ident());
                if self.eat(Comma) {
                    stack_trace = Some(self.ident());
                }
                self.expect_closer(open, RParen);
            }
        }
        let body = self.block();
        CatchClause {
            on_type,
            exception,
            stack_trace,
            body,
            span: self.span_from(start),
        }
    }

    fn jump_stmt(&mut self) -> StmtKind {
        let is_break = self.bump().kind == KwBreak;
        let label = if self.at_ident() {
            Some(self.ident())
        } else {
            None
        };
        self.expect_semi();
        if is_break {
            StmtKind::Break(label)
        } else {
            StmtKind::Continue(label)
        }
    }

    fn return_stmt(&mut self) -> StmtKind {
        self.bump();
        let value = if self.at(Semicolon) {
            None
        } else {
            Some(self.expr())
        };
        self.expect_semi();
        StmtKind::Return(value)
    }

    fn yield_stmt(&mut self) -> StmtKind {
        self.bump();
        let is_star = self.eat(Star);
        let value = self.expr();
        self.expect_semi();
        StmtKind::Yield { is_star, value }
    }

    fn assert_stmt(&mut self) -> StmtKind {
        self.bump();
        let (condition, message) = self.assert_args();
        self.expect_semi();
        StmtKind::Assert { condition, message }
    }

    /// `(condition [, message] [,])` after `assert`.
    pub(super) fn assert_args(&mut self) -> (Expr, Option<Expr>) {
        let open = self.pos;
        self.bump();
        let condition = self.expr();
        let mut message = None;
        if self.eat(Comma) && !self.at(RParen) {
            message = Some(self.expr());
            self.eat(Comma);
        }
        self.expect_closer(open, RParen);
        (condition, message)
    }
}
