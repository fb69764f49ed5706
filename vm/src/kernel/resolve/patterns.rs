//! Pattern matching (Dart 3 patterns in `switch` cases, switch expressions, `if-case`,
//! destructuring declarations and pattern assignments): a pattern becomes a boolean
//! expression over the matched value that also assigns the pattern's variables, e.g.
//! `case int x when x > 0` is `subject is int && { x = subject as int; true } && x > 0`.
//! Sub-values (fields, list elements, record fields) are read once into temporaries with
//! `Let`. A record pattern tests the shape (unless the static type already has it), then
//! reads each field directly.

use super::body::Lower;
use super::exhaustiveness::PatternFact;
use super::pattern_cache::{Invocation, KeyId};
use super::promotion::FlowState;
use super::types::{make_non_nullable, make_nullable};
use crate::front::ast::{
    self, ListPatternElement, MapPatternEntry, PatternKind as P, RelationalOp,
};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{
    self, ConstId, Constant, DartType, ExprKind, LocalId, RecordShape, StmtKind,
};

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
    /// In a further case head sharing a body, a variable whose type differs from the
    /// earlier head's is that head's own (not shared: the body cannot use it, but the
    /// head's guard can).
    fn pattern_variable(&mut self, name: ast::Ident, ty: DartType, is_final: bool) -> LocalId {
        let is_final = is_final || self.pattern_vars_final;
        if self.reuse_pattern_variables {
            if let Some(&id) = self
                .frame_ref()
                .scopes
                .last()
                .and_then(|s| s.names.get(&name.name))
            {
                let existing = &self.frame_ref().locals[id.index()];
                let same = existing.ty == ty && existing.is_final == is_final;
                if same || !self.shared_case_heads {
                    return id;
                }
                let own = self.new_local(name.name, name.span, ty, is_final);
                if let Some(scope) = self.frame().scopes.last_mut() {
                    scope.names.insert(name.name, own);
                }
                self.pattern_locals.push(own);
                return own;
            }
        }
        let id = self.declare_local(name, ty, is_final);
        self.pattern_locals.push(id);
        id
    }

    /// The boolean test of `pattern` against local `subject` of static type `ty` (the
    /// matched value of the innermost invocation-key scope).
    /// Reports patterns that are not supported yet (and then gives `false`).
    pub fn match_pattern(
        &mut self,
        pattern: &'a ast::Pattern,
        subject: LocalId,
        ty: &DartType,
    ) -> ir::Expr {
        self.match_at(pattern, subject, KeyId::ROOT, ty)
    }

    /// `match_pattern` on a value whose invocation key is `key`.
    fn match_at(
        &mut self,
        pattern: &'a ast::Pattern,
        subject: LocalId,
        key: KeyId,
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
            P::Paren(p) => self.match_at(p, subject, key, ty),
            P::Wildcard { ty: None } => self.bool_const(true, span),
            P::Wildcard { ty: Some(t) } => {
                let t = self.resolve_type(t);
                self.note_pattern_type(span, &t);
                let s = self.local_get(subject, span);
                self.is_type(s, t, span)
            }
            P::Variable {
                is_final,
                ty: declared,
                name,
            } => self.match_variable(*name, declared.as_ref(), *is_final, subject, ty, span),
            P::Constant(e) => self.match_constant(e, subject, key, span),
            P::Relational { op, operand } => {
                self.match_relational(*op, operand, subject, key, ty, span)
            }
            P::Or(a, b) => {
                let left = self.match_at(a, subject, key, ty);
                let saved = std::mem::replace(&mut self.reuse_pattern_variables, true);
                let right = self.match_at(b, subject, key, ty);
                self.reuse_pattern_variables = saved;
                self.or(left, right)
            }
            P::And(a, b) => {
                let left = self.match_at(a, subject, key, ty);
                let right = self.match_at(b, subject, key, ty);
                self.and(left, right)
            }
            P::NullCheck(p) => {
                let s = self.local_get(subject, span);
                let is_null = self.is_null(s);
                let bool_ty = self.r.core_type("bool");
                let not_null = self.expr(ExprKind::Not(Box::new(is_null)), span, bool_ty);
                let inner_ty = make_non_nullable(ty.clone());
                let inner = self.match_at(p, subject, key, &inner_ty);
                self.and(not_null, inner)
            }
            P::NullAssert(p) => {
                let s = self.local_get(subject, span);
                let inner_ty = make_non_nullable(ty.clone());
                let checked = self.expr(ExprKind::NullCheck(Box::new(s)), span, inner_ty);
                self.with_temp(checked, |l, t, tty| l.match_at(p, t, key, &tty))
            }
            P::Cast { pattern: p, ty: t } => {
                let t = self.resolve_type(t);
                self.note_pattern_type(span, &t);
                let s = self.local_get(subject, span);
                let cast = self.expr(
                    ExprKind::As {
                        expr: Box::new(s),
                        ty: t.clone(),
                        implicit: false,
                    },
                    span,
                    t,
                );
                self.with_temp(cast, |l, tmp, tty| l.match_at(p, tmp, key, &tty))
            }
            P::Object { ty: t, fields } => self.match_object(t, fields, subject, key, span),
            P::List { type_arg, elements } => {
                let list = ListPattern {
                    type_arg: type_arg.as_ref(),
                    elements,
                    span,
                };
                self.match_list(list, subject, key, ty)
            }
            P::Map { type_args, entries } => {
                self.match_map(type_args, entries, subject, key, ty, span)
            }
            P::Record { fields } => self.match_record(fields, subject, key, ty, span),
            P::Assign(name) => {
                let value = self.subject_as(subject, ty, span);
                let assign = self.defer_pattern_assign(*name, value, span);
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

    /// In a pattern assignment, `x = value` for a local `x` becomes `t = value` (checked
    /// against `x`'s type now) with `x = t` deferred until the whole pattern matched.
    fn defer_pattern_assign(&mut self, name: ast::Ident, value: ir::Expr, span: Span) -> ir::Expr {
        let local = match self.deferred_pattern_assigns {
            Some(_) => self.lookup_local(name.name, name.span).ok().flatten(),
            None => None,
        };
        let Some(local) = local else {
            return self.assign_to_name(name, value, span);
        };
        let checked = self.coerce(value, &local.declared_ty);
        let tmp = self.temp(checked.ty.clone(), span);
        let stash = self.expr(
            ExprKind::LocalSet(tmp, Box::new(checked)),
            span,
            DartType::Dynamic,
        );
        let stashed = self.local_get(tmp, span);
        let write = self.assign_to_name(name, stashed, span);
        if let Some(list) = &mut self.deferred_pattern_assigns {
            list.push(ir::Stmt {
                kind: StmtKind::Expr(write),
                span,
            });
        }
        stash
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
        if let Some(t) = &declared {
            self.note_pattern_type(span, t);
        }
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

    /// Records a typed pattern's resolved type for the exhaustiveness check.
    fn note_pattern_type(&mut self, span: Span, ty: &DartType) {
        self.pattern_facts
            .insert(span, PatternFact::Type(ty.clone()));
    }

    /// A constant pattern: `c == v`, once per constant whose `==` could be user code.
    fn match_constant(
        &mut self,
        e: &'a ast::Expr,
        subject: LocalId,
        key: KeyId,
        span: Span,
    ) -> ir::Expr {
        let c = self.eval_const(e, None);
        self.pattern_facts.insert(span, PatternFact::Const(c));
        let value = match c {
            Some(c) => self.const_expr(c, e.span),
            None => self.lower_expr(e),
        };
        let s = self.local_get(subject, span);
        let bool_ty = self.r.core_type("bool");
        let test = self.expr(
            ExprKind::Equals {
                left: Box::new(value),
                right: Box::new(s),
                negated: false,
            },
            span,
            bool_ty,
        );
        let primitive = c.is_some_and(|c| {
            matches!(
                self.r.program.constants[c.index()],
                Constant::Null
                    | Constant::Bool(_)
                    | Constant::Int(_)
                    | Constant::Double(_)
                    | Constant::String(_)
            )
        });
        let invocation = c.filter(|_| !primitive).map(Invocation::ConstantEquals);
        self.cached_test(key, invocation, test)
    }

    /// A boolean invocation result, shared under its key (`None`: evaluated here).
    fn cached_test(
        &mut self,
        parent: KeyId,
        invocation: Option<Invocation>,
        test: ir::Expr,
    ) -> ir::Expr {
        if invocation.is_none() {
            return test;
        }
        let span = test.span;
        self.with_invocation(parent, invocation, test, |l, v, _, ty| {
            l.subject_as(v, &ty, span)
        })
    }

    /// Values of these static types have operators no user code can override, so their
    /// calls need no invocation key.
    fn has_primitive_operators(&self, ty: &DartType) -> bool {
        let ty = make_non_nullable(ty.clone());
        ["int", "double", "num", "String", "bool"]
            .iter()
            .any(|n| self.r.is_core_type(&ty, n))
    }

    fn match_relational(
        &mut self,
        op: RelationalOp,
        operand: &'a ast::Expr,
        subject: LocalId,
        key: KeyId,
        ty: &DartType,
        span: Span,
    ) -> ir::Expr {
        let c = self.eval_const(operand, None);
        let value = match c {
            Some(c) => self.const_expr(c, operand.span),
            None => self.lower_expr(operand),
        };
        let s = self.subject_as(subject, ty, span);
        let bool_ty = self.r.core_type("bool");
        let selector = match op {
            RelationalOp::Eq | RelationalOp::NotEq => "==",
            RelationalOp::Lt => "<",
            RelationalOp::LtEq => "<=",
            RelationalOp::Gt => ">",
            RelationalOp::GtEq => ">=",
        };
        let call = if selector == "==" {
            self.expr(
                ExprKind::Equals {
                    left: Box::new(s),
                    right: Box::new(value),
                    negated: false,
                },
                span,
                bool_ty.clone(),
            )
        } else {
            let call = self.operator_call(s, selector, vec![value], span, span);
            self.coerce(call, &bool_ty)
        };
        let invocation = c
            .filter(|_| !self.has_primitive_operators(ty))
            .map(|operand| Invocation::Relational {
                op: selector,
                operand,
            });
        let test = self.cached_test(key, invocation, call);
        if op == RelationalOp::NotEq {
            self.expr(ExprKind::Not(Box::new(test)), span, bool_ty)
        } else {
            test
        }
    }

    /// `Point(x: 0, :var y)`: a type test, then each field's getter matched.
    fn match_object(
        &mut self,
        t: &'a ast::TypeAnnotation,
        fields: &'a [ast::PatternField],
        subject: LocalId,
        key: KeyId,
        span: Span,
    ) -> ir::Expr {
        let obj_ty = self.resolve_type(t);
        self.note_pattern_type(span, &obj_ty);
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
            let extension = match &get.kind {
                ExprKind::StaticCall {
                    target,
                    receiver: None,
                    ..
                } => Some(*target),
                _ => None,
            };
            let invocation = Invocation::Getter {
                name: name.name,
                extension,
            };
            let sub = self.with_invocation(key, Some(invocation), get, |l, tmp, k, tty| {
                l.match_at(&f.pattern, tmp, k, &tty)
            });
            test = self.and(test, sub);
        }
        test
    }

    /// `[a, b, ...rest, z]`: a `List` type test, a length test, then each element (the
    /// order and calls of the specification's "List" matching steps).
    fn match_list(
        &mut self,
        list: ListPattern<'a>,
        subject: LocalId,
        key: KeyId,
        ty: &DartType,
    ) -> ir::Expr {
        let span = list.span;
        let element_ty = match list.type_arg {
            Some(t) => self.resolve_type(t),
            None => self.element_type(ty),
        };
        let list_ty = match self.r.core_class("List") {
            Some(c) => self.r.interface_type(c, vec![element_ty], false),
            None => DartType::Dynamic,
        };
        let s = self.local_get(subject, span);
        let type_test = self.is_type(s, list_ty.clone(), span);
        let shape = ListShape::of(list.elements);
        let body = if shape.rest.is_some() && shape.head + shape.tail == 0 {
            // `[...]` / `[...r]`: no length check.
            self.match_list_elements(&list, &list_ty, shape, subject, key, None)
        } else {
            let recv = self.subject_as(subject, &list_ty, span);
            let length = self.dynamic_or_checked_get(recv, ident("length", span), span);
            self.with_invocation(
                key,
                Some(Invocation::Length),
                length,
                |l, len, _, len_ty| {
                    let test = l.list_length_test(shape, len, &len_ty, span);
                    let elements =
                        l.match_list_elements(&list, &list_ty, shape, subject, key, Some(len));
                    l.and(test, elements)
                },
            )
        };
        self.and(type_test, body)
    }

    /// `l == h`, `l >= h + t` with a rest element, `!(l > 0)` for `[]`.
    fn list_length_test(
        &mut self,
        shape: ListShape,
        len: LocalId,
        len_ty: &DartType,
        span: Span,
    ) -> ir::Expr {
        let length = self.subject_as(len, len_ty, span);
        let n = self.constant(Constant::Int((shape.head + shape.tail) as i64), span);
        let bool_ty = self.r.core_type("bool");
        let op = match (shape.rest, shape.head + shape.tail) {
            (Some(_), _) => ">=",
            (None, 0) => "<=",
            (None, _) => {
                return self.expr(
                    ExprKind::Equals {
                        left: Box::new(length),
                        right: Box::new(n),
                        negated: false,
                    },
                    span,
                    bool_ty,
                );
            }
        };
        let call = self.operator_call(length, op, vec![n], span, span);
        self.coerce(call, &bool_ty)
    }

    /// The element subpatterns of a list pattern in order; `len` holds the length (absent
    /// for a lone rest element).
    fn match_list_elements(
        &mut self,
        list: &ListPattern<'a>,
        list_ty: &DartType,
        shape: ListShape,
        subject: LocalId,
        key: KeyId,
        len: Option<LocalId>,
    ) -> ir::Expr {
        let span = list.span;
        let mut test: Option<ir::Expr> = None;
        for (i, el) in list.elements.iter().enumerate() {
            let sub = match el {
                // A bare `_` element reads nothing.
                ListPatternElement::Pattern(p) if matches!(p.kind, P::Wildcard { ty: None }) => {
                    continue
                }
                ListPatternElement::Pattern(p) => {
                    let from_end = (list.elements.len() - i) as i64;
                    let (index, invocation) = match (shape.rest, len) {
                        (Some(r), Some(len)) if i > r => {
                            let back = self.constant(Constant::Int(from_end), p.span);
                            let int_ty = self.r.core_type("int");
                            let l = self.subject_as(len, &int_ty, p.span);
                            let index = self.operator_call(l, "-", vec![back], p.span, p.span);
                            (index, Invocation::TailIndex(from_end))
                        }
                        _ => {
                            let index = self.constant(Constant::Int(i as i64), p.span);
                            (index, Invocation::Index(i as i64))
                        }
                    };
                    let recv = self.subject_as(subject, list_ty, p.span);
                    let get = self.operator_call(recv, "[]", vec![index], p.span, p.span);
                    self.with_invocation(key, Some(invocation), get, |l, tmp, k, tty| {
                        l.match_at(p, tmp, k, &tty)
                    })
                }
                ListPatternElement::Rest(Some(p), rspan) => {
                    let slice = self.list_sublist(list_ty, shape, subject, len, *rspan);
                    let invocation = Invocation::Sublist {
                        head: shape.head as i64,
                        tail: shape.tail as i64,
                    };
                    self.with_invocation(key, Some(invocation), slice, |l, tmp, k, tty| {
                        l.match_at(p, tmp, k, &tty)
                    })
                }
                ListPatternElement::Rest(None, _) => continue,
            };
            test = Some(match test {
                Some(t) => self.and(t, sub),
                None => sub,
            });
        }
        test.unwrap_or_else(|| self.bool_const(true, span))
    }

    /// `v.sublist(h)`, or `v.sublist(h, l - t)` when elements follow the rest element.
    fn list_sublist(
        &mut self,
        list_ty: &DartType,
        shape: ListShape,
        subject: LocalId,
        len: Option<LocalId>,
        span: Span,
    ) -> ir::Expr {
        let recv = self.subject_as(subject, list_ty, span);
        let start = self.constant(Constant::Int(shape.head as i64), span);
        let mut positional = vec![start];
        if let (Some(len), true) = (len, shape.tail > 0) {
            let int_ty = self.r.core_type("int");
            let l = self.subject_as(len, &int_ty, span);
            let t = self.constant(Constant::Int(shape.tail as i64), span);
            positional.push(self.operator_call(l, "-", vec![t], span, span));
        }
        self.expr(
            ExprKind::InstanceCall {
                receiver: Box::new(recv),
                selector: Symbol::intern("sublist"),
                args: ir::Args {
                    type_args: None,
                    positional,
                    named: Vec::new(),
                },
            },
            span,
            list_ty.clone(),
        )
    }

    /// The key and value types a map pattern requires: its type arguments, else those
    /// of the matched value's `Map` supertype (`dynamic` when it has none).
    fn map_pattern_types(
        &mut self,
        type_args: &'a [ast::TypeAnnotation],
        ty: &DartType,
    ) -> (DartType, DartType) {
        if let [k, v] = type_args {
            return (self.resolve_type(k), self.resolve_type(v));
        }
        let args = self
            .r
            .core_class("Map")
            .and_then(|m| self.r.supertype_args(&make_non_nullable(ty.clone()), m));
        match args.as_deref() {
            Some([k, v]) => (k.clone(), v.clone()),
            _ => (DartType::Dynamic, DartType::Dynamic),
        }
    }

    /// `{'k': p}`: a `Map` type test, then for each entry `v[k]`, `containsKey(k)` only
    /// when that gave `null` and `null is V`, and the value subpattern.
    fn match_map(
        &mut self,
        type_args: &'a [ast::TypeAnnotation],
        entries: &'a [MapPatternEntry],
        subject: LocalId,
        key: KeyId,
        ty: &DartType,
        span: Span,
    ) -> ir::Expr {
        let (key_ty, value_ty) = self.map_pattern_types(type_args, ty);
        let map_ty = match self.r.core_class("Map") {
            Some(m) => self
                .r
                .interface_type(m, vec![key_ty, value_ty.clone()], false),
            None => DartType::Dynamic,
        };
        let s = self.local_get(subject, span);
        let mut test = self.is_type(s, map_ty.clone(), span);
        let map = MapSubject {
            local: subject,
            key,
            ty: map_ty,
            value_ty,
        };
        for e in entries {
            let MapPatternEntry::Entry { key, value } = e else {
                continue;
            };
            let sub = match self.eval_const(key, None) {
                Some(c) => self.match_map_entry(&map, MapKey::Const(c), value, span),
                None => {
                    let k = self.lower_expr(key);
                    self.with_temp(k, |l, kt, _| {
                        l.match_map_entry(&map, MapKey::Temp(kt), value, span)
                    })
                }
            };
            test = self.and(test, sub);
        }
        test
    }

    fn match_map_entry(
        &mut self,
        map: &MapSubject,
        k: MapKey,
        value: &'a ast::Pattern,
        span: Span,
    ) -> ir::Expr {
        let recv = self.subject_as(map.local, &map.ty, span);
        let kget = self.map_key(k, span);
        let get = self.operator_call(recv, "[]", vec![kget], span, span);
        let invocation = match k {
            MapKey::Const(c) => Some(Invocation::MapGet(c)),
            MapKey::Temp(_) => None,
        };
        self.with_invocation(map.key, invocation, get, |l, r, rkey, _| {
            let got = l.local_get(r, span);
            let is_null = l.is_null(got);
            let bool_ty = l.r.core_type("bool");
            let mut present = l.expr(ExprKind::Not(Box::new(is_null)), span, bool_ty);
            if let Some(has) = l.map_contains_key(map, k, span) {
                present = l.or(present, has);
            }
            let sub = l.match_at(value, r, rkey, &map.value_ty);
            l.and(present, sub)
        })
    }

    /// `(null is V) && v.containsKey(k)`, simplified when `V`'s nullability is known
    /// (`None`: `V` is non-nullable, so a `null` value means a missing key).
    fn map_contains_key(&mut self, map: &MapSubject, k: MapKey, span: Span) -> Option<ir::Expr> {
        let null_is_v = self.r.is_subtype(&DartType::Null, &map.value_ty);
        if null_is_v == Some(false) {
            return None;
        }
        let recv = self.subject_as(map.local, &map.ty, span);
        let kget = self.map_key(k, span);
        let bool_ty = self.r.core_type("bool");
        let call = self.expr(
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
        let invocation = match k {
            MapKey::Const(c) => Some(Invocation::ContainsKey(c)),
            MapKey::Temp(_) => None,
        };
        let has = self.cached_test(map.key, invocation, call);
        if null_is_v == Some(true) {
            return Some(has);
        }
        let null = self.null(span);
        let null_test = self.is_type(null, map.value_ty.clone(), span);
        Some(self.and(null_test, has))
    }

    fn map_key(&mut self, k: MapKey, span: Span) -> ir::Expr {
        match k {
            MapKey::Const(c) => self.const_expr(c, span),
            MapKey::Temp(t) => self.local_get(t, span),
        }
    }

    /// `(p1, p2, name: p3, :var x)`: a shape test (unless the static type has the shape),
    /// then each field matched.
    fn match_record(
        &mut self,
        fields: &'a [ast::PatternField],
        subject: LocalId,
        key: KeyId,
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
            let (index, getter) = match field_name(f) {
                Some(n) if f.name.is_some() || f.implicit_name => {
                    (shape.field_index(n.name.as_str()).unwrap_or(0), n.name)
                }
                _ => {
                    next_positional += 1;
                    let getter = Symbol::intern(&format!("${next_positional}"));
                    (next_positional - 1, getter)
                }
            };
            let recv = self.subject_as(subject, &record_ty, f.span);
            let field_ty = field_types[index].clone();
            let get = self.record_get(recv, shape.clone(), index, field_ty, f.span);
            let field_key = self.pure_key(
                key,
                Invocation::Getter {
                    name: getter,
                    extension: None,
                },
            );
            let sub = self.with_temp(get, |l, tmp, tty| {
                l.match_at(&f.pattern, tmp, field_key, &tty)
            });
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
        let v = self.lower_in_pattern_context(pattern, value);
        let ty = v.ty.clone();
        let t = self.temp(ty.clone(), span);
        self.begin_pattern_cache();
        let outer = self.deferred_pattern_assigns.replace(Vec::new());
        let test = self.match_pattern(pattern, t, &ty);
        let assigns = std::mem::replace(&mut self.deferred_pattern_assigns, outer);
        let mut stmts = self.take_pattern_decls(span);
        stmts.extend(self.end_pattern_cache(span));
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
        stmts.extend(assigns.unwrap_or_default());
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
        self.begin_pattern_cache();
        let test = self.match_pattern(pattern, subject, &ty);
        self.pattern_vars_final = saved;
        stmts.extend(self.take_pattern_decls(span));
        stmts.extend(self.end_pattern_cache(span));
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

    /// The context type schema `pattern` gives the value it is matched against
    /// (patterns specification, "Pattern context type schema"); `None` is the unknown
    /// schema `_`. A collection whose element schema is unknown gives no context at all
    /// (`List<_>` has no `DartType`; `List<dynamic>` would be wrong for its literal).
    pub fn pattern_schema(&mut self, pattern: &'a ast::Pattern) -> Option<DartType> {
        match &pattern.kind {
            P::Paren(inner) => self.pattern_schema(inner),
            P::Variable { ty: Some(t), .. } | P::Wildcard { ty: Some(t) } => {
                Some(self.resolve_type(t))
            }
            P::Assign(name) => self.visible_local_type(name.name),
            P::NullAssert(inner) => self.pattern_schema(inner).map(make_nullable),
            P::And(a, b) => {
                let a = self.pattern_schema(a);
                let b = self.pattern_schema(b);
                self.schema_glb(a, b)
            }
            P::List { type_arg, elements } => {
                let element = match type_arg {
                    Some(t) => Some(self.resolve_type(t)),
                    None => self.list_element_schema(elements),
                }?;
                let list = self.r.core_class("List")?;
                Some(self.r.interface_type(list, vec![element], false))
            }
            P::Map { type_args, .. } if type_args.len() == 2 => {
                let args = type_args.iter().map(|t| self.resolve_type(t)).collect();
                let map = self.r.core_class("Map")?;
                Some(self.r.interface_type(map, args, false))
            }
            P::Record { fields } => self.record_schema(fields),
            P::Object { ty, .. } => Some(self.resolve_type(ty)),
            _ => None,
        }
    }

    /// The initialiser of a pattern declaration or assignment, lowered in the pattern's
    /// context: an integer literal there becomes a double when the context is `double`.
    pub fn lower_in_pattern_context(
        &mut self,
        pattern: &'a ast::Pattern,
        init: &'a ast::Expr,
    ) -> ir::Expr {
        let schema = self.pattern_schema(pattern);
        self.context_type = schema.clone();
        let value = self.lower_expr(init);
        match schema {
            Some(t)
                if matches!(value.kind, ExprKind::Const(_))
                    && self.r.is_core_type(&make_non_nullable(t.clone()), "double") =>
            {
                self.coerce(value, &t)
            }
            _ => value,
        }
    }

    /// The greatest lower bound of two schemas, where one is a subtype of the other.
    fn schema_glb(&mut self, a: Option<DartType>, b: Option<DartType>) -> Option<DartType> {
        match (a, b) {
            (Some(a), Some(b)) => {
                if self.schema_is_subtype(&a, &b) {
                    Some(a)
                } else if self.schema_is_subtype(&b, &a) {
                    Some(b)
                } else {
                    None
                }
            }
            (a, None) => a,
            (None, b) => b,
        }
    }

    /// `s <: t` with the type arguments of generic classes compared (covariantly).
    fn schema_is_subtype(&self, s: &DartType, t: &DartType) -> bool {
        if self.r.is_subtype(s, t) != Some(true) {
            return false;
        }
        let DartType::Interface {
            class, args: targs, ..
        } = t
        else {
            return true;
        };
        if targs.is_empty() {
            return true;
        }
        match self.r.supertype_args(&make_non_nullable(s.clone()), *class) {
            Some(sargs) => {
                sargs.len() == targs.len()
                    && sargs
                        .iter()
                        .zip(targs)
                        .all(|(a, b)| self.schema_is_subtype(a, b))
            }
            None => false,
        }
    }

    /// The element schema of an untyped list pattern: the bound of its elements' schemas
    /// (a rest element contributes `T` when its schema is an `Iterable<T>`).
    fn list_element_schema(&mut self, elements: &'a [ListPatternElement]) -> Option<DartType> {
        let mut schemas = Vec::new();
        for e in elements {
            let schema = match e {
                ListPatternElement::Pattern(p) => self.pattern_schema(p),
                ListPatternElement::Rest(Some(p), _) => {
                    let iterable = self.r.core_class("Iterable")?;
                    self.pattern_schema(p)
                        .and_then(|t| self.r.supertype_args(&t, iterable))
                        .and_then(|args| args.into_iter().next())
                }
                ListPatternElement::Rest(None, _) => continue,
            };
            schemas.push(schema);
        }
        // An element with the unknown schema leaves the bound of the others; none known
        // leaves `_`.
        schemas
            .into_iter()
            .reduce(|a, b| self.schema_glb(a, b))
            .flatten()
    }

    /// `(int, _, name: String)`: unknown fields are `dynamic` (a record literal's field
    /// then takes no context); all unknown is `_`.
    fn record_schema(&mut self, fields: &'a [ast::PatternField]) -> Option<DartType> {
        let shape = self.record_pattern_shape(fields)?;
        let mut types = vec![DartType::Dynamic; shape.field_count()];
        let mut known = false;
        let mut next_positional = 0;
        for f in fields {
            let index = match field_name(f) {
                Some(n) if f.name.is_some() || f.implicit_name => {
                    shape.field_index(n.name.as_str())?
                }
                _ => {
                    next_positional += 1;
                    next_positional - 1
                }
            };
            if let Some(t) = self.pattern_schema(&f.pattern) {
                types[index] = t;
                known = true;
            }
        }
        known.then(|| {
            DartType::RecordType(Box::new(ir::RecordType {
                fields: types,
                shape,
                nullable: false,
            }))
        })
    }

    /// The declared type of the visible local `name` (the schema of an identifier
    /// pattern in an assignment).
    pub(super) fn visible_local_type(&self, name: Symbol) -> Option<DartType> {
        self.frames.iter().rev().find_map(|f| {
            f.scopes
                .iter()
                .rev()
                .find_map(|s| s.names.get(&name))
                .map(|id| f.locals[id.index()].ty.clone())
        })
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
        self.begin_pattern_cache();
        let before = self.flow_state().clone();
        self.promote_case_subject(subject, &[head]);
        let test = self.case_condition(head, t, &ty);
        let when_false = match &head.guard {
            Some(g) => {
                let (when_true, when_false) = self.condition_outcomes(g);
                self.set_flow_state(when_true);
                FlowState::join(&before, &when_false)
            }
            None => before.clone(),
        };
        let mut decls = self.take_pattern_decls(span);
        decls.extend(self.end_pattern_cache(span));
        let then = self.lower_stmt(then);
        self.pop_scope();
        let after_then = self.take_flow_state();
        self.set_flow_state(when_false);
        let otherwise = otherwise.map(|o| {
            self.push_scope();
            let s = self.lower_stmt(o);
            self.pop_scope();
            Box::new(s)
        });
        let after = FlowState::join(&after_then, self.flow_state());
        self.set_flow_state(after);
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
pub(super) fn field_name(f: &ast::PatternField) -> Option<ast::Ident> {
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

/// A list pattern being matched.
struct ListPattern<'a> {
    type_arg: Option<&'a ast::TypeAnnotation>,
    elements: &'a [ListPatternElement],
    span: Span,
}

/// The element counts of a list pattern: `head` before the rest element (all of them
/// without one), `tail` after it.
#[derive(Clone, Copy)]
struct ListShape {
    head: usize,
    tail: usize,
    rest: Option<usize>,
}

impl ListShape {
    fn of(elements: &[ListPatternElement]) -> ListShape {
        let rest = elements
            .iter()
            .position(|e| matches!(e, ListPatternElement::Rest(..)));
        match rest {
            Some(r) => ListShape {
                head: r,
                tail: elements.len() - r - 1,
                rest,
            },
            None => ListShape {
                head: elements.len(),
                tail: 0,
                rest,
            },
        }
    }
}

/// The map a map pattern's entries are matched on.
struct MapSubject {
    local: LocalId,
    key: KeyId,
    ty: DartType,
    value_ty: DartType,
}

/// A map pattern entry's key: a constant (with invocation keys), or a value in a
/// temporary when the key expression was not constant.
#[derive(Clone, Copy)]
enum MapKey {
    Const(ConstId),
    Temp(LocalId),
}

fn ident(name: &str, span: Span) -> ast::Ident {
    ast::Ident {
        name: Symbol::intern(name),
        span,
    }
}
