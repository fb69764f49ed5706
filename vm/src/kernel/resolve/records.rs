//! Lowering records: literals (checked field names, constant when `const` or empty,
//! fields evaluated in source order even though they are stored positional-first with
//! named fields sorted), field reads on receivers of a record type (a direct
//! `RecordGet`), and calls of function-valued fields (`r.callback(x)`).

use super::body::Lower;
use super::messages::{self, AccessKind};
use super::types::make_non_nullable;
use crate::front::ast;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, DartType, ExprKind, RecordShape, RecordType};
use crate::runtime::layout::RECORD_MAX_FIELDS;

impl<'r, 'a> Lower<'r, 'a> {
    /// `(a, b: c)` with the context type `context` (field types flow into the fields).
    pub fn lower_record(
        &mut self,
        whole: &'a ast::Expr,
        is_const: bool,
        fields: &'a [ast::RecordField],
        span: Span,
        context: Option<DartType>,
    ) -> ir::Expr {
        let shape = self.record_literal_shape(fields);
        if is_const || fields.is_empty() {
            if let Some(c) = self.eval_const(whole, None) {
                return self.const_expr(c, span);
            }
            if is_const {
                self.r.error(span, "Not a constant expression.");
                return self.null(span);
            }
        }
        if fields.len() > RECORD_MAX_FIELDS {
            let what = format!("records with more than {RECORD_MAX_FIELDS} fields");
            self.r.unsupported(span, &what);
            return self.null(span);
        }
        let context_fields = match context.map(make_non_nullable) {
            Some(DartType::RecordType(rt)) if rt.shape == shape => Some(rt.fields),
            _ => None,
        };
        // Lowered in source order, each with the storage index it goes to.
        let mut lowered: Vec<(usize, ir::Expr)> = Vec::with_capacity(fields.len());
        let mut next_positional = 0;
        for f in fields {
            let index = match f.name {
                Some(n) => shape.field_index(n.name.as_str()).unwrap_or(0),
                None => {
                    next_positional += 1;
                    next_positional - 1
                }
            };
            let value = match context_fields.as_ref().and_then(|c| c.get(index)) {
                Some(t) => {
                    let t = t.clone();
                    self.lower_expr_in(&f.value, &t)
                }
                None => self.lower_expr(&f.value),
            };
            lowered.push((index, value));
        }
        self.build_record(shape, lowered, span)
    }

    /// The shape of a literal's fields, reporting duplicate and invalid names.
    fn record_literal_shape(&mut self, fields: &[ast::RecordField]) -> RecordShape {
        let positional = fields.iter().filter(|f| f.name.is_none()).count();
        let mut named: Vec<Symbol> = Vec::new();
        for n in fields.iter().filter_map(|f| f.name) {
            if let Some(m) = messages::invalid_record_field_name(n.name.as_str(), positional) {
                self.r.error(n.span, m);
            }
            if named.contains(&n.name) {
                self.r
                    .error(n.span, messages::duplicate_record_literal_field(n.name));
                continue;
            }
            named.push(n.name);
        }
        RecordShape::new(positional as u32, named)
    }

    /// The record of `shape` from values in source order paired with storage indices:
    /// when the orders differ, the values go through temporaries first so they are still
    /// evaluated left to right.
    fn build_record(
        &mut self,
        shape: RecordShape,
        lowered: Vec<(usize, ir::Expr)>,
        span: Span,
    ) -> ir::Expr {
        let n = shape.field_count();
        let in_order = lowered.iter().enumerate().all(|(k, (i, _))| k == *i);
        let mut types = vec![DartType::Dynamic; n];
        for (i, v) in &lowered {
            if let Some(t) = types.get_mut(*i) {
                *t = v.ty.clone();
            }
        }
        let ty = DartType::RecordType(Box::new(RecordType {
            shape: shape.clone(),
            fields: types,
            nullable: false,
        }));
        if in_order {
            let fields = lowered.into_iter().map(|(_, v)| v).collect();
            return self.expr(ExprKind::RecordLiteral { shape, fields }, span, ty);
        }
        let mut temps: Vec<Option<ir::LocalId>> = vec![None; n];
        let mut lets = Vec::with_capacity(lowered.len());
        for (i, v) in lowered {
            let t = self.temp(v.ty.clone(), v.span);
            if let Some(slot) = temps.get_mut(i) {
                *slot = Some(t);
            }
            lets.push((t, v));
        }
        let fields = temps
            .into_iter()
            .map(|t| match t {
                Some(t) => self.local_get(t, span),
                None => self.null(span),
            })
            .collect();
        let record = self.expr(ExprKind::RecordLiteral { shape, fields }, span, ty);
        self.wrap_lets(lets, record)
    }

    /// Whether `recv` has a record type with a field `name` (fields come before
    /// extension members).
    pub fn is_record_field(&self, recv: &ir::Expr, name: Symbol) -> bool {
        matches!(&recv.ty, DartType::RecordType(rt) if rt.shape.field_index(name.as_str()).is_some())
    }

    /// Whether `recv.name`, with no extension member `name` applying, is an error for
    /// [`Lower::record_field_get`] to report: the receiver has a record type without that
    /// field and `name` is not an `Object` member (those are dispatched normally).
    pub fn is_undefined_record_member(&mut self, recv: &ir::Expr, name: Symbol) -> bool {
        matches!(&recv.ty, DartType::RecordType(_))
            && !self.is_record_field(recv, name)
            && !self.is_object_member(name)
    }

    /// A bare identifier inside an extension on a record type that names one of its
    /// fields (`$1` for `this.$1`).
    pub fn extension_record_field(&mut self, name: ast::Ident) -> Option<ir::Expr> {
        let this_ty = self.extension_this_type()?;
        let DartType::RecordType(rt) = &this_ty else {
            return None;
        };
        rt.shape.field_index(name.name.as_str())?;
        if !self.has_this() {
            return None;
        }
        let this = self.this_expr(name.span);
        Some(self.record_field_get(this, name, AccessKind::Getter, name.span))
    }

    /// `recv.name` when `recv` has a record type: the field read, or an error for a name
    /// that is not a field (`kind` says how the name was used, for the message).
    pub fn record_field_get(
        &mut self,
        recv: ir::Expr,
        name: ast::Ident,
        kind: AccessKind,
        span: Span,
    ) -> ir::Expr {
        let DartType::RecordType(rt) = &recv.ty else {
            return self.instance_get(recv, name.name, span, DartType::Dynamic);
        };
        let Some(index) = rt.shape.field_index(name.name.as_str()) else {
            let shown = self.r.type_display(&recv.ty);
            let message = match kind {
                AccessKind::Method => format!(
                    "The method '{0}' isn't defined for the type '{shown}'.\n\
                     Try correcting the name to the name of an existing method, or defining a method named '{0}'.",
                    name.name
                ),
                _ => format!(
                    "The getter '{0}' isn't defined for the type '{shown}'.\n\
                     Try correcting the name to the name of an existing getter, or defining a getter or field named '{0}'.",
                    name.name
                ),
            };
            self.r.error(name.span, message);
            return self.null(span);
        };
        if rt.nullable {
            let shown = self.r.type_display(&recv.ty);
            self.r.error(
                name.span,
                messages::nullable_access(kind, name.name.as_str(), &shown, ""),
            );
            return self.null(span);
        }
        let (shape, ty) = (rt.shape.clone(), rt.fields[index].clone());
        self.record_get(recv, shape, index, ty, span)
    }

    /// Field `index` of `recv`, a record of `shape`, with static type `ty`.
    pub fn record_get(
        &mut self,
        recv: ir::Expr,
        shape: RecordShape,
        index: usize,
        ty: DartType,
        span: Span,
    ) -> ir::Expr {
        self.expr(
            ExprKind::RecordGet {
                receiver: Box::new(recv),
                shape,
                index: index as u32,
            },
            span,
            ty,
        )
    }

    fn is_object_member(&mut self, name: Symbol) -> bool {
        let Some(object) = self.r.program.core.object else {
            return false;
        };
        self.r
            .find_instance(object, name, super::members::Want::Getter)
            .is_some()
    }
}

/// The least upper bound of two record types of one shape: field-wise `join`; records of
/// different shapes meet at `Record`.
pub(super) fn join_records(
    a: &RecordType,
    b: &RecordType,
    join: impl Fn(&DartType, &DartType) -> DartType,
) -> DartType {
    let nullable = a.nullable || b.nullable;
    if a.shape != b.shape {
        return DartType::Record { nullable };
    }
    let fields = a
        .fields
        .iter()
        .zip(&b.fields)
        .map(|(x, y)| join(x, y))
        .collect();
    DartType::RecordType(Box::new(RecordType {
        shape: a.shape.clone(),
        fields,
        nullable,
    }))
}
