//! Static errors of spread elements (`...e`, `...?e`) in list, set and map literals:
//! spreading something that is not an `Iterable` (a `Map` in a map literal), spreading
//! a nullable value without `?`, and `{...}` literals whose spreads make them both a
//! set and a map; and the iterable of a `for`-in loop or element (the stream of an
//! `await for`) that is not one.
//!
//! As for assignments (decision 36), only a spread whose static type is *certain*
//! (`Lower::certain_type`) and whose class-level relation rules it out is reported;
//! `dynamic`, type variables and anything uncertain keep the run-time check.

use super::body::Lower;
use super::collections::set_or_map;
use super::messages;
use super::types::make_non_nullable;
use crate::front::ast::{self, CollectionElement as El};
use crate::front::source::Span;
use crate::kernel::ir::{self, DartType};

/// What a spread's static type says about the literal it is in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SpreadKind {
    Iterable,
    Map,
}

impl<'r, 'a> Lower<'r, 'a> {
    /// Reports a spread of `v` (already lowered) that cannot be spread into the
    /// literal: nullable without `?`, or not an `Iterable` (`into_map`: not a `Map`)
    /// when the literal's kind is known (`kind_known`), not guessed.
    pub(super) fn check_spread(
        &mut self,
        v: &ir::Expr,
        null_aware: bool,
        into_map: bool,
        kind_known: bool,
        at: Span,
    ) {
        let Some(ty) = self.certain_type(v) else {
            return;
        };
        if matches!(ty, DartType::Null) {
            if !null_aware {
                self.r.error(
                    at,
                    messages::non_null_aware_spread_is_null(&self.r.type_display(&ty)),
                );
            }
            return;
        }
        if ty.is_nullable() && !null_aware && matches!(ty, DartType::Interface { .. }) {
            self.r.error(at, messages::nullable_spread());
        }
        // A `{...}` literal whose kind was guessed may be the other kind in Dart.
        if !kind_known {
            return;
        }
        let wanted = if into_map { "Map" } else { "Iterable" };
        let Some(class) = self.r.core_class(wanted) else {
            return;
        };
        let target = self.r.interface_type(class, Vec::new(), false);
        if self
            .r
            .surely_not_assignable(&make_non_nullable(ty.clone()), &target)
        {
            let shown = self.r.type_display(&ty);
            let text = if into_map {
                messages::spread_map_entry_type_mismatch(&shown)
            } else {
                messages::spread_type_mismatch(&shown)
            };
            self.r.error(at, text);
        }
    }

    /// Reports a `for`-in iterable (`class_name`: `Iterable`, or `Stream` for
    /// `await for`) whose certain type is not one, or is nullable.
    pub(super) fn check_for_in_iterable(&mut self, v: &ir::Expr, class_name: &str, at: Span) {
        let Some(ty) = self.certain_type(v) else {
            return;
        };
        let found = match class_name {
            "Stream" => self.r.async_class(class_name),
            _ => self.r.core_class(class_name),
        };
        let Some(class) = found else {
            return;
        };
        let non_null = make_non_nullable(ty.clone());
        let target = self.r.interface_type(class, vec![DartType::Dynamic], false);
        let not_at_all =
            matches!(ty, DartType::Null) || self.r.surely_not_assignable(&non_null, &target);
        let nullable = ty.is_nullable() && matches!(ty, DartType::Interface { .. });
        if !not_at_all && !nullable {
            return;
        }
        let (shown, wanted) = (self.r.type_display(&ty), self.r.type_display(&target));
        let text = if not_at_all {
            messages::for_in_not_iterable(&shown, &wanted)
        } else {
            messages::for_in_nullable(&shown, &wanted)
        };
        let origins = self.r.type_origins(&[&ty]);
        self.r.error(at, format!("{text}{origins}"));
    }

    /// For a `{...}` literal without type arguments whose elements do not decide:
    /// reports spreads of both an `Iterable` and a `Map` ("Both Iterable and Map spread
    /// elements encountered in ambiguous literal."), and a literal whose only spreads
    /// are `null` literals (nothing to decide by). Returns whether it reported.
    pub(super) fn check_ambiguous_spreads(&mut self, elements: &'a [El], span: Span) -> bool {
        if set_or_map(elements).is_some() {
            return false;
        }
        let mut kinds = Vec::new();
        let mut all_null = !elements.is_empty();
        for e in elements {
            let El::Spread { expr, .. } = e else {
                all_null = false;
                continue;
            };
            if !matches!(expr.kind, ast::ExprKind::Null) && !self.is_certainly_dynamic_local(expr) {
                all_null = false;
            }
            kinds.extend(self.visible_spread_kind(expr));
        }
        if kinds.contains(&SpreadKind::Iterable) && kinds.contains(&SpreadKind::Map) {
            self.r.error(span, messages::ambiguous_spreads_both());
            return true;
        }
        if all_null {
            self.r
                .error(span, messages::ambiguous_not_enough_information());
            return true;
        }
        false
    }

    /// Is `expr` a local of this function declared `dynamic` (a spread of it says
    /// nothing about the literal)?
    fn is_certainly_dynamic_local(&self, expr: &ast::Expr) -> bool {
        let ast::ExprKind::Ident(id) = &expr.kind else {
            return false;
        };
        let frame = self.frame_ref();
        let Some(&l) = frame
            .scopes
            .iter()
            .rev()
            .find_map(|s| s.names.get(&id.name))
        else {
            return false;
        };
        frame.certain_locals.contains(&l)
            && !frame.flow_sensitive.contains(&l)
            && frame.locals[l.index()].ty == DartType::Dynamic
    }

    /// For a literal with written type arguments: reports a spread whose certain
    /// element type (key and value types, into a map) can't be assigned to them.
    /// `targets` are the element type, or the key and value types.
    pub(super) fn check_spread_elements(&mut self, v: &ir::Expr, targets: &[DartType], at: Span) {
        let Some(ty) = self.certain_type(v) else {
            return;
        };
        let into_map = targets.len() == 2;
        let Some(class) = self.r.core_class(if into_map { "Map" } else { "Iterable" }) else {
            return;
        };
        let Some(args) = self.r.supertype_args(&make_non_nullable(ty), class) else {
            return;
        };
        for (i, (s, t)) in args.iter().zip(targets).enumerate() {
            if !matches!(s, DartType::Interface { .. }) || !self.r.surely_not_assignable(s, t) {
                continue;
            }
            let (shown_s, shown_t) = (self.r.type_display(s), self.r.type_display(t));
            let text = match (into_map, i) {
                (false, _) => messages::spread_element_type_mismatch(&shown_s, &shown_t),
                (true, 0) => messages::spread_key_type_mismatch(&shown_s, &shown_t),
                _ => messages::spread_value_type_mismatch(&shown_s, &shown_t),
            };
            let origins = self.r.type_origins(&[s, t]);
            self.r.error(at, format!("{text}{origins}"));
        }
    }

    /// Whether a spread's expression is visibly an `Iterable` or a `Map`, from locals'
    /// declared types and collection literals only (nothing is lowered).
    fn visible_spread_kind(&self, expr: &ast::Expr) -> Option<SpreadKind> {
        let ty = match &expr.kind {
            ast::ExprKind::Ident(id) => self.peek_local_type(id.name)?,
            ast::ExprKind::List { .. } => return Some(SpreadKind::Iterable),
            ast::ExprKind::SetOrMap {
                type_args,
                elements,
                ..
            } => {
                return match (type_args.len(), set_or_map(elements)) {
                    (1, _) | (_, Some(true)) => Some(SpreadKind::Iterable),
                    (2, _) | (_, Some(false)) => Some(SpreadKind::Map),
                    _ => None,
                }
            }
            _ => return None,
        };
        let DartType::Interface { class, .. } = ty else {
            return None;
        };
        let is = |name: &str| {
            self.r
                .core_class(name)
                .is_some_and(|c| self.r.class_is_subclass(class, c))
        };
        if is("Iterable") {
            Some(SpreadKind::Iterable)
        } else if is("Map") {
            Some(SpreadKind::Map)
        } else {
            None
        }
    }
}
