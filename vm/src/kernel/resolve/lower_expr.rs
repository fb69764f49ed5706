//! Lowering expressions: literals, names (locals, captures, statics, implicit `this`
//! members), property reads, operators (with the numeric typing rules the compilers rely
//! on), `??`, conditionals, type tests and casts, cascades, and null-aware selector
//! chains (`a?.b.c` short-circuits as a whole). Calls, assignments and collection literals
//! have their own files.

use super::body::Lower;
use super::closures::LocalRef;
use super::members::{Found, Want};
use super::messages::{self, AccessKind};
use super::promotion::FlowState;
use super::scope::{Decl, Resolved};
use super::types::{make_non_nullable, make_nullable};
use super::{Member, Resolver};
use crate::front::ast::{self, BinaryOp, ExprKind as E, UnaryOp};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, ClassId, Constant, DartType, ExprKind, FunctionId};

/// What a simple name refers to at a given point.
#[derive(Clone, Debug)]
pub(super) enum NameRef {
    Local(LocalRef),
    Static(Decl),
    ClassStatic(Member),
    /// An instance member of `this` (found on `owner`).
    This(Found, ClassId),
    Prefix(Symbol),
    NotFound,
    /// Already reported (e.g. used before its declaration).
    Error,
    /// Inside an extension: one of its own instance members (called on `this`).
    ExtensionThis(Member),
}

/// Is `e` a selector (member access, index, call, `!`) that may be part of a null-aware
/// chain?
fn is_selector(e: &ast::Expr) -> bool {
    matches!(
        e.kind,
        E::PropertyGet { .. }
            | E::MethodCall {
                target: Some(_),
                ..
            }
            | E::Index { .. }
            | E::NullCheck(_)
            | E::Call { .. }
    )
}

/// Expressions whose static type `Never` means they never complete (calls of functions
/// declared to return `Never`, reads of `Never`-typed variables): what follows them is
/// unreachable.
fn completes_only_by_value(e: &ast::Expr) -> bool {
    matches!(
        e.kind,
        E::MethodCall { .. } | E::Call { .. } | E::Ident(_) | E::PropertyGet { .. }
    )
}

impl<'r, 'a> Lower<'r, 'a> {
    pub fn lower_expr(&mut self, e: &'a ast::Expr) -> ir::Expr {
        if self.depth >= super::body::MAX_NESTING {
            self.context_type = None;
            if !self.nesting_reported {
                self.r.unsupported(e.span, "expressions nested this deeply");
                self.nesting_reported = true;
            }
            return self.null(e.span);
        }
        self.depth += 1;
        if let E::MethodCall {
            type_args, args, ..
        } = &e.kind
        {
            if !type_args.is_empty() {
                self.note_call_type_args(args, type_args);
            }
        }
        let result = self.lower_expr_nested(e);
        self.depth -= 1;
        if self.is_never(&result.ty) && completes_only_by_value(e) {
            self.mark_unreachable();
        }
        if let E::Paren(inner) = &e.kind {
            self.forward_condition(inner.span, e.span);
        }
        result
    }

    /// `Never`, or a non-nullable type parameter bounded by `Never`: no value has it, so
    /// the code after an expression of that type is unreachable.
    fn is_never(&self, t: &DartType) -> bool {
        match t {
            DartType::Never => true,
            DartType::TypeParameter {
                name,
                nullable: false,
            } => self.frames.iter().any(|f| f.never_bounded.contains(name)),
            _ => false,
        }
    }

    /// Records which of the current frame's type parameters `params` are bounded by
    /// `Never` (a bound may name an earlier one that is).
    pub fn note_never_bounded(&mut self, params: &[ast::TypeParameter]) {
        for p in params {
            let Some(bound) = &p.bound else { continue };
            let bound = self.resolve_type(bound);
            if self.is_never(&bound) {
                self.frame().never_bounded.push(p.name.name);
            }
        }
    }

    fn lower_expr_nested(&mut self, e: &'a ast::Expr) -> ir::Expr {
        let context = self.context_type.take();
        self.ctor_context = match &e.kind {
            E::MethodCall { .. } | E::New { .. } => context.clone(),
            _ => None,
        };
        if let E::Function { .. } = &e.kind {
            self.closure_context = context.clone();
        }
        match &e.kind {
            E::List {
                is_const,
                type_arg,
                elements,
            } => {
                return self.lower_list(
                    e,
                    *is_const,
                    type_arg.as_deref(),
                    elements,
                    e.span,
                    context,
                )
            }
            E::SetOrMap {
                is_const,
                type_args,
                elements,
            } => return self.lower_set_or_map(e, *is_const, type_args, elements, e.span, context),
            E::Record { is_const, fields } => {
                return self.lower_record(e, *is_const, fields, e.span, context)
            }
            E::Paren(inner) => {
                self.context_type = context;
                return self.lower_expr(inner);
            }
            // The cascade's value is its target: the target takes the context.
            E::Cascade { .. } => self.context_type = context,
            // An integer literal in a `double` context is a double (`double d = 1;`).
            E::Int(text) if self.is_double_context(context.as_ref()) => {
                return self.double_literal_from_int(text, e.span, false);
            }
            E::Unary {
                op: ast::UnaryOp::Neg,
                operand,
            } if self.is_double_context(context.as_ref()) => {
                if let E::Int(text) = &operand.kind {
                    return self.double_literal_from_int(text, e.span, true);
                }
            }
            E::Conditional { .. } => self.conditional_context = context,
            E::Binary {
                op: ast::BinaryOp::IfNull,
                ..
            } => self.if_null_context = context,
            _ => {}
        }
        if is_selector(e) {
            return self.chain_root(|l| l.lower_selector(e));
        }
        self.lower_non_selector(e)
    }

    /// Runs `f` as the root of a null-aware chain and wraps the result in the guards it
    /// collected: `let t = a in t == null ? null : <chain on t>`.
    pub fn chain_root(&mut self, f: impl FnOnce(&mut Self) -> ir::Expr) -> ir::Expr {
        self.guards.push(Vec::new());
        let mut inner = f(self);
        let guards = self.guards.pop().unwrap_or_default();
        for (t, value) in guards.into_iter().rev() {
            let span = value.span;
            let ty = make_nullable(inner.ty.clone());
            let test = {
                let get = self.local_get(t, span);
                self.is_null(get)
            };
            let null = self.null(span);
            let cond = self.expr(
                ExprKind::Conditional {
                    condition: Box::new(test),
                    then: Box::new(null),
                    otherwise: Box::new(inner),
                },
                span,
                ty.clone(),
            );
            inner = self.expr(
                ExprKind::Let {
                    local: t,
                    value: Box::new(value),
                    body: Box::new(cond),
                },
                span,
                ty,
            );
        }
        inner
    }

    /// The receiver operand of an operator: may be an explicit extension application.
    fn lower_operand(&mut self, e: &'a ast::Expr) -> ir::Expr {
        if let Some((x, inner, type_args)) = self.explicit_extension(e) {
            return self.explicit_application(x, inner, type_args, e.span);
        }
        self.lower_expr(e)
    }

    /// `Ext<T>(r)` as a receiver: `r`, of the static type that makes member lookup use
    /// `Ext`'s members only (`DartType::Extension`, erased to `Ext`'s `on` type).
    fn explicit_application(
        &mut self,
        e: usize,
        inner: &'a ast::Expr,
        type_args: &'a [ast::TypeAnnotation],
        span: Span,
    ) -> ir::Expr {
        let params = self.r.extensions[e].type_params.clone();
        let mut args: Vec<DartType> = type_args.iter().map(|t| self.resolve_type(t)).collect();
        // The `on` type is the receiver's context type (`SymDiff({})` is a set).
        let dynamic_args = vec![DartType::Dynamic; params.len()];
        let context_args = if args.is_empty() {
            &dynamic_args
        } else {
            &args
        };
        self.context_type = Some(super::types::substitute(
            &self.r.extensions[e].on,
            &params,
            context_args,
        ));
        let mut recv = self.lower_expr(inner);
        self.context_type = None;
        if args.is_empty() {
            args = infer_on_type_args(&self.r.extensions[e].on, &params, &recv.ty);
        }
        args.resize(params.len(), DartType::Dynamic);
        let on = super::types::substitute(&self.r.extensions[e].on, &params, &args);
        if self.r.is_subtype(&recv.ty, &on) == Some(false) && recv.ty != DartType::Dynamic {
            let msg = format!(
                "The extension '{}' can't be applied to a receiver of type '{}'.",
                self.r.extensions[e].name,
                self.r.type_display(&recv.ty)
            );
            self.r.error(span, msg);
        }
        recv = self.coerce(recv, &on);
        self.r.extension_types_used = true;
        recv.ty = DartType::Extension {
            index: e as u32,
            args,
            nullable: false,
        };
        recv
    }

    /// The receiver of a selector: part of the same chain when it is itself a selector.
    pub fn lower_target(&mut self, t: &'a ast::Expr) -> ir::Expr {
        if let Some((e, inner, type_args)) = self.explicit_extension(t) {
            return self.explicit_application(e, inner, type_args, t.span);
        }
        if is_selector(t) {
            self.lower_selector(t)
        } else {
            self.lower_non_selector(t)
        }
    }

    /// For `?.`: binds the receiver to a guard temporary and returns a read of it
    /// (non-nullable from here on).
    pub fn guard(&mut self, receiver: ir::Expr) -> ir::Expr {
        let span = receiver.span;
        let ty = make_non_nullable(receiver.ty.clone());
        let t = self.temp(receiver.ty.clone(), span);
        if let Some(g) = self.guards.last_mut() {
            g.push((t, receiver));
        }
        let mut get = self.local_get(t, span);
        get.ty = ty;
        get
    }

    fn lower_selector(&mut self, e: &'a ast::Expr) -> ir::Expr {
        let span = e.span;
        match &e.kind {
            E::PropertyGet {
                target,
                null_aware,
                name,
            } => self.lower_property_get(target, *null_aware, *name, span),
            E::MethodCall {
                target: Some(target),
                null_aware,
                name,
                args,
                type_args,
            } => {
                if !type_args.is_empty() {
                    self.note_call_type_args(args, type_args);
                }
                self.lower_member_call(target, *null_aware, *name, args, span)
            }
            E::Index {
                target,
                null_aware: false,
                index,
            } if matches!(target.kind, E::Super) => {
                let index = self.lower_expr(index);
                self.super_operator("[]", vec![index], span)
            }
            E::Index {
                target,
                null_aware,
                index,
            } => {
                let recv = self.lower_target(target);
                let recv = if *null_aware { self.guard(recv) } else { recv };
                let index = self.lower_expr(index);
                self.operator_call(recv, "[]", vec![index], span, span)
            }
            E::NullCheck(inner) => {
                let v = self.lower_target(inner);
                if let Some(key) = self.promotable(inner) {
                    self.promote_here_non_null(key);
                }
                let ty = make_non_nullable(v.ty.clone());
                self.expr(ExprKind::NullCheck(Box::new(v)), span, ty)
            }
            E::Call { callee, args, .. } => {
                let callee = self.lower_target(callee);
                self.call_value(callee, args, span)
            }
            _ => self.lower_non_selector(e),
        }
    }

    fn lower_non_selector(&mut self, e: &'a ast::Expr) -> ir::Expr {
        let span = e.span;
        match &e.kind {
            E::Null => self.null(span),
            E::Bool(b) => {
                // `while (true)` is left only by `break`.
                let here = self.flow_state().clone();
                let never = here.unreachable();
                let (t, f) = if *b { (here, never) } else { (never, here) };
                self.set_condition_states(span, t, f);
                self.constant(Constant::Bool(*b), span)
            }
            E::Int(text) => self.int_literal(text, span, false),
            E::Double(v) => self.constant(Constant::Double(*v), span),
            E::String(parts) => self.lower_string(parts, span),
            E::Symbol(s) => match self.r.symbol_constant(s) {
                Some(c) => self.const_expr(c, span),
                None => self.null(span),
            },
            E::Ident(id) => self.lower_identifier(*id),
            E::This => {
                if !self.has_this() {
                    self.r.error(span, messages::this_in_static());
                    return self.null(span);
                }
                self.this_expr(span)
            }
            E::Super => {
                self.r.error(span, messages::super_in_static());
                self.null(span)
            }
            E::List {
                is_const,
                type_arg,
                elements,
            } => self.lower_list(e, *is_const, type_arg.as_deref(), elements, span, None),
            E::SetOrMap {
                is_const,
                type_args,
                elements,
            } => self.lower_set_or_map(e, *is_const, type_args, elements, span, None),
            E::Record { is_const, fields } => self.lower_record(e, *is_const, fields, span, None),
            E::Function {
                type_params,
                params,
                body,
            } => self.lower_function_expr(type_params, params, body, span),
            E::Paren(inner) => self.lower_expr(inner),
            E::MethodCall {
                target: None,
                name,
                args,
                type_args,
                ..
            } => {
                // Also reached as a selector's receiver (`Box<int>().type`), where
                // `lower_expr` has not noted the type arguments.
                if !type_args.is_empty() {
                    self.note_call_type_args(args, type_args);
                }
                self.lower_unqualified_call(*name, args, span)
            }
            E::New {
                keyword,
                ty,
                name,
                args,
            } => self.lower_new(*keyword, ty, *name, args, e, span),
            E::Assign { target, op, value } => self.lower_assign(target, *op, value, span),
            E::PatternAssign { pattern, value } => self.lower_pattern_assign(pattern, value, span),
            E::Binary { op, left, right } => self.lower_binary(*op, left, right, span),
            E::Unary { op, operand } => self.lower_unary(*op, operand, span),
            E::Prefix { op, target } => self.lower_inc_dec(*op, target, true, span),
            E::Postfix { op, target } => self.lower_inc_dec(*op, target, false, span),
            E::Conditional {
                condition,
                then,
                otherwise,
            } => {
                let c = self.lower_condition(condition);
                let (when_true, when_false) = self.condition_outcomes(condition);
                self.set_flow_state(when_true);
                // Both branches are in the conditional's context (`double d = c ? 1 : 2.5`).
                let context = self.conditional_context.take();
                self.context_type = context.clone();
                let t = self.lower_expr(then);
                let after_then = self.take_flow_state();
                self.set_flow_state(when_false);
                self.context_type = context;
                let o = self.lower_expr(otherwise);
                let after = super::promotion::FlowState::join(&after_then, self.flow_state());
                self.set_flow_state(after);
                let ty = self.r.join(&t.ty, &o.ty);
                self.expr(
                    ExprKind::Conditional {
                        condition: Box::new(c),
                        then: Box::new(t),
                        otherwise: Box::new(o),
                    },
                    span,
                    ty,
                )
            }
            E::Is { expr, ty, negated } => {
                let v = self.lower_expr(expr);
                let t = self.resolve_type(ty);
                if t == DartType::Never {
                    // Nothing is a `Never`.
                    let here = self.flow_state().clone();
                    let never = here.unreachable();
                    let (yes, no) = if *negated {
                        (here, never)
                    } else {
                        (never, here)
                    };
                    self.set_condition_states(span, yes, no);
                } else if let Some(key) = self.promotable(expr) {
                    let here = self.flow_state().clone();
                    let promoted = self.promoted_to(&here, key, &t);
                    let (yes, no) = if *negated {
                        (here, promoted)
                    } else {
                        (promoted, here)
                    };
                    self.set_condition_states(span, yes, no);
                }
                self.is_check(v, t, *negated, span)
            }
            E::As { expr, ty } => {
                let v = self.lower_expr(expr);
                let t = self.resolve_type(ty);
                if let Some(key) = self.promotable(expr) {
                    self.promote_here_to(key, &t);
                }
                self.as_check(v, t, span)
            }
            E::Throw(inner) => {
                // The operand is implicitly cast to `Object` (`throw null` through
                // `dynamic` is a TypeError).
                let v = self.lower_expr(inner);
                let object = self.r.core_type("Object");
                let v = self.coerce(v, &object);
                self.mark_unreachable();
                self.expr(ExprKind::Throw(Box::new(v)), span, DartType::Never)
            }
            E::Await(inner) => {
                self.await_check(span);
                let v = self.lower_expr(inner);
                if self.incompatible_with_await(&v.ty) && !self.has_error_within(inner.span) {
                    let at = Span::new(inner.span.file, inner.span.start, inner.span.start + 1);
                    self.r
                        .error(at, messages::await_of_extension_type_not_future());
                }
                let ty = self.awaited_type(&v.ty);
                self.expr(ExprKind::Await(Box::new(v)), span, ty)
            }
            E::Cascade {
                target,
                null_aware,
                sections,
            } => self.lower_cascade(target, *null_aware, sections, span),
            E::CascadeReceiver => match self.frame_ref().cascades.last().cloned() {
                Some((t, ty)) => {
                    let mut g = self.local_get(t, span);
                    g.ty = ty;
                    g
                }
                None => self.null(span),
            },
            E::TypeLiteral(t) => {
                let t = self.resolve_type(t);
                let mut c = self.type_value(t.clone(), span);
                if t == DartType::Dynamic {
                    // Unresolved (reported): no member checks on the placeholder.
                    c.ty = DartType::Dynamic;
                }
                c
            }
            E::Instantiation { expr, type_args } => match self.named_type(expr, type_args) {
                Some(t) => {
                    let t = self.resolve_type(&t);
                    self.type_value(t, span)
                }
                None => {
                    let v = self.lower_expr(expr);
                    match v.kind {
                        ExprKind::StaticTearOff(f)
                            if self.r.sigs[f.index()].type_params.len() == type_args.len() =>
                        {
                            let types = type_args.iter().map(|t| self.resolve_type(t)).collect();
                            self.instantiated_tear_off(f, types, span)
                        }
                        ExprKind::InstanceGet { .. } => {
                            let types = type_args.iter().map(|t| self.resolve_type(t)).collect();
                            self.instantiated_method_tear_off(v, types, span)
                        }
                        _ => v,
                    }
                }
            },
            E::Switch { subject, cases } => self.lower_switch_expr(subject, cases, span),
            E::Error => self.null(span),
            E::PropertyGet { .. }
            | E::MethodCall { .. }
            | E::Index { .. }
            | E::NullCheck(_)
            | E::Call { .. } => self.lower_selector(e),
        }
    }

    /// An integer literal; `negated` for `-9223372036854775808`.
    /// `double` or `double?`: the contexts in which an integer literal is a double.
    fn is_double_context(&self, context: Option<&DartType>) -> bool {
        context.is_some_and(|t| {
            self.r
                .is_core_type(&super::types::make_non_nullable(t.clone()), "double")
        })
    }

    /// An integer literal in a `double` context: the double with its exact value, an
    /// error when no double has it (`9007199254740993`).
    fn double_literal_from_int(&mut self, text: &str, span: Span, negated: bool) -> ir::Expr {
        match super::constants::exact_double_of_int_literal(text) {
            Some(v) => self.constant(Constant::Double(if negated { -v } else { v }), span),
            None => {
                let shown = if negated {
                    format!("-{text}")
                } else {
                    text.to_string()
                };
                self.r.error(
                    span,
                    format!("The integer literal is being used as a double, but can't be represented as a 64-bit double without overflow or loss of precision: '{shown}'."),
                );
                self.constant(Constant::Double(0.0), span)
            }
        }
    }

    fn int_literal(&mut self, text: &str, span: Span, negated: bool) -> ir::Expr {
        let value = if negated && text == "9223372036854775808" {
            Some(i64::MIN)
        } else {
            super::constants::parse_int(text).map(|v| if negated { v.wrapping_neg() } else { v })
        };
        match value {
            Some(v) => self.constant(Constant::Int(v), span),
            None => {
                let shown = if negated {
                    format!("-{text}")
                } else {
                    text.to_string()
                };
                self.r.error(span, messages::integer_too_big(&shown));
                self.constant(Constant::Int(0), span)
            }
        }
    }

    fn lower_string(&mut self, parts: &'a [ast::StringPart], span: Span) -> ir::Expr {
        let string = self.r.core_type("String");
        if parts.iter().all(|p| matches!(p, ast::StringPart::Text(_))) {
            let text: String = parts
                .iter()
                .map(|p| match p {
                    ast::StringPart::Text(t) => t.as_str(),
                    ast::StringPart::Interpolation(_) => "",
                })
                .collect();
            return self.constant(Constant::String(text), span);
        }
        let mut out = Vec::new();
        for p in parts {
            match p {
                ast::StringPart::Text(t) if t.is_empty() => {}
                ast::StringPart::Text(t) => {
                    out.push(self.constant(Constant::String(t.clone()), span))
                }
                ast::StringPart::Interpolation(e) => out.push(self.lower_expr(e)),
            }
        }
        // Interpolating only constant strings is a constant string (canonical, so
        // `identical('$hello$world', 'hello, world')` holds, as in the Dart VM).
        let folded: Option<String> = out
            .iter()
            .map(|e| match &e.kind {
                ExprKind::Const(c) => match &self.r.program.constants[c.index()] {
                    Constant::String(s) => Some(s.as_str()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        if let Some(text) = folded {
            return self.constant(Constant::String(text), span);
        }
        self.expr(ExprKind::StringConcat(out), span, string)
    }

    /// `List<int>` / `prefix.Map<K, V>` used as an expression: the parser cannot tell a
    /// type literal from a generic function instantiation, so this checks that the name
    /// is a type (a class, typedef or extension type) and gives it as a type annotation.
    fn named_type(
        &mut self,
        expr: &'a ast::Expr,
        type_args: &[ast::TypeAnnotation],
    ) -> Option<ast::TypeAnnotation> {
        let (prefix, name, decl) = match &expr.kind {
            E::Ident(id) => {
                if self.lookup_scoped_any(id.name) {
                    return None;
                }
                match self.resolve_name(id.name, id.span) {
                    NameRef::Static(d) => (None, *id, d),
                    _ => return None,
                }
            }
            E::PropertyGet {
                target,
                name,
                null_aware: false,
            } => {
                let E::Ident(p) = &target.kind else {
                    return None;
                };
                if self.lookup_scoped_any(p.name) {
                    return None;
                }
                let NameRef::Prefix(prefix) = self.resolve_name(p.name, p.span) else {
                    return None;
                };
                let d = self
                    .r
                    .lookup_prefixed(self.ctx.lib, prefix, name.name, name.span)?;
                (Some(*p), *name, d)
            }
            _ => return None,
        };
        let is_type = match decl {
            Decl::Class(_) | Decl::Typedef(_) => true,
            Decl::Extension(e) => self.r.is_extension_type(e),
            _ => false,
        };
        is_type.then(|| ast::TypeAnnotation::Named {
            prefix,
            name,
            args: type_args.to_vec(),
            nullable: false,
            span: expr.span,
        })
    }

    // -- names ------------------------------------------------------------------------------

    /// Resolves a simple name: locals, the class's own members, the library scope, then
    /// inherited members of `this`.
    pub fn resolve_name(&mut self, name: Symbol, span: Span) -> NameRef {
        match self.lookup_local(name, span) {
            Ok(Some(l)) => return NameRef::Local(l),
            Err(()) => return NameRef::Error,
            Ok(None) => {}
        }
        if let Some(e) = self.ctx.extension {
            if let Some(m) = self.r.extensions[e].statics.get(&name).copied() {
                return NameRef::ClassStatic(m);
            }
            if let Some(m) = self.r.extensions[e].instance.get(&name).copied() {
                if self.has_this() {
                    return NameRef::ExtensionThis(m);
                }
            }
        }
        if let Some(c) = self.ctx.lexical_class {
            if let Some(m) = self.r.classes[c.index()].statics.get(&name).copied() {
                return NameRef::ClassStatic(m);
            }
            if self.r.classes[c.index()].instance.contains_key(&name) {
                if let Some(r) = self.this_member(name) {
                    return r;
                }
            }
        }
        match self.r.lookup_library(self.ctx.lib, name, span) {
            Resolved::Decl(d) => return NameRef::Static(d),
            Resolved::Prefix(p) => return NameRef::Prefix(p),
            Resolved::Reported => return NameRef::Error,
            Resolved::NotFound => {}
        }
        self.this_member(name).unwrap_or(NameRef::NotFound)
    }

    fn this_member(&mut self, name: Symbol) -> Option<NameRef> {
        if !self.has_this() {
            return None;
        }
        let c = match (self.ctx.this_class, self.extension_this_type()) {
            (Some(c), _) => c,
            (None, Some(DartType::Interface { class, .. })) => class,
            _ => return None,
        };
        let (found, owner) = self
            .r
            .find_instance(c, name, Want::Getter)
            .or_else(|| self.r.find_instance(c, name, Want::Setter))?;
        Some(NameRef::This(found, owner))
    }

    pub fn lower_identifier(&mut self, id: ast::Ident) -> ir::Expr {
        let span = id.span;
        match self.resolve_name(id.name, span) {
            NameRef::Local(l) if self.is_lazy_local(id.name) => {
                self.check_local_read(&l, span);
                self.lazy_local_get(id.name, &l, span)
            }
            NameRef::Local(l) => {
                self.check_local_read(&l, span);
                self.local_get_ref(&l, span)
            }
            NameRef::Static(d) => self.static_get(d, id.name, span),
            NameRef::ClassStatic(m) => self.class_static_get(m, id.name, span),
            NameRef::This(found, owner) => {
                let this = self.this_expr(span);
                self.member_get(this, found, owner, id.name, span)
            }
            NameRef::NotFound if self.tctx().type_params.contains(&id.name) => {
                // A type parameter used as a value: its runtime `Type`.
                let t = DartType::TypeParameter {
                    name: id.name,
                    nullable: false,
                };
                self.type_value(t, span)
            }
            NameRef::NotFound if matches!(id.name.as_str(), "dynamic" | "Never") => {
                // The built-in types have no declaration to find: `Type t = dynamic;`.
                let t = if id.name.as_str() == "Never" {
                    DartType::Never
                } else {
                    DartType::Dynamic
                };
                self.constant(Constant::Type(t), span)
            }
            NameRef::NotFound => match self.extension_record_field(id) {
                Some(field) => field,
                None => {
                    self.r.error(span, messages::undefined_name(id.name));
                    self.null(span)
                }
            },
            NameRef::Prefix(_) => {
                self.r.error(span, messages::undefined_name(id.name));
                self.null(span)
            }
            NameRef::Error => self.null(span),
            NameRef::ExtensionThis(m) => {
                let this = self.this_expr(span);
                self.extension_get(this, m, id.name, span)
            }
        }
    }

    /// Reading an extension member: a getter call, or a method tear-off.
    pub fn extension_get(
        &mut self,
        recv: ir::Expr,
        m: Member,
        name: Symbol,
        span: Span,
    ) -> ir::Expr {
        match super::extensions::pick_extension(m, Want::Getter) {
            Some(found @ Found::Getter(_)) => {
                self.extension_invoke(recv, found, ir::Args::default(), span)
            }
            Some(Found::Method(f)) => self.extension_tear_off(recv, f, span),
            Some(_) => self.null(span),
            None => {
                self.r.error(span, messages::getter_not_found(name));
                self.null(span)
            }
        }
    }

    /// Reading a top-level declaration.
    pub fn static_get(&mut self, d: Decl, name: Symbol, span: Span) -> ir::Expr {
        match d {
            Decl::Field(f) => self.static_field_get(f, span),
            Decl::Accessors {
                getter: Some(g), ..
            } => self.static_call(g, ir::Args::default(), span),
            Decl::Accessors { getter: None, .. } => {
                self.r.error(span, messages::getter_not_found(name));
                self.null(span)
            }
            Decl::Function(f) => self.expr(
                ExprKind::StaticTearOff(f),
                span,
                DartType::any_function(false),
            ),
            Decl::Class(c) => {
                let t = self.r.raw_class_type(c);
                self.constant(Constant::Type(t), span)
            }
            Decl::Extension(e) if self.r.is_extension_type(e) => {
                let t = self.r.extension_type_of(e);
                let t = self.r.erasure(&super::types::substitute(
                    &t,
                    &self.r.extensions[e].type_params.clone(),
                    &[],
                ));
                self.constant(Constant::Type(t), span)
            }
            Decl::Extension(_) => {
                self.r.error(
                    span,
                    format!("Extension '{name}' can't be used as an expression.\nTry using an explicit extension application of the form 'E(o)' instead."),
                );
                self.null(span)
            }
            Decl::Typedef(i) => {
                let decl = self.r.typedefs[i].decl;
                let ann = ast::TypeAnnotation::Named {
                    prefix: None,
                    name: decl.name,
                    args: Vec::new(),
                    nullable: false,
                    span,
                };
                let t = self.resolve_type(&ann);
                self.constant(Constant::Type(t), span)
            }
        }
    }

    pub fn static_field_get(&mut self, f: ir::FieldId, span: Span) -> ir::Expr {
        let field = &self.r.program.fields[f.index()];
        let ty = field.ty.clone();
        if field.is_const {
            if let Some(c) = self.r.eval_const_field(f, span) {
                let mut e = self.const_expr(c, span);
                e.ty = ty;
                return e;
            }
        }
        self.expr(ExprKind::StaticGet(f), span, ty)
    }

    pub fn class_static_get(&mut self, m: Member, name: Symbol, span: Span) -> ir::Expr {
        match m {
            Member::Field(f) => self.static_field_get(f, span),
            Member::Method(f) => self.expr(
                ExprKind::StaticTearOff(f),
                span,
                DartType::any_function(false),
            ),
            Member::Accessors {
                getter: Some(g), ..
            } => self.static_call(g, ir::Args::default(), span),
            Member::Accessors { getter: None, .. } => {
                self.r.error(span, messages::getter_not_found(name));
                self.null(span)
            }
        }
    }

    /// Reading instance member `found` of `receiver` (dispatched by name).
    pub fn member_get(
        &mut self,
        receiver: ir::Expr,
        found: Found,
        owner: ClassId,
        name: Symbol,
        span: Span,
    ) -> ir::Expr {
        let ty = self.r.read_type(found, &receiver.ty, owner);
        let ty = if self.flow.may_promote_field(name) {
            DartType::Dynamic
        } else {
            ty
        };
        self.instance_get(receiver, name, span, ty)
    }

    pub fn instance_get(
        &mut self,
        receiver: ir::Expr,
        name: Symbol,
        span: Span,
        ty: DartType,
    ) -> ir::Expr {
        self.expr(
            ExprKind::InstanceGet {
                receiver: Box::new(receiver),
                name,
            },
            span,
            ty,
        )
    }

    // -- property access ------------------------------------------------------------------------

    fn lower_property_get(
        &mut self,
        target: &'a ast::Expr,
        null_aware: bool,
        name: ast::Ident,
        span: Span,
    ) -> ir::Expr {
        if matches!(target.kind, E::Super) {
            return self.super_get(name, span);
        }
        if let Some(ns) = self.namespace_of(target) {
            return self.namespace_get(ns, name, span);
        }
        let recv = self.lower_target(target);
        let recv = if null_aware { self.guard(recv) } else { recv };
        self.dynamic_or_checked_get(recv, name, span)
    }

    /// `recv.name` with the static checks a known receiver class allows.
    pub fn dynamic_or_checked_get(
        &mut self,
        recv: ir::Expr,
        name: ast::Ident,
        span: Span,
    ) -> ir::Expr {
        if self.is_record_field(&recv, name.name) {
            return self.record_field_get(recv, name, AccessKind::Getter, span);
        }
        let recv = self.view_extension_type(recv, name.name, Want::Getter);
        let recv = self.extension_receiver(recv, name.name, Want::Getter);
        if let Some((e, _)) = self.try_extension(&recv.ty, name.name, Want::Getter) {
            let m = self.r.extensions[e].instance[&name.name];
            return self.extension_get(recv, m, name.name, span);
        }
        if self.is_undefined_record_member(&recv, name.name) {
            return self.record_field_get(recv, name, AccessKind::Getter, span);
        }
        match self.check_member(
            &recv.ty,
            name.name.as_str(),
            Want::Getter,
            AccessKind::Getter,
            name.span,
        ) {
            Some((found, owner)) => self.member_get(recv, found, owner, name.name, span),
            None => self.instance_get(recv, name.name, span, DartType::Dynamic),
        }
    }

    fn super_get(&mut self, name: ast::Ident, span: Span) -> ir::Expr {
        let Some(c) = self.ctx.this_class.filter(|_| self.has_this()) else {
            self.r.error(span, messages::super_in_static());
            return self.null(span);
        };
        let this = self.this_expr(span);
        match self
            .r
            .find_super(c, self.ctx.mixin_index, name.name, Want::Getter)
        {
            Some(Found::Getter(g)) => {
                let ty = self.r.sigs[g.index()].return_type.clone();
                self.expr(
                    ExprKind::StaticCall {
                        target: g,
                        receiver: Some(Box::new(this)),
                        args: ir::Args::default(),
                    },
                    span,
                    ty,
                )
            }
            Some(Found::Field(f)) => {
                let ty = self.r.program.fields[f.index()].ty.clone();
                self.expr(
                    ExprKind::FieldGet {
                        receiver: Box::new(this),
                        field: f,
                    },
                    span,
                    ty,
                )
            }
            Some(found @ Found::Method(m)) => {
                let ty = self.r.read_type(found, &this.ty, c);
                self.super_tear_off(m, ty, span)
            }
            Some(_) => {
                self.r
                    .unsupported(span, "tear-offs of this kind of super member");
                self.null(span)
            }
            None => {
                self.r.error(
                    name.span,
                    format!("Superclass has no getter named '{}'.", name.name),
                );
                self.null(span)
            }
        }
    }

    /// `super.m` as a value: a closure over `this` whose function calls the superclass's
    /// `m` directly with its own arguments (parameters and defaults copied from `m`).
    fn super_tear_off(&mut self, m: FunctionId, ty: DartType, span: Span) -> ir::Expr {
        // Registers `this` as a capture of the enclosing closures, if any.
        let _ = self.this_expr(span);
        let mut f = crate::runtime::closures::forwarder_function(&self.r.program, m, true);
        let sig = self.r.sigs[m.index()].clone();
        let types = sig
            .positional
            .iter()
            .map(|(n, t)| (*n, t.clone()))
            .chain(sig.named.iter().map(|(n, t, _)| (*n, t.clone())));
        for (local, (name, t)) in f.locals.iter_mut().skip(1).zip(types) {
            local.name = name;
            local.ty = t;
        }
        f.return_type = sig.return_type.clone();
        f.span = span;
        let id = self.r.new_function(f);
        self.r.sigs[id.index()] = sig;
        self.expr(ExprKind::Closure(id), span, ty)
    }

    // -- operators ------------------------------------------------------------------------------

    fn lower_binary(
        &mut self,
        op: BinaryOp,
        left: &'a ast::Expr,
        right: &'a ast::Expr,
        span: Span,
    ) -> ir::Expr {
        let bool_ty = self.r.core_type("bool");
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let and = op == BinaryOp::And;
                let l = self.lower_condition(left);
                let (left_true, left_false) = self.condition_outcomes(left);
                self.set_flow_state(if and {
                    left_true.clone()
                } else {
                    left_false.clone()
                });
                let r = self.lower_condition(right);
                let (right_true, right_false) = self.condition_outcomes(right);
                let (yes, no) = if and {
                    (right_true, FlowState::join(&left_false, &right_false))
                } else {
                    (FlowState::join(&left_true, &right_true), right_false)
                };
                self.set_condition_states(span, yes, no);
                let kind = if op == BinaryOp::And {
                    ExprKind::And(Box::new(l), Box::new(r))
                } else {
                    ExprKind::Or(Box::new(l), Box::new(r))
                };
                self.expr(kind, span, bool_ty)
            }
            BinaryOp::Eq | BinaryOp::NotEq if matches!(left.kind, E::Super) => {
                let r = self.lower_expr(right);
                let equals = self.super_equals(r, span);
                if op == BinaryOp::NotEq {
                    self.expr(ExprKind::Not(Box::new(equals)), span, bool_ty)
                } else {
                    equals
                }
            }
            BinaryOp::Eq | BinaryOp::NotEq => {
                let l = self.lower_expr(left);
                let r = self.lower_expr(right);
                self.note_null_comparison(op, (left, &l.ty), (right, &r.ty), span);
                self.expr(
                    ExprKind::Equals {
                        left: Box::new(l),
                        right: Box::new(r),
                        negated: op == BinaryOp::NotEq,
                    },
                    span,
                    bool_ty,
                )
            }
            BinaryOp::IfNull => {
                // `a ?? b` in context `T`: `a` in `T?`, `b` in `T`.
                let context = self.if_null_context.take();
                self.context_type = context.clone().map(super::types::make_nullable);
                let l = self.lower_expr(left);
                let not_null = match l.ty {
                    DartType::Null => self.flow_state().unreachable(),
                    _ => self.flow_state().clone(),
                };
                self.context_type = context;
                let r = self.lower_expr(right);
                let mut after = FlowState::join(&not_null, self.flow_state());
                if matches!(l.ty, DartType::TypeParameter { .. }) {
                    // Its bound may be `Null` (then `right` always runs): what `right`
                    // assigns is not reported as possibly unassigned.
                    after
                        .assigned
                        .extend(self.flow_state().assigned.iter().copied());
                }
                self.set_flow_state(after);
                self.if_null(l, r, span)
            }
            _ if matches!(left.kind, E::Super) => {
                let r = self.lower_expr(right);
                self.super_operator(op.text(), vec![r], span)
            }
            _ => {
                let l = self.lower_operand(left);
                let r = self.lower_expr(right);
                let at = self.operator_span(left, right, op.text(), span);
                self.operator_call(l, op.text(), vec![r], span, at)
            }
        }
    }

    /// Definite assignment of a local read here (see `promotion`).
    pub fn check_local_read(&mut self, l: &LocalRef, span: Span) {
        if let super::closures::LocalAccess::Local(id) = l.access {
            self.check_read_assigned(id, span);
        }
    }

    /// `x == null`, `x != null` (either way round): on a tracked local one outcome
    /// promotes `x` to non-null; `null == null` is always true, and a non-nullable local
    /// is never `null`.
    fn note_null_comparison(
        &mut self,
        op: BinaryOp,
        (left, left_ty): (&'a ast::Expr, &DartType),
        (right, right_ty): (&'a ast::Expr, &DartType),
        span: Span,
    ) {
        let here = self.flow_state().clone();
        let (equal, different) = if *left_ty == DartType::Null && *right_ty == DartType::Null {
            (here.clone(), here.unreachable())
        } else {
            let is_null = |e: &ast::Expr| matches!(e.kind, E::Null);
            let other = match (is_null(left), is_null(right)) {
                (false, true) => (left, left_ty),
                (true, false) => (right, right_ty),
                _ => return,
            };
            if self.is_non_nullable_local(other.0, other.1) {
                (here.unreachable(), here)
            } else if let Some(key) = self.promotable(other.0) {
                (here.clone(), self.promoted_non_null(&here, key))
            } else {
                return;
            }
        };
        let (yes, no) = if op == BinaryOp::NotEq {
            (different, equal)
        } else {
            (equal, different)
        };
        self.set_condition_states(span, yes, no);
    }

    /// A read of a local whose type here is non-nullable (its declared type, or a
    /// promotion): comparing it with `null` is always false.
    fn is_non_nullable_local(&self, e: &ast::Expr, ty: &DartType) -> bool {
        let E::Ident(id) = &e.kind else {
            return false;
        };
        self.visible_local_type(id.name).is_some()
            && !ty.is_nullable()
            && !matches!(
                ty,
                DartType::TypeParameter { .. } | DartType::Never | DartType::Extension { .. }
            )
    }

    /// The span of the operator token between two operands (for diagnostics).
    fn operator_span(&self, left: &ast::Expr, right: &ast::Expr, op: &str, whole: Span) -> Span {
        let text = &self.r.sources.get(whole.file).text;
        let (from, to) = (left.span.end as usize, right.span.start as usize);
        match text.get(from..to).and_then(|between| between.find(op)) {
            Some(i) => Span::new(whole.file, (from + i) as u32, (from + i + op.len()) as u32),
            None => whole,
        }
    }

    /// `l ?? r` as `let t = l in t == null ? r : t`.
    pub fn if_null(&mut self, l: ir::Expr, r: ir::Expr, span: Span) -> ir::Expr {
        let left_ty = make_non_nullable(l.ty.clone());
        let ty = self.r.join(&left_ty, &r.ty);
        self.let_in(l, |this, t| {
            let test = {
                let g = this.local_get(t, span);
                this.is_null(g)
            };
            let mut get = this.local_get(t, span);
            get.ty = left_ty.clone();
            this.expr(
                ExprKind::Conditional {
                    condition: Box::new(test),
                    then: Box::new(r),
                    otherwise: Box::new(get),
                },
                span,
                ty,
            )
        })
    }

    /// `super == r`: `false` when `r` is null (as for `==` on any receiver), otherwise the
    /// superclass's `operator ==`.
    fn super_equals(&mut self, r: ir::Expr, span: Span) -> ir::Expr {
        let bool_ty = self.r.core_type("bool");
        self.let_in(r, |this, t| {
            let test = {
                let g = this.local_get(t, span);
                this.is_null(g)
            };
            let arg = this.local_get(t, span);
            let call = this.super_operator("==", vec![arg], span);
            let call = this.coerce(call, &bool_ty);
            let no = this.constant(Constant::Bool(false), span);
            this.expr(
                ExprKind::Conditional {
                    condition: Box::new(test),
                    then: Box::new(no),
                    otherwise: Box::new(call),
                },
                span,
                bool_ty.clone(),
            )
        })
    }

    fn lower_unary(&mut self, op: UnaryOp, operand: &'a ast::Expr, span: Span) -> ir::Expr {
        if matches!(operand.kind, E::Super) && op != UnaryOp::Not {
            let name = if op == UnaryOp::Neg { "unary-" } else { "~" };
            return self.super_operator(name, Vec::new(), span);
        }
        match op {
            UnaryOp::Neg => {
                if let E::Int(text) = &operand.kind {
                    return self.int_literal(text, span, true);
                }
                if let E::Double(v) = &operand.kind {
                    return self.constant(Constant::Double(-v), span);
                }
                let v = self.lower_operand(operand);
                self.operator_call(v, "unary-", Vec::new(), span, span)
            }
            UnaryOp::Not => {
                let v = self.lower_condition(operand);
                let (when_true, when_false) = self.condition_outcomes(operand);
                self.set_condition_states(span, when_false, when_true);
                let bool_ty = self.r.core_type("bool");
                self.expr(ExprKind::Not(Box::new(v)), span, bool_ty)
            }
            UnaryOp::BitNot => {
                let v = self.lower_operand(operand);
                self.operator_call(v, "~", Vec::new(), span, span)
            }
        }
    }

    /// `recv op args` as an instance call of the operator, with static checks and the
    /// numeric result types (`int + int` is `int`).
    pub fn operator_call(
        &mut self,
        recv: ir::Expr,
        op: &str,
        args: Vec<ir::Expr>,
        span: Span,
        op_span: Span,
    ) -> ir::Expr {
        let shown = if op == "unary-" { "unary-" } else { op };
        let recv = self.view_extension_type(recv, Symbol::intern(op), Want::Call);
        let recv = self.extension_receiver(recv, Symbol::intern(op), Want::Call);
        if let Some((_, found)) = self.try_extension(&recv.ty, Symbol::intern(op), Want::Call) {
            let args = ir::Args {
                type_args: None,
                positional: args,
                named: Vec::new(),
            };
            return self.extension_invoke(recv, found, args, span);
        }
        let found = self.check_member(&recv.ty, shown, Want::Call, AccessKind::Operator, op_span);
        let mut ty = match found {
            Some((Found::Method(f), owner)) => {
                self.r.signature_through(f, &recv.ty, owner).return_type
            }
            _ => DartType::Dynamic,
        };
        if let Some(t) = self.numeric_result(&recv.ty, op, args.first().map(|a| &a.ty)) {
            ty = t;
        }
        if let Some((Found::Method(f), _)) = found {
            let args = ir::Args {
                type_args: None,
                positional: args.clone(),
                named: Vec::new(),
            };
            self.check_arg_types(f, &args);
        }
        let args = match found {
            Some((Found::Method(f), owner)) => {
                let sig = self.r.signature_through(f, &recv.ty, owner);
                args.into_iter()
                    .enumerate()
                    .map(|(i, a)| match sig.positional.get(i) {
                        Some((_, t)) => self.coerce(a, t),
                        None => a,
                    })
                    .collect()
            }
            _ => args,
        };
        self.expr(
            ExprKind::InstanceCall {
                receiver: Box::new(recv),
                selector: Symbol::intern(op),
                args: ir::Args {
                    type_args: None,
                    positional: args,
                    named: Vec::new(),
                },
            },
            span,
            ty,
        )
    }

    /// The special typing of arithmetic on `int` and `double`.
    fn numeric_result(&self, l: &DartType, op: &str, r: Option<&DartType>) -> Option<DartType> {
        let r_int = r.is_some_and(|t| self.r.is_core_type(t, "int"));
        let r_double = r.is_some_and(|t| self.r.is_core_type(t, "double"));
        let l_int = self.r.is_core_type(l, "int");
        let l_double = self.r.is_core_type(l, "double");
        let arith = matches!(op, "+" | "-" | "*" | "%" | "remainder");
        if l_int && (r_int || r.is_none()) && (arith || op == "unary-" || op == "~/") {
            return Some(self.r.core_type("int"));
        }
        if (l_int && r_double && arith) || (l_double && (arith || op == "unary-")) {
            return Some(self.r.core_type("double"));
        }
        None
    }

    /// Looks `name` up on a receiver's static type and reports what the front end would:
    /// a member missing on a known class, or access through a nullable type. `None` when
    /// the receiver's type gives no member (dynamic, type parameter, function, or error).
    pub fn check_member(
        &mut self,
        ty: &DartType,
        name: &str,
        want: Want,
        kind: AccessKind,
        span: Span,
    ) -> Option<(Found, ClassId)> {
        if let DartType::Extension { .. } = ty {
            let shown = self.r.type_display(ty);
            let what = match kind {
                AccessKind::Getter => "getter",
                AccessKind::Setter => "setter",
                AccessKind::Operator => "operator",
                _ => "method",
            };
            self.r.error(
                span,
                format!("The {what} '{name}' isn't defined for the type '{shown}'."),
            );
            return None;
        }
        let DartType::Interface {
            class, nullable, ..
        } = ty
        else {
            // `Null` receivers are left alone: after an error the placeholder is `null`,
            // and a literal `null.foo` is rare enough not to need a second message.
            return None;
        };
        let sym = Symbol::intern(name);
        if *nullable {
            return self.check_nullable(ty, name, want, kind, span);
        }
        match self.r.find_instance(*class, sym, want) {
            Some(f) => Some(f),
            None => {
                if Some(*class) == self.r.program.core.function && name == "call" {
                    return None;
                }
                let cname = self.r.class_name(*class);
                let lib = self
                    .r
                    .lib_display(self.r.program.classes[class.index()].library);
                let origin = messages::origin(cname, &lib);
                self.r
                    .error(span, messages::undefined_member(kind, name, cname, &origin));
                None
            }
        }
    }

    fn check_nullable(
        &mut self,
        ty: &DartType,
        name: &str,
        want: Want,
        kind: AccessKind,
        span: Span,
    ) -> Option<(Found, ClassId)> {
        let object = self.r.program.core.object?;
        let sym = Symbol::intern(name);
        if let Some(f) = self.r.find_instance(object, sym, want) {
            return Some(f);
        }
        if let DartType::Interface { class, .. } = ty {
            if self.r.find_instance(*class, sym, want).is_none() {
                return self.check_member(&make_non_nullable(ty.clone()), name, want, kind, span);
            }
        }
        let shown = self.r.type_display(ty);
        let origin = match ty {
            DartType::Interface { class, .. } => {
                let lib = self
                    .r
                    .lib_display(self.r.program.classes[class.index()].library);
                messages::origin(self.r.class_name(*class), &lib)
            }
            _ => String::new(),
        };
        self.r
            .error(span, messages::nullable_access(kind, name, &shown, &origin));
        None
    }

    // -- cascades ---------------------------------------------------------------------------------

    fn lower_cascade(
        &mut self,
        target: &'a ast::Expr,
        null_aware: bool,
        sections: &'a [ast::Expr],
        span: Span,
    ) -> ir::Expr {
        let recv = self.lower_expr(target);
        let recv_ty = recv.ty.clone();
        let inner_ty = if null_aware {
            make_non_nullable(recv_ty.clone())
        } else {
            recv_ty.clone()
        };
        let t = self.temp(recv_ty.clone(), span);
        self.frame().cascades.push((t, inner_ty));
        let stmts: Vec<ir::Stmt> = sections
            .iter()
            .map(|s| {
                let e = self.lower_expr(s);
                ir::Stmt {
                    kind: ir::StmtKind::Expr(e),
                    span: s.span,
                }
            })
            .collect();
        self.frame().cascades.pop();
        let value = self.local_get(t, span);
        let block = self.expr(
            ExprKind::Block {
                stmts,
                value: Box::new(value),
            },
            span,
            recv_ty.clone(),
        );
        let body = if null_aware {
            let test = {
                let g = self.local_get(t, span);
                self.is_null(g)
            };
            let null = self.null(span);
            self.expr(
                ExprKind::Conditional {
                    condition: Box::new(test),
                    then: Box::new(null),
                    otherwise: Box::new(block),
                },
                span,
                recv_ty.clone(),
            )
        } else {
            block
        };
        self.expr(
            ExprKind::Let {
                local: t,
                value: Box::new(recv),
                body: Box::new(body),
            },
            span,
            recv_ty,
        )
    }

    /// `switch (e) { c1 => v1, _ => v2 }` with constant cases: a conditional chain.
    fn lower_switch_expr(
        &mut self,
        subject: &'a ast::Expr,
        cases: &'a [ast::SwitchExprCase],
        span: Span,
    ) -> ir::Expr {
        let subject_ast = subject;
        let subject = self.lower_expr(subject);
        let subject_ty = subject.ty.clone();
        let t = self.temp(subject_ty.clone(), span);
        let mut arms = Vec::new();
        self.begin_pattern_cache();
        let entry = self.flow_state().clone();
        let mut next = entry.clone();
        let mut ends = Vec::new();
        for c in cases {
            self.push_scope();
            self.set_flow_state(next.clone());
            self.promote_case_subject(subject_ast, &[&c.head]);
            let always = is_catch_all(&c.head);
            let test = self.case_condition(&c.head, t, &subject_ty);
            next = self.after_case_head(&next, &c.head);
            let value = self.lower_expr(&c.body);
            ends.push(self.take_flow_state());
            self.pop_scope();
            arms.push((if always { None } else { Some(test) }, value));
        }
        let heads: Vec<&ast::CaseHead> = cases.iter().map(|c| &c.head).collect();
        self.check_switch_expression_exhaustive(&subject, &heads);
        // Valid switch expressions are exhaustive: the value comes from one of the arms.
        let after = FlowState::join_all(ends).unwrap_or_else(|| entry.unreachable());
        self.set_flow_state(after);
        let mut decls = self.take_pattern_decls(span);
        decls.extend(self.end_pattern_cache(span));
        let mut result = self.no_match(span);
        for (test, value) in arms.into_iter().rev() {
            result = match test {
                None => value,
                Some(c) => {
                    let ty = if matches!(result.ty, DartType::Never) {
                        value.ty.clone()
                    } else {
                        self.r.join(&value.ty, &result.ty)
                    };
                    self.expr(
                        ExprKind::Conditional {
                            condition: Box::new(c),
                            then: Box::new(value),
                            otherwise: Box::new(result),
                        },
                        span,
                        ty,
                    )
                }
            };
        }
        let ty = result.ty.clone();
        let body = if decls.is_empty() {
            result
        } else {
            self.expr(
                ExprKind::Block {
                    stmts: decls,
                    value: Box::new(result),
                },
                span,
                ty.clone(),
            )
        };
        self.expr(
            ExprKind::Let {
                local: t,
                value: Box::new(subject),
                body: Box::new(body),
            },
            span,
            ty,
        )
    }

    /// `throw StateError(...)` for a switch expression that matched nothing.
    fn no_match(&mut self, span: Span) -> ir::Expr {
        let message = self.constant(
            Constant::String("No switch expression case matched.".into()),
            span,
        );
        let error = match self.r.core_class("StateError") {
            Some(c) => {
                let ty = self.r.interface_type(c, Vec::new(), false);
                let call = super::calls::CtorCall {
                    class: c,
                    name: None,
                    ty,
                    span,
                    at: span,
                };
                let args = ir::Args {
                    type_args: None,
                    positional: vec![message],
                    named: Vec::new(),
                };
                self.construct(call, args, None)
            }
            None => None,
        };
        let error = error.unwrap_or_else(|| self.null(span));
        self.expr(ExprKind::Throw(Box::new(error)), span, DartType::Never)
    }
}

/// `_` without a guard: matches everything (and binds nothing).
fn is_catch_all(head: &ast::CaseHead) -> bool {
    head.guard.is_none() && matches!(head.pattern.kind, ast::PatternKind::Wildcard { ty: None })
}

/// A simple least upper bound: equal types, `T` and `Null` give `T?`, otherwise
/// `dynamic`.
pub(super) fn join_types(a: &DartType, b: &DartType) -> DartType {
    match (a, b) {
        _ if a == b => a.clone(),
        (DartType::Null, t) | (t, DartType::Null) => make_nullable(t.clone()),
        (DartType::Never, t) | (t, DartType::Never) => t.clone(),
        (DartType::RecordType(x), DartType::RecordType(y)) => {
            super::records::join_records(x, y, join_types)
        }
        (DartType::RecordType(x), DartType::Record { nullable })
        | (DartType::Record { nullable }, DartType::RecordType(x)) => DartType::Record {
            nullable: *nullable || x.nullable,
        },
        _ => DartType::Dynamic,
    }
}

impl Resolver<'_> {
    /// A least upper bound good enough for inference: equal types, `T` with `Null`, and
    /// for two class types the nearest common superclass (`int`/`double` give `num`).
    pub(super) fn join(&self, a: &DartType, b: &DartType) -> DartType {
        let (
            DartType::Interface {
                class: ca,
                args: aa,
                nullable: na,
            },
            DartType::Interface {
                class: cb,
                args: ab,
                nullable: nb,
            },
        ) = (a, b)
        else {
            return join_types(a, b);
        };
        let nullable = *na || *nb;
        if ca == cb {
            let args = if aa == ab {
                aa.clone()
            } else {
                vec![DartType::Dynamic; aa.len()]
            };
            return DartType::Interface {
                class: *ca,
                args,
                nullable,
            };
        }
        let mut cur = Some(*ca);
        let mut steps = 0;
        while let Some(c) = cur {
            if self.class_is_subclass(*cb, c) && self.class_is_subclass(*ca, c) && steps < 1000 {
                return self.interface_type(c, Vec::new(), nullable);
            }
            steps += 1;
            cur = self.program.classes[c.index()].superclass;
        }
        DartType::Dynamic
    }
}

/// An extension's type arguments from its `on` type matched against a receiver's static
/// type (`extension E<T> on List<T>` applied to a `List<int>`: `T` is `int`); `dynamic`
/// for what the match does not fix.
fn infer_on_type_args(on: &DartType, params: &[Symbol], recv: &DartType) -> Vec<DartType> {
    let mut out = vec![DartType::Dynamic; params.len()];
    bind_type_params(on, recv, params, &mut out);
    out
}

fn bind_type_params(
    pattern: &DartType,
    actual: &DartType,
    params: &[Symbol],
    out: &mut [DartType],
) {
    match (pattern, actual) {
        (DartType::TypeParameter { name, .. }, t) => {
            if let Some(i) = params.iter().position(|p| p == name) {
                if out[i] == DartType::Dynamic {
                    out[i] = make_non_nullable(t.clone());
                }
            }
        }
        (
            DartType::Interface {
                class: a, args: pa, ..
            },
            DartType::Interface {
                class: b, args: aa, ..
            },
        ) if a == b => {
            for (p, t) in pa.iter().zip(aa) {
                bind_type_params(p, t, params, out);
            }
        }
        _ => {}
    }
}
