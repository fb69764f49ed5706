//! Lowering assignments: `=`, compound `op=`, `??=`, prefix and postfix `++`/`--`, on
//! every kind of l-value (locals and captures, static fields and setters, instance
//! properties, index operators, `super` members). The receiver and index are evaluated
//! once into temporaries, so `a[i()] += 1` calls `i()` once, and the value of the whole
//! expression is the value assigned (or the old value, for postfix).

use super::body::Lower;
use super::check::FlowTarget;
use super::closures::{LocalAccess, LocalRef};
use super::lower_expr::NameRef;
use super::members::{Found, Want};
use super::messages::{self, AccessKind};
use super::scope::Decl;
use super::Member;
use crate::front::ast::{self, BinaryOp, ExprKind as E, IncDec};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, Constant, DartType, ExprKind, FieldId, FunctionId, LocalId};

/// An assignable place, with its receiver/index already in temporaries.
enum LValue {
    Local(LocalRef),
    /// A `late` local with an initialiser (reads may run it; writes set its flag).
    LazyLocal(LocalRef, Symbol),
    StaticField(FieldId),
    StaticAccessors {
        getter: Option<FunctionId>,
        setter: Option<FunctionId>,
    },
    Property {
        recv: LocalId,
        recv_ty: DartType,
        name: Symbol,
        ty: DartType,
    },
    Index {
        recv: LocalId,
        index: LocalId,
    },
    SuperField(FieldId),
    /// `super[i]`: the superclass's `[]`/`[]=` on `this`, the index in a temporary.
    SuperIndex {
        index: LocalId,
    },
    /// An extension getter/setter pair on a receiver held in a temporary.
    Extension {
        recv: LocalId,
        recv_ty: DartType,
        getter: Option<FunctionId>,
        setter: Option<FunctionId>,
    },
    SuperAccessors {
        getter: Option<FunctionId>,
        setter: Option<FunctionId>,
    },
    /// Reported; reads and writes produce `null`.
    Invalid,
}

impl<'r, 'a> Lower<'r, 'a> {
    pub fn lower_assign(
        &mut self,
        target: &'a ast::Expr,
        op: Option<BinaryOp>,
        value: &'a ast::Expr,
        span: Span,
    ) -> ir::Expr {
        self.chain_root(|l| {
            let (lets, lv) = l.lvalue(target);
            let result = match op {
                None => {
                    let v = match l.lvalue_type(&lv) {
                        Some(t) => l.lower_expr_in(value, &t),
                        None => l.lower_expr(value),
                    };
                    l.write(&lv, v, span)
                }
                Some(BinaryOp::IfNull) => {
                    let current = l.read(&lv, span);
                    let maybe_always_null = matches!(current.ty, DartType::TypeParameter { .. });
                    // Where the value was not null, nothing is assigned: the local is
                    // known to be non-null there.
                    let not_null = match &lv {
                        LValue::Local(LocalRef {
                            flow_key: Some(key),
                            ..
                        }) => {
                            let here = l.flow_state().clone();
                            l.promoted_non_null(&here, *key)
                        }
                        _ => l.flow_state().clone(),
                    };
                    l.let_in(current, |l, t| {
                        let get = l.local_get(t, span);
                        let test = l.is_null(get);
                        let v = l.lower_expr(value);
                        let assigned = l.write(&lv, v, span);
                        let mut after =
                            super::promotion::FlowState::join(l.flow_state(), &not_null);
                        if maybe_always_null {
                            // Its bound may be `Null` (then the value always runs): what
                            // the value assigns is not reported as possibly unassigned.
                            after
                                .assigned
                                .extend(l.flow_state().assigned.iter().copied());
                        }
                        l.set_flow_state(after);
                        let mut current = l.local_get(t, span);
                        current.ty = super::types::make_non_nullable(current.ty.clone());
                        let ty = l.r.join(&current.ty, &assigned.ty);
                        l.expr(
                            ExprKind::Conditional {
                                condition: Box::new(test),
                                then: Box::new(assigned),
                                otherwise: Box::new(current),
                            },
                            span,
                            ty,
                        )
                    })
                }
                Some(op) => {
                    let current = l.read(&lv, span);
                    let v = l.lower_expr(value);
                    let combined = l.operator_call(current, op.text(), vec![v], span, span);
                    l.write(&lv, combined, span)
                }
            };
            l.wrap_lets(lets, result)
        })
    }

    /// `++x`, `x--`, ...
    pub fn lower_inc_dec(
        &mut self,
        op: IncDec,
        target: &'a ast::Expr,
        prefix: bool,
        span: Span,
    ) -> ir::Expr {
        let selector = match op {
            IncDec::Inc => "+",
            IncDec::Dec => "-",
        };
        self.chain_root(|l| {
            let (lets, lv) = l.lvalue(target);
            let current = l.read(&lv, span);
            let result = if prefix {
                let one = l.constant(Constant::Int(1), span);
                let next = l.operator_call(current, selector, vec![one], span, span);
                l.write(&lv, next, span)
            } else {
                l.let_in(current, |l, old| {
                    let one = l.constant(Constant::Int(1), span);
                    let old_get = l.local_get(old, span);
                    let next = l.operator_call(old_get, selector, vec![one], span, span);
                    let write = l.write(&lv, next, span);
                    let value = l.local_get(old, span);
                    let ty = value.ty.clone();
                    l.expr(
                        ExprKind::Block {
                            stmts: vec![ir::Stmt {
                                kind: ir::StmtKind::Expr(write),
                                span,
                            }],
                            value: Box::new(value),
                        },
                        span,
                        ty,
                    )
                })
            };
            l.wrap_lets(lets, result)
        })
    }

    /// Assigns an already lowered value (for-in loops over an existing variable).
    pub fn assign_value(&mut self, target: &'a ast::Expr, value: ir::Expr, span: Span) -> ir::Expr {
        let (lets, lv) = self.lvalue(target);
        let w = self.write(&lv, value, span);
        self.wrap_lets(lets, w)
    }

    fn lvalue(&mut self, target: &'a ast::Expr) -> (Vec<(LocalId, ir::Expr)>, LValue) {
        match &target.kind {
            E::Ident(id) => self.name_lvalue(*id),
            E::Paren(inner) => self.lvalue(inner),
            E::PropertyGet {
                target: recv,
                null_aware,
                name,
            } => self.property_lvalue(recv, *null_aware, *name),
            E::Index {
                target: recv,
                null_aware: false,
                index,
            } if matches!(recv.kind, E::Super) => {
                let i = self.lower_expr(index);
                let it = self.temp(i.ty.clone(), target.span);
                (vec![(it, i)], LValue::SuperIndex { index: it })
            }
            E::Index {
                target: recv,
                null_aware,
                index,
            } => {
                let r = self.lower_target(recv);
                let r = if *null_aware { self.guard(r) } else { r };
                let i = self.lower_expr(index);
                let span = target.span;
                let rt = self.temp(r.ty.clone(), span);
                let it = self.temp(i.ty.clone(), span);
                (
                    vec![(rt, r), (it, i)],
                    LValue::Index {
                        recv: rt,
                        index: it,
                    },
                )
            }
            _ => {
                self.r.error(target.span, "Can't assign to this.");
                (Vec::new(), LValue::Invalid)
            }
        }
    }

    fn name_lvalue(&mut self, id: ast::Ident) -> (Vec<(LocalId, ir::Expr)>, LValue) {
        match self.resolve_name(id.name, id.span) {
            NameRef::This(..) => {
                let this = self.this_expr(id.span);
                return self.checked_property(this, id, Vec::new());
            }
            NameRef::ExtensionThis(m) => {
                let this = self.this_expr(id.span);
                return self.extension_lvalue(this, m, id, Vec::new());
            }
            _ => {}
        }
        (Vec::new(), self.simple_name_lvalue(id))
    }

    fn simple_name_lvalue(&mut self, id: ast::Ident) -> LValue {
        match self.resolve_name(id.name, id.span) {
            NameRef::Local(l) => {
                if l.const_value.is_some() {
                    self.r.error(id.span, messages::assign_to_const(id.name));
                } else if l.is_final && !self.is_deferred_final(&l, id.span) && !l.is_late {
                    self.r.error(id.span, messages::assign_to_final(id.name));
                }
                if self.is_lazy_local(id.name) {
                    return LValue::LazyLocal(l, id.name);
                }
                LValue::Local(l)
            }
            NameRef::Static(Decl::Field(f)) | NameRef::ClassStatic(Member::Field(f)) => {
                self.static_field_lvalue(f, id)
            }
            NameRef::Static(Decl::Accessors { getter, setter })
            | NameRef::ClassStatic(Member::Accessors { getter, setter }) => {
                if setter.is_none() {
                    self.r.error(id.span, messages::setter_not_found(id.name));
                    return LValue::Invalid;
                }
                LValue::StaticAccessors { getter, setter }
            }
            NameRef::Error => LValue::Invalid,
            _ => {
                self.r.error(id.span, messages::setter_not_found(id.name));
                LValue::Invalid
            }
        }
    }

    /// A `final` (or `late final`) local declared without an initialiser, assigned in
    /// its own function: allowed where definite assignment says it is unassigned
    /// (reported here otherwise, see `promotion::check_final_assignment`).
    fn is_deferred_final(&mut self, l: &super::closures::LocalRef, span: Span) -> bool {
        match l.access {
            super::closures::LocalAccess::Local(id) => self.check_final_assignment(id, span),
            _ => false,
        }
    }

    fn static_field_lvalue(&mut self, f: FieldId, id: ast::Ident) -> LValue {
        let field = &self.r.program.fields[f.index()];
        if field.is_const {
            self.r.error(id.span, messages::assign_to_const(id.name));
        } else if field.is_final && !field.is_late {
            self.r.error(id.span, messages::assign_to_final(id.name));
        }
        LValue::StaticField(f)
    }

    fn property_lvalue(
        &mut self,
        recv: &'a ast::Expr,
        null_aware: bool,
        name: ast::Ident,
    ) -> (Vec<(LocalId, ir::Expr)>, LValue) {
        if matches!(recv.kind, E::Super) {
            return (Vec::new(), self.super_lvalue(name));
        }
        if let Some(ns) = self.namespace_of(recv) {
            return (Vec::new(), self.namespace_lvalue(ns, name));
        }
        let r = self.lower_target(recv);
        let r = if null_aware { self.guard(r) } else { r };
        self.checked_property(r, name, Vec::new())
    }

    /// A property of a receiver value, checked against the receiver's static type.
    fn checked_property(
        &mut self,
        r: ir::Expr,
        name: ast::Ident,
        mut lets: Vec<(LocalId, ir::Expr)>,
    ) -> (Vec<(LocalId, ir::Expr)>, LValue) {
        let r = self.view_extension_type(r, name.name, Want::Setter);
        let r = self.extension_receiver(r, name.name, Want::Setter);
        let recv_ty = r.ty.clone();
        if let Some((e, _)) = self.try_extension(&recv_ty, name.name, Want::Setter) {
            let m = self.r.extensions[e].instance[&name.name];
            return self.extension_lvalue(r, m, name, lets);
        }
        let found = self.check_member(
            &recv_ty,
            name.name.as_str(),
            Want::Setter,
            AccessKind::Setter,
            name.span,
        );
        let ty = match found {
            Some((Found::Field(f), owner)) => {
                if self.r.program.fields[f.index()].is_final
                    && !self.r.program.fields[f.index()].is_late
                {
                    self.report_final_field(owner, name);
                }
                self.r.read_type(Found::Field(f), &recv_ty, owner)
            }
            Some((Found::Setter(s), owner)) => {
                let sig = self.r.signature_through(s, &recv_ty, owner);
                sig.positional
                    .first()
                    .map(|p| p.1.clone())
                    .unwrap_or(DartType::Dynamic)
            }
            _ => DartType::Dynamic,
        };
        let t = self.temp(recv_ty.clone(), r.span);
        if let Some(target) = self.certain_property_type(&r, found) {
            self.frame().certain_property_targets.insert(t, target);
        }
        lets.push((t, r));
        (
            lets,
            LValue::Property {
                recv: t,
                recv_ty,
                name: name.name,
                ty,
            },
        )
    }

    fn extension_lvalue(
        &mut self,
        r: ir::Expr,
        m: Member,
        name: ast::Ident,
        mut lets: Vec<(LocalId, ir::Expr)>,
    ) -> (Vec<(LocalId, ir::Expr)>, LValue) {
        let Member::Accessors { getter, setter } = m else {
            self.r
                .error(name.span, messages::setter_not_found(name.name));
            return (lets, LValue::Invalid);
        };
        if setter.is_none() {
            self.r
                .error(name.span, messages::setter_not_found(name.name));
            return (lets, LValue::Invalid);
        }
        let recv_ty = r.ty.clone();
        let t = self.temp(recv_ty.clone(), r.span);
        lets.push((t, r));
        (
            lets,
            LValue::Extension {
                recv: t,
                recv_ty,
                getter,
                setter,
            },
        )
    }

    fn report_final_field(&mut self, owner: ir::ClassId, name: ast::Ident) {
        let cname = self.r.class_name(owner);
        let lib = self
            .r
            .lib_display(self.r.program.classes[owner.index()].library);
        let origin = messages::origin(cname, &lib);
        self.r.error(
            name.span,
            messages::undefined_member(AccessKind::Setter, name.name.as_str(), cname, &origin),
        );
    }

    fn namespace_lvalue(&mut self, ns: super::calls::Namespace, name: ast::Ident) -> LValue {
        let decl = match ns {
            super::calls::Namespace::Prefix(p) => {
                self.r
                    .lookup_prefixed(self.ctx.lib, p, name.name, name.span)
            }
            super::calls::Namespace::Extension(e) => {
                match self.r.extensions[e].statics.get(&name.name).copied() {
                    Some(Member::Field(f)) => Some(Decl::Field(f)),
                    Some(Member::Accessors { getter, setter }) => {
                        Some(Decl::Accessors { getter, setter })
                    }
                    _ => None,
                }
            }
            super::calls::Namespace::Class(c) => {
                match self.r.classes[c.index()].statics.get(&name.name).copied() {
                    Some(Member::Field(f)) => Some(Decl::Field(f)),
                    Some(Member::Accessors { getter, setter }) => {
                        Some(Decl::Accessors { getter, setter })
                    }
                    _ => None,
                }
            }
        };
        match decl {
            Some(Decl::Field(f)) => self.static_field_lvalue(f, name),
            Some(Decl::Accessors {
                getter,
                setter: Some(s),
            }) => LValue::StaticAccessors {
                getter,
                setter: Some(s),
            },
            _ => {
                self.r
                    .error(name.span, messages::setter_not_found(name.name));
                LValue::Invalid
            }
        }
    }

    fn super_lvalue(&mut self, name: ast::Ident) -> LValue {
        let Some(c) = self.ctx.this_class.filter(|_| self.has_this()) else {
            self.r.error(name.span, messages::super_in_static());
            return LValue::Invalid;
        };
        let setter = self
            .r
            .find_super(c, self.ctx.mixin_index, name.name, Want::Setter);
        let getter = self
            .r
            .find_super(c, self.ctx.mixin_index, name.name, Want::Getter);
        match (getter, setter) {
            (_, Some(Found::Field(f))) => LValue::SuperField(f),
            (g, Some(Found::Setter(s))) => LValue::SuperAccessors {
                getter: g.and_then(|g| g.function()),
                setter: Some(s),
            },
            _ => {
                self.r.error(
                    name.span,
                    format!("Superclass has no setter named '{}'.", name.name),
                );
                LValue::Invalid
            }
        }
    }

    /// The type a write to `lv` is checked against, when it is certain: explicitly typed
    /// (or certainly inferred) locals of this frame and static fields.
    fn certain_lvalue_type(&self, lv: &LValue) -> Option<DartType> {
        match lv {
            LValue::Local(l) | LValue::LazyLocal(l, _) => match l.access {
                LocalAccess::Local(id) if self.frame_ref().certain_locals.contains(&id) => {
                    Some(l.declared_ty.clone())
                }
                _ => None,
            },
            LValue::StaticField(f) => Some(self.r.program.fields[f.index()].ty.clone()),
            LValue::Property { recv, .. } => {
                self.frame_ref().certain_property_targets.get(recv).cloned()
            }
            _ => None,
        }
    }

    /// `name = value` for a variable pattern in a pattern assignment (`(a, b) = ...`):
    /// the value is checked against the variable's declared type.
    pub fn assign_to_name(&mut self, name: ast::Ident, value: ir::Expr, span: Span) -> ir::Expr {
        let (lets, lv) = self.name_lvalue(name);
        let value = match self.lvalue_type(&lv) {
            Some(t) => self.coerce(value, &t),
            None => value,
        };
        let assigned = self.write(&lv, value, span);
        self.wrap_lets(lets, assigned)
    }

    /// The declared type an assignment to `lv` is checked against, when known.
    fn lvalue_type(&self, lv: &LValue) -> Option<DartType> {
        match lv {
            LValue::Local(l) | LValue::LazyLocal(l, _) => Some(l.declared_ty.clone()),
            LValue::StaticField(f) | LValue::SuperField(f) => {
                Some(self.r.program.fields[f.index()].ty.clone())
            }
            LValue::Property { ty, .. } => Some(ty.clone()),
            _ => None,
        }
    }

    fn read(&mut self, lv: &LValue, span: Span) -> ir::Expr {
        match lv {
            LValue::Local(l) => {
                self.check_local_read(l, span);
                self.local_get_ref(l, span)
            }
            LValue::LazyLocal(l, name) => {
                self.check_local_read(l, span);
                self.lazy_local_get(*name, l, span)
            }
            LValue::StaticField(f) => self.static_field_get(*f, span),
            LValue::StaticAccessors {
                getter: Some(g), ..
            } => self.static_call(*g, ir::Args::default(), span),
            LValue::Property {
                recv,
                recv_ty,
                name,
                ..
            } => {
                let mut r = self.local_get(*recv, span);
                r.ty = recv_ty.clone();
                let ty = match self.check_member(
                    recv_ty,
                    name.as_str(),
                    Want::Getter,
                    AccessKind::Getter,
                    span,
                ) {
                    Some((found, owner)) => self.r.read_type(found, recv_ty, owner),
                    None => DartType::Dynamic,
                };
                self.instance_get(r, *name, span, ty)
            }
            LValue::Index { recv, index } => {
                let r = self.local_get(*recv, span);
                let i = self.local_get(*index, span);
                self.operator_call(r, "[]", vec![i], span, span)
            }
            LValue::SuperIndex { index } => {
                let i = self.local_get(*index, span);
                self.super_operator("[]", vec![i], span)
            }
            LValue::SuperField(f) => {
                let this = self.this_expr(span);
                let ty = self.r.program.fields[f.index()].ty.clone();
                self.expr(
                    ExprKind::FieldGet {
                        receiver: Box::new(this),
                        field: *f,
                    },
                    span,
                    ty,
                )
            }
            LValue::SuperAccessors {
                getter: Some(g), ..
            } => {
                let this = self.this_expr(span);
                let ty = self.r.sigs[g.index()].return_type.clone();
                self.expr(
                    ExprKind::StaticCall {
                        target: *g,
                        receiver: Some(Box::new(this)),
                        args: ir::Args::default(),
                    },
                    span,
                    ty,
                )
            }
            LValue::Extension {
                recv,
                recv_ty,
                getter: Some(g),
                ..
            } => {
                let mut r = self.local_get(*recv, span);
                r.ty = recv_ty.clone();
                self.extension_invoke(r, Found::Getter(*g), ir::Args::default(), span)
            }
            LValue::StaticAccessors { getter: None, .. }
            | LValue::SuperAccessors { getter: None, .. }
            | LValue::Extension { getter: None, .. }
            | LValue::Invalid => self.null(span),
        }
    }

    fn write(&mut self, lv: &LValue, value: ir::Expr, span: Span) -> ir::Expr {
        if let Some(target) = self.certain_lvalue_type(lv) {
            self.check_assignable(&value, &target, FlowTarget::Variable);
        }
        match lv {
            LValue::Local(l) => self.local_set_ref(l, value, span),
            LValue::LazyLocal(l, name) => {
                let (l, name) = (l.clone(), *name);
                self.through_temp(value, span, |this, v| {
                    let guard = match l.is_final {
                        true => this.late_final_local_guard(name, span),
                        false => None,
                    };
                    let set = this.local_set_ref(&l, v, span);
                    match this.lazy_local_mark(name, span) {
                        Some(mark) => {
                            let ty = mark.ty.clone();
                            let set = ir::Stmt {
                                kind: ir::StmtKind::Expr(set),
                                span,
                            };
                            this.expr(
                                ExprKind::Block {
                                    stmts: guard.into_iter().chain([set]).collect(),
                                    value: Box::new(mark),
                                },
                                span,
                                ty,
                            )
                        }
                        None => set,
                    }
                })
            }
            LValue::StaticField(f) => {
                let ty = self.r.program.fields[f.index()].ty.clone();
                let v = self.coerce(value, &ty);
                if let Some(flag) = self.r.late_final_static_flags.get(f).copied() {
                    return self.assign_late_final_static(*f, flag, v, span);
                }
                let vt = v.ty.clone();
                self.expr(ExprKind::StaticSet(*f, Box::new(v)), span, vt)
            }
            LValue::StaticAccessors {
                setter: Some(s), ..
            } => {
                let s = *s;
                self.through_temp(value, span, |l, v| {
                    l.static_call(
                        s,
                        ir::Args {
                            type_args: None,
                            positional: vec![v],
                            named: Vec::new(),
                        },
                        span,
                    )
                })
            }
            LValue::Property {
                recv,
                recv_ty,
                name,
                ty,
            } => {
                let mut r = self.local_get(*recv, span);
                r.ty = recv_ty.clone();
                let v = self.coerce(value, ty);
                let vt = v.ty.clone();
                self.expr(
                    ExprKind::InstanceSet {
                        receiver: Box::new(r),
                        name: *name,
                        value: Box::new(v),
                    },
                    span,
                    vt,
                )
            }
            LValue::Index { recv, index } => {
                let (recv, index) = (*recv, *index);
                self.through_temp(value, span, |l, v| {
                    let r = l.local_get(recv, span);
                    let i = l.local_get(index, span);
                    l.operator_call(r, "[]=", vec![i, v], span, span)
                })
            }
            LValue::SuperIndex { index } => {
                let index = *index;
                self.through_temp(value, span, |l, v| {
                    let i = l.local_get(index, span);
                    l.super_operator("[]=", vec![i, v], span)
                })
            }
            LValue::SuperField(f) => {
                let this = self.this_expr(span);
                let vt = value.ty.clone();
                self.expr(
                    ExprKind::FieldSet {
                        receiver: Box::new(this),
                        field: *f,
                        value: Box::new(value),
                    },
                    span,
                    vt,
                )
            }
            LValue::SuperAccessors {
                setter: Some(s), ..
            } => {
                let s = *s;
                self.through_temp(value, span, |l, v| {
                    let this = l.this_expr(span);
                    l.expr(
                        ExprKind::StaticCall {
                            target: s,
                            receiver: Some(Box::new(this)),
                            args: ir::Args {
                                type_args: None,
                                positional: vec![v],
                                named: Vec::new(),
                            },
                        },
                        span,
                        DartType::Void,
                    )
                })
            }
            LValue::Extension {
                recv,
                recv_ty,
                setter: Some(s),
                ..
            } => {
                let (recv, recv_ty, s) = (*recv, recv_ty.clone(), *s);
                self.through_temp(value, span, |l, v| {
                    let mut r = l.local_get(recv, span);
                    r.ty = recv_ty;
                    let args = ir::Args {
                        type_args: None,
                        positional: vec![v],
                        named: Vec::new(),
                    };
                    l.extension_invoke(r, Found::Setter(s), args, span)
                })
            }
            LValue::StaticAccessors { setter: None, .. }
            | LValue::SuperAccessors { setter: None, .. }
            | LValue::Extension { setter: None, .. }
            | LValue::Invalid => value,
        }
    }

    /// `let t = value in { effect(t); t }`: setter-like calls whose result is not the
    /// assigned value.
    /// `x = v` for a `late final` static without an initialiser: the second assignment
    /// throws LateInitializationError (after `v` is evaluated, as a setter would).
    fn assign_late_final_static(
        &mut self,
        f: FieldId,
        flag: FieldId,
        value: ir::Expr,
        span: Span,
    ) -> ir::Expr {
        let name = self.r.program.fields[f.index()].name;
        self.through_temp(value, span, |l, v| {
            let is_set = l.expr(ExprKind::StaticGet(flag), span, DartType::Dynamic);
            let yes = l.constant(ir::Constant::Bool(true), span);
            let bool_ty = l.r.core_type("bool");
            let already = l.expr(
                ExprKind::Equals {
                    left: Box::new(is_set),
                    right: Box::new(yes),
                    negated: false,
                },
                span,
                bool_ty,
            );
            let message = format!("Field '{name}' has already been initialized.");
            let throw = l.throw_late_error(message, span);
            let yes = l.constant(ir::Constant::Bool(true), span);
            let mark = l.expr(
                ExprKind::StaticSet(flag, Box::new(yes)),
                span,
                DartType::Dynamic,
            );
            let vt = v.ty.clone();
            let store = l.expr(ExprKind::StaticSet(f, Box::new(v)), span, vt.clone());
            let stmt = |kind| ir::Stmt { kind, span };
            l.expr(
                ExprKind::Block {
                    stmts: vec![
                        stmt(ir::StmtKind::If {
                            condition: already,
                            then: Box::new(throw),
                            otherwise: None,
                        }),
                        stmt(ir::StmtKind::Expr(mark)),
                    ],
                    value: Box::new(store),
                },
                span,
                vt,
            )
        })
    }

    fn through_temp(
        &mut self,
        value: ir::Expr,
        span: Span,
        effect: impl FnOnce(&mut Self, ir::Expr) -> ir::Expr,
    ) -> ir::Expr {
        self.let_in(value, |l, t| {
            let v = l.local_get(t, span);
            let call = effect(l, v);
            let result = l.local_get(t, span);
            let ty = result.ty.clone();
            l.expr(
                ExprKind::Block {
                    stmts: vec![ir::Stmt {
                        kind: ir::StmtKind::Expr(call),
                        span,
                    }],
                    value: Box::new(result),
                },
                span,
                ty,
            )
        })
    }
}
