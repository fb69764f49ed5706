//! Written type arguments against their type parameters: the count (`C<int, int>` for a
//! class with one type parameter, "Expected 1 type arguments.") and the bounds
//! (`C<String>` for `class C<T extends num>`).
//!
//! Counts are checked as a type is resolved. Bounds are checked once every class header
//! is resolved (`check_pending_bounds`, after the bodies), because a type annotation can
//! be resolved before the supertypes its check needs are known. The check is
//! deliberately one-sided: the resolver's subtype test ignores type arguments and
//! function signatures, so only a type argument that is certainly not a subtype of its
//! (substituted) bound is reported. Top types (which may make a super-bounded type
//! well-bounded), type variables, extension types and `FutureOr` are never reported as
//! arguments; extension type declarations' own bounds are checked like classes'.

use std::collections::HashMap;

use super::{messages, Resolver};
use crate::front::ast;
use crate::front::diagnostics::Diagnostic;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{ClassId, DartType, LibraryId};

/// A declaration with type parameters that type arguments are written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Generic {
    Class(ClassId),
    /// A type alias, by index in `Resolver::typedefs`.
    Typedef(usize),
    /// An extension type, by index in `Resolver::extensions`.
    ExtensionType(usize),
}

/// One written type argument list, to check against its declaration's bounds.
pub(crate) struct PendingBoundCheck {
    owner: Generic,
    args: Vec<DartType>,
    /// The span of each written argument.
    spans: Vec<Span>,
}

/// The resolved bounds of a declaration's type parameters (`None`: no bound, or one
/// that could not be resolved).
pub(crate) type ClassBounds = HashMap<Generic, Vec<Option<DartType>>>;

impl<'a> Resolver<'a> {
    /// Reports a written type argument list whose length is not `expected`, once per
    /// annotation (an annotation may be resolved more than once).
    pub(super) fn check_type_arg_count(&mut self, expected: usize, written: usize, at: Span) {
        if written == expected || !self.type_arg_errors_at.insert(at) {
            return;
        }
        self.error(at, messages::type_argument_count(expected));
    }

    /// The type parameters of `owner` as written.
    fn generic_params(&self, owner: Generic) -> &'a [ast::TypeParameter] {
        match owner {
            Generic::Class(c) => self.classes[c.index()].source.type_params(),
            Generic::Typedef(i) => &self.typedefs[i].decl.type_params,
            Generic::ExtensionType(e) => self.extensions[e]
                .ext_type
                .as_ref()
                .map(|t| &t.decl.type_params[..])
                .unwrap_or(&[]),
        }
    }

    fn generic_lib(&self, owner: Generic) -> LibraryId {
        match owner {
            Generic::Class(c) => self.classes[c.index()].lib,
            Generic::Typedef(i) => self.typedefs[i].lib,
            Generic::ExtensionType(e) => self.extensions[e].lib,
        }
    }

    fn generic_name(&self, owner: Generic) -> Symbol {
        match owner {
            Generic::Class(c) => self.class_name(c),
            Generic::Typedef(i) => self.typedefs[i].decl.name.name,
            Generic::ExtensionType(e) => self.extensions[e]
                .ext_type
                .as_ref()
                .map(|t| t.decl.name.name)
                .unwrap_or_else(|| Symbol::intern("")),
        }
    }

    /// Queues the check of `args` (written as `anns`) against the bounds of `owner`.
    /// Platform libraries are trusted.
    pub(super) fn queue_bound_check(
        &mut self,
        owner: Generic,
        args: &[DartType],
        anns: &[ast::TypeAnnotation],
        lib: LibraryId,
    ) {
        if args.len() != anns.len()
            || self.program.libraries[lib.index()].uri.starts_with("dart:")
            || !self.generic_params(owner).iter().any(|p| p.bound.is_some())
        {
            return;
        }
        let spans: Vec<Span> = anns.iter().map(|a| a.span()).collect();
        if spans
            .first()
            .is_some_and(|s| self.bounds_queued_at.contains(s))
        {
            return;
        }
        self.bounds_queued_at.extend(spans.first().copied());
        self.pending_bounds.push(PendingBoundCheck {
            owner,
            args: args.to_vec(),
            spans,
        });
    }

    /// Checks every queued type argument list against its class's bounds.
    pub(super) fn check_pending_bounds(&mut self) {
        let pending = std::mem::take(&mut self.pending_bounds);
        for check in &pending {
            self.check_bounds(check);
        }
        // Resolving bounds queues checks of the bounds' own arguments: not reported.
        self.pending_bounds.clear();
    }

    fn check_bounds(&mut self, check: &PendingBoundCheck) {
        let bounds = self.bounds_of(check.owner);
        let written = self.generic_params(check.owner);
        let params: Vec<Symbol> = written.iter().map(|p| p.name.name).collect();
        for (i, arg) in check.args.iter().enumerate() {
            let Some(Some(bound)) = bounds.get(i) else {
                continue;
            };
            let substituted = super::types::substitute(bound, &params, &check.args);
            if !self.certainly_violates(arg, &substituted) {
                continue;
            }
            let Some(param) = written.get(i) else {
                continue;
            };
            let text = messages::incorrect_type_argument(
                &self.type_display(arg),
                &self.type_display(bound),
                param.name.name,
                self.generic_name(check.owner),
                &self.type_origins(&[arg, bound]),
            );
            let d = Diagnostic::error(check.spans[i], text)
                .with_context(param.name.span, messages::type_variable_bound_here());
            self.diags.push(d);
        }
    }

    /// The bounds of `owner`'s type parameters, resolved once. Errors in a bound are
    /// not reported here (the declaration is where they belong).
    pub(super) fn bounds_of(&mut self, owner: Generic) -> Vec<Option<DartType>> {
        if let Some(b) = self.class_bounds.get(&owner) {
            return b.clone();
        }
        let written = self.generic_params(owner);
        let tctx = super::types::TypeContext {
            lib: self.generic_lib(owner),
            type_params: written.iter().map(|p| p.name.name).collect(),
        };
        let reported = self.diags.items.len();
        let bounds: Vec<Option<DartType>> = written
            .iter()
            .map(|p| p.bound.as_ref().map(|b| self.resolve_type(b, &tctx)))
            .collect();
        self.diags.items.truncate(reported);
        self.class_bounds.insert(owner, bounds.clone());
        bounds
    }

    /// The type arguments of `owner` written raw (`Circle` for `Circle<T extends
    /// MetricUnits>` is a `Circle<MetricUnits>`): its instantiated bounds, `None` when
    /// they are all `dynamic` or `owner`'s own bounds are being resolved.
    pub(super) fn raw_type_args(&mut self, owner: Generic) -> Option<Vec<DartType>> {
        if !self.raw_in_progress.insert(owner) {
            return None;
        }
        let bounds = self.bounds_of(owner);
        self.raw_in_progress.remove(&owner);
        let params: Vec<Symbol> = self
            .generic_params(owner)
            .iter()
            .map(|p| p.name.name)
            .collect();
        let args = super::reified::instantiate_to_bounds(&params, &bounds);
        args.iter().any(|t| *t != DartType::Dynamic).then_some(args)
    }

    /// Is `arg` certainly not a subtype of `bound`? Only when both are types the
    /// class-based subtype test decides and `arg` is no top type.
    fn certainly_violates(&self, arg: &DartType, bound: &DartType) -> bool {
        let unknowable = |t: &DartType| {
            matches!(
                t,
                DartType::Dynamic
                    | DartType::Void
                    | DartType::Never
                    | DartType::TypeParameter { .. }
                    | DartType::Extension { .. }
            ) || self.is_top_object(t)
        };
        if unknowable(arg) || unknowable(bound) {
            return false;
        }
        self.is_subtype(arg, bound) == Some(false)
    }

    fn is_top_object(&self, t: &DartType) -> bool {
        matches!(t, DartType::Interface { class, nullable: true, .. }
            if Some(*class) == self.program.core.object)
    }
}

impl<'r, 'a> super::body::Lower<'r, 'a> {
    /// The type arguments written at a constructor call without `new`/`const`
    /// (`C<int>()`, `p.C<int>()`): their count, and (later) their bounds. Written with
    /// `new`/`const` they are part of the resolved type annotation instead.
    pub(super) fn check_ctor_call_type_args(
        &mut self,
        class: ClassId,
        ast_args: &'a ast::Arguments,
        at: Span,
    ) {
        let key = ast_args as *const ast::Arguments as usize;
        let Some(written) = self.call_type_args.get(&key).copied() else {
            return;
        };
        let args: Vec<DartType> = written.iter().map(|t| self.resolve_type(t)).collect();
        let expected = self.r.classes[class.index()].type_params.len();
        self.r.check_type_arg_count(expected, args.len(), at);
        self.r
            .queue_bound_check(Generic::Class(class), &args, written, self.ctx.lib);
    }
}
