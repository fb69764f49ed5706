//! The static assignability check: the compile-time errors Dart 3 reports where a value
//! flows into a place whose type it can't have (no implicit downcasts except from
//! `dynamic`): variable initialisers and assignments, arguments, `return` values and
//! conditions.
//!
//! The resolver's static types are not a full inference (no promotion, approximate
//! generic inference and least upper bounds), so an error is reported only when the
//! value's type is *certain*: `certain_type` accepts a whitelist of expression forms whose
//! static type cannot be a guess (literals, constructor calls, explicitly typed locals and
//! parameters, members with non-generic declared types, ...) and `surely_not_assignable`
//! answers only for targets it fully understands (class types other than `FutureOr`, and
//! record types). Everything else is left to the implicit run-time cast, so a valid
//! program is never rejected.

use super::body::Lower;
use super::members::{Found, Want};
use super::messages::{self, AccessKind};
use super::types::make_non_nullable;
use crate::front::ast;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, ClassId, Constant, DartType, ExprKind, FieldId};

/// Where a checked value flows, for the error's wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FlowTarget {
    /// A variable, field, condition or collection element.
    Variable,
    Parameter,
    Return,
}

impl Lower<'_, '_> {
    /// Reports a compile-time error when `e`'s static type is certain and can't be
    /// assigned to `target`. An `int` literal flowing into `double` is fine (it is a
    /// double literal there).
    pub fn check_assignable(&mut self, e: &ir::Expr, target: &DartType, flow: FlowTarget) {
        // The platform libraries are trusted like the Dart SDK's (which rely on patches
        // and private knowledge, e.g. a factory returning a plain `Set` literal).
        if self.r.is_core(self.ctx.lib) {
            return;
        }
        let e = without_implicit_cast(e);
        let Some(source) = self.certain_type(e) else {
            return;
        };
        if self.has_error_within(e.span) {
            // The value is (or contains) a placeholder left by an earlier error.
            return;
        }
        if self.is_int_literal_for_double(e, target) {
            return;
        }
        if !self.r.surely_not_assignable(&source, target) {
            return;
        }
        let at = Span::new(e.span.file, e.span.start, e.span.start + 1);
        if !self.r.type_errors_at.insert(at) {
            return;
        }
        let message = self.r.not_assignable_message(e, &source, target, flow);
        self.r.error(at, message);
    }

    /// Checks the value of a `return` against the enclosing member's declared return
    /// type (function literals and local functions, whose return types may be inferred,
    /// and asynchronous bodies are not checked).
    pub fn check_return(&mut self, e: &ir::Expr) {
        if self.frames.len() != 1 {
            return;
        }
        let ret = self.frame_ref().return_type.clone();
        self.check_assignable(e, &ret, FlowTarget::Return);
    }

    /// Has an error already been reported inside `span`?
    pub(super) fn has_error_within(&self, span: Span) -> bool {
        self.r.diags.items.iter().any(|d| {
            d.span.file == span.file && d.span.start >= span.start && d.span.end <= span.end
        })
    }

    fn is_int_literal_for_double(&self, e: &ir::Expr, target: &DartType) -> bool {
        let ExprKind::Const(id) = e.kind else {
            return false;
        };
        matches!(self.r.program.constants[id.index()], Constant::Int(_))
            && self
                .r
                .is_core_type(&make_non_nullable(target.clone()), "double")
    }

    /// The static type of `e` when it cannot be a guess of the resolver's, else `None`.
    pub fn certain_type(&self, e: &ir::Expr) -> Option<DartType> {
        if matches!(e.ty, DartType::Dynamic) {
            return None;
        }
        let ty = match &e.kind {
            ExprKind::Const(id) => return self.certain_constant_type(*id, &e.ty),
            ExprKind::StringConcat(_) => e.ty.clone(),
            ExprKind::LocalGet(l) => {
                let frame = self.frame_ref();
                if !frame.certain_locals.contains(l) || frame.flow_sensitive.contains(l) {
                    return None;
                }
                e.ty.clone()
            }
            ExprKind::StaticGet(f) if self.r.program.fields[f.index()].ty == e.ty => e.ty.clone(),
            ExprKind::This => {
                let plain_class = self.ctx.extension.is_none()
                    && self.ctx.mixin_index.is_none()
                    && self.ctx.this_class.is_some()
                    && self.ctx.this_class == self.ctx.lexical_class
                    && self
                        .ctx
                        .this_class
                        .is_some_and(|c| !self.r.classes[c.index()].is_mixin);
                if !plain_class {
                    return None;
                }
                e.ty.clone()
            }
            ExprKind::New { class, .. } => match &e.ty {
                DartType::Interface { class: c, .. } if c == class => e.ty.clone(),
                _ => return None,
            },
            ExprKind::Not(_)
            | ExprKind::And(..)
            | ExprKind::Or(..)
            | ExprKind::Is { .. }
            | ExprKind::Equals { .. }
            | ExprKind::Identical(..) => {
                if !self.r.is_core_type(&e.ty, "bool") {
                    return None;
                }
                e.ty.clone()
            }
            // An explicit `e as T` (an implicit cast has the span of its operand).
            ExprKind::As {
                expr,
                ty,
                implicit: false,
            } if *ty == e.ty => e.ty.clone(),
            ExprKind::NullCheck(inner) => make_non_nullable(self.certain_type(inner)?),
            ExprKind::Conditional {
                then, otherwise, ..
            } => {
                let a = self.certain_type(then)?;
                let b = self.certain_type(otherwise)?;
                if a != b || a != e.ty {
                    return None;
                }
                a
            }
            // `x = v` has the static type of `v`.
            ExprKind::LocalSet(_, v) | ExprKind::CapturedSet(_, v) | ExprKind::StaticSet(_, v) => {
                self.certain_type(without_implicit_cast(v))?
            }
            ExprKind::Closure(_) | ExprKind::StaticTearOff(_) => match &e.ty {
                DartType::Function { .. } => e.ty.clone(),
                _ => return None,
            },
            ExprKind::MapLiteral { entries, .. } if !entries.is_empty() => {
                self.class_type_of(&e.ty, "Map")?
            }
            ExprKind::ListLiteral { .. } => match &e.ty {
                DartType::Interface { class, .. } if Some(*class) == self.r.program.core.list => {
                    e.ty.clone()
                }
                _ => return None,
            },
            ExprKind::RecordLiteral { fields, .. } => {
                let DartType::RecordType(r) = &e.ty else {
                    return None;
                };
                for (f, t) in fields.iter().zip(&r.fields) {
                    if self.certain_type(f).as_ref() != Some(t) {
                        return None;
                    }
                }
                e.ty.clone()
            }
            ExprKind::StaticCall { target, .. } => {
                let declared = &self.r.sigs[target.index()].return_type;
                if *declared != e.ty || mentions_type_parameter(declared) {
                    return None;
                }
                e.ty.clone()
            }
            ExprKind::InstanceCall {
                receiver,
                selector,
                args,
            } => return self.certain_instance_call(receiver, *selector, args, &e.ty),
            ExprKind::InstanceGet { receiver, name } => {
                return self.certain_instance_get(receiver, *name, &e.ty)
            }
            _ => return None,
        };
        Some(ty)
    }

    fn certain_constant_type(&self, id: ir::ConstId, ty: &DartType) -> Option<DartType> {
        match &self.r.program.constants[id.index()] {
            Constant::Null => Some(DartType::Null),
            Constant::Bool(_) | Constant::Int(_) | Constant::Double(_) | Constant::String(_) => {
                Some(ty.clone())
            }
            Constant::Instance { class, .. } => match ty {
                DartType::Interface { class: c, .. } if c == class => Some(ty.clone()),
                _ => None,
            },
            // Collections by class only (`{}` may be a set or a map by context, so empty
            // maps and sets are left out); type literals are `Type`s.
            Constant::List { .. } => self.class_type_of(ty, "List"),
            Constant::Map { entries, .. } if !entries.is_empty() => self.class_type_of(ty, "Map"),
            Constant::Set { elements, .. } if !elements.is_empty() => self.class_type_of(ty, "Set"),
            Constant::Type(_) => self.class_type_of(ty, "Type"),
            _ => None,
        }
    }

    /// `ty` when it is the dart:core class `name` (with any type arguments).
    fn class_type_of(&self, ty: &DartType, name: &str) -> Option<DartType> {
        match ty {
            DartType::Interface { class, .. } if Some(*class) == self.r.core_class(name) => {
                Some(ty.clone())
            }
            _ => None,
        }
    }

    /// `recv.m(args)`: certain when the receiver is, the member is found on its class and
    /// its declared return type mentions no type parameter. Arithmetic on `int` and
    /// `double` follows the language's special rules (`int + int` is `int`).
    fn certain_instance_call(
        &self,
        receiver: &ir::Expr,
        selector: Symbol,
        args: &ir::Args,
        ty: &DartType,
    ) -> Option<DartType> {
        let recv = self.certain_type(receiver)?;
        let DartType::Interface {
            class,
            nullable: false,
            ..
        } = &recv
        else {
            return None;
        };
        if let Some(numeric) = self.numeric_special(*class, selector, args) {
            return numeric.filter(|t| t == ty);
        }
        let (found, _) = self.r.find_instance(*class, selector, Want::Call)?;
        let Found::Method(f) = found else {
            return None;
        };
        let declared = &self.r.sigs[f.index()].return_type;
        (declared == ty && !mentions_type_parameter(declared)).then(|| ty.clone())
    }

    /// `Some(result)` when `class.selector(args)` is one of the arithmetic operations the
    /// language types specially on `int`/`double`/`num` (`None` inside: not certain).
    fn numeric_special(
        &self,
        class: ClassId,
        selector: Symbol,
        args: &ir::Args,
    ) -> Option<Option<DartType>> {
        let core = &self.r.program.core;
        let is_int = Some(class) == core.int;
        let is_double = Some(class) == core.double;
        if !is_int && !is_double && Some(class) != core.num {
            return None;
        }
        let op = selector.as_str();
        let special = matches!(
            op,
            "+" | "-" | "*" | "%" | "remainder" | "unary-" | "clamp" | "abs"
        );
        if !special {
            return None;
        }
        let arg = args.positional.first().map(|a| self.certain_type(a));
        let arg_is = |name: &str| matches!(&arg, Some(Some(t)) if self.r.is_core_type(t, name));
        let binary = matches!(op, "+" | "-" | "*" | "%" | "remainder");
        let int_or_double = arg_is("int") || arg_is("double");
        let result = if is_int && binary && arg_is("int") {
            Some(self.r.core_type("int"))
        } else if binary && ((is_int && arg_is("double")) || (is_double && int_or_double)) {
            Some(self.r.core_type("double"))
        } else if op == "unary-" && (is_int || is_double) && args.positional.is_empty() {
            Some(self.r.core_type(if is_int { "int" } else { "double" }))
        } else {
            None
        };
        Some(result)
    }

    /// `recv.name`: a field or getter with a declared type free of type parameters.
    fn certain_instance_get(
        &self,
        receiver: &ir::Expr,
        name: Symbol,
        ty: &DartType,
    ) -> Option<DartType> {
        let recv = self.certain_type(receiver)?;
        let DartType::Interface {
            class,
            nullable: false,
            ..
        } = &recv
        else {
            return None;
        };
        let declared = match self.r.find_instance(*class, name, Want::Getter)?.0 {
            Found::Getter(f) => self.r.sigs[f.index()].return_type.clone(),
            Found::Field(f) => self.r.program.fields[f.index()].ty.clone(),
            Found::Method(_) | Found::Setter(_) => return None,
        };
        (declared == *ty && !mentions_type_parameter(&declared)).then(|| ty.clone())
    }
}

impl super::Resolver<'_> {
    /// `true` only when no value of type `s` can be a `t` without a downcast that Dart 3
    /// forbids statically. Targets other than class types (except `FutureOr`) and record
    /// types are never judged.
    pub(super) fn surely_not_assignable(&self, s: &DartType, t: &DartType) -> bool {
        match t {
            DartType::Interface {
                class: tc,
                nullable: tn,
                ..
            } => self.surely_not_class(s, *tc, *tn),
            DartType::RecordType(rt) => self.surely_not_record(s, rt),
            _ => false,
        }
    }

    fn surely_not_class(&self, s: &DartType, tc: ClassId, tn: bool) -> bool {
        if self.is_future_or_class(tc) {
            return false;
        }
        let core = &self.program.core;
        let to_object = Some(tc) == core.object;
        match s {
            DartType::Null => !tn,
            DartType::Interface {
                class: sc,
                nullable: sn,
                ..
            } => {
                if self.classes[sc.index()].is_mixin || self.is_future_or_class(*sc) {
                    return false;
                }
                (*sn && !tn) || (!to_object && !self.class_is_subclass(*sc, tc))
            }
            DartType::RecordType(r) => {
                (r.nullable && !tn) || (!to_object && Some(tc) != self.core_class("Record"))
            }
            DartType::Function { nullable, .. } => {
                (*nullable && !tn) || (!to_object && Some(tc) != core.function)
            }
            _ => false,
        }
    }

    fn surely_not_record(&self, s: &DartType, t: &ir::RecordType) -> bool {
        match s {
            DartType::Null => !t.nullable,
            // No class is a record type (`Object` and `Record` would need a downcast).
            DartType::Interface { class, .. } => !self.is_future_or_class(*class),
            DartType::RecordType(r) => {
                (r.nullable && !t.nullable)
                    || r.shape != t.shape
                    || r.fields
                        .iter()
                        .zip(&t.fields)
                        .any(|(a, b)| self.surely_not_assignable(a, b))
            }
            _ => false,
        }
    }

    pub(super) fn is_future_or_class(&self, c: ClassId) -> bool {
        let class = self.class(c);
        class.name.as_str() == "FutureOr"
            && self.program.libraries[class.library.index()].uri == "dart:async"
    }

    /// The front end's text for a value of type `s` that can't flow into `t`.
    fn not_assignable_message(
        &self,
        e: &ir::Expr,
        s: &DartType,
        t: &DartType,
        flow: FlowTarget,
    ) -> String {
        let (shown_s, shown_t) = (self.type_display(s), self.type_display(t));
        let origins = self.type_origins(&[s, t]);
        let is_null_literal = matches!(e.kind, ExprKind::Const(id)
            if matches!(self.program.constants[id.index()], Constant::Null));
        let nullability_only = s.is_nullable()
            && !t.is_nullable()
            && !matches!(s, DartType::Null)
            && !self.surely_not_assignable(&make_non_nullable(s.clone()), t);
        let text = if is_null_literal {
            messages::null_not_assignable(flow, &shown_t)
        } else if matches!(s, DartType::Null) {
            messages::null_type_not_assignable(flow, &shown_s, &shown_t)
        } else if nullability_only {
            messages::nullable_not_assignable(flow, &shown_s, &shown_t)
        } else {
            messages::not_assignable(flow, &shown_s, &shown_t)
        };
        format!("{text}{origins}")
    }

    /// The " - 'C' is from '...'." lines for the classes named in `types`, in order.
    pub(super) fn type_origins(&self, types: &[&DartType]) -> String {
        let mut classes = Vec::new();
        for t in types {
            collect_classes(t, &mut classes);
        }
        let mut out = String::new();
        let mut seen = Vec::new();
        for c in classes {
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            let class = self.class(c);
            out.push_str(&messages::origin(
                class.name,
                &self.lib_display(class.library),
            ));
        }
        out
    }
}

fn collect_classes(t: &DartType, out: &mut Vec<ClassId>) {
    match t {
        DartType::Interface { class, args, .. } => {
            out.push(*class);
            for a in args {
                collect_classes(a, out);
            }
        }
        DartType::RecordType(r) => {
            for f in &r.fields {
                collect_classes(f, out);
            }
        }
        _ => {}
    }
}

/// The value an implicit downcast (`coerce`) wraps: it has the span of its operand,
/// where an explicit `as` spans the whole cast.
fn without_implicit_cast(e: &ir::Expr) -> &ir::Expr {
    match &e.kind {
        ExprKind::As {
            expr,
            implicit: true,
            ..
        } => expr,
        _ => e,
    }
}

/// Does `t` name a type parameter anywhere (so its meaning depends on a substitution)?
pub(super) fn mentions_type_parameter(t: &DartType) -> bool {
    match t {
        DartType::TypeParameter { .. } => true,
        DartType::Interface { args, .. } => args.iter().any(mentions_type_parameter),
        DartType::Function { sig: Some(sig), .. } => {
            mentions_type_parameter(&sig.return_type)
                || sig.positional.iter().any(mentions_type_parameter)
                || sig.named.iter().any(|(_, t, _)| mentions_type_parameter(t))
        }
        DartType::RecordType(r) => r.fields.iter().any(mentions_type_parameter),
        _ => false,
    }
}

impl Lower<'_, '_> {
    /// Checks each argument against its parameter's declared type in `f`'s own
    /// signature, where that type mentions no type parameter (so no substitution through
    /// a receiver or inferred type arguments can change it).
    pub fn check_arg_types(&mut self, f: ir::FunctionId, args: &ir::Args) {
        let sig = self.r.sigs[f.index()].clone();
        for (a, (_, t)) in args.positional.iter().zip(&sig.positional) {
            if !mentions_type_parameter(t) {
                self.check_assignable(a, t, FlowTarget::Parameter);
            }
        }
        for (name, a) in &args.named {
            if let Some((_, t, _)) = sig.named.iter().find(|(p, _, _)| p == name) {
                if !mentions_type_parameter(t) {
                    self.check_assignable(a, t, FlowTarget::Parameter);
                }
            }
        }
    }

    /// `v(args)` where `v`'s type is certainly a class without a `call` method (and no
    /// extension in scope declares one): the front end's "isn't defined" error.
    pub fn check_callable(&mut self, callee: &ir::Expr) {
        if self.r.is_core(self.ctx.lib) {
            return;
        }
        let Some(DartType::Interface {
            class,
            nullable: false,
            ..
        }) = self.certain_type(callee)
        else {
            return;
        };
        let call = Symbol::intern("call");
        if self.has_error_within(callee.span)
            || Some(class) == self.r.program.core.function
            || self.r.find_instance(class, call, Want::Call).is_some()
            || self
                .extensions_in_scope()
                .into_iter()
                .any(|e| self.r.extensions[e].instance.contains_key(&call))
        {
            return;
        }
        let name = self.r.class_name(class);
        let lib = self
            .r
            .lib_display(self.r.program.classes[class.index()].library);
        let origin = messages::origin(name, &lib);
        let message = messages::undefined_member(AccessKind::Method, "call", name, &origin);
        let at = Span::new(callee.span.file, callee.span.start, callee.span.start + 1);
        self.r.error(at, message);
    }

    /// `T this.x` where a `T` can't be stored in field `x`.
    pub fn check_initializing_formal(&mut self, name: ast::Ident, ty: &DartType, field: FieldId) {
        let field_ty = self.r.program.fields[field.index()].ty.clone();
        if self.r.is_core(self.ctx.lib)
            || matches!(ty, DartType::Dynamic)
            || !self.r.surely_not_assignable(ty, &field_ty)
        {
            return;
        }
        let origins = self.r.type_origins(&[ty, &field_ty]);
        let message = messages::initializing_formal_mismatch(
            name.name,
            &self.r.type_display(ty),
            &self.r.type_display(&field_ty),
            &origins,
        );
        self.r.error(name.span, message);
    }

    /// The type a write to `r.name` must have, when `r`'s type is certain and the
    /// member's declared type mentions no type parameter.
    pub fn certain_property_type(
        &self,
        r: &ir::Expr,
        found: Option<(Found, ClassId)>,
    ) -> Option<DartType> {
        let Some(DartType::Interface {
            nullable: false, ..
        }) = self.certain_type(r)
        else {
            return None;
        };
        let declared = match found?.0 {
            Found::Field(f) => self.r.program.fields[f.index()].ty.clone(),
            Found::Setter(s) => self.r.sigs[s.index()].positional.first()?.1.clone(),
            Found::Method(_) | Found::Getter(_) => return None,
        };
        (!mentions_type_parameter(&declared)).then_some(declared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_parameters_are_found_anywhere_in_a_type() {
        let t = DartType::TypeParameter {
            name: Symbol::intern("T"),
            nullable: false,
        };
        let list_of_t = DartType::Interface {
            class: ClassId(0),
            args: vec![t.clone()],
            nullable: false,
        };
        assert!(mentions_type_parameter(&t));
        assert!(mentions_type_parameter(&list_of_t));
        assert!(!mentions_type_parameter(&DartType::Interface {
            class: ClassId(0),
            args: vec![DartType::Dynamic],
            nullable: true,
        }));
        assert!(!mentions_type_parameter(&DartType::Null));
    }
}
