//! Compile-time errors of class, mixin and enum declarations that no body lowering
//! finds: supertype clauses (non-class supertypes, an interface named twice or also
//! extended, a class that is its own superinterface), member names (a member named like
//! its class or like a type parameter, static members that clash with instance members
//! of the class or of its supertypes, a method and a setter of one name), and operator
//! and setter shapes (parameter counts, optional parameters, return types). Override
//! compatibility and missing implementations are in `overrides`.
//!
//! Platform libraries are trusted and not checked (like the body checks of decision
//! 36). Every rule here is exact: it never needs a type inference, so a valid program
//! is never rejected.

use super::{messages, ClassSource, Resolver};
use crate::front::ast::{self, ClassMember, FunctionKind as AstFnKind};
use crate::front::diagnostics::Diagnostic;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{ClassId, DartType};
use std::collections::{HashMap, HashSet};

impl<'a> Resolver<'a> {
    /// Resolves one `extends`/`with`/`implements`/`on` type; a type that is not a class
    /// (`dynamic`, a type variable, a function or record type) is reported (unless
    /// resolving it already reported an error) and dropped.
    pub(super) fn supertype_of(
        &mut self,
        c: ClassId,
        t: &ast::TypeAnnotation,
        tctx: &super::types::TypeContext,
    ) -> Option<DartType> {
        let errors_before = self.diags.error_count();
        let ty = self.class_type_of(t, tctx);
        let lib = self.classes[c.index()].lib;
        if ty.is_none() && self.diags.error_count() == errors_before && !self.is_core(lib) {
            let resolved = self.resolve_type(t, tctx);
            let shown = self.type_display(&resolved);
            let message = match resolved {
                DartType::TypeParameter { name, .. } => messages::supertype_is_type_variable(name),
                // `Function` and `Record` are classes to the front end; dartrs models
                // them as special types and keeps accepting them here.
                DartType::Function { sig: None, .. } | DartType::Record { .. } => return ty,
                _ => messages::supertype_is_illegal(&shown),
            };
            self.error(t.span(), message);
        }
        ty
    }

    pub(super) fn supertype_list(
        &mut self,
        c: ClassId,
        anns: &[ast::TypeAnnotation],
        tctx: &super::types::TypeContext,
    ) -> Vec<DartType> {
        anns.iter()
            .filter_map(|t| self.supertype_of(c, t, tctx))
            .collect()
    }

    /// `implements I, I` and `extends A implements A`. `resolved` holds the class types
    /// of `anns` in order (non-class ones were dropped, and reported, before).
    pub(super) fn check_interface_list(
        &mut self,
        c: ClassId,
        superclass: Option<&DartType>,
        anns: &[ast::TypeAnnotation],
        resolved: &[DartType],
    ) {
        if self.is_core(self.classes[c.index()].lib) || anns.len() != resolved.len() {
            return;
        }
        let class_of = |t: &DartType| match t {
            DartType::Interface { class, .. } => Some(*class),
            _ => None,
        };
        let super_class = superclass.and_then(class_of);
        let mut seen = HashSet::new();
        for (ann, ty) in anns.iter().zip(resolved) {
            let Some(i) = class_of(ty) else { continue };
            let name = self.class_name(i);
            if Some(i) == super_class && superclass.is_some_and(|_| self.has_extends(c)) {
                self.error(ann.span(), messages::implements_super_class(name));
            } else if !seen.insert(i) {
                self.error(ann.span(), messages::implements_repeated(name));
            }
        }
    }

    fn has_extends(&self, c: ClassId) -> bool {
        matches!(self.classes[c.index()].source, ClassSource::Class(d) if d.superclass.is_some())
    }

    /// Runs the declaration checks over every class, mixin and enum of the user's
    /// libraries (after members and signatures are declared).
    pub(super) fn check_class_declarations(&mut self) {
        for i in 0..self.classes.len() {
            let c = ClassId(i as u32);
            if self.is_core(self.classes[c.index()].lib) {
                continue;
            }
            self.check_interface_cycle(c);
            self.check_enum_supertypes(c);
            self.check_enum_restrictions(c);
            self.check_member_names(c);
            self.check_member_shapes(c);
            self.check_constructors(c);
            self.check_overrides(c);
            self.check_mixin_overrides(c);
            self.check_mixin_uses(c);
            self.check_class_modifiers(c);
            self.check_missing_implementations(c);
        }
        self.check_factory_cycles();
    }

    /// A class reached again through its mixins or interfaces (`class C implements C`);
    /// the superclass chain is checked when headers are resolved. The edges back to
    /// `c` are removed so later walks terminate.
    fn check_interface_cycle(&mut self, c: ClassId) {
        let class = self.class(c);
        let direct: Vec<ClassId> = class
            .mixins
            .iter()
            .chain(&class.interfaces)
            .copied()
            .collect();
        let back: Vec<ClassId> = direct
            .into_iter()
            .filter(|&s| self.class_is_subclass(s, c))
            .collect();
        if back.is_empty() {
            return;
        }
        let span = self.class_name_span(c);
        self.error(span, messages::cyclic_class(self.class_name(c)));
        let class = &mut self.program.classes[c.index()];
        class.mixins.retain(|m| !back.contains(m));
        class.interfaces.retain(|m| !back.contains(m));
    }

    /// The span of a class's name (where the front end reports class-level errors).
    pub(super) fn class_name_span(&self, c: ClassId) -> Span {
        match self.classes[c.index()].source {
            ClassSource::Class(d) => d.name.span,
            ClassSource::Mixin(d) => d.name.span,
            ClassSource::Enum(d) => d.name.span,
        }
    }

    /// Members and type parameters named like the class, members named like a type
    /// parameter, static/instance clashes, and a method with a setter of its name.
    fn check_member_names(&mut self, c: ClassId) {
        let source = self.classes[c.index()].source;
        let class_name = self.class_name(c);
        let type_params: HashMap<Symbol, Span> = source
            .type_params()
            .iter()
            .map(|p| (p.name.name, p.name.span))
            .collect();
        for p in source.type_params() {
            if p.name.name == class_name {
                self.error(
                    p.name.span,
                    messages::type_variable_same_name_as_enclosing(),
                );
            }
        }
        let members = declared_names(source.members());
        for m in &members {
            if m.name.name == class_name && !m.is_ctor {
                self.error(m.name.span, messages::member_with_same_name_as_class());
            } else if let Some(&tp) = type_params.get(&m.name.name) {
                let d = Diagnostic::error(
                    m.name.span,
                    messages::conflicts_with_type_variable(m.name.name),
                )
                .with_context(tp, messages::type_variable_here());
                self.diags.push(d);
            }
        }
        self.check_static_instance_clashes(c, &members);
        self.check_method_setter_clashes(&members);
    }

    /// An extension type's constructor named like one of its static members (the
    /// class rule, which the CFE reports at the constructor for extension types).
    pub(super) fn check_extension_type_constructor_conflicts(&mut self, members: &[ClassMember]) {
        let named = declared_names(members);
        let statics: HashSet<Symbol> = named
            .iter()
            .filter(|m| m.is_static)
            .map(|m| m.name.name)
            .collect();
        for m in named.iter().filter(|m| m.is_ctor) {
            if statics.contains(&m.name.name) {
                self.error(
                    m.name.span,
                    messages::constructor_conflicts_with_member(m.name.name.as_str()),
                );
            }
        }
    }

    fn check_static_instance_clashes(&mut self, c: ClassId, members: &[NamedMember]) {
        let own_instance: HashMap<Symbol, Span> = members
            .iter()
            .filter(|m| !m.is_static && !m.is_ctor)
            .map(|m| (m.name.name, m.name.span))
            .collect();
        let ctors: HashSet<Symbol> = members
            .iter()
            .filter(|m| m.is_ctor)
            .map(|m| m.name.name)
            .collect();
        let class_name = self.class_name(c);
        for m in members.iter().filter(|m| m.is_static) {
            let name = m.name.name;
            if let Some(&prev) = own_instance.get(&name) {
                if !m.already_duplicate_of_instance {
                    self.report_duplicate(name, m.name.span, Some(prev));
                }
            } else if ctors.contains(&name) {
                self.error(
                    m.name.span,
                    messages::member_conflicts_with_constructor(&format!("{class_name}.{name}")),
                );
            } else if self.inherits_instance_member(c, name) {
                self.error(
                    m.name.span,
                    messages::declared_member_conflicts_with_inherited(),
                );
            }
        }
    }

    /// Does any proper supertype of `c` declare an instance member with basename `name`?
    pub(super) fn inherits_instance_member(&self, c: ClassId, name: Symbol) -> bool {
        let lib = self.classes[c.index()].lib;
        let private = name.as_str().starts_with('_');
        self.proper_supertypes(c).into_iter().any(|s| {
            (!private || self.classes[s.index()].lib == lib)
                && self.classes[s.index()].instance.contains_key(&name)
        })
    }

    /// Every class `c` is a subtype of, except `c`, nearest first.
    pub(super) fn proper_supertypes(&self, c: ClassId) -> Vec<ClassId> {
        let mut out: Vec<ClassId> = Vec::new();
        let mut queue = std::collections::VecDeque::from([c]);
        while let Some(k) = queue.pop_front() {
            let class = self.class(k);
            let mut direct: Vec<ClassId> = class.mixins.iter().rev().copied().collect();
            direct.extend(class.superclass);
            direct.extend(class.interfaces.iter().copied());
            for s in direct {
                if s != c && !out.contains(&s) {
                    out.push(s);
                    queue.push_back(s);
                }
            }
        }
        out
    }

    /// `void s() {}` with `set s(v) {}` (or a non-final field with a setter) in one
    /// class: the front end rejects the setter.
    fn check_method_setter_clashes(&mut self, members: &[NamedMember]) {
        for m in members.iter().filter(|m| m.kind == NamedKind::Setter) {
            let clash = members.iter().find(|o| {
                o.name.name == m.name.name
                    && o.is_static == m.is_static
                    && (o.kind == NamedKind::Method || o.kind == NamedKind::MutableField)
            });
            if let Some(o) = clash {
                let d = Diagnostic::error(
                    m.name.span,
                    messages::setter_conflicts_with_declaration(m.name.name),
                )
                .with_context(o.name.span, messages::conflicting_declaration_here());
                self.diags.push(d);
            }
        }
    }

    /// Operators' and setters' parameter counts, optional parameters, return types, and
    /// static operators.
    fn check_member_shapes(&mut self, c: ClassId) {
        let members = self.classes[c.index()].source.members();
        for m in members {
            let ClassMember::Method(md) = m else { continue };
            let f = &md.function;
            match f.kind {
                AstFnKind::Operator => self.check_operator(md),
                AstFnKind::Setter => self.check_setter(f),
                _ => {}
            }
        }
    }

    fn check_operator(&mut self, md: &ast::MethodDecl) {
        let f = &md.function;
        if md.is_static {
            self.error(operator_token_span(f.name), messages::static_operator());
            return;
        }
        let params: &[ast::FormalParameter] = f.params.as_ref().map_or(&[], |p| &p.params);
        let name = f.name.name.as_str();
        let expected: &[usize] = match name {
            "~" | "unary-" => &[0],
            "-" => &[0, 1],
            "[]=" => &[2],
            _ => &[1],
        };
        if !expected.contains(&params.len()) {
            self.error(
                operator_token_span(f.name),
                messages::operator_parameter_mismatch(name, params.len(), expected),
            );
            return;
        }
        if let Some(p) = params
            .iter()
            .find(|p| p.kind != ast::ParameterKind::RequiredPositional)
        {
            self.error(p.name.span, messages::operator_with_optional_formals());
        }
        if name == "[]=" {
            if let Some(rt) = &f.return_type {
                if !is_void_annotation(rt) {
                    self.error(rt.span(), messages::non_void_return_operator());
                }
            }
        }
    }

    fn check_setter(&mut self, f: &ast::FunctionDecl) {
        let params: &[ast::FormalParameter] = f.params.as_ref().map_or(&[], |p| &p.params);
        let one_required =
            params.len() == 1 && params[0].kind == ast::ParameterKind::RequiredPositional;
        if !one_required {
            self.error(f.name.span, messages::setter_with_wrong_number_of_formals());
        }
        if let Some(rt) = &f.return_type {
            if !is_void_annotation(rt) {
                self.error(rt.span(), messages::non_void_return_setter());
            }
        }
    }
}

/// An operator's name token (the parser's span of an operator name runs to the end of
/// its parameter list).
pub(super) fn operator_token_span(name: ast::Ident) -> Span {
    let text = name.name.as_str();
    let len = text.strip_prefix("unary").unwrap_or(text).len() as u32;
    let end = (name.span.start + len).min(name.span.end);
    Span::new(name.span.file, name.span.start, end)
}

/// A method's name with the span of its name token (operators included).
pub(super) fn member_name(f: &ast::FunctionDecl) -> ast::Ident {
    if f.kind == AstFnKind::Operator {
        ast::Ident {
            name: f.name.name,
            span: operator_token_span(f.name),
        }
    } else {
        f.name
    }
}

fn is_void_annotation(t: &ast::TypeAnnotation) -> bool {
    matches!(t, ast::TypeAnnotation::Named { prefix: None, name, args, nullable: false, .. }
        if name.name.as_str() == "void" && args.is_empty())
}

/// What a declared member is, for name clashes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum NamedKind {
    Method,
    Getter,
    Setter,
    /// A field with an implicit setter.
    MutableField,
    /// A final or const field.
    FinalField,
    Constructor,
}

struct NamedMember {
    name: ast::Ident,
    kind: NamedKind,
    is_static: bool,
    is_ctor: bool,
    /// Already reported as "already declared" by member declaration (same name and
    /// setter-ness as an instance member).
    already_duplicate_of_instance: bool,
}

/// The class body's declarations with their basenames.
fn declared_names(members: &[ClassMember]) -> Vec<NamedMember> {
    let mut out = Vec::new();
    for m in members {
        match m {
            ClassMember::Method(md) => {
                let f = &md.function;
                let kind = match f.kind {
                    AstFnKind::Getter => NamedKind::Getter,
                    AstFnKind::Setter => NamedKind::Setter,
                    _ => NamedKind::Method,
                };
                out.push(NamedMember {
                    name: member_name(f),
                    kind,
                    is_static: md.is_static,
                    is_ctor: false,
                    already_duplicate_of_instance: false,
                });
            }
            ClassMember::Field(v) => {
                let mutable = !v.is_final && !v.is_const;
                for var in &v.vars {
                    out.push(NamedMember {
                        name: var.name,
                        kind: if mutable {
                            NamedKind::MutableField
                        } else {
                            NamedKind::FinalField
                        },
                        is_static: v.is_static,
                        is_ctor: false,
                        already_duplicate_of_instance: false,
                    });
                }
            }
            ClassMember::Constructor(ctor) => {
                if let Some(n) = ctor.name {
                    out.push(NamedMember {
                        name: n,
                        kind: NamedKind::Constructor,
                        is_static: false,
                        is_ctor: true,
                        already_duplicate_of_instance: false,
                    });
                }
            }
        }
    }
    mark_reported_duplicates(&mut out);
    out
}

/// Member declaration reports a static and an instance member with the same name and
/// the same setter-ness ("already declared"); those are not reported again.
fn mark_reported_duplicates(members: &mut [NamedMember]) {
    let is_setter = |k: NamedKind| k == NamedKind::Setter;
    let instance: Vec<(Symbol, bool)> = members
        .iter()
        .filter(|m| !m.is_static && !m.is_ctor)
        .map(|m| (m.name.name, is_setter(m.kind)))
        .collect();
    for m in members.iter_mut().filter(|m| m.is_static) {
        let key = (m.name.name, is_setter(m.kind));
        m.already_duplicate_of_instance = instance.contains(&key);
    }
}

/// Instance member names an enum (or a class implementing `Enum`) can't declare
/// concretely: they must come from `Enum` and `Object`.
const ENUM_RESTRICTED: &[&str] = &["index", "hashCode", "=="];

impl Resolver<'_> {
    /// No class, mixin or enum can extend, implement or mix in an enum.
    fn check_enum_supertypes(&mut self, c: ClassId) {
        let class = self.class(c);
        let direct: Vec<ClassId> = class
            .superclass
            .iter()
            .chain(&class.mixins)
            .chain(&class.interfaces)
            .copied()
            .collect();
        for s in direct {
            if matches!(self.classes[s.index()].source, ClassSource::Enum(_)) {
                let span = self.class_name_span(c);
                self.error(span, messages::extending_enum(self.class_name(s)));
            }
        }
    }

    /// Classes and mixins with `Enum` as a superinterface must be abstract and can't
    /// declare `values` or concrete `index`/`hashCode`/`==`; enums can't declare or
    /// inherit those either.
    fn check_enum_restrictions(&mut self, c: ClassId) {
        let Some(enum_class) = self.core_class("Enum") else {
            return;
        };
        let source = self.classes[c.index()].source;
        let is_enum = matches!(source, ClassSource::Enum(_));
        let supertypes = self.proper_supertypes(c);
        let implements_an_enum = supertypes
            .iter()
            .any(|s| matches!(self.classes[s.index()].source, ClassSource::Enum(_)));
        // Implementing an actual enum is reported by itself.
        if !is_enum && (!supertypes.contains(&enum_class) || implements_an_enum) {
            return;
        }
        let class_name = self.class_name(c);
        if let ClassSource::Class(d) = source {
            if !d.modifiers.is_abstract && !d.modifiers.is_sealed {
                self.error(
                    d.name.span,
                    messages::enum_supertype_of_non_abstract_class(class_name),
                );
            }
        }
        for (name, concrete) in instance_member_names(source.members()) {
            let text = name.name.as_str();
            let message = if text == "values" {
                if is_enum {
                    messages::enum_contains_values_declaration()
                } else {
                    messages::enum_implementer_contains_values(class_name)
                }
            } else if concrete && ENUM_RESTRICTED.contains(&text) {
                if is_enum {
                    messages::enum_contains_restricted(text)
                } else {
                    messages::enum_implementer_contains_restricted(class_name, text)
                }
            } else {
                continue;
            };
            self.error(name.span, message);
        }
        // With a `noSuchMethod`, abstract members are implemented by forwarders.
        if is_enum && !self.has_user_no_such_method(c) {
            self.check_enum_abstract_members(c);
        }
        if is_enum {
            self.check_enum_inherited(c);
        }
    }

    /// "Enums can't declare abstract members." (unless `noSuchMethod` implements them).
    fn check_enum_abstract_members(&mut self, c: ClassId) {
        for m in self.classes[c.index()].source.members() {
            let name = match m {
                ClassMember::Method(md)
                    if !md.is_static
                        && matches!(md.function.body, ast::FunctionBody::Empty)
                        && !md.function.is_external =>
                {
                    member_name(&md.function)
                }
                ClassMember::Field(v) if v.is_abstract => match v.vars.first() {
                    Some(var) => var.name,
                    None => continue,
                },
                _ => continue,
            };
            self.error(name.span, messages::enum_abstract_member());
        }
    }

    /// An enum inheriting `values` from a user supertype, or a concrete `index`,
    /// `hashCode` or `==` from a user mixin.
    fn check_enum_inherited(&mut self, c: ClassId) {
        let mixins = self.class(c).mixins.clone();
        let mut reported = Vec::new();
        for s in self.proper_supertypes(c) {
            if self.is_core(self.classes[s.index()].lib) {
                continue;
            }
            for (name, concrete) in instance_member_names(self.classes[s.index()].source.members())
            {
                let text = name.name.as_str();
                let restricted = text == "values"
                    || (concrete && mixins.contains(&s) && ENUM_RESTRICTED.contains(&text));
                if restricted && !reported.contains(&name.name) {
                    reported.push(name.name);
                    let d = Diagnostic::error(
                        self.class_name_span(c),
                        messages::enum_inherits_restricted(text),
                    )
                    .with_context(name.span, messages::enum_inherits_restricted_member());
                    self.diags.push(d);
                }
            }
        }
    }
}

/// The instance members of a class body with whether each is a concrete getter,
/// method or field (setters such as `index=` are not restricted).
fn instance_member_names(members: &[ClassMember]) -> Vec<(ast::Ident, bool)> {
    let mut out = Vec::new();
    for m in members {
        match m {
            ClassMember::Method(md) if !md.is_static => {
                let f = &md.function;
                let concrete = !matches!(f.body, ast::FunctionBody::Empty) || f.is_external;
                out.push((member_name(f), concrete && f.kind != AstFnKind::Setter));
            }
            ClassMember::Field(v) if !v.is_static => {
                out.extend(v.vars.iter().map(|var| (var.name, !v.is_abstract)));
            }
            _ => {}
        }
    }
    out
}

impl Resolver<'_> {
    /// A class used as a mixin can't declare generative constructors, and a mixin
    /// class must extend `Object`.
    fn check_mixin_uses(&mut self, c: ClassId) {
        if let ClassSource::Class(d) = self.classes[c.index()].source {
            if d.modifiers.is_mixin {
                if let Some(sup) = &d.superclass {
                    if self.class(c).superclass != self.program.core.object {
                        self.error(
                            sup.span(),
                            messages::mixin_inherits_from_not_object(self.class_name(c)),
                        );
                    }
                }
            }
        }
        for m in self.class(c).mixins.clone() {
            // Platform classes are trusted (`Enum` may be mixed into abstract classes).
            if self.is_core(self.classes[m.index()].lib) {
                continue;
            }
            let ClassSource::Class(md) = self.classes[m.index()].source else {
                continue;
            };
            let has_ctor = md
                .members
                .iter()
                .any(|member| matches!(member, ClassMember::Constructor(ctor) if !ctor.is_factory));
            if has_ctor {
                let span = self.class_name_span(c);
                self.error(
                    span,
                    messages::illegal_mixin_due_to_constructors(self.class_name(m)),
                );
            }
        }
    }
}
