//! Extension types (Dart 3.3): `extension type E<T>(R r) implements ... { ... }`.
//!
//! An extension type is a static view on its representation: at run time a value of
//! static type `E` *is* the representation object (the resolver erases `E` to `R` before
//! the program leaves the front end, see `erase`), so `is E` tests `R`, `runtimeType` is
//! `R`'s and calls through `dynamic` reach `R`'s own members. `E`'s members are found on
//! the static type only and called like extension members (`StaticCall` with the
//! receiver in local 0); its `implements` clause adds the members of other extension
//! types and of the representation's supertypes named there. The primary constructor is
//! the identity on its argument (lowered inline); other constructors are functions with
//! a receiver slot, passed `null`, that bind the representation to that slot (so `this`
//! in their bodies is the representation) and return it.

use super::body::Lower;
use super::declarations::ParamSource;
use super::extensions::pick_extension;
use super::members::{Found, Want};
use super::scope::Decl;
use super::types::{make_nullable, substitute};
use super::{
    function_shell, BodySource, ExtensionInfo, ExtensionTypeInfo, Member, MemberContext, Resolver,
};
use crate::front::ast::{self, ClassMember, FunctionKind as AstFnKind, ParameterForm};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, DartType, ExprKind, FunctionId, LibraryId, LocalId, StmtKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How deep `implements` chains are followed (cycles are reported, not followed).
const MAX_DEPTH: u32 = 64;

impl<'a> Resolver<'a> {
    /// Phase 1: an extension type gets an extension index and is visible by name.
    pub(super) fn declare_extension_type(
        &mut self,
        lib: LibraryId,
        decl: &'a ast::ExtensionTypeDecl,
    ) -> (Symbol, Span, Decl) {
        let index = self.extensions.len();
        self.extensions.push(ExtensionInfo {
            lib,
            name: decl.name.name,
            members: &decl.members,
            on_ann: &decl.representation_type,
            type_params: decl.type_params.iter().map(|t| t.name.name).collect(),
            on: DartType::Dynamic,
            instance: HashMap::new(),
            statics: HashMap::new(),
            ext_type: Some(ExtensionTypeInfo {
                decl,
                interfaces: Vec::new(),
                ctors: HashMap::new(),
                primary: Symbol::intern(""),
                rep_getter: None,
            }),
        });
        (decl.name.name, decl.name.span, Decl::Extension(index))
    }

    /// Is extension `e` an extension type?
    pub(super) fn is_extension_type(&self, e: usize) -> bool {
        self.extensions.get(e).is_some_and(|x| x.ext_type.is_some())
    }

    /// `E<T1, ..., Tn>`: the type of `this` in extension type `e`.
    pub(super) fn extension_type_of(&self, e: usize) -> DartType {
        let args = super::types::type_parameter_types(&self.extensions[e].type_params);
        DartType::Extension {
            index: e as u32,
            args,
            nullable: false,
        }
    }

    /// The representation type of `E<args>`.
    pub(super) fn representation_of(&self, e: usize, args: &[DartType]) -> DartType {
        let info = &self.extensions[e];
        substitute(&info.on, &info.type_params, args)
    }

    /// Phase 3: the `implements` clause: other extension types, or supertypes of the
    /// representation type.
    pub(super) fn resolve_extension_type_interfaces(&mut self, e: usize) {
        let Some(decl) = self.extensions[e].ext_type.as_ref().map(|t| t.decl) else {
            return;
        };
        let ctx = self.extension_ctx(e, false);
        let tctx = self.type_context(&ctx, &[]);
        let mut out = Vec::new();
        for ann in &decl.interfaces {
            let t = self.resolve_type(ann, &tctx);
            match &t {
                DartType::Extension { index, args, .. } => {
                    // The representation must be a subtype of the implemented extension
                    // type's (instantiated) representation, or of that extension type.
                    let rep = self.extensions[e].on.clone();
                    let implemented_rep = self.representation_of(*index as usize, args);
                    if self.is_subtype(&rep, &implemented_rep) == Some(false)
                        && self.is_subtype(&rep, &t) == Some(false)
                    {
                        let msg = format!(
                            "The representation type '{}' of extension type '{}' must be either a subtype of the representation type '{}' of the implemented extension type '{}' or a subtype of '{}' itself.\nTry changing the representation type to a subtype of '{}'.",
                            self.type_display(&rep),
                            decl.name.name,
                            self.type_display(&implemented_rep),
                            self.type_display(&t),
                            self.type_display(&t),
                            self.type_display(&implemented_rep),
                        );
                        self.error(ann.span(), msg);
                    }
                    out.push(t)
                }
                DartType::Interface { .. } => {
                    let rep = self.extensions[e].on.clone();
                    if self.is_subtype(&rep, &t) == Some(false) {
                        let msg = format!(
                            "The implemented interface '{}' must be a supertype of the representation type '{}' of extension type '{}'.",
                            self.type_display(&t),
                            self.type_display(&rep),
                            decl.name.name
                        );
                        self.error(ann.span(), msg);
                    }
                    out.push(t);
                }
                DartType::Dynamic => {}
                _ => self.error(
                    ann.span(),
                    format!(
                        "The type '{}' can't be implemented by an extension type.",
                        self.type_display(&t)
                    ),
                ),
            }
        }
        if let Some(info) = self.extensions[e].ext_type.as_mut() {
            info.interfaces = out;
        }
    }

    /// An extension type whose representation type mentions itself (directly or through
    /// other extension types' representations) has no erasure: a compile-time error.
    pub(super) fn check_representation_cycle(&mut self, e: usize) {
        let rep = self.extensions[e].on.clone();
        if self.mentions_extension(&rep, e, 0) {
            let Some(decl) = self.extensions[e].ext_type.as_ref().map(|t| t.decl) else {
                return;
            };
            let msg = format!(
                "An extension type can't depend on itself through its representation type.\nThe representation type of '{}' refers to '{}'.",
                decl.name.name, decl.name.name
            );
            self.error(decl.name.span, msg);
            self.extensions[e].on = DartType::Dynamic;
        }
    }

    fn mentions_extension(&self, t: &DartType, target: usize, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return true;
        }
        match t {
            DartType::Extension { index, args, .. } => {
                let i = *index as usize;
                i == target
                    || args
                        .iter()
                        .any(|a| self.mentions_extension(a, target, depth + 1))
                    || self
                        .extensions
                        .get(i)
                        .is_some_and(|x| self.mentions_extension(&x.on, target, depth + 1))
            }
            DartType::Interface { args, .. } => args
                .iter()
                .any(|a| self.mentions_extension(a, target, depth + 1)),
            DartType::RecordType(r) => r
                .fields
                .iter()
                .any(|a| self.mentions_extension(a, target, depth + 1)),
            DartType::Function { sig: Some(s), .. } => {
                self.mentions_extension(&s.return_type, target, depth + 1)
                    || s.positional
                        .iter()
                        .any(|a| self.mentions_extension(a, target, depth + 1))
            }
            _ => false,
        }
    }

    /// Phase 4: the representation getter and the constructors.
    pub(super) fn declare_extension_type_constructors(&mut self, e: usize) {
        let Some(decl) = self.extensions[e].ext_type.as_ref().map(|t| t.decl) else {
            return;
        };
        self.declare_representation_getter(e, decl);
        self.check_extension_type_constructor_conflicts(&decl.members);
        self.check_consistent_superinterfaces(e, decl);
        let primary = decl
            .representation_constructor
            .map(|n| ctor_key(Some(n)))
            .unwrap_or_else(|| Symbol::intern(""));
        let mut ctors: HashMap<Symbol, Option<FunctionId>> = HashMap::new();
        ctors.insert(primary, None);
        for m in &decl.members {
            let ClassMember::Constructor(c) = m else {
                continue;
            };
            let key = ctor_key(c.name);
            if ctors.contains_key(&key) {
                let shown = c.name.map(|n| n.name).unwrap_or(decl.name.name);
                self.error(c.span, super::messages::duplicate(shown));
                continue;
            }
            let id = self.declare_extension_type_constructor(e, decl, c);
            ctors.insert(key, Some(id));
        }
        if let Some(info) = self.extensions[e].ext_type.as_mut() {
            info.ctors = ctors
                .into_iter()
                .filter_map(|(k, v)| v.map(|f| (k, f)))
                .collect();
            info.primary = primary;
        }
    }

    /// `E.r`: a getter whose calls lower to the receiver itself (the function exists
    /// for tear-offs and for uniformity with other members).
    fn declare_representation_getter(&mut self, e: usize, decl: &'a ast::ExtensionTypeDecl) {
        let lib = self.extensions[e].lib;
        let name = decl.representation_name.name;
        let qualified = format!("{}.{name}", decl.name.name);
        let span = decl.representation_name.span;
        let mut f = function_shell(name, qualified, ir::FunctionKind::Getter, lib, None, span);
        f.params.receiver_slots = 1;
        let this_ty = self.extension_type_of(e);
        f.locals.push(ir::Local {
            name: Symbol::intern("this"),
            span,
            is_final: true,
            is_late: false,
            captured: false,
            ty: this_ty,
        });
        let rep = self.extensions[e].on.clone();
        f.body = Some(ir::Stmt {
            kind: StmtKind::Return(Some(ir::Expr {
                kind: ExprKind::LocalGet(LocalId(0)),
                span,
                ty: rep.clone(),
            })),
            span,
        });
        let id = self.new_function(f);
        self.sigs[id.index()].return_type = rep;
        self.program.libraries[lib.index()].functions.push(id);
        self.extensions[e].instance.insert(
            name,
            Member::Accessors {
                getter: Some(id),
                setter: None,
            },
        );
        if let Some(info) = self.extensions[e].ext_type.as_mut() {
            info.rep_getter = Some(id);
        }
    }

    fn declare_extension_type_constructor(
        &mut self,
        e: usize,
        decl: &'a ast::ExtensionTypeDecl,
        c: &'a ast::ConstructorDecl,
    ) -> FunctionId {
        let lib = self.extensions[e].lib;
        let shown = match c.name {
            Some(n) => format!("{}.{}", decl.name.name, n.name),
            None => decl.name.name.to_string(),
        };
        let name = c.name.map(|n| n.name).unwrap_or(decl.name.name);
        let kind = ir::FunctionKind::Method;
        let id = self.new_function(function_shell(name, shown, kind, lib, None, c.span));
        let ctx = MemberContext {
            is_static: c.is_factory,
            ..self.extension_ctx(e, false)
        };
        let src = ParamSource {
            params: Some(&c.params),
            return_type: None,
            type_params: &[],
            kind: AstFnKind::Normal,
        };
        self.declare_signature(id, &src, &ctx, 1);
        self.sigs[id.index()].return_type = self.extension_type_of(e);
        self.program.libraries[lib.index()].functions.push(id);
        self.jobs
            .push((id, BodySource::ExtensionTypeConstructor { decl: c, ctx }));
        id
    }

    /// Member `name` of extension type `e`: its own, else one of an extension type it
    /// implements (depth first, in clause order). Returns the declaring extension.
    pub(super) fn extension_type_member(
        &self,
        e: usize,
        name: Symbol,
        want: Want,
    ) -> Option<(usize, Found)> {
        self.extension_type_member_depth(e, name, want, 0)
    }

    fn extension_type_member_depth(
        &self,
        e: usize,
        name: Symbol,
        want: Want,
        depth: u32,
    ) -> Option<(usize, Found)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let info = self.extensions.get(e)?;
        if let Some(found) = info
            .instance
            .get(&name)
            .and_then(|m| pick_extension(*m, want))
        {
            return Some((e, found));
        }
        let ext = info.ext_type.as_ref()?;
        ext.interfaces.iter().find_map(|t| match t {
            DartType::Extension { index, .. } => {
                self.extension_type_member_depth(*index as usize, name, want, depth + 1)
            }
            _ => None,
        })
    }

    /// The class types `E<args>` implements, directly or through other extension types,
    /// with `E`'s type arguments substituted.
    pub(super) fn extension_type_class_interfaces(
        &self,
        e: usize,
        args: &[DartType],
    ) -> Vec<DartType> {
        let mut out = Vec::new();
        self.collect_class_interfaces(e, args, &mut out, 0);
        out
    }

    fn collect_class_interfaces(
        &self,
        e: usize,
        args: &[DartType],
        out: &mut Vec<DartType>,
        depth: u32,
    ) {
        let Some(info) = self.extensions.get(e) else {
            return;
        };
        let Some(ext) = info.ext_type.as_ref() else {
            return;
        };
        if depth > MAX_DEPTH {
            return;
        }
        for t in &ext.interfaces {
            let t = substitute(t, &info.type_params, args);
            match &t {
                DartType::Extension {
                    index, args: inner, ..
                } => self.collect_class_interfaces(*index as usize, inner, out, depth + 1),
                _ => out.push(t),
            }
        }
    }

    /// `E1 <: T` for an extension type `E1<args>`: through its `implements` clause.
    pub(super) fn extension_type_is_subtype(
        &self,
        index: u32,
        args: &[DartType],
        nullable: bool,
        t: &DartType,
    ) -> Option<bool> {
        let e = index as usize;
        if let DartType::Extension {
            index: other,
            args: other_args,
            nullable: nt,
        } = t
        {
            if nullable && !nt {
                return Some(false);
            }
            if e == *other as usize {
                // The same extension type: its type arguments, covariantly.
                let mut all = Some(true);
                for (a, b) in args.iter().zip(other_args) {
                    match self.is_subtype(a, b) {
                        Some(false) => return Some(false),
                        None => all = None,
                        Some(true) => {}
                    }
                }
                return all;
            }
            return Some(self.extension_type_reaches(e, *other as usize, 0));
        }
        if let DartType::Interface {
            class,
            nullable: nt,
            ..
        } = t
        {
            if Some(*class) == self.program.core.object {
                return Some(*nt || (!nullable && self.extension_type_is_non_nullable(e, args)));
            }
        }
        let supers = self.extension_type_class_interfaces(e, args);
        let mut answer = Some(false);
        for s in supers {
            let s = if nullable { make_nullable(s) } else { s };
            match self.is_subtype(&s, t) {
                Some(true) => return Some(true),
                None => answer = None,
                Some(false) => {}
            }
        }
        answer
    }

    /// Two superinterfaces `W<T..>` and `W<S..>` of one extension type must have the
    /// same type arguments.
    fn check_consistent_superinterfaces(&mut self, e: usize, decl: &'a ast::ExtensionTypeDecl) {
        let DartType::Extension { args, .. } = self.extension_type_of(e) else {
            return;
        };
        let mut supers = Vec::new();
        self.extension_superinterfaces(e, &args, 0, &mut supers);
        for (i, a) in supers.iter().enumerate() {
            let clash = supers[..i].iter().find(|b| match (a, b) {
                (
                    DartType::Extension {
                        index: x, args: xa, ..
                    },
                    DartType::Extension {
                        index: y, args: ya, ..
                    },
                ) => x == y && xa != ya,
                _ => false,
            });
            if let Some(b) = clash {
                let msg = format!(
                    "'{}' can't implement both '{}' and '{}'",
                    decl.name.name,
                    self.type_display(b),
                    self.type_display(a)
                );
                self.error(decl.name.span, msg);
                return;
            }
        }
    }

    /// A member that extension type `e` inherits from two distinct declarations (two
    /// extension types, or an extension type and a class it implements) without
    /// declaring it itself: a compile-time error (run after every member is declared).
    /// Getters and methods are keyed by name, setters by `name=`: neither precludes the
    /// other.
    pub(super) fn check_inherited_member_conflicts(&mut self, e: usize) {
        let Some(ext) = self.extensions[e].ext_type.as_ref() else {
            return;
        };
        let decl = ext.decl;
        let interfaces = ext.interfaces.clone();
        let mut origins: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for t in &interfaces {
            if let DartType::Extension { index, .. } = t {
                self.extension_member_origins(*index as usize, 0, &mut origins);
            }
        }
        let DartType::Extension { args, .. } = self.extension_type_of(e) else {
            return;
        };
        let own = self.extension_member_keys(e);
        let classes = self.extension_type_class_interfaces(e, &args);
        for (key, declaring) in &origins {
            if own.contains(key) {
                continue;
            }
            let (name, wants) = match key.strip_suffix('=') {
                Some(base) => (Symbol::intern(base), &[Want::Setter][..]),
                None => (Symbol::intern(key), &[Want::Getter, Want::Call][..]),
            };
            let in_class = classes.iter().any(|c| match c {
                DartType::Interface { class, .. } => wants
                    .iter()
                    .any(|w| self.find_instance(*class, name, *w).is_some()),
                _ => false,
            });
            if declaring.len() > 1 || in_class {
                let msg = format!(
                    "The extension type '{}' inherits multiple members named '{}' with incompatible signatures.\nTry adding a declaration of '{}' to '{}'.",
                    decl.name.name, name, name, decl.name.name
                );
                self.error(decl.name.span, msg);
                return;
            }
        }
    }

    /// The members extension type `e` declares: `name` for a getter or method,
    /// `name=` for a setter.
    fn extension_member_keys(&self, e: usize) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for (name, member) in &self.extensions[e].instance {
            if pick_extension(*member, Want::Getter).is_some()
                || pick_extension(*member, Want::Call).is_some()
            {
                keys.insert(name.as_str().to_string());
            }
            if pick_extension(*member, Want::Setter).is_some() {
                keys.insert(format!("{}=", name.as_str()));
            }
        }
        keys
    }

    /// The extension types declaring each member `e` has (keys as in
    /// `extension_member_keys`): its own, then those it inherits and does not redeclare.
    fn extension_member_origins(
        &self,
        e: usize,
        depth: u32,
        out: &mut BTreeMap<String, BTreeSet<usize>>,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let own = self.extension_member_keys(e);
        for key in &own {
            out.entry(key.clone()).or_default().insert(e);
        }
        let Some(ext) = self.extensions[e].ext_type.as_ref() else {
            return;
        };
        for t in &ext.interfaces {
            if let DartType::Extension { index, .. } = t {
                let mut inherited = BTreeMap::new();
                self.extension_member_origins(*index as usize, depth + 1, &mut inherited);
                for (key, declaring) in inherited {
                    if !own.contains(&key) {
                        out.entry(key).or_default().extend(declaring);
                    }
                }
            }
        }
    }

    /// Every extension type `e<args>` implements, directly or not, with the type
    /// arguments it has there.
    fn extension_superinterfaces(
        &self,
        e: usize,
        args: &[DartType],
        depth: u32,
        out: &mut Vec<DartType>,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let info = &self.extensions[e];
        let Some(ext) = info.ext_type.as_ref() else {
            return;
        };
        for t in &ext.interfaces {
            if let DartType::Extension {
                index,
                args: written,
                ..
            } = t
            {
                let actual: Vec<DartType> = written
                    .iter()
                    .map(|a| substitute(a, &info.type_params, args))
                    .collect();
                out.push(DartType::Extension {
                    index: *index,
                    args: actual.clone(),
                    nullable: false,
                });
                self.extension_superinterfaces(*index as usize, &actual, depth + 1, out);
            }
        }
    }

    fn extension_type_reaches(&self, e: usize, target: usize, depth: u32) -> bool {
        if e == target {
            return true;
        }
        if depth > MAX_DEPTH {
            return false;
        }
        let Some(ext) = self.extensions.get(e).and_then(|x| x.ext_type.as_ref()) else {
            return false;
        };
        ext.interfaces.iter().any(|t| match t {
            DartType::Extension { index, .. } => {
                self.extension_type_reaches(*index as usize, target, depth + 1)
            }
            _ => false,
        })
    }

    /// An extension type is a subtype of `Object` when it implements a non-nullable
    /// class type (directly or through other extension types).
    fn extension_type_is_non_nullable(&self, e: usize, args: &[DartType]) -> bool {
        self.extension_type_class_interfaces(e, args)
            .iter()
            .any(|t| !t.is_nullable())
    }
}

/// The constructor table key: `""` for the unnamed constructor and for `new`.
fn ctor_key(name: Option<ast::Ident>) -> Symbol {
    match name {
        Some(n) if n.name.as_str() != "new" => n.name,
        _ => Symbol::intern(""),
    }
}

impl<'r, 'a> Lower<'r, 'a> {
    /// `E<targs>.name(args)` / `E(args)` / `new E(args)`: runs constructor `name` of
    /// extension type `e`; the value is the representation object, of static type `E`.
    pub fn extension_type_new(
        &mut self,
        e: usize,
        name: Option<ast::Ident>,
        type_args: Vec<DartType>,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        let is_primary = self.r.extensions[e]
            .ext_type
            .as_ref()
            .is_some_and(|t| t.primary == ctor_key(name));
        if let (true, [arg]) = (is_primary, args.args.as_slice()) {
            if arg.name.is_none() {
                let declared = self.r.extensions[e].on.clone();
                let v = if !type_args.is_empty() {
                    let rep = self.r.representation_of(e, &type_args);
                    self.lower_expr_in(&arg.value, &rep)
                } else if contains_type_params(&declared) {
                    self.lower_expr(&arg.value)
                } else {
                    self.lower_expr_in(&arg.value, &declared)
                };
                let args = ir::Args {
                    type_args: None,
                    positional: vec![v],
                    named: Vec::new(),
                };
                return self.extension_type_new_lowered(e, name, type_args, args, None, span);
            }
        }
        let lowered = self.lower_call_args(args);
        let call =
            self.extension_type_new_lowered(e, name, type_args, lowered.args, Some(args), span);
        self.wrap_lets(lowered.lets, call)
    }

    /// A constructor call with lowered arguments.
    fn extension_type_new_lowered(
        &mut self,
        e: usize,
        name: Option<ast::Ident>,
        type_args: Vec<DartType>,
        args: ir::Args,
        ast_args: Option<&ast::Arguments>,
        span: Span,
    ) -> ir::Expr {
        let key = ctor_key(name);
        let ty = self.constructed_type(e, type_args, &args);
        let (is_primary, ctor) = match self.r.extensions[e].ext_type.as_ref() {
            Some(t) => (t.primary == key, t.ctors.get(&key).copied()),
            None => (false, None),
        };
        if is_primary {
            let rep = match &ty {
                DartType::Extension { args, .. } => self.r.representation_of(e, args),
                _ => self.r.extensions[e].on.clone(),
            };
            if args.positional.len() != 1 || !args.named.is_empty() {
                self.r.error(
                    span,
                    "The primary constructor of an extension type takes exactly one positional argument.",
                );
                return self.null(span);
            }
            let Some(v) = args.positional.into_iter().next() else {
                return self.null(span);
            };
            let mut v = self.coerce(v, &rep);
            v.ty = ty;
            return v;
        }
        let Some(f) = ctor else {
            let shown = match name {
                Some(n) => format!("{}.{}", self.r.extensions[e].name, n.name),
                None => self.r.extensions[e].name.to_string(),
            };
            self.r
                .error(span, super::messages::constructor_not_found(&shown));
            return self.null(span);
        };
        let sig = self.r.sigs[f.index()].clone();
        let checked = self.check_args_sig(&sig, args, span, ast_args, None);
        let null = self.null(span);
        self.expr(
            ExprKind::StaticCall {
                target: f,
                receiver: Some(Box::new(null)),
                args: checked,
            },
            span,
            ty,
        )
    }

    /// The static type a constructor call produces: `E<type_args>`, or with the type
    /// arguments inferred from the arguments' types where the representation type is a
    /// bare type parameter.
    fn constructed_type(&self, e: usize, type_args: Vec<DartType>, args: &ir::Args) -> DartType {
        let params = &self.r.extensions[e].type_params;
        let args_ty = if !type_args.is_empty() || params.is_empty() {
            let mut t = type_args;
            t.resize(params.len(), DartType::Dynamic);
            t
        } else {
            let rep = &self.r.extensions[e].on;
            params
                .iter()
                .map(|p| match (rep, args.positional.first()) {
                    (DartType::TypeParameter { name, .. }, Some(a)) if name == p => a.ty.clone(),
                    _ => infer_from(rep, p, args.positional.first().map(|a| &a.ty)),
                })
                .collect()
        };
        DartType::Extension {
            index: e as u32,
            args: args_ty,
            nullable: false,
        }
    }

    /// A constructor body of an extension type (not the primary one).
    pub fn lower_extension_type_constructor(
        &mut self,
        fid: FunctionId,
        decl: &'a ast::ConstructorDecl,
    ) {
        self.begin_ctor_frame(fid);
        self.declare_params(fid, Some(&decl.params));
        let span = decl.span;
        if let Some(target) = &decl.redirect {
            let body = self.extension_type_redirect(decl, target);
            self.finish(Some(body), ast::AsyncKind::Sync);
            return;
        }
        if decl.is_factory {
            let body = self.lower_function_body(&decl.body);
            self.finish(body, ast::AsyncKind::Sync);
            return;
        }
        self.frame().returns_this = true;
        let mut stmts = self.extension_type_initializers(decl);
        for p in &decl.params.params {
            if p.form != ParameterForm::Normal {
                if let Some(scope) = self.frame().scopes.first_mut() {
                    scope.names.remove(&p.name.name);
                }
            }
        }
        if let Some(body) = self.lower_function_body(&decl.body) {
            stmts.push(body);
        }
        let this = self.this_expr(span);
        stmts.push(ir::Stmt {
            kind: StmtKind::Return(Some(this)),
            span,
        });
        self.finish(
            Some(super::functions::block(stmts, span)),
            ast::AsyncKind::Sync,
        );
    }

    /// `this.r` parameters and the initializer list, as stores into the receiver slot.
    fn extension_type_initializers(&mut self, decl: &'a ast::ConstructorDecl) -> Vec<ir::Stmt> {
        let Some(e) = self.ctx.extension else {
            return Vec::new();
        };
        let rep_name = self.r.extensions[e]
            .ext_type
            .as_ref()
            .map(|t| t.decl.representation_name.name);
        let rep = self.r.extensions[e].on.clone();
        let mut stmts = Vec::new();
        for p in &decl.params.params {
            if p.form == ParameterForm::Super {
                self.r.error(
                    p.name.span,
                    "Extension type constructors can't declare super formal parameters.",
                );
                continue;
            }
            if p.form != ParameterForm::This {
                continue;
            }
            if Some(p.name.name) != rep_name {
                self.r.error(
                    p.name.span,
                    format!("'{}' isn't an instance field of this class.", p.name.name),
                );
                continue;
            }
            if let Some(local) = self.lookup_scoped(p.name.name) {
                let v = self.local_get(local, p.span);
                stmts.push(self.bind_representation(v, &rep, p.span));
            }
        }
        for init in &decl.initializers {
            match init {
                ast::Initializer::Field { name, value, span } => {
                    if Some(name.name) != rep_name {
                        self.r.error(
                            name.span,
                            format!("'{}' isn't an instance field of this class.", name.name),
                        );
                        continue;
                    }
                    let v = self.lower_expr_in(value, &rep);
                    stmts.push(self.bind_representation(v, &rep, *span));
                }
                ast::Initializer::Assert {
                    condition,
                    message,
                    span,
                } => stmts.extend(self.lower_assert(condition, message.as_ref(), *span)),
                ast::Initializer::Redirect { name, args, span } => {
                    let this_ty = self.r.extension_type_of(e);
                    let call = self.extension_type_new(e, *name, Vec::new(), args, *span);
                    let call = self.coerce(call, &this_ty);
                    stmts.push(self.bind_representation(call, &rep, *span));
                }
                ast::Initializer::Super { span, .. } => self.r.error(
                    *span,
                    "Extension type constructors can't include super initializers.",
                ),
            }
        }
        stmts
    }

    /// `this = value` (the receiver slot holds the representation).
    fn bind_representation(&mut self, value: ir::Expr, rep: &DartType, span: Span) -> ir::Stmt {
        let value = self.coerce(value, rep);
        let set = self.expr(
            ExprKind::LocalSet(LocalId(0), Box::new(value)),
            span,
            rep.clone(),
        );
        ir::Stmt {
            kind: StmtKind::Expr(set),
            span,
        }
    }

    /// `factory E.f(x) = E.g;`: calls the target with the same arguments.
    fn extension_type_redirect(
        &mut self,
        decl: &'a ast::ConstructorDecl,
        target: &'a ast::ConstructorRef,
    ) -> ir::Stmt {
        let span = decl.span;
        let t = self.resolve_type(&target.ty);
        let value = match t {
            DartType::Extension { index, args, .. } if self.r.is_extension_type(index as usize) => {
                let forwarded = self.forwarded_parameters(decl);
                let e = index as usize;
                self.extension_type_new_lowered(e, target.name, args, forwarded, None, span)
            }
            DartType::Interface { .. } => {
                self.r.unsupported(
                    target.span,
                    "redirecting extension type constructors to classes",
                );
                self.null(span)
            }
            _ => self.null(span),
        };
        ir::Stmt {
            kind: StmtKind::Return(Some(value)),
            span,
        }
    }

    /// The constructor's parameters as arguments (for a redirection).
    fn forwarded_parameters(&mut self, decl: &'a ast::ConstructorDecl) -> ir::Args {
        let mut out = ir::Args::default();
        for p in &decl.params.params {
            let Some(local) = self.lookup_scoped(p.name.name) else {
                continue;
            };
            let v = self.local_get(local, p.span);
            match p.kind {
                ast::ParameterKind::Named { .. } => out.named.push((p.name.name, v)),
                _ => out.positional.push(v),
            }
        }
        out
    }

    /// Pushes the constructor's frame with the receiver slot typed as `E`.
    fn begin_ctor_frame(&mut self, fid: FunctionId) {
        let ret = self.r.sigs[fid.index()].return_type.clone();
        let frame = super::body::Frame::new(fid, ast::AsyncKind::Sync, ret.clone());
        self.frames.push(frame);
        let span = self.r.program.functions[fid.index()].span;
        self.frame().locals.push(ir::Local {
            name: Symbol::intern("this"),
            span,
            is_final: false,
            is_late: false,
            captured: false,
            ty: ret,
        });
    }
}

/// Whether `t` mentions a type parameter.
fn contains_type_params(t: &DartType) -> bool {
    match t {
        DartType::TypeParameter { .. } => true,
        DartType::Interface { args, .. } | DartType::Extension { args, .. } => {
            args.iter().any(contains_type_params)
        }
        DartType::RecordType(r) => r.fields.iter().any(contains_type_params),
        DartType::Function { sig: Some(s), .. } => {
            contains_type_params(&s.return_type) || s.positional.iter().any(contains_type_params)
        }
        _ => false,
    }
}

/// Type parameter `p`'s value from matching declared type `declared` against an
/// argument's static type `actual` (one level of type arguments), else `dynamic`.
fn infer_from(declared: &DartType, p: &Symbol, actual: Option<&DartType>) -> DartType {
    let (
        DartType::Interface {
            class: dc,
            args: da,
            ..
        },
        Some(DartType::Interface {
            class: ac,
            args: aa,
            ..
        }),
    ) = (declared, actual)
    else {
        return DartType::Dynamic;
    };
    if dc != ac {
        return DartType::Dynamic;
    }
    for (d, a) in da.iter().zip(aa) {
        if matches!(d, DartType::TypeParameter { name, .. } if name == p) {
            return a.clone();
        }
    }
    DartType::Dynamic
}

#[cfg(test)]
mod tests {
    use crate::front::diagnostics::Diagnostics;
    use crate::front::source::SourceMap;
    use crate::kernel::ir::DartType;
    use crate::kernel::{load_program, LoadOptions};

    /// Loads `text` as a one-file program; returns it (when it resolved) and the
    /// rendered diagnostics.
    fn load(name: &str, text: &str) -> (Option<crate::kernel::ir::Program>, String) {
        let dir = std::env::temp_dir().join(format!("dartrs-ext-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("main.dart");
        std::fs::write(&path, text).expect("write fixture");
        let mut sources = SourceMap::new();
        let mut diags = Diagnostics::new();
        let p = load_program(&path, &LoadOptions::default(), &mut sources, &mut diags);
        let rendered = diags.render(&sources);
        (p.filter(|_| !diags.has_errors()), rendered)
    }

    fn mentions_extension(t: &DartType) -> bool {
        match t {
            DartType::Extension { .. } => true,
            DartType::Interface { args, .. } => args.iter().any(mentions_extension),
            DartType::RecordType(r) => r.fields.iter().any(mentions_extension),
            DartType::Function { sig: Some(s), .. } => {
                mentions_extension(&s.return_type) || s.positional.iter().any(mentions_extension)
            }
            _ => false,
        }
    }

    #[test]
    fn a_self_referential_representation_is_an_error() {
        let (p, errors) = load(
            "cycle",
            "extension type C(List<C> items) {}\nvoid main() {}\n",
        );
        assert!(p.is_none());
        assert!(
            errors.contains("can't depend on itself through its representation type"),
            "{errors}"
        );
    }

    #[test]
    fn resolved_programs_hold_only_erased_types() {
        let (p, errors) = load(
            "erased",
            "extension type Id(int v) { Id next() => Id(v + 1); }\n\
             void main() { final ids = <Id>[Id(1)]; Id x = ids.first.next(); print(x is Id); }\n",
        );
        let p = p.unwrap_or_else(|| panic!("{errors}"));
        for f in &p.functions {
            assert!(!mentions_extension(&f.return_type), "{}", f.qualified_name);
            for l in &f.locals {
                assert!(
                    !mentions_extension(&l.ty),
                    "{}: {}",
                    f.qualified_name,
                    l.name
                );
            }
        }
    }
}
