//! Static types: resolving type annotations to `DartType`, printing types as the Dart
//! front end does in messages, the class-based subtype test used for implicit casts, and
//! the "obvious" types of initialisers that local inference relies on.

use super::scope::{Decl, Resolved};
use super::{messages, MemberContext, Resolver};
use crate::front::ast::{self, ExprKind, TypeAnnotation};
use crate::front::intern::Symbol;
use crate::kernel::ir::{self, ClassId, DartType, FunctionId, LibraryId};

/// Where type names resolve: a library scope plus the type parameters in scope.
#[derive(Clone, Debug)]
pub(crate) struct TypeContext {
    pub lib: LibraryId,
    pub type_params: Vec<Symbol>,
}

impl Resolver<'_> {
    /// The type context of a member body: its library, its class's type parameters (for
    /// instance members) and its own.
    pub(super) fn type_context(&self, ctx: &MemberContext, own: &[Symbol]) -> TypeContext {
        let mut type_params = Vec::new();
        if let Some(c) = ctx.lexical_class {
            type_params.extend(self.classes[c.index()].type_params.iter().copied());
        }
        if let Some(e) = ctx.extension {
            type_params.extend(self.extensions[e].type_params.iter().copied());
        }
        type_params.extend(own.iter().copied());
        TypeContext {
            lib: ctx.lib,
            type_params,
        }
    }

    pub(super) fn resolve_type(&mut self, ann: &TypeAnnotation, tctx: &TypeContext) -> DartType {
        self.resolve_type_depth(ann, tctx, 0)
    }

    fn resolve_type_depth(
        &mut self,
        ann: &TypeAnnotation,
        tctx: &TypeContext,
        depth: u32,
    ) -> DartType {
        match ann {
            TypeAnnotation::Named {
                prefix,
                name,
                args,
                nullable,
                span,
            } => {
                let arg_anns = args;
                let args: Vec<DartType> = args
                    .iter()
                    .map(|a| self.resolve_type_depth(a, tctx, depth + 1))
                    .collect();
                let decl = match prefix {
                    Some(p) => match self.lookup_prefixed(tctx.lib, p.name, name.name, *span) {
                        Some(d) => Some(d),
                        None => {
                            let text = format!("{}.{}", p.name, name.name);
                            self.error(*span, messages::type_not_found(&text));
                            return DartType::Dynamic;
                        }
                    },
                    None => None,
                };
                let decl = match decl {
                    Some(d) => d,
                    None => match self.builtin_type(name.name, *nullable, tctx) {
                        Some(t) => {
                            if matches!(t, DartType::TypeParameter { .. }) {
                                if !args.is_empty() && self.type_arg_errors_at.insert(*span) {
                                    let text = messages::type_arguments_on_type_variable(name.name);
                                    self.error(name.span, text);
                                }
                            } else {
                                self.check_type_arg_count(0, args.len(), *span);
                            }
                            return t;
                        }
                        None => match self.lookup_library(tctx.lib, name.name, name.span) {
                            Resolved::Decl(d) => d,
                            Resolved::Reported => return DartType::Dynamic,
                            _ => {
                                self.error(name.span, messages::type_not_found(name.name.as_str()));
                                return DartType::Dynamic;
                            }
                        },
                    },
                };
                self.check_written_type_args(&decl, &args, arg_anns, *span, tctx);
                if self.is_future_or(&decl) {
                    // `FutureOr<T>` is the union of `T` and `Future<T>`; without reified
                    // type arguments it can only be checked as `dynamic`.
                    return DartType::Dynamic;
                }
                self.type_from_decl(decl, args, *nullable, name, depth)
            }
            TypeAnnotation::Function {
                return_type,
                params,
                type_params,
                nullable,
                ..
            } => {
                let mut inner = tctx.clone();
                inner
                    .type_params
                    .extend(type_params.iter().map(|t| t.name.name));
                let ret = match return_type {
                    Some(r) => self.resolve_type_depth(r, &inner, depth + 1),
                    None => DartType::Dynamic,
                };
                let mut sig = crate::kernel::ir::FunctionSig {
                    return_type: ret,
                    positional: Vec::new(),
                    required_positional: 0,
                    named: Vec::new(),
                };
                for p in params {
                    let t = self.resolve_type_depth(&p.ty, &inner, depth + 1);
                    match (&p.kind, p.name) {
                        (ast::ParameterKind::Named { required, .. }, Some(n)) => {
                            sig.named.push((n.name, t, *required))
                        }
                        (ast::ParameterKind::Named { .. }, None) => {}
                        (ast::ParameterKind::RequiredPositional, _) => {
                            sig.positional.push(t);
                            sig.required_positional += 1;
                        }
                        _ => sig.positional.push(t),
                    }
                }
                sig.named.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
                // Generic function types are not modelled: their type parameters would
                // leak into the environment, so they stay the plain `Function` type.
                let sig = type_params.is_empty().then(|| Box::new(sig));
                DartType::Function {
                    sig,
                    nullable: *nullable,
                }
            }
            TypeAnnotation::Record {
                positional,
                named,
                nullable,
                span,
            } => {
                let mut fields: Vec<DartType> = positional
                    .iter()
                    .map(|f| self.resolve_type_depth(&f.ty, tctx, depth + 1))
                    .collect();
                let mut by_name: Vec<(Symbol, DartType)> = Vec::new();
                for f in named {
                    let t = self.resolve_type_depth(&f.ty, tctx, depth + 1);
                    let Some(name) = f.name else { continue };
                    if let Some(m) =
                        messages::invalid_record_field_name(name.name.as_str(), positional.len())
                    {
                        self.error(name.span, m);
                    }
                    if by_name.iter().any(|(n, _)| *n == name.name) {
                        self.error(name.span, messages::duplicate_record_field(name.name));
                        continue;
                    }
                    by_name.push((name.name, t));
                }
                if positional.is_empty() && named.is_empty() && *nullable {
                    self.error(
                        *span,
                        String::from("The empty record type can't be nullable."),
                    );
                }
                let shape = ir::RecordShape::new(
                    positional.len() as u32,
                    by_name.iter().map(|(n, _)| *n).collect(),
                );
                for n in &shape.named {
                    if let Some((_, t)) = by_name.iter().find(|(m, _)| m == n) {
                        fields.push(t.clone());
                    }
                }
                DartType::RecordType(Box::new(ir::RecordType {
                    shape,
                    fields,
                    nullable: *nullable,
                }))
            }
        }
    }

    /// The count of a written type argument list, and (later) its bounds.
    fn check_written_type_args(
        &mut self,
        decl: &Decl,
        args: &[DartType],
        anns: &[TypeAnnotation],
        span: crate::front::source::Span,
        tctx: &TypeContext,
    ) {
        if anns.is_empty() {
            return;
        }
        let expected = match decl {
            Decl::Class(c) => self.classes[c.index()].type_params.len(),
            Decl::Typedef(i) => self.typedefs[*i].decl.type_params.len(),
            Decl::Extension(e) if self.is_extension_type(*e) => {
                self.extensions[*e].type_params.len()
            }
            _ => return,
        };
        self.check_type_arg_count(expected, args.len(), span);
        let owner = match decl {
            Decl::Class(c) => super::bounds::Generic::Class(*c),
            Decl::Typedef(i) => super::bounds::Generic::Typedef(*i),
            Decl::Extension(e) => super::bounds::Generic::ExtensionType(*e),
            _ => return,
        };
        self.queue_bound_check(owner, args, anns, tctx.lib);
    }

    fn is_future_or(&self, decl: &Decl) -> bool {
        match decl {
            Decl::Class(c) => {
                let class = self.class(*c);
                class.name.as_str() == "FutureOr"
                    && self.program.libraries[class.library.index()].uri == "dart:async"
            }
            _ => false,
        }
    }

    /// `dynamic`, `void`, `Never`, `Null`, `Function`, `Record`, and type parameters.
    fn builtin_type(&self, name: Symbol, nullable: bool, tctx: &TypeContext) -> Option<DartType> {
        if tctx.type_params.contains(&name) {
            return Some(DartType::TypeParameter { name, nullable });
        }
        match name.as_str() {
            "dynamic" => Some(DartType::Dynamic),
            "void" => Some(DartType::Void),
            "Never" => Some(if nullable {
                DartType::Null
            } else {
                DartType::Never
            }),
            "Null" => Some(DartType::Null),
            "Function" => Some(DartType::Function {
                sig: None,
                nullable,
            }),
            "Record" => Some(DartType::Record { nullable }),
            _ => None,
        }
    }

    fn type_from_decl(
        &mut self,
        decl: Decl,
        args: Vec<DartType>,
        nullable: bool,
        name: &ast::Ident,
        depth: u32,
    ) -> DartType {
        let raw = args.is_empty();
        match decl {
            Decl::Class(c) if raw => {
                let t = self.raw_class_type(c);
                if nullable {
                    make_nullable(t)
                } else {
                    t
                }
            }
            Decl::Class(c) => self.interface_type(c, args, nullable),
            Decl::Extension(e) if self.is_extension_type(e) => {
                let mut args = args;
                args.resize(self.extensions[e].type_params.len(), DartType::Dynamic);
                self.extension_types_used = true;
                DartType::Extension {
                    index: e as u32,
                    args,
                    nullable,
                }
            }
            Decl::Typedef(i) if depth < 16 => {
                let td = &self.typedefs[i];
                let decl = td.decl;
                let tctx = TypeContext {
                    lib: td.lib,
                    type_params: decl.type_params.iter().map(|t| t.name.name).collect(),
                };
                let aliased = self.resolve_type_depth(&decl.aliased, &tctx, depth + 1);
                let params: Vec<Symbol> = tctx.type_params.clone();
                let args = match raw && !params.is_empty() {
                    true => self
                        .raw_type_args(super::bounds::Generic::Typedef(i))
                        .unwrap_or(args),
                    false => args,
                };
                let mut t = substitute(&aliased, &params, &args);
                if nullable {
                    t = make_nullable(t);
                }
                t
            }
            _ => {
                self.error(name.span, messages::not_a_type(name.name.as_str()));
                DartType::Dynamic
            }
        }
    }

    /// Class `c` named without type arguments: instantiated to its bounds.
    pub(super) fn raw_class_type(&mut self, c: ClassId) -> DartType {
        let args = match self.classes[c.index()].type_params.is_empty() {
            true => None,
            false => self.raw_type_args(super::bounds::Generic::Class(c)),
        };
        self.interface_type(c, args.unwrap_or_default(), false)
    }

    /// `C<args>` with missing or wrongly counted arguments filled with `dynamic`.
    pub(super) fn interface_type(
        &self,
        class: ClassId,
        args: Vec<DartType>,
        nullable: bool,
    ) -> DartType {
        let n = self.classes[class.index()].type_params.len();
        let args = if args.len() == n {
            args
        } else {
            vec![DartType::Dynamic; n]
        };
        DartType::Interface {
            class,
            args,
            nullable,
        }
    }

    /// The type of `this` inside class `c`: `C<T1, ..>`.
    pub(super) fn this_type(&self, c: ClassId) -> DartType {
        let args = type_parameter_types(&self.classes[c.index()].type_params);
        DartType::Interface {
            class: c,
            args,
            nullable: false,
        }
    }

    /// A core class by name (`int`, `String`, ...), as a non-nullable type.
    pub(super) fn core_type(&self, name: &str) -> DartType {
        let sym = Symbol::intern(name);
        match self.scopes[self.core_lib.index()].declared.get(&sym) {
            Some(Decl::Class(c)) => self.interface_type(*c, Vec::new(), false),
            _ => DartType::Dynamic,
        }
    }

    /// A declaration of `dart:async` by name (for lowerings that call its helpers).
    fn async_decl(&self, name: &str) -> Option<&Decl> {
        let lib = self
            .program
            .libraries
            .iter()
            .position(|l| l.uri == "dart:async")?;
        self.scopes.get(lib)?.declared.get(&Symbol::intern(name))
    }

    pub(super) fn async_class(&self, name: &str) -> Option<ClassId> {
        match self.async_decl(name)? {
            Decl::Class(c) => Some(*c),
            _ => None,
        }
    }

    pub(super) fn async_function(&self, name: &str) -> Option<FunctionId> {
        match self.async_decl(name)? {
            Decl::Function(f) => Some(*f),
            _ => None,
        }
    }

    pub(super) fn core_class(&self, name: &str) -> Option<ClassId> {
        match self
            .scopes
            .get(self.core_lib.index())?
            .declared
            .get(&Symbol::intern(name))
        {
            Some(Decl::Class(c)) => Some(*c),
            _ => None,
        }
    }

    /// Is `ty` the core class `name` (non-nullable)?
    pub(super) fn is_core_type(&self, ty: &DartType, name: &str) -> bool {
        match ty {
            DartType::Interface {
                class,
                nullable: false,
                ..
            } => Some(*class) == self.core_class(name),
            _ => false,
        }
    }

    /// The type as the Dart front end prints it in messages: `String?`, `List<int>`.
    pub(super) fn type_display(&self, ty: &DartType) -> String {
        match ty {
            DartType::Dynamic => "dynamic".into(),
            DartType::Void => "void".into(),
            DartType::Never => "Never".into(),
            DartType::Null => "Null".into(),
            DartType::Interface {
                class,
                args,
                nullable,
            } => {
                let mut s = self.class_name(*class).to_string();
                if !args.is_empty() {
                    let shown: Vec<String> = args.iter().map(|a| self.type_display(a)).collect();
                    s = format!("{s}<{}>", shown.join(", "));
                }
                if *nullable {
                    s.push('?');
                }
                s
            }
            DartType::TypeParameter { name, nullable } => {
                format!("{name}{}", if *nullable { "?" } else { "" })
            }
            DartType::Function {
                sig: Some(sig),
                nullable,
            } => {
                let text = self.function_type_display(sig);
                if *nullable {
                    format!("{text}?")
                } else {
                    text
                }
            }
            DartType::Function { nullable, .. } => {
                format!("Function{}", if *nullable { "?" } else { "" })
            }
            DartType::Record { nullable } => format!("Record{}", if *nullable { "?" } else { "" }),
            DartType::RecordType(r) => {
                crate::kernel::dump::record_type_text(r, |t| self.type_display(t))
            }
            DartType::Extension {
                index,
                args,
                nullable,
            } => {
                let mut s = self
                    .extensions
                    .get(*index as usize)
                    .map(|e| e.name.to_string())
                    .unwrap_or_default();
                if !args.is_empty() {
                    let shown: Vec<String> = args.iter().map(|a| self.type_display(a)).collect();
                    s = format!("{s}<{}>", shown.join(", "));
                }
                if *nullable {
                    s.push('?');
                }
                s
            }
        }
    }

    /// `R Function(A, [B], {C c})` as the front end prints function types.
    fn function_type_display(&self, sig: &ir::FunctionSig) -> String {
        let required = sig.required_positional as usize;
        let mut params: Vec<String> = sig
            .positional
            .iter()
            .take(required)
            .map(|t| self.type_display(t))
            .collect();
        let optional: Vec<String> = sig
            .positional
            .iter()
            .skip(required)
            .map(|t| self.type_display(t))
            .collect();
        if !optional.is_empty() {
            params.push(format!("[{}]", optional.join(", ")));
        }
        let named: Vec<String> = sig
            .named
            .iter()
            .map(|(n, t, required)| {
                let req = if *required { "required " } else { "" };
                format!("{req}{} {n}", self.type_display(t))
            })
            .collect();
        if !named.is_empty() {
            params.push(format!("{{{}}}", named.join(", ")));
        }
        format!(
            "{} Function({})",
            self.type_display(&sig.return_type),
            params.join(", ")
        )
    }

    /// Is class `sub` (transitively) `sup`, by extends, with or implements?
    pub(super) fn class_is_subclass(&self, sub: ClassId, sup: ClassId) -> bool {
        let mut stack = vec![sub];
        let mut seen = Vec::new();
        while let Some(c) = stack.pop() {
            if c == sup {
                return true;
            }
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            let class = self.class(c);
            stack.extend(class.superclass);
            stack.extend(class.mixins.iter().copied());
            stack.extend(class.interfaces.iter().copied());
        }
        Some(sup) == self.program.core.object
    }

    /// `Some(true)` when every value of `s` is a `t`, `Some(false)` when the front end
    /// would need a downcast, `None` when this class-based test can't tell.
    pub(super) fn is_subtype(&self, s: &DartType, t: &DartType) -> Option<bool> {
        use DartType::*;
        match (s, t) {
            (_, Dynamic) | (_, Void) | (Never, _) => Some(true),
            (
                Extension {
                    index,
                    args,
                    nullable,
                },
                _,
            ) => self.extension_type_is_subtype(*index, args, *nullable, t),
            (_, Extension { .. }) if !matches!(s, Null) => Some(false),
            (
                _,
                Interface {
                    class,
                    nullable: true,
                    ..
                },
            ) if Some(*class) == self.program.core.object => Some(true),
            (
                TypeParameter {
                    nullable: false, ..
                }
                | Function {
                    nullable: false, ..
                }
                | Record { nullable: false },
                Interface { class, .. },
            ) if Some(*class) == self.program.core.object => Some(true),
            (Dynamic, _) => Some(false),
            (Null, other) => Some(other.is_nullable()),
            (
                Interface {
                    class: a,
                    nullable: na,
                    ..
                },
                Interface {
                    class: b,
                    nullable: nb,
                    ..
                },
            ) => {
                if *na && !*nb {
                    return Some(false);
                }
                Some(self.class_is_subclass(*a, *b))
            }
            (
                Function { nullable: na, .. },
                Interface {
                    class,
                    nullable: nb,
                    ..
                },
            ) => {
                let to_top = Some(*class) == self.program.core.object
                    || Some(*class) == self.program.core.function;
                Some(to_top && (!na || *nb))
            }
            (Function { nullable: na, .. }, Function { nullable: nb, .. }) => Some(!na || *nb),
            (RecordType(r), _) => self.record_is_subtype(r, t),
            (Record { nullable: na }, Record { nullable: nb }) => Some(!na || *nb),
            (Record { .. }, RecordType(_)) => Some(false),
            _ => None,
        }
    }

    /// Record type `r` against `t`: the `Record` class and `Object` take every record;
    /// another record type needs the same shape and field-wise subtypes.
    fn record_is_subtype(&self, r: &ir::RecordType, t: &DartType) -> Option<bool> {
        let nullable_ok = |nt: bool| !r.nullable || nt;
        match t {
            DartType::Record { nullable } => Some(nullable_ok(*nullable)),
            DartType::Interface {
                class, nullable, ..
            } if Some(*class) == self.program.core.object => Some(nullable_ok(*nullable)),
            DartType::RecordType(other) => {
                if other.shape != r.shape || !nullable_ok(other.nullable) {
                    return Some(false);
                }
                let mut all = Some(true);
                for (a, b) in r.fields.iter().zip(&other.fields) {
                    match self.is_subtype(a, b) {
                        Some(true) => {}
                        Some(false) => return Some(false),
                        None => all = None,
                    }
                }
                all
            }
            DartType::Interface { .. } => Some(false),
            _ => None,
        }
    }

    /// The type of an initialiser when it is obvious without resolving it: literals and
    /// constructor calls. Used for fields, whose initialisers are lowered later.
    pub(super) fn obvious_type(&mut self, e: &ast::Expr, tctx: &TypeContext) -> DartType {
        match &e.kind {
            ExprKind::Int(_) => self.core_type("int"),
            ExprKind::Double(_) => self.core_type("double"),
            ExprKind::String(_) => self.core_type("String"),
            ExprKind::Bool(_) => self.core_type("bool"),
            ExprKind::Paren(inner) => self.obvious_type(inner, tctx),
            ExprKind::New { ty, .. } => self.resolve_type(ty, tctx),
            // `E.named(...)` for an extension type `E` declared here.
            ExprKind::MethodCall {
                target: Some(t), ..
            } => match &t.kind {
                ExprKind::Ident(id) => match self.scopes[tctx.lib.index()].declared.get(&id.name) {
                    Some(Decl::Extension(x)) if self.is_extension_type(*x) => {
                        let x = *x;
                        let mut args = Vec::new();
                        args.resize(self.extensions[x].type_params.len(), DartType::Dynamic);
                        self.extension_types_used = true;
                        DartType::Extension {
                            index: x as u32,
                            args,
                            nullable: false,
                        }
                    }
                    _ => DartType::Dynamic,
                },
                _ => DartType::Dynamic,
            },
            ExprKind::MethodCall {
                target: None,
                name,
                type_args,
                ..
            } => match self.scopes[tctx.lib.index()]
                .declared
                .get(&name.name)
                .copied()
            {
                Some(Decl::Class(c)) => {
                    let args = type_args
                        .iter()
                        .map(|a| self.resolve_type(a, tctx))
                        .collect();
                    self.interface_type(c, args, false)
                }
                Some(Decl::Extension(x)) if self.is_extension_type(x) => {
                    let mut args: Vec<DartType> = type_args
                        .iter()
                        .map(|a| self.resolve_type(a, tctx))
                        .collect();
                    args.resize(self.extensions[x].type_params.len(), DartType::Dynamic);
                    self.extension_types_used = true;
                    DartType::Extension {
                        index: x as u32,
                        args,
                        nullable: false,
                    }
                }
                _ => DartType::Dynamic,
            },
            ExprKind::List {
                type_arg: Some(t), ..
            } => {
                let arg = self.resolve_type(t, tctx);
                match self.core_class("List") {
                    Some(c) => self.interface_type(c, vec![arg], false),
                    None => DartType::Dynamic,
                }
            }
            _ => DartType::Dynamic,
        }
    }
}

/// Replaces type parameters `params[i]` by `args[i]` in `ty`.
/// `T1, ..., Tn` as the (non-nullable) types naming those parameters.
pub(super) fn type_parameter_types(params: &[Symbol]) -> Vec<DartType> {
    params
        .iter()
        .map(|&name| DartType::TypeParameter {
            name,
            nullable: false,
        })
        .collect()
}

pub(super) fn substitute(ty: &DartType, params: &[Symbol], args: &[DartType]) -> DartType {
    match ty {
        DartType::TypeParameter { name, nullable } => match params.iter().position(|p| p == name) {
            Some(i) => {
                let t = args.get(i).cloned().unwrap_or(DartType::Dynamic);
                if *nullable {
                    make_nullable(t)
                } else {
                    t
                }
            }
            None => ty.clone(),
        },
        DartType::Interface {
            class,
            args: inner,
            nullable,
        } => DartType::Interface {
            class: *class,
            args: inner.iter().map(|a| substitute(a, params, args)).collect(),
            nullable: *nullable,
        },
        DartType::Function {
            sig: Some(sig),
            nullable,
        } => DartType::Function {
            sig: Some(Box::new(crate::kernel::ir::FunctionSig {
                return_type: substitute(&sig.return_type, params, args),
                positional: sig
                    .positional
                    .iter()
                    .map(|t| substitute(t, params, args))
                    .collect(),
                required_positional: sig.required_positional,
                named: sig
                    .named
                    .iter()
                    .map(|(n, t, r)| (*n, substitute(t, params, args), *r))
                    .collect(),
            })),
            nullable: *nullable,
        },
        DartType::RecordType(r) => DartType::RecordType(Box::new(ir::RecordType {
            shape: r.shape.clone(),
            fields: r
                .fields
                .iter()
                .map(|f| substitute(f, params, args))
                .collect(),
            nullable: r.nullable,
        })),
        DartType::Extension {
            index,
            args: inner,
            nullable,
        } => DartType::Extension {
            index: *index,
            args: inner.iter().map(|a| substitute(a, params, args)).collect(),
            nullable: *nullable,
        },
        other => other.clone(),
    }
}

pub(super) fn make_nullable(t: DartType) -> DartType {
    match t {
        DartType::Interface { class, args, .. } => DartType::Interface {
            class,
            args,
            nullable: true,
        },
        DartType::TypeParameter { name, .. } => DartType::TypeParameter {
            name,
            nullable: true,
        },
        DartType::Function { sig, .. } => DartType::Function {
            sig,
            nullable: true,
        },
        DartType::Record { .. } => DartType::Record { nullable: true },
        DartType::RecordType(mut r) => {
            r.nullable = true;
            DartType::RecordType(r)
        }
        DartType::Never => DartType::Null,
        DartType::Extension { index, args, .. } => DartType::Extension {
            index,
            args,
            nullable: true,
        },
        other => other,
    }
}

pub(super) fn make_non_nullable(t: DartType) -> DartType {
    match t {
        DartType::Interface { class, args, .. } => DartType::Interface {
            class,
            args,
            nullable: false,
        },
        DartType::TypeParameter { name, .. } => DartType::TypeParameter {
            name,
            nullable: false,
        },
        DartType::Function { sig, .. } => DartType::Function {
            sig,
            nullable: false,
        },
        DartType::Record { .. } => DartType::Record { nullable: false },
        DartType::RecordType(mut r) => {
            r.nullable = false;
            DartType::RecordType(r)
        }
        DartType::Null => DartType::Never,
        DartType::Extension { index, args, .. } => DartType::Extension {
            index,
            args,
            nullable: false,
        },
        other => other,
    }
}
