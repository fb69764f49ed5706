//! Override compatibility and missing implementations: a class's own instance members
//! against the members of its supertypes with the same basename (a method against a
//! getter or setter; parameter counts, named and required-named parameters; parameter,
//! return and field types), and concrete classes without an implementation of a member
//! of their interface (unless they declare `noSuchMethod`).
//!
//! Only what is certain is reported. Types are compared only where the overriding
//! member writes them (an omitted type is inherited), neither side mentions a type
//! parameter (no substitution is modelled), the member is not generic, the parameter is
//! not covariant anywhere in the hierarchy, and both are class types whose class-level
//! relation decides (`dynamic`, function, record and `FutureOr` types are never judged).
//! Members of platform classes are compared only for `Object` (the platform library's
//! other signatures are dartrs's own and may differ in detail from the SDK's), and only
//! user-declared abstract members count as missing.

use super::{messages, ClassSource, Member, Resolver, Signature};
use crate::front::ast::{self, ClassMember, FunctionKind as AstFnKind};
use crate::front::diagnostics::Diagnostic;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{ClassId, DartType, FunctionId};

/// The accessor kind of an instance member (a field is a getter and maybe a setter).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Method,
    Getter,
    Setter,
}

/// One instance member as a class body declares it.
#[derive(Clone)]
struct Declared<'a> {
    class: ClassId,
    name: Symbol,
    kind: Kind,
    span: Span,
    is_abstract: bool,
    /// The function (methods, getters, setters, `late` fields' accessors).
    function: Option<FunctionId>,
    /// A field's declared type (as resolved).
    field_type: Option<DartType>,
    fn_decl: Option<&'a ast::FunctionDecl>,
    field_decl: Option<&'a ast::VariableDecl>,
}

impl Declared<'_> {
    /// Is the type at `param` (or the return type, `None`) written in the source?
    fn type_written(&self, param: Option<&super::ParamRef>) -> bool {
        if let Some(v) = self.field_decl {
            return v.ty.is_some();
        }
        let Some(f) = self.fn_decl else { return false };
        match param {
            None => f.return_type.is_some(),
            Some(p) => find_param(f, p).is_some_and(|p| p.ty.is_some()),
        }
    }

    fn is_covariant(&self, param: &super::ParamRef) -> bool {
        if let Some(v) = self.field_decl {
            return v.is_covariant;
        }
        self.fn_decl
            .and_then(|f| find_param(f, param))
            .is_some_and(|p| p.is_covariant)
    }
}

fn find_param<'f>(
    f: &'f ast::FunctionDecl,
    p: &super::ParamRef,
) -> Option<&'f ast::FormalParameter> {
    let params = &f.params.as_ref()?.params;
    match p {
        super::ParamRef::Positional(i) => params
            .iter()
            .filter(|q| !matches!(q.kind, ast::ParameterKind::Named { .. }))
            .nth(*i),
        super::ParamRef::Named(n) => params
            .iter()
            .find(|q| matches!(q.kind, ast::ParameterKind::Named { .. }) && q.name.name == *n),
    }
}

impl<'a> Resolver<'a> {
    /// The instance members class `c`'s body declares.
    fn declared_instance_members(&self, c: ClassId) -> Vec<Declared<'a>> {
        let mut out = Vec::new();
        for m in self.classes[c.index()].source.members() {
            match m {
                ClassMember::Method(md) if !md.is_static => {
                    let f = &md.function;
                    let kind = match f.kind {
                        AstFnKind::Getter => Kind::Getter,
                        AstFnKind::Setter => Kind::Setter,
                        _ => Kind::Method,
                    };
                    out.push(Declared {
                        class: c,
                        name: f.name.name,
                        kind,
                        span: super::class_checks::member_name(f).span,
                        is_abstract: matches!(f.body, ast::FunctionBody::Empty) && !f.is_external,
                        function: self.member_function(c, f.name.name, kind),
                        field_type: None,
                        fn_decl: Some(f),
                        field_decl: None,
                    });
                }
                ClassMember::Field(v) if !v.is_static => {
                    for var in &v.vars {
                        self.push_field_members(c, v, var, &mut out);
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn push_field_members(
        &self,
        c: ClassId,
        v: &'a ast::VariableDecl,
        var: &'a ast::VariableDeclarator,
        out: &mut Vec<Declared<'a>>,
    ) {
        let name = var.name.name;
        let field_type = match self.classes[c.index()].instance.get(&name) {
            Some(Member::Field(f)) => Some(self.program.fields[f.index()].ty.clone()),
            Some(Member::Accessors {
                getter: Some(g), ..
            }) => Some(self.sigs[g.index()].return_type.clone()),
            _ => None,
        };
        let has_setter = (!v.is_final && !v.is_const) || (v.is_late && var.init.is_none());
        let kinds: &[Kind] = if has_setter {
            &[Kind::Getter, Kind::Setter]
        } else {
            &[Kind::Getter]
        };
        for &kind in kinds {
            out.push(Declared {
                class: c,
                name,
                kind,
                span: var.name.span,
                is_abstract: v.is_abstract,
                function: None,
                field_type: field_type.clone(),
                fn_decl: None,
                field_decl: Some(v),
            });
        }
    }

    fn member_function(&self, c: ClassId, name: Symbol, kind: Kind) -> Option<FunctionId> {
        match (self.classes[c.index()].instance.get(&name)?, kind) {
            (Member::Method(f), Kind::Method) => Some(*f),
            (Member::Accessors { getter, .. }, Kind::Getter) => *getter,
            (Member::Accessors { setter, .. }, Kind::Setter) => *setter,
            _ => None,
        }
    }

    /// Supertypes whose members `c`'s members override: user classes (same library
    /// for private names) and `Object`.
    fn overridable_supertypes(&self, c: ClassId, name: Symbol) -> Vec<ClassId> {
        let lib = self.classes[c.index()].lib;
        let private = name.as_str().starts_with('_');
        self.proper_supertypes(c)
            .into_iter()
            .filter(|&s| {
                let s_lib = self.classes[s.index()].lib;
                let trusted = !self.is_core(s_lib) || Some(s) == self.program.core.object;
                trusted && (!private || s_lib == lib)
            })
            .collect()
    }

    /// `class C = S with M` / `class C extends S with M`: each mixin's members must
    /// be valid overrides of what the application's superclass (with the earlier
    /// mixins) has. Reported once per mixin and member, at the class.
    pub(super) fn check_mixin_overrides(&mut self, c: ClassId) {
        let class = self.class(c);
        let (Some(superclass), mixins) = (class.superclass, class.mixins.clone()) else {
            return;
        };
        let mut below: Vec<ClassId> = vec![superclass];
        below.extend(self.proper_supertypes(superclass));
        let mut base = self.class_name(superclass).to_string();
        for (k, &m) in mixins.iter().enumerate() {
            for member in self.declared_instance_members(m) {
                let private = member.name.as_str().starts_with('_');
                let m_lib = self.classes[m.index()].lib;
                'supers: for &s in &below {
                    let s_lib = self.classes[s.index()].lib;
                    let trusted = !self.is_core(s_lib) || Some(s) == self.program.core.object;
                    if !trusted || (private && s_lib != m_lib) {
                        continue;
                    }
                    for d in self.declared_instance_members(s) {
                        if d.name == member.name && self.override_error(c, &member, &d).is_some() {
                            let span = self.class_name_span(c);
                            let text = messages::mixin_erroneous_override(
                                self.class_name(m),
                                &base,
                                member.name,
                            );
                            self.error(span, text);
                            break 'supers;
                        }
                    }
                }
            }
            below.push(m);
            below.extend(self.proper_supertypes(m));
            let sep = if k == 0 { " with " } else { ", " };
            base = format!("{base}{sep}{}", self.class_name(m));
        }
    }

    /// Checks each of `c`'s own instance members against the members it overrides;
    /// reports the first problem of each member.
    pub(super) fn check_overrides(&mut self, c: ClassId) {
        for m in self.declared_instance_members(c) {
            let supers = self.overridable_supertypes(c, m.name);
            'member: for s in supers {
                for d in self.declared_instance_members(s) {
                    if d.name != m.name {
                        continue;
                    }
                    if let Some(d) = self.override_error(c, &m, &d) {
                        self.diags.push(d);
                        break 'member;
                    }
                }
            }
        }
    }

    fn override_error(&self, c: ClassId, m: &Declared<'a>, d: &Declared<'a>) -> Option<Diagnostic> {
        let conflict = match (m.kind, d.kind) {
            (Kind::Method, Kind::Method) => return self.method_override_error(c, m, d),
            (Kind::Getter, Kind::Getter) => return self.return_type_error(c, m, d),
            (Kind::Setter, Kind::Setter) => return self.setter_type_error(c, m, d),
            (Kind::Method, _) | (_, Kind::Method) => true,
            _ => false,
        };
        conflict.then(|| {
            Diagnostic::error(m.span, messages::declared_member_conflicts_with_inherited())
                .with_context(d.span, messages::inherited_member_here())
        })
    }

    fn signature(&self, m: &Declared) -> Option<&Signature> {
        m.function.map(|f| &self.sigs[f.index()])
    }

    /// `Class.name` as override messages name a member (setters without `=`).
    fn qualified(&self, m: &Declared) -> String {
        format!("{}.{}", self.class_name(m.class), m.name)
    }

    /// `Class.name` as the missing-implementation list names it (setters with `=`).
    fn listed(&self, m: &Declared) -> String {
        let suffix = if m.kind == Kind::Setter { "=" } else { "" };
        format!("{}.{}{}", self.class_name(m.class), m.name, suffix)
    }

    /// The name of a setter's parameter (a field's own name for a field's setter).
    fn setter_param_name(m: &Declared) -> Symbol {
        m.fn_decl
            .and_then(|f| f.params.as_ref())
            .and_then(|p| p.params.first())
            .map_or(m.name, |p| p.name.name)
    }

    fn method_override_error(
        &self,
        c: ClassId,
        m: &Declared<'a>,
        d: &Declared<'a>,
    ) -> Option<Diagnostic> {
        let (ms, ds) = (self.signature(m)?, self.signature(d)?);
        let (mn, dn) = (self.qualified(m), self.qualified(d));
        let text = if ms.positional.len() < ds.positional.len() {
            Some(messages::override_fewer_positional(&mn, &dn))
        } else if ms.required_positional > ds.required_positional {
            Some(messages::override_more_required(&mn, &dn))
        } else if let Some((n, _, _)) = ds
            .named
            .iter()
            .find(|(n, _, _)| !ms.named.iter().any(|(k, _, _)| k == n))
        {
            Some(messages::override_missing_named(&mn, *n, &dn))
        } else {
            ms.named
                .iter()
                .find(|(n, _, req)| *req && !ds.named.iter().any(|(k, _, dreq)| k == n && *dreq))
                .map(|(n, _, _)| messages::override_required_named(*n, &mn, &dn))
        };
        if let Some(text) = text {
            return Some(self.with_overridden(m, d, text));
        }
        if !ms.type_params.is_empty() || !ds.type_params.is_empty() {
            return None;
        }
        self.parameter_type_error(c, m, d)
            .or_else(|| self.return_type_error(c, m, d))
    }

    fn with_overridden(&self, m: &Declared, d: &Declared, text: String) -> Diagnostic {
        Diagnostic::error(m.span, text)
            .with_context(d.span, messages::overridden_method_cause(d.name.as_str()))
    }

    fn parameter_type_error(
        &self,
        c: ClassId,
        m: &Declared<'a>,
        d: &Declared<'a>,
    ) -> Option<Diagnostic> {
        let (ms, ds) = (self.signature(m)?, self.signature(d)?);
        let mut pairs: Vec<(super::ParamRef, Symbol, &DartType, &DartType)> = Vec::new();
        for (i, ((name, mt), (_, dt))) in ms.positional.iter().zip(&ds.positional).enumerate() {
            pairs.push((super::ParamRef::Positional(i), *name, mt, dt));
        }
        for (name, mt, _) in &ms.named {
            if let Some((_, dt, _)) = ds.named.iter().find(|(k, _, _)| k == name) {
                pairs.push((super::ParamRef::Named(*name), *name, mt, dt));
            }
        }
        for (param, name, mt, dt) in pairs {
            if !m.type_written(Some(&param)) || self.covariant_anywhere(c, m, &param) {
                continue;
            }
            if self.surely_not_subtype(dt, mt) {
                let text = messages::override_parameter_type(
                    name,
                    &self.qualified(m),
                    &self.type_display(mt),
                    &self.type_display(dt),
                    &self.qualified(d),
                );
                return Some(self.with_overridden(m, d, text + &self.type_origins(&[mt, dt])));
            }
        }
        None
    }

    /// Does class `c` declare instance member `name` (its setter when `setter`, else the
    /// method or operator) with parameter `param` `covariant`?
    pub(super) fn declares_covariant(
        &self,
        c: ClassId,
        name: Symbol,
        setter: bool,
        param: &super::ParamRef,
    ) -> bool {
        let kind = if setter { Kind::Setter } else { Kind::Method };
        self.declared_instance_members(c)
            .iter()
            .any(|d| d.name == name && d.kind == kind && d.is_covariant(param))
    }

    /// Is parameter `param` of member `m` (or of a member it overrides) `covariant`?
    fn covariant_anywhere(&self, c: ClassId, m: &Declared<'a>, param: &super::ParamRef) -> bool {
        if m.is_covariant(param) {
            return true;
        }
        self.proper_supertypes(c).into_iter().any(|s| {
            self.declared_instance_members(s)
                .iter()
                .any(|d| d.name == m.name && d.kind == m.kind && d.is_covariant(param))
        })
    }

    fn member_type(&self, m: &Declared) -> Option<DartType> {
        match (&m.field_type, m.kind) {
            (Some(t), _) => Some(t.clone()),
            (None, Kind::Setter) => {
                let sig = self.signature(m)?;
                sig.positional.first().map(|(_, t)| t.clone())
            }
            (None, _) => self.signature(m).map(|s| s.return_type.clone()),
        }
    }

    fn return_type_error(
        &self,
        _c: ClassId,
        m: &Declared<'a>,
        d: &Declared<'a>,
    ) -> Option<Diagnostic> {
        if !m.type_written(None) {
            return None;
        }
        let (mt, dt) = (self.member_type(m)?, self.member_type(d)?);
        if !self.surely_not_subtype(&mt, &dt) {
            return None;
        }
        let text = messages::override_return_type(
            &self.qualified(m),
            &self.type_display(&mt),
            &self.type_display(&dt),
            &self.qualified(d),
        );
        Some(self.with_overridden(m, d, text + &self.type_origins(&[&mt, &dt])))
    }

    fn setter_type_error(
        &self,
        c: ClassId,
        m: &Declared<'a>,
        d: &Declared<'a>,
    ) -> Option<Diagnostic> {
        let param = super::ParamRef::Positional(0);
        let written = match m.field_decl {
            Some(v) => v.ty.is_some(),
            None => m.type_written(Some(&param)),
        };
        if !written || self.covariant_anywhere(c, m, &param) {
            return None;
        }
        let (mt, dt) = (self.member_type(m)?, self.member_type(d)?);
        if !self.surely_not_subtype(&dt, &mt) {
            return None;
        }
        let (shown_m, shown_d) = (self.type_display(&mt), self.type_display(&dt));
        let text = if m.field_decl.is_some() {
            let (mn, dn) = (self.qualified(m), self.qualified(d));
            messages::override_field_setter_type(&mn, &shown_m, &shown_d, &dn)
        } else {
            let param = Self::setter_param_name(m);
            messages::override_parameter_type(
                param,
                &self.qualified(m),
                &shown_m,
                &shown_d,
                &self.qualified(d),
            )
        };
        Some(self.with_overridden(m, d, text + &self.type_origins(&[&mt, &dt])))
    }

    /// `true` only when `s` is certainly not a subtype of `t`: both are class types (or
    /// `s` is `Null` or `void`) and no type parameter is involved.
    fn surely_not_subtype(&self, s: &DartType, t: &DartType) -> bool {
        if super::check::mentions_type_parameter(s) || super::check::mentions_type_parameter(t) {
            return false;
        }
        let DartType::Interface {
            class: tc,
            nullable: tn,
            ..
        } = t
        else {
            return false;
        };
        if self.is_future_or_class(*tc) {
            return false;
        }
        let object = self.program.core.object;
        match s {
            DartType::Interface {
                class: sc,
                nullable: sn,
                ..
            } => {
                !self.is_future_or_class(*sc) && ((*sn && !tn) || !self.class_is_subclass(*sc, *tc))
            }
            DartType::Null => !tn,
            DartType::Void => !(*tn && Some(*tc) == object),
            _ => false,
        }
    }

    /// A concrete class (not a mixin) must have an implementation of every member of
    /// its interface declared in user code, unless it declares `noSuchMethod`.
    pub(super) fn check_missing_implementations(&mut self, c: ClassId) {
        let concrete = match self.classes[c.index()].source {
            ClassSource::Class(d) => !d.modifiers.is_abstract && !d.modifiers.is_sealed,
            ClassSource::Enum(_) => true,
            ClassSource::Mixin(_) => false,
        };
        if !concrete || self.has_user_no_such_method(c) {
            return;
        }
        let lib = self.classes[c.index()].lib;
        let mut missing: Vec<(String, Span)> = Vec::new();
        let mut done: Vec<(Symbol, Kind)> = Vec::new();
        let mut interface = vec![c];
        interface.extend(self.proper_supertypes(c));
        for s in interface {
            let s_lib = self.classes[s.index()].lib;
            if self.is_core(s_lib) {
                continue;
            }
            // An enum's own abstract members are reported by themselves.
            if s == c && matches!(self.classes[c.index()].source, ClassSource::Enum(_)) {
                continue;
            }
            for d in self.declared_instance_members(s) {
                let key = (d.name, d.kind);
                if done.contains(&key) || (d.name.as_str().starts_with('_') && s_lib != lib) {
                    continue;
                }
                done.push(key);
                if !self.has_concrete(c, d.name, d.kind) {
                    missing.push((self.listed(&d), d.span));
                }
            }
        }
        if missing.is_empty() {
            return;
        }
        let name = self.class_name(c);
        let span = self.class_name_span(c);
        let list: Vec<String> = missing.iter().map(|(m, _)| format!(" - {m}")).collect();
        let text = messages::missing_implementations(name, &list.join("\n"));
        let mut d = Diagnostic::error(span, text);
        for (member, at) in &missing {
            d = d.with_context(*at, messages::missing_implementation_cause(member));
        }
        self.diags.push(d);
    }

    /// Is there a concrete member `name` of `kind` in `c`'s superclass chain (with its
    /// mixins)? A method or getter stands for either (their clash is reported apart).
    fn has_concrete(&self, c: ClassId, name: Symbol, kind: Kind) -> bool {
        let matches = |k: Kind| match kind {
            Kind::Setter => k == Kind::Setter,
            _ => k != Kind::Setter,
        };
        let mut cur = Some(c);
        let mut steps = 0;
        while let Some(k) = cur {
            steps += 1;
            if steps > 10_000 {
                return true;
            }
            let class = self.class(k);
            let mut chain = vec![k];
            chain.extend(class.mixins.iter().rev().copied());
            for x in chain {
                let found = self
                    .declared_instance_members(x)
                    .iter()
                    .any(|d| d.name == name && matches(d.kind) && !d.is_abstract);
                if found {
                    return true;
                }
            }
            cur = class.superclass;
        }
        false
    }

    /// Does `c` or a superclass other than `Object` declare a concrete `noSuchMethod`?
    pub(super) fn has_user_no_such_method(&self, c: ClassId) -> bool {
        let nsm = Symbol::intern("noSuchMethod");
        let mut cur = Some(c);
        let mut steps = 0;
        while let Some(k) = cur {
            steps += 1;
            if Some(k) == self.program.core.object || steps > 10_000 {
                return false;
            }
            let class = self.class(k);
            let mut chain = vec![k];
            chain.extend(class.mixins.iter().copied());
            for x in chain {
                if self
                    .declared_instance_members(x)
                    .iter()
                    .any(|d| d.name == nsm && d.kind == Kind::Method && !d.is_abstract)
                {
                    return true;
                }
            }
            cur = class.superclass;
        }
        false
    }
}
