//! Reified type arguments in lowered bodies: the hidden local holding a generic
//! function's (or a generic class's factory's) type-argument vector, and the expressions
//! that build runtime types — `is`/`as` against types that mention type parameters, type
//! parameters used as values, and the type arguments of instantiations and calls — with
//! the environment their type parameters are found in at run time.

use super::body::Lower;
use super::Signature;
use crate::front::ast;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, DartType, ExprKind, FunctionId, FunctionKind, TypeEnvEntry};

/// The scope name of function `fid`'s hidden type-argument local (not a Dart identifier,
/// so it never clashes; unique per function, so nested generic closures see each other's).
fn type_args_local_name(fid: FunctionId) -> Symbol {
    Symbol::intern(&format!("#typeArgs{}", fid.0))
}

pub(super) use crate::kernel::ir::free_type_params;

impl<'r, 'a> Lower<'r, 'a> {
    /// After the parameters: a generic function (or a factory of a generic class, whose
    /// type arguments are its class's) gets the hidden local its prologue stores the
    /// passed type-argument vector in. It is the local right after the parameters.
    pub fn declare_type_args_local(&mut self, fid: FunctionId) {
        let own = self.frame_ref().type_params.clone();
        let extension = self.r.reified_extension(fid);
        let func = &self.r.program.functions[fid.index()];
        let names = if let Some(e) = extension {
            let mut names = self.r.extensions[e].type_params.clone();
            names.extend(own);
            names
        } else if !own.is_empty() {
            own
        } else if func.kind == FunctionKind::Factory {
            match func.owner {
                Some(c) => self.r.classes[c.index()].type_params.clone(),
                None => Vec::new(),
            }
        } else {
            Vec::new()
        };
        if names.is_empty() {
            return;
        }
        let p = &func.params;
        let expected = p.receiver_slots + p.count();
        if self.frame_ref().locals.len() as u32 != expected {
            // Parameters were not declared one local each (a malformed declaration that
            // was reported): leave the function non-generic rather than misplace locals.
            return;
        }
        let ident = ast::Ident {
            name: type_args_local_name(fid),
            span: func.span,
        };
        let local = self.declare_local(ident, DartType::Dynamic, true);
        let f = &mut self.r.program.functions[fid.index()];
        f.type_params = names.clone();
        f.type_args_local = Some(local);
        self.frame().type_args = Some((local, names));
    }

    /// The type arguments a call of extension member `f` passes for its extension's type
    /// parameters: the explicit ones of `E<T>(r)`, else those the receiver's static type
    /// binds in the `on` type (`List<int>` against `on List<T>`). `None` when `f` does not
    /// take them (see `Resolver::reified_extension`) or nothing is known (the callee
    /// then sees `dynamic`).
    pub fn extension_type_args(
        &mut self,
        f: FunctionId,
        recv_ty: &DartType,
        own: Vec<DartType>,
        span: Span,
    ) -> Option<Box<ir::Expr>> {
        let e = self.r.reified_extension(f)?;
        let own_count = self.r.sigs[f.index()].type_params.len();
        let params = self.r.extensions[e].type_params.clone();
        let on = self.r.extensions[e].on.clone();
        let types: Vec<DartType> = match recv_ty {
            DartType::Extension { index, args, .. }
                if *index as usize == e && args.len() == params.len() =>
            {
                args.clone()
            }
            _ => {
                let view = match (&on, recv_ty) {
                    (DartType::Interface { class, .. }, DartType::Interface { nullable, .. }) => {
                        match self.r.supertype_args(recv_ty, *class) {
                            Some(args) => DartType::Interface {
                                class: *class,
                                args,
                                nullable: *nullable,
                            },
                            None => recv_ty.clone(),
                        }
                    }
                    _ => recv_ty.clone(),
                };
                let mut found: Vec<Option<DartType>> = vec![None; params.len()];
                let supers = |t: &DartType, c| self.r.supertype_args(t, c);
                match_type(&on, &view, &params, &mut found, &supers);
                found
                    .into_iter()
                    .map(|t| t.unwrap_or(DartType::Dynamic))
                    .collect()
            }
        };
        let mut types = types;
        types.extend((0..own_count).map(|i| own.get(i).cloned().unwrap_or(DartType::Dynamic)));
        if types.iter().all(|t| matches!(t, DartType::Dynamic)) {
            return None;
        }
        Some(Box::new(self.type_args_expr(types, span)))
    }

    /// Can the current body read an instance's class type arguments through `this`?
    fn has_instance_this(&self) -> bool {
        let member = self.frames[0].fid;
        self.has_this()
            && self.ctx.this_class.is_some()
            && self.r.program.functions[member.index()].kind != FunctionKind::Factory
    }

    /// Where the type parameters in `free` are found at run time, outermost first: the
    /// class's through `this`, then each enclosing generic function's hidden local.
    fn type_env(&mut self, free: &[Symbol], span: Span) -> Vec<TypeEnvEntry> {
        let mut env = Vec::new();
        if let Some(c) = self.ctx.lexical_class {
            let names = self.r.classes[c.index()].type_params.clone();
            if self.has_instance_this() && names.iter().any(|n| free.contains(n)) {
                let this = self.this_expr(span);
                let source = self.expr(
                    ExprKind::InstanceTypeArgs {
                        receiver: Box::new(this),
                        class: c,
                    },
                    span,
                    DartType::Dynamic,
                );
                env.push(TypeEnvEntry { names, source });
            }
        }
        for fi in 0..self.frames.len() {
            let Some((_, names)) = self.frames[fi].type_args.clone() else {
                continue;
            };
            if !names.iter().any(|n| free.contains(n)) {
                continue;
            }
            let name = type_args_local_name(self.frames[fi].fid);
            if let Ok(Some(r)) = self.lookup_local(name, span) {
                let source = self.local_get_ref(&r, span);
                env.push(TypeEnvEntry { names, source });
            }
        }
        env
    }

    /// The runtime type-argument vector of `types` (folded by the emitter when closed).
    pub fn type_args_expr(&mut self, types: Vec<DartType>, span: Span) -> ir::Expr {
        let mut free = Vec::new();
        types.iter().for_each(|t| free_type_params(t, &mut free));
        let env = if free.is_empty() {
            Vec::new()
        } else {
            self.type_env(&free, span)
        };
        self.expr(ExprKind::TypeArgs { types, env }, span, DartType::Dynamic)
    }

    /// `Some(vector)` only when `types` mention type parameters (collection literals fold
    /// closed element types themselves).
    pub fn open_type_args(&mut self, types: &[DartType], span: Span) -> Option<Box<ir::Expr>> {
        if !types.iter().any(DartType::is_open) {
            return None;
        }
        Some(Box::new(self.type_args_expr(types.to_vec(), span)))
    }

    /// `value is ty` (`negated`: `is!`), checked against the type arguments in scope when
    /// `ty` mentions type parameters.
    pub fn is_check(
        &mut self,
        value: ir::Expr,
        ty: DartType,
        negated: bool,
        span: Span,
    ) -> ir::Expr {
        let bool_ty = self.r.core_type("bool");
        if ty.is_open() {
            let type_args = Box::new(self.type_args_expr(vec![ty], span));
            return self.expr(
                ExprKind::IsRuntime {
                    expr: Box::new(value),
                    type_args,
                    negated,
                },
                span,
                bool_ty,
            );
        }
        self.expr(
            ExprKind::Is {
                expr: Box::new(value),
                ty,
                negated,
            },
            span,
            bool_ty,
        )
    }

    /// `value as ty`.
    pub fn as_check(&mut self, value: ir::Expr, ty: DartType, span: Span) -> ir::Expr {
        if ty.is_open() {
            let type_args = Box::new(self.type_args_expr(vec![ty.clone()], span));
            return self.expr(
                ExprKind::AsRuntime {
                    expr: Box::new(value),
                    type_args,
                    implicit: false,
                },
                span,
                ty,
            );
        }
        self.expr(
            ExprKind::As {
                expr: Box::new(value),
                ty: ty.clone(),
                implicit: false,
            },
            span,
            ty,
        )
    }

    /// A type used as a value (`T`, `List<T>`, `int`).
    pub fn type_value(&mut self, ty: DartType, span: Span) -> ir::Expr {
        if ty.is_open() {
            let type_args = self.type_args_expr(vec![ty], span);
            let type_ty = self.r.core_type("Type");
            return self.expr(ExprKind::TypeValue(Box::new(type_args)), span, type_ty);
        }
        self.constant(ir::Constant::Type(ty), span)
    }

    /// Remembers the explicit type arguments of a call (`f<int>(x)`, `o.m<T>()`) for the
    /// lowering of its argument list, which is where the callee becomes known.
    pub fn note_call_type_args(
        &mut self,
        args: &'a ast::Arguments,
        types: &'a [ast::TypeAnnotation],
    ) {
        self.call_type_args
            .insert(args as *const ast::Arguments as usize, types);
    }

    /// The explicit type arguments written at the call whose arguments are `args`.
    pub fn explicit_call_type_args(
        &mut self,
        args: &'a ast::Arguments,
        span: Span,
    ) -> Option<Box<ir::Expr>> {
        let types = self
            .call_type_args
            .get(&(args as *const ast::Arguments as usize))
            .copied()?;
        let resolved: Vec<DartType> = types.iter().map(|t| self.resolve_type(t)).collect();
        Some(Box::new(self.type_args_expr(resolved, span)))
    }

    /// The type arguments to pass to generic callee `sig`: the explicit ones, or those
    /// inferred from the arguments' static types (`None` lets the callee default them).
    fn call_types(
        &mut self,
        sig: &Signature,
        ast_args: &'a ast::Arguments,
        args: &ir::Args,
    ) -> Option<Vec<DartType>> {
        if sig.type_params.is_empty() {
            return None;
        }
        let key = ast_args as *const ast::Arguments as usize;
        if let Some(types) = self.call_type_args.get(&key).copied() {
            if types.len() != sig.type_params.len() {
                return None;
            }
            return Some(types.iter().map(|t| self.resolve_type(t)).collect());
        }
        let supers = |t: &DartType, c| self.r.supertype_args(t, c);
        infer_type_args(sig, args, &supers)
    }

    /// As `call_type_args`, and a type parameter that the call's return type binds in an
    /// informative context (not `dynamic`, `Object` or `Object?`) takes the context's type,
    /// as Dart's downward inference fixes it: `Map<String, int> m = f({})` for
    /// `T f<T>(Object? o)` passes `Map<String, int>`. Returns the types too.
    pub fn call_type_args_in(
        &mut self,
        sig: &Signature,
        ast_args: &'a ast::Arguments,
        args: &ir::Args,
        span: Span,
        context: Option<&DartType>,
    ) -> (Option<Box<ir::Expr>>, Option<Vec<DartType>>) {
        let types = self.call_types_in(sig, ast_args, args, context);
        let expr = types
            .clone()
            .map(|t| Box::new(self.type_args_expr(t, span)));
        (expr, types)
    }

    fn call_types_in(
        &mut self,
        sig: &Signature,
        ast_args: &'a ast::Arguments,
        args: &ir::Args,
        context: Option<&DartType>,
    ) -> Option<Vec<DartType>> {
        let key = ast_args as *const ast::Arguments as usize;
        let explicit = self.call_type_args.contains_key(&key);
        let informative = context.filter(|c| match c {
            DartType::Interface { class, .. } => Some(*class) != self.r.core_class("Object"),
            DartType::Dynamic | DartType::Void | DartType::Null | DartType::Never => false,
            _ => true,
        });
        let (Some(context), false, false) = (informative, explicit, sig.type_params.is_empty())
        else {
            return self.call_types(sig, ast_args, args);
        };
        let mut from_context: Vec<Option<DartType>> = vec![None; sig.type_params.len()];
        // The context is a supertype of the return type, never a subtype to view.
        match_type(
            &sig.return_type,
            context,
            &sig.type_params,
            &mut from_context,
            &|_, _| None,
        );
        if from_context
            .iter()
            .all(|t| t.as_ref().is_none_or(|t| *t == DartType::Dynamic))
        {
            return self.call_types(sig, ast_args, args);
        }
        let supers = |t: &DartType, c| self.r.supertype_args(t, c);
        let from_args = infer_type_args(sig, args, &supers).unwrap_or_default();
        Some(
            from_context
                .into_iter()
                .enumerate()
                .map(|(i, c)| match c {
                    Some(t) if t != DartType::Dynamic => t,
                    _ => from_args.get(i).cloned().unwrap_or(DartType::Dynamic),
                })
                .collect(),
        )
    }

    /// A generic static or top-level function's tear-off flowing into a non-generic
    /// function type (`int Function(int) f = identity;`) is instantiated: its type
    /// arguments are inferred from that type (parameters and return type), the rest are
    /// their bounds. Instance method tear-offs stay generic: an instantiated one would
    /// need the runtime's tear-off equality and the overriding method's own signature.
    pub fn implicit_instantiation(&mut self, e: ir::Expr, target: &DartType) -> ir::Expr {
        let DartType::Function {
            sig: Some(want), ..
        } = target
        else {
            return e;
        };
        let f = match &e.kind {
            ExprKind::StaticTearOff(f) => *f,
            _ => return e,
        };
        let generic = self.r.sigs[f.index()].clone();
        if generic.type_params.is_empty() {
            return e;
        }
        let params = &generic.type_params;
        let mut found: Vec<Option<DartType>> = vec![None; params.len()];
        let supers = |t: &DartType, c| self.r.supertype_args(t, c);
        for (formal, actual) in generic.positional.iter().zip(&want.positional) {
            match_type(&formal.1, actual, params, &mut found, &supers);
        }
        for (name, actual, _) in &want.named {
            if let Some(formal) = generic.named.iter().find(|n| n.0 == *name) {
                match_type(&formal.1, actual, params, &mut found, &supers);
            }
        }
        match_type(
            &generic.return_type,
            &want.return_type,
            params,
            &mut found,
            &supers,
        );
        let defaults = instantiate_to_bounds(params, &generic.type_param_bounds);
        let types: Vec<DartType> = found
            .into_iter()
            .zip(defaults)
            .map(|(t, default)| t.unwrap_or(default))
            .collect();
        self.instantiated_tear_off(f, types, e.span)
    }

    /// The type a constructor call instantiates when it writes no type arguments of its
    /// own: those written as `C<T>(...)`, else the context's (`Box<int> b = Box(x)`), else
    /// inferred from the constructor's arguments (`Pair(1, 'a')` is a `Pair<int, String>`),
    /// else the class's instantiated bounds (`C()` for `C<X extends A>` is a `C<A>`).
    pub fn reify_ctor_type(
        &mut self,
        mut call: super::calls::CtorCall,
        ast_args: &'a ast::Arguments,
        context: Option<DartType>,
        args: &ir::Args,
    ) -> super::calls::CtorCall {
        let params = self.r.classes[call.class.index()].type_params.clone();
        let DartType::Interface {
            args: current,
            nullable,
            ..
        } = &call.ty
        else {
            return call;
        };
        if params.is_empty() || current.iter().any(|t| *t != DartType::Dynamic) {
            return call;
        }
        let nullable = *nullable;
        let key = ast_args as *const ast::Arguments as usize;
        let chosen = if let Some(types) = self.call_type_args.get(&key).copied() {
            (types.len() == params.len())
                .then(|| types.iter().map(|t| self.resolve_type(t)).collect())
        } else {
            match context {
                Some(DartType::Interface {
                    class, args: ctx, ..
                }) if class == call.class && ctx.len() == params.len() => Some(ctx),
                _ => self.infer_ctor_args(&call, params, args),
            }
        };
        let chosen = chosen.or_else(|| {
            let bounds = self.r.bounds_of(super::bounds::Generic::Class(call.class));
            let params = &self.r.classes[call.class.index()].type_params;
            let defaults = instantiate_to_bounds(params, &bounds);
            defaults
                .iter()
                .any(|t| *t != DartType::Dynamic)
                .then_some(defaults)
        });
        if let Some(chosen) = chosen {
            call.ty = DartType::Interface {
                class: call.class,
                args: chosen,
                nullable,
            };
        }
        call
    }

    fn infer_ctor_args(
        &mut self,
        call: &super::calls::CtorCall,
        params: Vec<Symbol>,
        args: &ir::Args,
    ) -> Option<Vec<DartType>> {
        let mut sig = self.ctor_signature(call)?;
        sig.type_param_bounds = self.r.bounds_of(super::bounds::Generic::Class(call.class));
        sig.type_params = params;
        let supers = |t: &DartType, c| self.r.supertype_args(t, c);
        infer_type_args(&sig, args, &supers)
    }
}

impl super::Resolver<'_> {
    /// Gives each generic function with closed, informative bounds the type arguments a
    /// call that passes none instantiates it with (`ir::Function::default_type_args`).
    pub(super) fn set_default_type_args(&mut self) {
        for (i, sig) in self.sigs.iter().enumerate() {
            if sig.type_param_bounds.iter().all(Option::is_none) {
                continue;
            }
            let defaults = instantiate_to_bounds(&sig.type_params, &sig.type_param_bounds);
            if defaults.iter().any(DartType::is_open)
                || defaults.iter().all(|t| *t == DartType::Dynamic)
            {
                continue;
            }
            self.program.functions[i].default_type_args = defaults;
        }
    }
}

/// Instantiate to bound: the type arguments a generic declaration gets where none are
/// written or inferred. Each parameter takes its bound (`dynamic` without one) with the
/// others' results substituted in (`<X extends A, Y extends X>` is `<A, A>`); a
/// parameter whose bound leads back to itself (`T extends Comparable<T>`) has those
/// references replaced by `dynamic`, so the result is always closed over `params`.
pub(super) fn instantiate_to_bounds(
    params: &[Symbol],
    bounds: &[Option<DartType>],
) -> Vec<DartType> {
    let mut result: Vec<DartType> = (0..params.len())
        .map(|i| {
            bounds
                .get(i)
                .cloned()
                .flatten()
                .unwrap_or(DartType::Dynamic)
        })
        .collect();
    let deps: Vec<Vec<usize>> = result
        .iter()
        .map(|t| {
            let mut free = Vec::new();
            free_type_params(t, &mut free);
            free.iter()
                .filter_map(|s| params.iter().position(|p| p == s))
                .collect()
        })
        .collect();
    let cyclic: Vec<usize> = (0..params.len())
        .filter(|&i| reaches_itself(i, &deps))
        .collect();
    let cyclic_names: Vec<Symbol> = cyclic.iter().map(|&i| params[i]).collect();
    let dynamics = vec![DartType::Dynamic; cyclic.len()];
    for &i in &cyclic {
        result[i] = super::types::substitute(&result[i], &cyclic_names, &dynamics);
    }
    // Acyclic now: each round resolves one more level of references.
    for _ in 0..params.len() {
        let previous = result.clone();
        for t in &mut result {
            *t = super::types::substitute(t, params, &previous);
        }
    }
    result
}

/// Does parameter `start` depend on itself through `deps` (parameter -> parameters its
/// bound names)?
fn reaches_itself(start: usize, deps: &[Vec<usize>]) -> bool {
    let mut seen = vec![false; deps.len()];
    let mut stack = deps[start].clone();
    while let Some(i) = stack.pop() {
        if i == start {
            return true;
        }
        if !std::mem::replace(&mut seen[i], true) {
            stack.extend(deps[i].iter().copied());
        }
    }
    false
}

/// Infers a generic callee's type arguments by matching its parameter types against the
/// arguments' static types (`T` against `int`, `List<T>` against `List<int>`, a function
/// type's return type against a function literal's). Unmatched parameters take their
/// instantiated bounds; `None` when nothing matched and every bound is `dynamic` (the
/// callee then defaults them).
pub(super) fn infer_type_args(
    sig: &Signature,
    args: &ir::Args,
    supers: Supertypes,
) -> Option<Vec<DartType>> {
    let mut found: Vec<Option<DartType>> = vec![None; sig.type_params.len()];
    let pairs = sig
        .positional
        .iter()
        .map(|p| &p.1)
        .zip(args.positional.iter().map(|a| &a.ty))
        .chain(
            args.named
                .iter()
                .filter_map(|(n, a)| sig.named.iter().find(|p| p.0 == *n).map(|p| (&p.1, &a.ty))),
        );
    for (param, arg) in pairs {
        match_type(param, arg, &sig.type_params, &mut found, supers);
    }
    let defaults = instantiate_to_bounds(&sig.type_params, &sig.type_param_bounds);
    if found.iter().all(Option::is_none) && defaults.iter().all(|t| *t == DartType::Dynamic) {
        return None;
    }
    Some(
        found
            .into_iter()
            .zip(defaults)
            .map(|(t, default)| t.unwrap_or(default))
            .collect(),
    )
}

/// A class type seen as its supertype of class `c`: its type arguments there
/// (`Resolver::supertype_args`).
pub(super) type Supertypes<'s> = &'s dyn Fn(&DartType, ir::ClassId) -> Option<Vec<DartType>>;

fn match_type(
    param: &DartType,
    arg: &DartType,
    names: &[Symbol],
    found: &mut [Option<DartType>],
    supers: Supertypes,
) {
    match (param, arg) {
        (_, DartType::Dynamic) => {}
        (DartType::TypeParameter { name, nullable }, _) => {
            if let Some(i) = names.iter().position(|n| n == name) {
                // `T?` against `int?` binds `int`; `T` against `int?` binds `int?`.
                let t = if *nullable {
                    super::types::make_non_nullable(arg.clone())
                } else {
                    arg.clone()
                };
                if matches!(t, DartType::Never | DartType::Null) {
                    return;
                }
                found[i] = Some(match found[i].take() {
                    Some(prev) if prev != t => DartType::Dynamic,
                    _ => t,
                });
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
            for (p, x) in pa.iter().zip(aa) {
                match_type(p, x, names, found, supers);
            }
        }
        // `Iterable<T>` against a `List<int>`: the argument seen as an `Iterable`.
        (
            DartType::Interface {
                class: a, args: pa, ..
            },
            DartType::Interface { .. },
        ) => {
            if let Some(aa) = supers(arg, *a) {
                for (p, x) in pa.iter().zip(&aa) {
                    match_type(p, x, names, found, supers);
                }
            }
        }
        (DartType::Function { sig: Some(p), .. }, DartType::Function { sig: Some(x), .. }) => {
            match_type(&p.return_type, &x.return_type, names, found, supers);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::instantiate_to_bounds;
    use crate::front::intern::Symbol;
    use crate::kernel::ir::{ClassId, DartType};

    fn param(name: &str) -> DartType {
        DartType::TypeParameter {
            name: Symbol::intern(name),
            nullable: false,
        }
    }

    fn class(id: u32, args: Vec<DartType>) -> DartType {
        DartType::Interface {
            class: ClassId(id),
            args,
            nullable: false,
        }
    }

    #[test]
    fn unbounded_parameters_are_dynamic_and_bounds_are_kept() {
        let params = [Symbol::intern("K"), Symbol::intern("V")];
        let got = instantiate_to_bounds(&params, &[None, Some(class(1, vec![]))]);
        assert_eq!(got, vec![DartType::Dynamic, class(1, vec![])]);
    }

    #[test]
    fn a_bound_naming_another_parameter_takes_its_result() {
        // <X extends A, Y extends X, Z extends List<Y>>
        let params = [
            Symbol::intern("X"),
            Symbol::intern("Y"),
            Symbol::intern("Z"),
        ];
        let bounds = [
            Some(class(1, vec![])),
            Some(param("X")),
            Some(class(2, vec![param("Y")])),
        ];
        let got = instantiate_to_bounds(&params, &bounds);
        assert_eq!(
            got,
            vec![
                class(1, vec![]),
                class(1, vec![]),
                class(2, vec![class(1, vec![])])
            ]
        );
    }

    #[test]
    fn a_bound_that_refers_to_itself_gets_dynamic_there() {
        // <T extends Comparable<T>, U extends T>
        let params = [Symbol::intern("T"), Symbol::intern("U")];
        let comparable_t = class(3, vec![param("T")]);
        let got = instantiate_to_bounds(&params, &[Some(comparable_t), Some(param("T"))]);
        let comparable_dynamic = class(3, vec![DartType::Dynamic]);
        assert_eq!(got, vec![comparable_dynamic.clone(), comparable_dynamic]);
    }
}
