//! Lowering statements: blocks and local declarations, `if`, the three loops and `for-in`
//! to `Loop` with explicit condition checks and labels (with a fresh box per iteration
//! for captured `for` variables), `switch` on constants to a labelled if-chain, `try`,
//! `break`/`continue`/`return`, and `assert`.

use super::body::{CaseTarget, LabelKind, Lower};
use super::check::FlowTarget;
use super::flow;
use super::functions::block;
use super::promotion::{FlowKey, FlowState};
use super::{messages, types};
use crate::front::ast::{self, AsyncKind, ForInBinding, ForInit, StmtKind as S};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, DartType, ExprKind, FunctionKind, LabelId, LocalId, StmtKind};
use std::collections::HashSet;

fn stmt(kind: StmtKind, span: Span) -> ir::Stmt {
    ir::Stmt { kind, span }
}

fn empty(span: Span) -> ir::Stmt {
    stmt(StmtKind::Block(Vec::new()), span)
}

/// A loop's labels and the locals it assigns (their promotions do not hold at its head).
pub(super) struct LoopHead {
    pub labels: Vec<Symbol>,
    pub writes: HashSet<Symbol>,
}

/// A loop body to lower: a statement, or (for collection literals) an element.
pub(super) type BodyFn<'b, 'r, 'a> = &'b mut dyn FnMut(&mut Lower<'r, 'a>) -> ir::Stmt;

impl<'r, 'a> Lower<'r, 'a> {
    pub fn lower_block(&mut self, b: &'a ast::Block) -> ir::Stmt {
        self.push_scope();
        self.predeclare(&b.stmts);
        let stmts = b.stmts.iter().map(|s| self.lower_stmt(s)).collect();
        self.pop_scope();
        stmt(StmtKind::Block(stmts), b.span)
    }

    /// A statement in its own scope (bodies of `if` and loops).
    fn lower_scoped(&mut self, s: &'a ast::Stmt) -> ir::Stmt {
        self.push_scope();
        let out = self.lower_stmt(s);
        self.pop_scope();
        out
    }

    pub fn lower_stmt(&mut self, s: &'a ast::Stmt) -> ir::Stmt {
        let span = s.span;
        self.condition_states = None;
        match &s.kind {
            S::Block(b) => self.lower_block(b),
            S::Expr(e) => {
                // A postfix increment whose value is unused is a prefix one.
                let e = match &e.kind {
                    ast::ExprKind::Postfix { op, target } => {
                        self.lower_inc_dec(*op, target, true, e.span)
                    }
                    _ => self.lower_expr(e),
                };
                if e.ty == DartType::Never {
                    self.mark_unreachable();
                }
                stmt(StmtKind::Expr(e), span)
            }
            S::Variables(v) => self.lower_variables(v, span),
            S::LocalFunction(f) => self.lower_local_function(f),
            S::If {
                condition,
                case,
                then,
                otherwise,
            } => {
                if let Some(head) = case {
                    return self.lower_if_case(condition, head, then, otherwise.as_deref(), span);
                }
                let c = self.lower_condition(condition);
                let (when_true, when_false) = self.condition_outcomes(condition);
                self.set_flow_state(when_true);
                let then = Box::new(self.lower_scoped(then));
                let after_then = self.take_flow_state();
                self.set_flow_state(when_false);
                let otherwise = otherwise.as_ref().map(|o| Box::new(self.lower_scoped(o)));
                let after = FlowState::join(&after_then, self.flow_state());
                self.set_flow_state(after);
                let condition = c;
                stmt(
                    StmtKind::If {
                        condition,
                        then,
                        otherwise,
                    },
                    span,
                )
            }
            S::For {
                init,
                condition,
                updates,
                body,
            } => {
                let labels = self.take_pending_labels();
                // What the loop repeats: not its initialiser.
                let mut repeated: Vec<&ast::Expr> = updates.iter().collect();
                repeated.extend(condition.as_ref());
                let writes = flow::assigned_names(&[body], &repeated);
                self.lower_for(
                    LoopHead { labels, writes },
                    init.as_ref(),
                    condition.as_ref(),
                    updates,
                    span,
                    &mut |l| l.lower_scoped(body),
                )
            }
            S::ForIn {
                is_await,
                binding,
                iterable,
                body,
            } => {
                let labels = self.take_pending_labels();
                // The binding's assignment is not a write the loop's head must forget:
                // the element type is what it assigns.
                let writes = flow::assigned_names(&[body], &[]);
                if *is_await {
                    self.await_check(span);
                    return self.lower_await_for(
                        LoopHead { labels, writes },
                        binding,
                        iterable,
                        span,
                        &mut |l| l.lower_scoped(body),
                    );
                }
                self.lower_for_in(
                    LoopHead { labels, writes },
                    binding,
                    iterable,
                    span,
                    &mut |l| l.lower_scoped(body),
                )
            }
            S::While { condition, body } => {
                let writes = flow::assigned_names(&[s], &[]);
                self.lower_while(condition, body, writes, span)
            }
            S::DoWhile { body, condition } => {
                let writes = flow::assigned_names(&[s], &[]);
                self.lower_do_while(body, condition, writes, span)
            }
            S::Switch { subject, cases } => self.lower_switch(subject, cases, span),
            S::Break(label) => match self.find_label(*label, false, span) {
                Some(l) => {
                    self.jump_to(l, true);
                    stmt(StmtKind::Break(l), span)
                }
                None => empty(span),
            },
            S::Continue(label) if self.find_case_label(*label).is_some() => {
                let out = self.continue_to_case(*label, span);
                self.mark_unreachable();
                out
            }
            S::Continue(label) => match self.find_label(*label, true, span) {
                Some(l) => {
                    self.jump_to(l, false);
                    stmt(StmtKind::Continue(l), span)
                }
                None => empty(span),
            },
            S::Return(value) => {
                self.check_return_form(value.is_some(), span);
                let ret = self.frame_ref().return_type.clone();
                let value = value.as_ref().map(|v| match &ret {
                    DartType::Void | DartType::Dynamic => self.lower_expr(v),
                    t => self.lower_expr_in(v, t),
                });
                if let Some(v) = &value {
                    self.check_return(v);
                }
                let value = match value {
                    None if self.frame_ref().returns_this => Some(self.this_expr(span)),
                    v => v,
                };
                self.mark_unreachable();
                stmt(StmtKind::Return(value), span)
            }
            S::Yield { is_star, value } => self.lower_yield(*is_star, value, span),
            S::Try {
                body,
                catches,
                finally,
            } => self.lower_try(body, catches, finally.as_ref(), span),
            S::Rethrow => {
                if self.frame_ref().catch_depth == 0 {
                    self.r.error(span, messages::rethrow_outside_catch());
                }
                self.mark_unreachable();
                stmt(StmtKind::Rethrow, span)
            }
            S::Assert { condition, message } => self
                .lower_assert(condition, message.as_ref(), span)
                .unwrap_or_else(|| empty(span)),
            S::Labeled { labels, body } => self.lower_labeled(labels, body, span),
            S::Empty => empty(span),
            S::PatternVariables {
                is_final,
                pattern,
                init,
            } => {
                let value = self.lower_in_pattern_context(pattern, init);
                let stmts = self.destructure(pattern, value, *is_final, span);
                stmt(StmtKind::Block(stmts), span)
            }
        }
    }

    /// The context `for (binding in e)` gives `e`: `Iterable<T>` (or `Stream<T>`) for the
    /// binding's declared type or pattern schema `T`.
    fn binding_context(&mut self, binding: &'a ForInBinding, collection: &str) -> Option<DartType> {
        let element = match binding {
            ForInBinding::Variable { ty: Some(t), .. } => self.resolve_type(t),
            ForInBinding::Pattern { pattern, .. } => self.pattern_schema(pattern)?,
            _ => return None,
        };
        let class = match collection {
            "Stream" => self.r.async_class("Stream")?,
            _ => self.r.core_class(collection)?,
        };
        Some(self.r.interface_type(class, vec![element], false))
    }

    /// A condition: must be a `bool`.
    pub fn lower_condition(&mut self, e: &'a ast::Expr) -> ir::Expr {
        let c = self.lower_expr(e);
        let b = self.r.core_type("bool");
        self.check_assignable(&c, &b, FlowTarget::Variable);
        self.coerce(c, &b)
    }

    fn lower_variables(&mut self, v: &'a ast::VariableDecl, span: Span) -> ir::Stmt {
        let declared = v.ty.as_ref().map(|t| self.resolve_type(t));
        let mut out = Vec::new();
        for d in &v.vars {
            out.push(self.lower_declarator(v, d, declared.clone()));
        }
        if out.len() == 1 {
            return out.pop().unwrap_or_else(|| empty(span));
        }
        stmt(StmtKind::Block(out), span)
    }

    fn lower_declarator(
        &mut self,
        v: &'a ast::VariableDecl,
        d: &'a ast::VariableDeclarator,
        declared: Option<DartType>,
    ) -> ir::Stmt {
        if let (true, Some(init)) = (v.is_late, &d.init) {
            return self.lower_lazy_local(v, d, init, declared);
        }
        if v.is_late {
            return self.lower_late_unassigned_local(v, d, declared);
        }
        if v.is_const && d.init.is_none() {
            self.r.error(
                d.name.span,
                messages::const_without_initializer(d.name.name),
            );
        }
        let init = d.init.as_ref().map(|e| {
            if v.is_const {
                let c = self.eval_const(e, declared.as_ref());
                if let Some(c) = c {
                    return self.const_expr(c, e.span);
                }
                if self.r.const_error.is_some() {
                    self.r.report_const_error();
                    return self.null(e.span);
                }
            }
            match &declared {
                Some(t) => self.lower_expr_in(e, t),
                None => self.lower_expr(e),
            }
        });
        let ty = match (&declared, &init) {
            (Some(t), _) => t.clone(),
            (None, Some(e)) => inferred_local_type(&e.ty),
            (None, None) => DartType::Dynamic,
        };
        let certain = match (&declared, &init) {
            (Some(t), Some(e)) => {
                self.check_assignable(e, t, FlowTarget::Variable);
                true
            }
            (Some(_), None) => true,
            (None, Some(e)) => self.certain_type(e).as_ref() == Some(&ty),
            (None, None) => false,
        };
        let init = init.map(|e| self.coerce(e, &ty));
        let local = self.declare_local(d.name, ty.clone(), v.is_final || v.is_const);
        if init.is_none() && !v.is_const {
            self.needs_assignment(local, v.is_final && !v.is_late);
        }
        if certain {
            self.frame().certain_locals.insert(local);
        }
        self.frame().locals[local.index()].is_late = v.is_late;
        if ty.is_nullable() && !matches!(ty, DartType::Dynamic) && init.is_some() {
            // Initialising is assigning: a non-null value promotes the local.
            self.frame().flow_sensitive.insert(local);
            if self.flow.closure_assigned.contains(&d.name.name) {
                self.frame().untracked.insert(local);
            }
        }
        self.note_initialiser(local, init.as_ref());
        if v.is_const {
            if let Some(ir::Expr {
                kind: ExprKind::Const(c),
                ..
            }) = &init
            {
                let c = *c;
                self.frame().const_locals.insert(local, c);
            }
        }
        stmt(StmtKind::VarDecl { local, init }, d.span)
    }

    /// A local declared without an initialiser: definite assignment follows it, unless a
    /// closure assigns it (a non-`late` `final` one is followed anyway: no closure may
    /// assign it).
    fn needs_assignment(&mut self, local: LocalId, final_not_late: bool) {
        let name = self.frame_ref().locals[local.index()].name;
        if final_not_late || !self.flow.closure_assigned.contains(&name) {
            self.frame().needs_assignment.insert(local);
        }
    }

    /// A declaration's initialiser is its first assignment (`int? x = 0;` promotes `x`).
    fn note_initialiser(&mut self, local: LocalId, init: Option<&ir::Expr>) {
        let frame = self.frame_ref();
        let tracked = frame.flow_sensitive.contains(&local) && !frame.untracked.contains(&local);
        if let (true, Some(init)) = (tracked, init) {
            let key: FlowKey = ((self.frames.len() - 1) as u32, local);
            self.note_local_write(key, &init.ty);
        }
    }

    /// `late T x = init;`: `x` stays unassigned; hidden locals hold an "assigned" flag
    /// and a closure computing `init`, which the first read of `x` runs.
    fn lower_lazy_local(
        &mut self,
        v: &'a ast::VariableDecl,
        d: &'a ast::VariableDeclarator,
        init: &'a ast::Expr,
        declared: Option<DartType>,
    ) -> ir::Stmt {
        let span = d.span;
        let ty = declared.unwrap_or(DartType::Dynamic);
        let local = self.declare_local(d.name, ty.clone(), v.is_final);
        self.frame().locals[local.index()].is_late = true;
        let bool_ty = self.r.core_type("bool");
        let flag_name = ast::Ident {
            name: super::closures::lazy_name(d.name.name, "set"),
            span: d.name.span,
        };
        let flag = self.declare_local(flag_name, bool_ty, false);
        let no = self.constant(ir::Constant::Bool(false), span);
        let thunk = self.lower_thunk(init, &ty, init.span);
        let thunk_name = ast::Ident {
            name: super::closures::lazy_name(d.name.name, "init"),
            span: d.name.span,
        };
        let thunk_local = self.declare_local(thunk_name, DartType::any_function(false), true);
        let closure = self.expr(
            ExprKind::Closure(thunk),
            span,
            DartType::any_function(false),
        );
        let stmts = vec![
            stmt(StmtKind::VarDecl { local, init: None }, span),
            stmt(
                StmtKind::VarDecl {
                    local: flag,
                    init: Some(no),
                },
                span,
            ),
            stmt(
                StmtKind::VarDecl {
                    local: thunk_local,
                    init: Some(closure),
                },
                span,
            ),
        ];
        stmt(StmtKind::Block(stmts), span)
    }

    /// `late T x;`: a hidden "assigned" flag, checked by every read (an unassigned read
    /// throws LateInitializationError) and set by every write.
    fn lower_late_unassigned_local(
        &mut self,
        v: &'a ast::VariableDecl,
        d: &'a ast::VariableDeclarator,
        declared: Option<DartType>,
    ) -> ir::Stmt {
        let span = d.span;
        let ty = declared.unwrap_or(DartType::Dynamic);
        let local = self.declare_local(d.name, ty, v.is_final);
        self.frame().locals[local.index()].is_late = true;
        // A closure may assign a `late final` local.
        self.needs_assignment(local, false);
        let bool_ty = self.r.core_type("bool");
        let flag_name = ast::Ident {
            name: super::closures::lazy_name(d.name.name, "set"),
            span: d.name.span,
        };
        let flag = self.declare_local(flag_name, bool_ty, false);
        let no = self.constant(ir::Constant::Bool(false), span);
        let stmts = vec![
            stmt(StmtKind::VarDecl { local, init: None }, span),
            stmt(
                StmtKind::VarDecl {
                    local: flag,
                    init: Some(no),
                },
                span,
            ),
        ];
        stmt(StmtKind::Block(stmts), span)
    }

    fn take_pending_labels(&mut self) -> Vec<Symbol> {
        std::mem::take(&mut self.pending_labels)
    }

    fn lower_labeled(
        &mut self,
        labels: &'a [ast::Ident],
        body: &'a ast::Stmt,
        span: Span,
    ) -> ir::Stmt {
        let names: Vec<Symbol> = labels.iter().map(|l| l.name).collect();
        let is_loop = matches!(
            body.kind,
            S::For { .. }
                | S::ForIn { .. }
                | S::While { .. }
                | S::DoWhile { .. }
                | S::Switch { .. }
        );
        if is_loop {
            self.pending_labels.extend(names);
            return self.lower_stmt(body);
        }
        let label = self.new_label(names, LabelKind::Block);
        let inner = self.lower_stmt(body);
        let (breaks, _) = self.pop_label_jumps();
        self.join_jumps(breaks);
        stmt(
            StmtKind::Labeled {
                label,
                body: Box::new(inner),
            },
            span,
        )
    }

    /// `if (!condition) break label;`
    fn exit_unless(&mut self, condition: ir::Expr, label: LabelId) -> ir::Stmt {
        let span = condition.span;
        let bool_ty = self.r.core_type("bool");
        let negated = self.expr(ExprKind::Not(Box::new(condition)), span, bool_ty);
        stmt(
            StmtKind::If {
                condition: negated,
                then: Box::new(stmt(StmtKind::Break(label), span)),
                otherwise: None,
            },
            span,
        )
    }

    /// `for (init; condition; updates) body`; captured loop variables get a fresh box
    /// before the updates run.
    pub(super) fn lower_for(
        &mut self,
        head: LoopHead,
        init: Option<&'a ForInit>,
        condition: Option<&'a ast::Expr>,
        updates: &'a [ast::Expr],
        span: Span,
        body: BodyFn<'_, 'r, 'a>,
    ) -> ir::Stmt {
        self.push_scope();
        let mut outer = Vec::new();
        let mut loop_vars: Vec<LocalId> = Vec::new();
        match init {
            Some(ForInit::Variables(v)) => {
                let first = self.frame_ref().locals.len();
                outer.push(self.lower_variables(v, span));
                let last = self.frame_ref().locals.len();
                loop_vars.extend((first..last).map(|i| LocalId(i as u32)));
            }
            Some(ForInit::Exprs(es)) => {
                for e in es {
                    let e = self.lower_expr(e);
                    outer.push(stmt(StmtKind::Expr(e), span));
                }
            }
            Some(ForInit::Pattern {
                is_final,
                pattern,
                init,
            }) => {
                // The pattern's variables are the loop variables: fresh per iteration when
                // captured, as for `for (var i = 0; ...)`.
                let first = self.frame_ref().locals.len();
                let value = self.lower_in_pattern_context(pattern, init);
                outer.extend(self.destructure(pattern, value, *is_final, span));
                let last = self.frame_ref().locals.len();
                loop_vars.extend((first..last).map(|i| LocalId(i as u32)));
            }
            None => {}
        }
        self.demote_here(&head.writes);
        let label = self.new_label(head.labels, LabelKind::Loop);
        let mut inner = Vec::new();
        let exit = match condition {
            Some(c) => {
                let lowered = self.lower_condition(c);
                let (when_true, when_false) = self.condition_outcomes(c);
                self.set_flow_state(when_true);
                inner.push(self.exit_unless(lowered, label));
                when_false
            }
            None => self.flow_state().unreachable(),
        };
        inner.push(body(self));
        let (breaks, continues) = self.pop_label_jumps();
        self.join_jumps(continues);
        let mut update: Vec<ir::Stmt> = updates
            .iter()
            .map(|u| {
                let e = self.lower_expr(u);
                stmt(StmtKind::Expr(e), u.span)
            })
            .collect();
        self.set_flow_state(exit);
        self.join_jumps(breaks);
        let fresh: Vec<ir::Stmt> = loop_vars
            .iter()
            .filter(|l| self.frame_ref().locals[l.index()].captured)
            .map(|l| stmt(StmtKind::FreshBox(*l), span))
            .collect();
        update.splice(0..0, fresh);
        self.pop_scope();
        outer.push(stmt(
            StmtKind::Loop {
                label,
                body: Box::new(block(inner, span)),
                update: if update.is_empty() {
                    None
                } else {
                    Some(Box::new(block(update, span)))
                },
            },
            span,
        ));
        block(outer, span)
    }

    /// `for (x in iterable) body` through `iterator`, `moveNext()` and `current`.
    pub(super) fn lower_for_in(
        &mut self,
        head: LoopHead,
        binding: &'a ForInBinding,
        iterable: &'a ast::Expr,
        span: Span,
        body: BodyFn<'_, 'r, 'a>,
    ) -> ir::Stmt {
        self.context_type = self.binding_context(binding, "Iterable");
        let iterable = self.lower_expr(iterable);
        self.check_for_in_iterable(&iterable, "Iterable", iterable.span);
        // A `dynamic` iterable is implicitly cast to `Iterable<dynamic>` (a TypeError,
        // not a missing `iterator` getter, when it is not one).
        let iterable = match (&iterable.ty, self.r.core_class("Iterable")) {
            (DartType::Dynamic, Some(c)) => {
                let target = self.r.interface_type(c, vec![DartType::Dynamic], false);
                self.coerce(iterable, &target)
            }
            _ => iterable,
        };
        let element = self.element_type(&iterable.ty);
        let iterator_ty = match self.r.core_class("Iterator") {
            Some(c) => self.r.interface_type(c, vec![element.clone()], false),
            None => DartType::Dynamic,
        };
        let get_iterator = self.instance_get(
            iterable,
            Symbol::intern("iterator"),
            span,
            iterator_ty.clone(),
        );
        let it = self.temp(iterator_ty, span);
        if let ForInBinding::Target(t) = binding {
            self.note_loop_target(t);
        }
        self.demote_here(&head.writes);
        let label = self.new_label(head.labels, LabelKind::Loop);
        let head = self.flow_state().clone();
        let it_get = self.local_get(it, span);
        let bool_ty = self.r.core_type("bool");
        let move_next = self.expr(
            ExprKind::InstanceCall {
                receiver: Box::new(it_get),
                selector: Symbol::intern("moveNext"),
                args: ir::Args::default(),
            },
            span,
            bool_ty,
        );
        let mut inner = vec![self.exit_unless(move_next, label)];
        self.push_scope();
        let it_get = self.local_get(it, span);
        let current = self.instance_get(it_get, Symbol::intern("current"), span, element.clone());
        match binding {
            ForInBinding::Variable { is_final, ty, name } => {
                let ty = match ty {
                    Some(t) => self.resolve_type(t),
                    None => element,
                };
                let current = self.coerce(current, &ty);
                let local = self.declare_local(*name, ty, *is_final);
                inner.push(stmt(
                    StmtKind::VarDecl {
                        local,
                        init: Some(current),
                    },
                    name.span,
                ));
            }
            ForInBinding::Target(target) => {
                let assign = self.assign_value(target, current, span);
                inner.push(stmt(StmtKind::Expr(assign), span));
            }
            ForInBinding::Pattern { is_final, pattern } => {
                inner.extend(self.destructure(pattern, current, *is_final, span));
            }
        }
        inner.push(body(self));
        self.pop_scope();
        let (breaks, _) = self.pop_label_jumps();
        self.set_flow_state(head);
        self.join_jumps(breaks);
        let init = stmt(
            StmtKind::VarDecl {
                local: it,
                init: Some(get_iterator),
            },
            span,
        );
        let lp = stmt(
            StmtKind::Loop {
                label,
                body: Box::new(block(inner, span)),
                update: None,
            },
            span,
        );
        block(vec![init, lp], span)
    }

    /// `await for (binding in stream) body`, as the Dart front end lowers it:
    /// `var it = _awaitForIterator(stream); try { while (await it.moveNext()) { binding =
    /// it.current; body } } finally { var c = _awaitForCancel(it); if (c != null) await c; }`
    /// (the iterator pauses the subscription between elements; leaving the loop early
    /// cancels it and waits for the cancel).
    pub(super) fn lower_await_for(
        &mut self,
        head: LoopHead,
        binding: &'a ForInBinding,
        stream: &'a ast::Expr,
        span: Span,
        body: BodyFn<'_, 'r, 'a>,
    ) -> ir::Stmt {
        self.context_type = self.binding_context(binding, "Stream");
        let stream = self.lower_expr(stream);
        self.check_for_in_iterable(&stream, "Stream", stream.span);
        let element = self.stream_element_type(&stream.ty);
        let (Some(make), Some(cancel)) = (
            self.r.async_function("_awaitForIterator"),
            self.r.async_function("_awaitForCancel"),
        ) else {
            self.r.unsupported(span, "await for without dart:async");
            return empty(span);
        };
        let make_iterator = self.static_call(
            make,
            ir::Args {
                positional: vec![stream],
                ..Default::default()
            },
            span,
        );
        let it = self.temp(DartType::Dynamic, span);
        if let ForInBinding::Target(t) = binding {
            self.note_loop_target(t);
        }
        self.demote_here(&head.writes);
        let label = self.new_label(head.labels, LabelKind::Loop);
        let head = self.flow_state().clone();
        let bool_ty = self.r.core_type("bool");
        let it_get = self.local_get(it, span);
        let move_next = self.expr(
            ExprKind::InstanceCall {
                receiver: Box::new(it_get),
                selector: Symbol::intern("moveNext"),
                args: ir::Args::default(),
            },
            span,
            DartType::Dynamic,
        );
        let has_next = self.expr(
            ExprKind::Await(Box::new(move_next)),
            span,
            DartType::Dynamic,
        );
        let has_next = self.coerce(has_next, &bool_ty);
        let mut inner = vec![self.exit_unless(has_next, label)];
        self.push_scope();
        let it_get = self.local_get(it, span);
        let current = self.instance_get(it_get, Symbol::intern("current"), span, element.clone());
        inner.extend(self.bind_loop_element(binding, current, element, span));
        inner.push(body(self));
        self.pop_scope();
        let (breaks, _) = self.pop_label_jumps();
        self.set_flow_state(head);
        self.join_jumps(breaks);
        let lp = stmt(
            StmtKind::Loop {
                label,
                body: Box::new(block(inner, span)),
                update: None,
            },
            span,
        );
        let it_get = self.local_get(it, span);
        let cancel_future = self.static_call(
            cancel,
            ir::Args {
                positional: vec![it_get],
                ..Default::default()
            },
            span,
        );
        let c = self.temp(DartType::Dynamic, span);
        let c_get = self.local_get(c, span);
        let null = self.null(span);
        let is_null = self.expr(
            ExprKind::Identical(Box::new(c_get), Box::new(null)),
            span,
            bool_ty.clone(),
        );
        let c_get = self.local_get(c, span);
        let await_cancel = self.expr(ExprKind::Await(Box::new(c_get)), span, DartType::Dynamic);
        let finally = block(
            vec![
                stmt(
                    StmtKind::VarDecl {
                        local: c,
                        init: Some(cancel_future),
                    },
                    span,
                ),
                stmt(
                    StmtKind::If {
                        condition: self.expr(ExprKind::Not(Box::new(is_null)), span, bool_ty),
                        then: Box::new(stmt(StmtKind::Expr(await_cancel), span)),
                        otherwise: None,
                    },
                    span,
                ),
            ],
            span,
        );
        let init = stmt(
            StmtKind::VarDecl {
                local: it,
                init: Some(make_iterator),
            },
            span,
        );
        let guarded = stmt(
            StmtKind::Try {
                body: Box::new(lp),
                catches: Vec::new(),
                finally: Some(Box::new(finally)),
            },
            span,
        );
        block(vec![init, guarded], span)
    }

    /// Binds a loop's element (`for (final x in ...)`, `for (x in ...)`, patterns).
    fn bind_loop_element(
        &mut self,
        binding: &'a ForInBinding,
        current: ir::Expr,
        element: DartType,
        span: Span,
    ) -> Vec<ir::Stmt> {
        match binding {
            ForInBinding::Variable { is_final, ty, name } => {
                let ty = match ty {
                    Some(t) => self.resolve_type(t),
                    None => element,
                };
                let current = self.coerce(current, &ty);
                let local = self.declare_local(*name, ty, *is_final);
                vec![stmt(
                    StmtKind::VarDecl {
                        local,
                        init: Some(current),
                    },
                    name.span,
                )]
            }
            ForInBinding::Target(target) => {
                let assign = self.assign_value(target, current, span);
                vec![stmt(StmtKind::Expr(assign), span)]
            }
            ForInBinding::Pattern { is_final, pattern } => {
                self.destructure(pattern, current, *is_final, span)
            }
        }
    }

    /// The element type of a `Stream<E>` static type (`dynamic` otherwise).
    fn stream_element_type(&self, ty: &DartType) -> DartType {
        let Some(stream) = self.r.async_class("Stream") else {
            return DartType::Dynamic;
        };
        let non_null = types::make_non_nullable(ty.clone());
        match self.r.supertype_args(&non_null, stream) {
            Some(args) => args.into_iter().next().unwrap_or(DartType::Dynamic),
            None => DartType::Dynamic,
        }
    }

    /// The element type of an `Iterable<E>` static type (`dynamic` otherwise).
    pub(super) fn element_type(&self, ty: &DartType) -> DartType {
        let Some(iterable) = self.r.core_class("Iterable") else {
            return DartType::Dynamic;
        };
        let non_null = types::make_non_nullable(ty.clone());
        match self.r.supertype_args(&non_null, iterable) {
            Some(args) => args.into_iter().next().unwrap_or(DartType::Dynamic),
            None => DartType::Dynamic,
        }
    }

    fn lower_while(
        &mut self,
        condition: &'a ast::Expr,
        body: &'a ast::Stmt,
        writes: HashSet<Symbol>,
        span: Span,
    ) -> ir::Stmt {
        let labels = self.take_pending_labels();
        self.demote_here(&writes);
        let label = self.new_label(labels, LabelKind::Loop);
        let c = self.lower_condition(condition);
        let (when_true, when_false) = self.condition_outcomes(condition);
        self.set_flow_state(when_true);
        let check = self.exit_unless(c, label);
        let body = self.lower_scoped(body);
        let (breaks, _) = self.pop_label_jumps();
        self.set_flow_state(when_false);
        self.join_jumps(breaks);
        stmt(
            StmtKind::Loop {
                label,
                body: Box::new(block(vec![check, body], span)),
                update: None,
            },
            span,
        )
    }

    fn lower_do_while(
        &mut self,
        body: &'a ast::Stmt,
        condition: &'a ast::Expr,
        writes: HashSet<Symbol>,
        span: Span,
    ) -> ir::Stmt {
        let labels = self.take_pending_labels();
        self.demote_here(&writes);
        let label = self.new_label(labels, LabelKind::Loop);
        let body = self.lower_scoped(body);
        let (breaks, continues) = self.pop_label_jumps();
        self.join_jumps(continues);
        let c = self.lower_condition(condition);
        let (_, when_false) = self.condition_outcomes(condition);
        let check = self.exit_unless(c, label);
        self.set_flow_state(when_false);
        self.join_jumps(breaks);
        stmt(
            StmtKind::Loop {
                label,
                body: Box::new(body),
                update: Some(Box::new(check)),
            },
            span,
        )
    }

    fn lower_try(
        &mut self,
        body: &'a ast::Block,
        catches: &'a [ast::CatchClause],
        finally: Option<&'a ast::Block>,
        span: Span,
    ) -> ir::Stmt {
        let before = self.flow_state().clone();
        let try_writes = flow::assigned_in_block(body);
        let body = Box::new(self.lower_block(body));
        let mut ends = vec![self.take_flow_state()];
        let mut catch_writes = try_writes.clone();
        let mut out = Vec::new();
        for c in catches {
            // A catch can start anywhere in the block: what it assigns is not promoted.
            let mut entry = before.clone();
            self.demote_names(&mut entry, &try_writes);
            self.set_flow_state(entry);
            catch_writes.extend(flow::assigned_in_block(&c.body));
            self.push_scope();
            let on_type = c.on_type.as_ref().map(|t| self.resolve_type(t));
            let ex_ty = on_type.clone().unwrap_or(DartType::Dynamic);
            let exception = c.exception.map(|e| self.declare_local(e, ex_ty, true));
            let st_ty = self.r.core_type("StackTrace");
            let stack_trace = c.stack_trace.map(|s| self.declare_local(s, st_ty, true));
            self.frame().catch_depth += 1;
            let body = self.lower_block(&c.body);
            self.frame().catch_depth -= 1;
            self.pop_scope();
            ends.push(self.take_flow_state());
            out.push(ir::Catch {
                on_type,
                exception,
                stack_trace,
                body,
            });
        }
        let after = FlowState::join_all(ends).unwrap_or_default();
        let finally = finally.map(|f| {
            let mut entry = before.clone();
            self.demote_names(&mut entry, &catch_writes);
            self.set_flow_state(entry);
            let lowered = Box::new(self.lower_block(f));
            let finally_end = self.take_flow_state();
            let mut after = after.clone();
            // What the finally block assigns, it assigns last.
            let assigned = flow::assigned_in_block(f);
            let frames = &self.frames;
            let name_of = |(fi, id): &FlowKey| frames[*fi as usize].locals[id.index()].name;
            after.vars.retain(|k, _| !assigned.contains(&name_of(k)));
            for (k, v) in &finally_end.vars {
                if assigned.contains(&name_of(k)) {
                    after.vars.insert(*k, v.clone());
                }
            }
            after.unreachable |= finally_end.unreachable;
            after.assigned.extend(finally_end.assigned.iter().copied());
            after
                .maybe_assigned
                .extend(finally_end.maybe_assigned.iter().copied());
            self.set_flow_state(after);
            lowered
        });
        if finally.is_none() {
            self.set_flow_state(after);
        }
        stmt(
            StmtKind::Try {
                body,
                catches: out,
                finally,
            },
            span,
        )
    }

    /// `assert(condition, message)`: kept only when asserts are enabled (still resolved,
    /// so errors in it are reported either way).
    pub fn lower_assert(
        &mut self,
        condition: &'a ast::Expr,
        message: Option<&'a ast::Expr>,
        span: Span,
    ) -> Option<ir::Stmt> {
        let condition = self.lower_condition(condition);
        let message = message.map(|m| self.lower_expr(m));
        if !self.r.opts.enable_asserts {
            return None;
        }
        Some(stmt(StmtKind::Assert { condition, message }, span))
    }

    /// `return e;` in a generator, and `return;` where the declared return type (its
    /// future value type in an `async` function) is not `void`, `dynamic` or `Null`.
    /// Function literals and local functions are not checked (their return types are
    /// inferred), nor constructors.
    fn check_return_form(&mut self, has_value: bool, span: Span) {
        let frame = self.frame_ref();
        let (fid, async_kind, returns_this) = (frame.fid, frame.async_kind, frame.returns_this);
        if has_value {
            if matches!(async_kind, AsyncKind::SyncStar | AsyncKind::AsyncStar) {
                self.r.error(span, messages::generator_returns_value());
            }
            return;
        }
        let kind = self.r.program.functions[fid.index()].kind;
        let checked = matches!(
            kind,
            FunctionKind::Static
                | FunctionKind::Method
                | FunctionKind::Getter
                | FunctionKind::Factory
        );
        if !checked || returns_this || self.r.is_core(self.ctx.lib) {
            return;
        }
        let declared = self.r.sigs[fid.index()].return_type.clone();
        let message = match async_kind {
            AsyncKind::Sync => messages::return_without_value_sync(),
            AsyncKind::Async => messages::return_without_value_async(),
            _ => return,
        };
        let value_type = match async_kind {
            AsyncKind::Async => self.future_value_type(declared),
            _ => declared,
        };
        if !matches!(
            value_type,
            DartType::Void | DartType::Dynamic | DartType::Null
        ) {
            self.r.error(span, message);
        }
    }

    /// `T` for `Future<T>` and `FutureOr<T>`, else the type itself.
    fn future_value_type(&self, ty: DartType) -> DartType {
        if let DartType::Interface { class, args, .. } = &ty {
            let future = self.r.async_class("Future") == Some(*class);
            if future || self.r.is_future_or_class(*class) {
                return args.first().cloned().unwrap_or(DartType::Dynamic);
            }
        }
        ty
    }

    /// `continue L` to switch case `L`: select its body and go round the dispatch loop.
    fn continue_to_case(&mut self, label: Option<ast::Ident>, span: Span) -> ir::Stmt {
        let Some(target) = self.find_case_label(label) else {
            return empty(span);
        };
        let set = self.select_body(target.selected, target.body, span);
        block(
            vec![
                stmt(StmtKind::Expr(set), span),
                stmt(StmtKind::Continue(target.dispatch), span),
            ],
            span,
        )
    }

    /// `switch` whose cases are constants: a labelled chain of `if`s on `==`.
    fn lower_switch(
        &mut self,
        subject: &'a ast::Expr,
        cases: &'a [ast::SwitchCase],
        span: Span,
    ) -> ir::Stmt {
        let labels = self.take_pending_labels();
        let subject_ast = subject;
        let subject = self.lower_expr(subject);
        let subject_ty = subject.ty.clone();
        let t = self.temp(subject_ty.clone(), span);
        let label = self.new_label(labels, LabelKind::Switch);
        let dispatch = self.case_labels(cases, span);
        if dispatch.is_some() {
            // `continue L` can run any case after any other.
            let bodies: Vec<&ast::Stmt> = cases.iter().flat_map(|c| c.body.iter()).collect();
            let writes = flow::assigned_names(&bodies, &[]);
            self.demote_here(&writes);
        }
        let entry = self.flow_state().clone();
        let mut next = entry.clone();
        let mut ends = Vec::new();
        let mut arms: Vec<(Option<ir::Expr>, ir::Stmt)> = Vec::new();
        let mut decls = Vec::new();
        let mut group_start = 0;
        self.begin_pattern_cache();
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            if case.body.is_empty() && !last {
                continue;
            }
            // Cases with empty bodies share the next body (Dart 3 has no fall-through).
            let group = &cases[group_start..=i];
            group_start = i + 1;
            self.push_scope();
            self.set_flow_state(next.clone());
            let heads: Vec<&ast::CaseHead> = group.iter().flat_map(|c| c.heads.iter()).collect();
            self.promote_case_subject(subject_ast, &heads);
            let test = self.group_condition(group, t, &subject_ty, span);
            next = match heads.as_slice() {
                [head] => self.after_case_head(&next, head),
                _ => next,
            };
            decls.extend(self.take_pattern_decls(span));
            self.predeclare(&case.body);
            let body: Vec<ir::Stmt> = case.body.iter().map(|s| self.lower_stmt(s)).collect();
            ends.push(self.take_flow_state());
            self.pop_scope();
            arms.push((test, block(body, case.span)));
        }
        decls.extend(self.end_pattern_cache(span));
        if let Some((_, _, pushed)) = dispatch {
            for _ in 0..pushed {
                self.pop_label();
            }
        }
        let (breaks, _) = self.pop_label_jumps();
        self.check_switch_statement_exhaustive(&subject, cases);
        let exhaustive = self.statement_is_exhaustive(&subject, cases);
        self.after_switch(next, ends, breaks, exhaustive);
        let arms = match dispatch {
            Some((d, selected, _)) => self.dispatch_arms(arms, d, selected, span),
            None => arms,
        };
        let mut chain: Option<ir::Stmt> = None;
        for (test, body) in arms.into_iter().rev() {
            chain = Some(match test {
                None => body,
                Some(c) => stmt(
                    StmtKind::If {
                        condition: c,
                        then: Box::new(body),
                        otherwise: chain.map(Box::new),
                    },
                    span,
                ),
            });
        }
        let decl = stmt(
            StmtKind::VarDecl {
                local: t,
                init: Some(subject),
            },
            span,
        );
        let mut inner = vec![decl];
        inner.extend(decls);
        inner.extend(chain);
        stmt(
            StmtKind::Labeled {
                label,
                body: Box::new(block(inner, span)),
            },
            span,
        )
    }

    /// The flow state after a switch statement: where its cases end or break, and,
    /// unless it is exhaustive, where no case matched (there, locals the cases change
    /// are unknown).
    fn after_switch(
        &mut self,
        entry: FlowState,
        ends: Vec<FlowState>,
        breaks: Vec<FlowState>,
        exhaustive: bool,
    ) {
        let mut paths = ends;
        paths.extend(breaks);
        if !exhaustive {
            let reachable: Vec<FlowState> =
                paths.iter().filter(|p| !p.unreachable).cloned().collect();
            let changed = Self::changed_keys(&entry, &reachable);
            let mut no_match = entry.clone();
            no_match.forget(changed);
            // Nor can it tell which locals every case assigns.
            for p in &reachable {
                no_match.assigned.extend(p.assigned.iter().copied());
                no_match
                    .maybe_assigned
                    .extend(p.maybe_assigned.iter().copied());
            }
            paths.push(no_match);
        }
        let after = FlowState::join_all(paths).unwrap_or_else(|| entry.unreachable());
        self.set_flow_state(after);
    }

    /// For a switch with labelled cases (`L: case 1: ... continue L;`): declares the
    /// dispatch loop's label and the local holding the selected body, and makes each
    /// case label visible to `continue`. Returns them with the number of labels pushed.
    fn case_labels(
        &mut self,
        cases: &'a [ast::SwitchCase],
        span: Span,
    ) -> Option<(LabelId, LocalId, usize)> {
        if cases.iter().all(|c| c.labels.is_empty()) {
            return None;
        }
        let int_ty = self.r.core_type("int");
        let selected = self.temp(int_ty, span);
        let dispatch = self.new_label(Vec::new(), LabelKind::Block);
        let ends_body = |j: usize| !cases[j].body.is_empty() || j + 1 == cases.len();
        let mut pushed = 1;
        for (i, case) in cases.iter().enumerate() {
            if case.labels.is_empty() {
                continue;
            }
            let body = (0..i).filter(|&j| ends_body(j)).count() as u32;
            let names = case.labels.iter().map(|l| l.name).collect();
            let target = CaseTarget {
                dispatch,
                selected,
                body,
            };
            self.push_case_label(names, target);
            pushed += 1;
        }
        Some((dispatch, selected, pushed))
    }

    /// Rewrites `(test, body)` arms into one unconditional arm: the tests only select a
    /// body (`selected = n`, `-1` when none matches), then a loop labelled `dispatch`
    /// runs the selected body; `continue L` selects another and goes round again.
    fn dispatch_arms(
        &mut self,
        arms: Vec<(Option<ir::Expr>, ir::Stmt)>,
        dispatch: LabelId,
        selected: LocalId,
        span: Span,
    ) -> Vec<(Option<ir::Expr>, ir::Stmt)> {
        let (tests, bodies): (Vec<_>, Vec<_>) = arms.into_iter().unzip();
        let mut running: Option<ir::Stmt> = None;
        for (i, body) in bodies.into_iter().enumerate().rev() {
            let index = self.int_constant(i as i64, span);
            let current = self.local_get(selected, span);
            let bool_ty = self.r.core_type("bool");
            let kind = ExprKind::Identical(Box::new(current), Box::new(index));
            let is_this = self.expr(kind, span, bool_ty);
            running = Some(stmt(
                StmtKind::If {
                    condition: is_this,
                    then: Box::new(body),
                    otherwise: running.map(Box::new),
                },
                span,
            ));
        }
        let mut loop_body: Vec<ir::Stmt> = running.into_iter().collect();
        loop_body.push(stmt(StmtKind::Break(dispatch), span));
        let mut chain: Option<ir::Stmt> = None;
        for (i, test) in tests.into_iter().enumerate().rev() {
            let set = self.select_body(selected, i as u32, span);
            let set = stmt(StmtKind::Expr(set), span);
            chain = Some(match test {
                None => set,
                Some(c) => stmt(
                    StmtKind::If {
                        condition: c,
                        then: Box::new(set),
                        otherwise: chain.map(Box::new),
                    },
                    span,
                ),
            });
        }
        let reset = self.select_body(selected, u32::MAX, span);
        let mut all = vec![stmt(StmtKind::Expr(reset), span)];
        all.extend(chain);
        all.push(stmt(
            StmtKind::Loop {
                label: dispatch,
                body: Box::new(block(loop_body, span)),
                update: None,
            },
            span,
        ));
        vec![(None, block(all, span))]
    }

    /// `selected = index` (`u32::MAX`: none, stored as -1).
    fn select_body(&mut self, selected: LocalId, index: u32, span: Span) -> ir::Expr {
        let v = if index == u32::MAX { -1 } else { index as i64 };
        let value = self.int_constant(v, span);
        let int_ty = self.r.core_type("int");
        self.expr(ExprKind::LocalSet(selected, Box::new(value)), span, int_ty)
    }

    fn int_constant(&mut self, v: i64, span: Span) -> ir::Expr {
        self.constant(ir::Constant::Int(v), span)
    }

    /// The condition of a group of cases sharing one body (`None` for `default`).
    /// Heads after the first reuse the first head's pattern variables.
    fn group_condition(
        &mut self,
        group: &'a [ast::SwitchCase],
        subject: LocalId,
        ty: &DartType,
        span: Span,
    ) -> Option<ir::Expr> {
        let mut tests = Vec::new();
        let mut is_default = false;
        let saved = self.reuse_pattern_variables;
        let saved_shared = self.shared_case_heads;
        for case in group {
            is_default |= case.is_default;
            for head in &case.heads {
                tests.push(self.case_condition(head, subject, ty));
                self.reuse_pattern_variables = true;
                self.shared_case_heads = true;
            }
        }
        self.reuse_pattern_variables = saved;
        self.shared_case_heads = saved_shared;
        if is_default {
            return None;
        }
        self.any_of(tests, span)
    }

    /// `a || b || ...` (`None` when there are no tests).
    fn any_of(&mut self, tests: Vec<ir::Expr>, span: Span) -> Option<ir::Expr> {
        let bool_ty = self.r.core_type("bool");
        tests.into_iter().reduce(|a, b| {
            self.expr(
                ExprKind::Or(Box::new(a), Box::new(b)),
                span,
                bool_ty.clone(),
            )
        })
    }
}

/// `var x = e;` takes `e`'s static type, except that `null` gives `dynamic`.
fn inferred_local_type(t: &DartType) -> DartType {
    match t {
        DartType::Null | DartType::Void | DartType::Never => DartType::Dynamic,
        other => other.clone(),
    }
}
