//! Pattern matching (Dart 3 patterns in `switch` cases, switch expressions, `if-case`,
//! destructuring declarations and pattern assignments): a pattern becomes a boolean
//! expression over the matched value that also assigns the pattern's variables, e.g.
//! `case int x when x > 0` is `subject is int && { x = subject as int; true } && x > 0`.
//! Sub-values (fields, list elements, record fields) are read once into temporaries with
//! `Let`. A record pattern tests the shape (unless the static type already has it), then
//! reads each field directly.

use super::body::Lower;
use super::types::{make_non_nullable, make_nullable};
use crate::front::ast::{
    self, ListPatternElement, MapPatternEntry, PatternKind as P, RelationalOp,
};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, Constant, DartType, ExprKind, LocalId, RecordShape, StmtKind};

impl<'r, 'a> Lower<'r, 'a> {
    fn bool_const(&mut self, b: bool, span: Span) -> ir::Expr {
        self.constant(Constant::Bool(b), span)
    }

    fn and(&mut self, a: ir::Expr, b: ir::Expr) -> ir::Expr {
        let span = a.span;
        let ty = self.r.core_type("bool");
        self.expr(ExprKind::And(Box::new(a), Box::new(b)), span, ty)
    }

    fn or(&mut self, a: ir::Expr, b: ir::Expr) -> ir::Expr {
        let span = a.span;
        let ty = self.r.core_type("bool");
        self.expr(ExprKind::Or(Box::new(a), Box::new(b)), span, ty)
    }

    fn is_type(&mut self, value: ir::Expr, ty: DartType, span: Span) -> ir::Expr {
        self.is_check(value, ty, false, span)
    }

    /// `subject` read with a (checked or known) narrower static type.
    fn subject_as(&self, subject: LocalId, ty: &DartType, span: Span) -> ir::Expr {
        let mut e = self.local_get(subject, span);
        e.ty = ty.clone();
        e
    }

    /// `{ local = value; true }`
    fn bind(&mut self, local: LocalId, value: ir::Expr, span: Span) -> ir::Expr {
        let ty = self.frame_ref().locals[local.index()].ty.clone();
        let value = self.coerce(value, &ty);
        let set = self.expr(ExprKind::LocalSet(local, Box::new(value)), span, ty);
        let t = self.bool_const(true, span);
        let bool_ty = self.r.core_type("bool");
        self.expr(
            ExprKind::Block {
                stmts: vec![ir::Stmt {
                    kind: StmtKind::Expr(set),
                    span,
                }],
                value: Box::new(t),
            },
            span,
            bool_ty,
        )
    }

    /// `let t = value in test(t)`.
    fn with_temp(
        &mut self,
        value: ir::Expr,
        test: impl FnOnce(&mut Self, LocalId, DartType) -> ir::Expr,
    ) -> ir::Expr {
        let span = value.span;
        let ty = value.ty.clone();
        let t = self.temp(ty.clone(), span);
        let body = test(self, t, ty);
        let bool_ty = self.r.core_type("bool");
        self.expr(
            ExprKind::Let {
                local: t,
                value: Box::new(value),
                body: Box::new(body),
            },
            span,
            bool_ty,
        )
    }

    /// Declares pattern variable `name` (reusing the one of the same name when lowering
    /// the second branch of an `||` pattern).
    fn pattern_variable(&mut self, name: ast::Ident, ty: DartType, is_final: bool) -> LocalId {
        if self.reuse_pattern_variables {
            if let Some(&id) = self
                .frame_ref()
                .scopes
                .last()
                .and_then(|s| s.names.get(&name.name))
            {
                return id;
            }
        }
        let id = self.declare_local(name, ty, is_final || self.pattern_vars_final);
        self.pattern_locals.push(id);
        id
    }

    /// The boolean test of `pattern` against local `subject` of static type `ty`.
    /// Reports patterns that are not supported yet (and then gives `false`).
    pub fn match_pattern(
        &mut self,
        pattern: &'a ast::Pattern,
        subject: LocalId,
        ty: &DartType,
    ) -> ir::Expr {
        let span = pattern.span;
        // A value of an extension type is matched as its representation; only variable
        // patterns keep the extension type (for their members).
        let erased;
        let ty = match (ty, &pattern.kind) {
            (DartType::Extension { .. }, P::Variable { .. } | P::Paren(_)) => ty,
            (DartType::Extension { .. }, _) => {
                erased = self.r.erasure(ty);
                &erased
            }
            _ => ty,
        };
        match &pattern.kind {
            P::Paren(p) => self.match_pattern(p, subject, ty),
            P::Wildcard { ty: None } => self.bool_const(true, span),
            P::Wildcard { ty: Some(t) } => {
                let t = self.resolve_type(t);
                let s = self.local_get(subject, span);
                self.is_type(s, t, span)
            }
            P::Variable {
                is_final,
                ty: declared,
                name,
            } => self.match_variable(*name, declared.as_ref(), *is_final, subject, ty, span),
            P::Constant(e) => {
                let value = match self.eval_const(e, None) {
                    Some(c) => self.const_expr(c, e.span),
                    None => self.lower_expr(e),
                };
                let s = self.local_get(subject, span);
                let bool_ty = self.r.core_type("bool");
                self.expr(
                    ExprKind::Equals {
                        left: Box::new(value),
                        right: Box::new(s),
                        negated: false,
                    },
                    span,
                    bool_ty,
                )
            }
            P::Relational { op, operand } => self.match_relational(*op, operand, subject, ty, span),
            P::Or(a, b) => {
                let left = self.match_pattern(a, subject, ty);
                let saved = std::mem::replace(&mut self.reuse_pattern_variables, true);
                let right = self.match_pattern(b, subject, ty);
                self.reuse_pattern_variables = saved;
                self.or(left, right)
            }
            P::And(a, b) => {
                let left = self.match_pattern(a, subject, ty);
                let right = self.match_pattern(b, subject, ty);
                self.and(left, right)
            }
            P::NullCheck(p) => {
                let s = self.local_get(subject, span);
                let is_null = self.is_null(s);
                let bool_ty = self.r.core_type("bool");
                let not_null = self.expr(ExprKind::Not(Box::new(is_null)), span, bool_ty);
                let inner_ty = make_non_nullable(ty.clone());
                let inner = self.match_pattern(p, subject, &inner_ty);
                self.and(not_null, inner)
            }
            P::NullAssert(p) => {
                let s = self.local_get(subject, span);
                let inner_ty = make_non_nullable(ty.clone());
                let checked = self.expr(ExprKind::NullCheck(Box::new(s)), span, inner_ty);
                self.with_temp(checked, |l, t, tty| l.match_pattern(p, t, &tty))
            }
            P::Cast { pattern: p, ty: t } => {
                let t = self.resolve_type(t);
                let s = self.local_get(subject, span);
                let cast = self.expr(
                    ExprKind::As {
                        expr: Box::new(s),
                        ty: t.clone(),
                    },
                    span,
                    t,
                );
                self.with_temp(cast, |l, tmp, tty| l.match_pattern(p, tmp, &tty))
            }
            P::Object { ty: t, fields } => self.match_object(t, fields, subject, span),
            P::List { type_arg, elements } => {
                self.match_list(type_arg.as_ref(), elements, subject, ty, span)
            }
            P::Map { entries, .. } => self.match_map(entries, subject, ty, span),
            P::Record { fields } => self.match_record(fields, subject, ty, span),
            P::Assign(name) => {
                let value = self.subject_as(subject, ty, span);
                let assign = self.assign_to_name(*name, value, span);
                let t = self.bool_const(true, span);
                let bool_ty = self.r.core_type("bool");
                self.expr(
                    ExprKind::Block {
                        stmts: vec![ir::Stmt {
                            kind: StmtKind::Expr(assign),
                            span,
                        }],
                        value: Box::new(t),
                    },
                    span,
                    bool_ty,
                )
            }
            P::Error => self.bool_const(false, span),
        }
    }

    fn match_variable(
        &mut self,
        name: ast::Ident,
        declared: Option<&'a ast::TypeAnnotation>,
        is_final: bool,
        subject: LocalId,
        ty: &DartType,
        span: Span,
    ) -> ir::Expr {
        let declared = declared.map(|t| self.resolve_type(t));
        let var_ty = declared.clone().unwrap_or_else(|| ty.clone());
        let local = if name.name.as_str() == "_" {
            None
        } else {
            Some(self.pattern_variable(name, var_ty.clone(), is_final))
        };
        let value = self.subject_as(subject, &var_ty, span);
        let bind = match local {
            Some(l) => self.bind(l, value, span),
            None => self.bool_const(true, span),
        };
        match declared {
            Some(t) if self.r.is_subtype(ty, &t) != Some(true) => {
                let s = self.local_get(subject, span);
                let test = self.is_type(s, t, span);
                self.and(test, bind)
            }
            _ => bind,
        }
    }

    fn match_relational(
        &mut self,
        op: RelationalOp,
        operand: &'a ast::Expr,
        subject: LocalId,
        ty: &DartType,
        span: Span,
    ) -> ir::Expr {
        let value = match self.eval_const(operand, None) {
            Some(c) => self.const_expr(c, operand.span),
            None => self.lower_expr(operand),
        };
        let s = self.subject_as(subject, ty, span);
        let bool_ty = self.r.core_type("bool");
        let selector = match op {
            RelationalOp::Eq | RelationalOp::NotEq => {
                return self.expr(
                    ExprKind::Equals {
                        left: Box::new(s),
                        right: Box::new(value),
                        negated: op == RelationalOp::NotEq,
                    },
                    span,
                    bool_ty,
                );
            }
            RelationalOp::Lt => "<",
            RelationalOp::LtEq => "<=",
            RelationalOp::Gt => ">",
            RelationalOp::GtEq => ">=",
        };
        let call = self.operator_call(s, selector, vec![value], span, span);
        self.coerce(call, &bool_ty)
    }

    /// `Point(x: 0, :var y)`: a type test, then each field's getter matched.
    fn match_object(
        &mut self,
        t: &'a ast::TypeAnnotation,
        fields: &'a [ast::PatternField],
        subject: LocalId,
        span: Span,
    ) -> ir::Expr {
        let obj_ty = self.resolve_type(t);
        let s = self.local_get(subject, span);
        let mut test = self.is_type(s, obj_ty.clone(), span);
        for f in fields {
            let Some(name) = field_name(f) else {
                self.r
                    .unsupported(f.span, "object pattern fields without a name");
                continue;
            };
            let recv = self.subject_as(subject, &obj_ty, f.span);
            let get = self.dynamic_or_checked_get(recv, name, f.span);
            let sub = self.with_temp(get, |l, tmp, tty| l.match_pattern(&f.pattern, tmp, &tty));
            test = self.and(test, sub);
        }
        test
    }

    /// `[a, b, ...rest, z]`: a `List` type test, a length test, then each element.
    fn match_list(
        &mut self,
        type_arg: Option<&'a ast::TypeAnnotation>,
        elements: &'a [ListPatternElement],
        subject: LocalId,
        ty: &DartType,
        span: Span,
    ) -> ir::Expr {
        let element_ty = match type_arg {
            Some(t) => self.resolve_type(t),
            None => self.element_type(ty),
        };
        let list_ty = match self.r.core_class("List") {
            Some(c) => self.r.interface_type(c, vec![element_ty.clone()], false),
            None => DartType::Dynamic,
        };
        let rest = elements
            .iter()
            .position(|e| matches!(e, ListPatternElement::Rest(..)));
        let fixed = elements.len() - usize::from(rest.is_some());
        let s = self.local_get(subject, span);
        let mut test = self.is_type(s, list_ty.clone(), span);
        let recv = self.subject_as(subject, &list_ty, span);
        let length = self.dynamic_or_checked_get(
            recv,
            ast::Ident {
                name: Symbol::intern("length"),
                span,
            },
            span,
        );
        let n = self.constant(Constant::Int(fixed as i64), span);
        let length_test = match rest {
            Some(_) => {
                let call = self.operator_call(length, ">=", vec![n], span, span);
                let b = self.r.core_type("bool");
                self.coerce(call, &b)
            }
            None => {
                let b = self.r.core_type("bool");
                self.expr(
                    ExprKind::Equals {
                        left: Box::new(length),
                        right: Box::new(n),
                        negated: false,
                    },
                    span,
                    b,
                )
            }
        };
        test = self.and(test, length_test);
        for (i, el) in elements.iter().enumerate() {
            let sub = match el {
                ListPatternElement::Pattern(p) => {
                    let index = self.list_index(subject, &list_ty, i, rest, elements.len(), span);
                    let recv = self.subject_as(subject, &list_ty, span);
                    let get = self.operator_call(recv, "[]", vec![index], span, span);
                    self.with_temp(get, |l, tmp, tty| l.match_pattern(p, tmp, &tty))
                }
                ListPatternElement::Rest(Some(p), rspan) => {
                    let recv = self.subject_as(subject, &list_ty, *rspan);
                    let start = self.constant(Constant::Int(i as i64), *rspan);
                    let after = (elements.len() - i - 1) as i64;
                    let recv2 = self.subject_as(subject, &list_ty, *rspan);
                    let len = self.dynamic_or_checked_get(
                        recv2,
                        ast::Ident {
                            name: Symbol::intern("length"),
                            span: *rspan,
                        },
                        *rspan,
                    );
                    let k = self.constant(Constant::Int(after), *rspan);
                    let end = self.operator_call(len, "-", vec![k], *rspan, *rspan);
                    let slice = self.expr(
                        ExprKind::InstanceCall {
                            receiver: Box::new(recv),
                            selector: Symbol::intern("sublist"),
                            args: ir::Args {
                                type_args: None,
                                positional: vec![start, end],
                                named: Vec::new(),
                            },
                        },
                        *rspan,
                        list_ty.clone(),
                    );
                    self.with_temp(slice, |l, tmp, tty| l.match_pattern(p, tmp, &tty))
                }
                ListPatternElement::Rest(None, _) => continue,
            };
            test = self.and(test, sub);
        }
        test
    }

    /// Index of element `i`: from the front before a rest element, from the back after it.
    fn list_index(
        &mut self,
        subject: LocalId,
        list_ty: &DartType,
        i: usize,
        rest: Option<usize>,
        total: usize,
        span: Span,
    ) -> ir::Expr {
        match rest {
            Some(r) if i > r => {
                let recv = self.subject_as(subject, list_ty, span);
                let len = self.dynamic_or_checked_get(
                    recv,
                    ast::Ident {
                        name: Symbol::intern("length"),
                        span,
                    },
                    span,
                );
                let back = self.constant(Constant::Int((total - i) as i64), span);
                self.operator_call(len, "-", vec![back], span, span)
            }
            _ => self.constant(Constant::Int(i as i64), span),
        }
    }

    /// `{'k': p}`: a `Map` type test, then for each key `containsKey` and the value.
    fn match_map(
        &mut self,
        entries: &'a [MapPatternEntry],
        subject: LocalId,
        ty: &DartType,
        span: Span,
    ) -> ir::Expr {
        let map_ty = match (self.r.core_class("Map"), ty) {
            (Some(m), DartType::Interface { class, args, .. })
                if Some(*class) == self.r.program.core.map =>
            {
                self.r.interface_type(m, args.clone(), false)
            }
            (Some(m), _) => self.r.interface_type(m, Vec::new(), false),
            (None, _) => DartType::Dynamic,
        };
        let s = self.local_get(subject, span);
        let mut test = self.is_type(s, map_ty.clone(), span);
        for e in entries {
            let MapPatternEntry::Entry { key, value } = e else {
                continue;
            };
            let k = self.lower_expr(key);
            let sub = self.with_temp(k, |l, kt, _| {
                let recv = l.subject_as(subject, &map_ty, span);
                let kget = l.local_get(kt, span);
                let bool_ty = l.r.core_type("bool");
                let has = l.expr(
                    ExprKind::InstanceCall {
                        receiver: Box::new(recv),
                        selector: Symbol::intern("containsKey"),
                        args: ir::Args {
                            type_args: None,
                            positional: vec![kget],
                            named: Vec::new(),
                        },
                    },
                    span,
                    bool_ty,
                );
                let recv = l.subject_as(subject, &map_ty, span);
                let kget = l.local_get(kt, span);
                let get = l.operator_call(recv, "[]", vec![kget], span, span);
                let value_match = l.with_temp(get, |l, vt, vty| {
                    let vty = make_non_nullable(vty);
                    l.match_pattern(value, vt, &vty)
                });
                l.and(has, value_match)
            });
            test = self.and(test, sub);
        }
        test
    }

    /// `(p1, p2, name: p3, :var x)`: a shape test (unless the static type has the shape),
    /// then each field matched.
    fn match_record(
        &mut self,
        fields: &'a [ast::PatternField],
        subject: LocalId,
        ty: &DartType,
        span: Span,
    ) -> ir::Expr {
        let Some(shape) = self.record_pattern_shape(fields) else {
            for f in fields {
                self.declare_unsupported_vars(&f.pattern);
            }
            return self.bool_const(false, span);
        };
        let record_ty = match ty {
            DartType::RecordType(rt) if rt.shape == shape => make_non_nullable(ty.clone()),
            _ => {
                let field_ty = match ty {
                    DartType::Dynamic => DartType::Dynamic,
                    _ => make_nullable(self.r.core_type("Object")),
                };
                DartType::RecordType(Box::new(ir::RecordType {
                    fields: vec![field_ty; shape.field_count()],
                    shape: shape.clone(),
                    nullable: false,
                }))
            }
        };
        let DartType::RecordType(rt) = &record_ty else {
            return self.bool_const(false, span);
        };
        let field_types = rt.fields.clone();
        let mut test = match ty {
            DartType::RecordType(t) if t.shape == shape && !t.nullable => None,
            _ => {
                let s = self.local_get(subject, span);
                Some(self.is_type(s, record_ty.clone(), span))
            }
        };
        let mut next_positional = 0;
        for f in fields {
            let index = match field_name(f) {
                Some(n) if f.name.is_some() || f.implicit_name => {
                    shape.field_index(n.name.as_str()).unwrap_or(0)
                }
                _ => {
                    next_positional += 1;
                    next_positional - 1
                }
            };
            let recv = self.subject_as(subject, &record_ty, f.span);
            let field_ty = field_types[index].clone();
            let get = self.record_get(recv, shape.clone(), index, field_ty, f.span);
            let sub = self.with_temp(get, |l, tmp, tty| l.match_pattern(&f.pattern, tmp, &tty));
            test = Some(match test {
                Some(t) => self.and(t, sub),
                None => sub,
            });
        }
        test.unwrap_or_else(|| self.bool_const(true, span))
    }

    /// The shape a record pattern requires; `None` after reporting a field whose name is
    /// missing or repeated.
    fn record_pattern_shape(&mut self, fields: &[ast::PatternField]) -> Option<RecordShape> {
        let mut positional = 0;
        let mut named: Vec<Symbol> = Vec::new();
        for f in fields {
            if f.name.is_none() && !f.implicit_name {
                positional += 1;
                continue;
            }
            let Some(n) = field_name(f) else {
                self.r.error(
                    f.span,
                    "The getter name is not specified explicitly, and the pattern is not a variable.\n\
                     Try specifying the getter name explicitly, or using a variable pattern.",
                );
                return None;
            };
            if named.contains(&n.name) {
                self.r.error(
                    n.span,
                    format!("Duplicated field name '{}' in record pattern.", n.name),
                );
                return None;
            }
            named.push(n.name);
        }
        Some(RecordShape::new(positional, named))
    }

    /// `pattern = value` (a pattern assignment): matches, assigning the existing variables
    /// the pattern names; a value that does not fit throws a `StateError`. Its value is
    /// `value`.
    pub fn lower_pattern_assign(
        &mut self,
        pattern: &'a ast::Pattern,
        value: &'a ast::Expr,
        span: Span,
    ) -> ir::Expr {
        let v = self.lower_expr(value);
        let ty = v.ty.clone();
        let t = self.temp(ty.clone(), span);
        let test = self.match_pattern(pattern, t, &ty);
        let mut stmts = self.take_pattern_decls(span);
        let bool_ty = self.r.core_type("bool");
        let failed = self.expr(ExprKind::Not(Box::new(test)), span, bool_ty);
        let error = self.pattern_error(span);
        stmts.push(ir::Stmt {
            kind: StmtKind::If {
                condition: failed,
                then: Box::new(ir::Stmt {
                    kind: StmtKind::Expr(error),
                    span,
                }),
                otherwise: None,
            },
            span,
        });
        let result = self.local_get(t, span);
        let body = self.expr(
            ExprKind::Block {
                stmts,
                value: Box::new(result),
            },
            span,
            ty.clone(),
        );
        self.expr(
            ExprKind::Let {
                local: t,
                value: Box::new(v),
                body: Box::new(body),
            },
            span,
            ty,
        )
    }

    /// Declares the variables of a pattern that is reported as unsupported, so its
    /// uses do not cascade into "undefined name" errors.
    fn declare_unsupported_vars(&mut self, p: &'a ast::Pattern) {
        match &p.kind {
            P::Variable { name, .. } if name.name.as_str() != "_" => {
                self.pattern_variable(*name, DartType::Dynamic, false);
            }
            P::Or(a, b) | P::And(a, b) => {
                self.declare_unsupported_vars(a);
                self.declare_unsupported_vars(b);
            }
            P::Cast { pattern, .. }
            | P::NullCheck(pattern)
            | P::NullAssert(pattern)
            | P::Paren(pattern) => self.declare_unsupported_vars(pattern),
            P::List { elements, .. } => {
                for e in elements {
                    match e {
                        ListPatternElement::Pattern(p) | ListPatternElement::Rest(Some(p), _) => {
                            self.declare_unsupported_vars(p)
                        }
                        ListPatternElement::Rest(None, _) => {}
                    }
                }
            }
            P::Map { entries, .. } => {
                for e in entries {
                    if let MapPatternEntry::Entry { value, .. } = e {
                        self.declare_unsupported_vars(value);
                    }
                }
            }
            P::Record { fields } | P::Object { fields, .. } => {
                for f in fields {
                    self.declare_unsupported_vars(&f.pattern);
                }
            }
            _ => {}
        }
    }

    /// An irrefutable pattern in a declaration (`var [a, b] = e;`, `for (final
    /// MapEntry(:key, :value) in m.entries)`): declares the variables in the current
    /// scope and binds them; a value that does not fit throws a `StateError`.
    pub fn destructure(
        &mut self,
        pattern: &'a ast::Pattern,
        value: ir::Expr,
        is_final: bool,
        span: Span,
    ) -> Vec<ir::Stmt> {
        let ty = value.ty.clone();
        let subject = self.temp(ty.clone(), span);
        let mut stmts = vec![ir::Stmt {
            kind: StmtKind::VarDecl {
                local: subject,
                init: Some(value),
            },
            span,
        }];
        let saved = std::mem::replace(&mut self.pattern_vars_final, is_final);
        let test = self.match_pattern(pattern, subject, &ty);
        self.pattern_vars_final = saved;
        stmts.extend(self.take_pattern_decls(span));
        let bool_ty = self.r.core_type("bool");
        let failed = self.expr(ExprKind::Not(Box::new(test)), span, bool_ty);
        let error = self.pattern_error(span);
        stmts.push(ir::Stmt {
            kind: StmtKind::If {
                condition: failed,
                then: Box::new(ir::Stmt {
                    kind: StmtKind::Expr(error),
                    span,
                }),
                otherwise: None,
            },
            span,
        });
        stmts
    }

    /// `throw StateError('Pattern matching error')`.
    fn pattern_error(&mut self, span: Span) -> ir::Expr {
        let message = self.constant(Constant::String("Pattern matching error".into()), span);
        let error = self.r.core_class("StateError").and_then(|c| {
            let ty = self.r.interface_type(c, Vec::new(), false);
            let call = super::calls::CtorCall {
                class: c,
                name: None,
                ty,
                span,
                at: span,
            };
            self.construct(
                call,
                ir::Args {
                    type_args: None,
                    positional: vec![message],
                    named: Vec::new(),
                },
                None,
            )
        });
        let error = error.unwrap_or_else(|| self.null(span));
        self.expr(ExprKind::Throw(Box::new(error)), span, DartType::Never)
    }

    /// `if (e case P when g) s1 else s2`.
    pub fn lower_if_case(
        &mut self,
        subject: &'a ast::Expr,
        head: &'a ast::CaseHead,
        then: &'a ast::Stmt,
        otherwise: Option<&'a ast::Stmt>,
        span: Span,
    ) -> ir::Stmt {
        let value = self.lower_expr(subject);
        let ty = value.ty.clone();
        let t = self.temp(ty.clone(), span);
        self.push_scope();
        let test = self.case_condition(head, t, &ty);
        let decls = self.take_pattern_decls(span);
        let then = self.lower_stmt(then);
        self.pop_scope();
        let otherwise = otherwise.map(|o| {
            self.push_scope();
            let s = self.lower_stmt(o);
            self.pop_scope();
            Box::new(s)
        });
        let mut stmts = vec![ir::Stmt {
            kind: StmtKind::VarDecl {
                local: t,
                init: Some(value),
            },
            span,
        }];
        stmts.extend(decls);
        stmts.push(ir::Stmt {
            kind: StmtKind::If {
                condition: test,
                then: Box::new(then),
                otherwise,
            },
            span,
        });
        ir::Stmt {
            kind: StmtKind::Block(stmts),
            span,
        }
    }

    /// The pattern test and the guard of a case head.
    pub fn case_condition(
        &mut self,
        head: &'a ast::CaseHead,
        subject: LocalId,
        ty: &DartType,
    ) -> ir::Expr {
        let test = self.match_pattern(&head.pattern, subject, ty);
        match &head.guard {
            Some(g) => {
                let guard = self.lower_condition(g);
                self.and(test, guard)
            }
            None => test,
        }
    }

    /// `VarDecl`s (no initialiser) for the pattern variables declared since the last call,
    /// so captured ones get their boxes before the match assigns them.
    pub fn take_pattern_decls(&mut self, span: Span) -> Vec<ir::Stmt> {
        std::mem::take(&mut self.pattern_locals)
            .into_iter()
            .map(|local| ir::Stmt {
                kind: StmtKind::VarDecl { local, init: None },
                span,
            })
            .collect()
    }
}

/// The getter an object pattern field reads: written (`x: p`) or implied by the
/// variable (`:var x`).
fn field_name(f: &ast::PatternField) -> Option<ast::Ident> {
    if let Some(n) = f.name {
        return Some(n);
    }
    fn var_name(p: &ast::Pattern) -> Option<ast::Ident> {
        match &p.kind {
            P::Variable { name, .. } | P::Assign(name) => Some(*name),
            P::NullCheck(inner) | P::NullAssert(inner) | P::Paren(inner) => var_name(inner),
            P::Cast { pattern, .. } => var_name(pattern),
            _ => None,
        }
    }
    var_name(&f.pattern)
}
