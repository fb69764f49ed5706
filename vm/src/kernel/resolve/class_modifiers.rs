//! Dart 3 class modifiers as seen from other declarations: outside its library a `final`
//! class cannot be extended or implemented, an `interface` class cannot be extended, a
//! `base` class cannot be implemented and a `sealed` one cannot be extended, implemented
//! or mixed in; in any library a subtype of a `base` or `final` declaration (directly,
//! or through `sealed` ones) must itself be `base`, `final` or `sealed`; and only a
//! `mixin` or `mixin class` may be mixed in. Texts are the Dart front end's. Libraries
//! that opt into a language version before 3.0 (`// @dart=2.19`) predate the feature:
//! their declarations only obey the restrictions of post-feature, non-platform
//! declarations, and their plain classes may be mixed in.

use super::types::TypeContext;
use super::{ClassSource, Resolver};
use crate::front::ast;
use crate::front::source::Span;
use crate::kernel::ir::{ClassId, DartType};

/// How a declaration names a direct superdeclaration.
#[derive(Clone, Copy, PartialEq)]
enum Relation {
    Extends,
    Implements,
    MixesIn,
    /// A mixin's `on` clause: only the `base`/`final` rule applies.
    On,
}

/// The modifiers that restrict a declaration's subtypes.
#[derive(Clone, Copy, Default)]
struct Restrictions {
    is_base: bool,
    is_final: bool,
    is_interface: bool,
    is_sealed: bool,
    /// `mixin` or `mixin class`: may be mixed in.
    is_mixin: bool,
}

impl Resolver<'_> {
    /// Reports the class-modifier errors of user class `c` (see the module doc).
    pub(super) fn check_class_modifiers(&mut self, c: ClassId) {
        let lib = self.classes[c.index()].lib;
        let pre_feature = self.is_pre_feature_library(lib);
        let supers = self.direct_superdeclarations(c);
        for &(relation, s, span) in &supers {
            let from = self.classes[s.index()].lib;
            if pre_feature && self.is_core(from) {
                continue;
            }
            let outside = from != lib;
            let r = self.restrictions(s);
            let name = self.class_name(s);
            let message = match relation {
                Relation::Extends | Relation::Implements | Relation::MixesIn
                    if outside && r.is_sealed =>
                {
                    Some(format!("The class '{name}' can't be extended, implemented, or mixed in outside of its library because it's a sealed class."))
                }
                Relation::Extends if outside && r.is_final => Some(format!(
                    "The class '{name}' can't be extended outside of its library because it's a final class."
                )),
                Relation::Extends if outside && r.is_interface => Some(format!(
                    "The class '{name}' can't be extended outside of its library because it's an interface class."
                )),
                Relation::Implements if outside && r.is_final => Some(format!(
                    "The class '{name}' can't be implemented outside of its library because it's a final class."
                )),
                Relation::Implements if outside && r.is_base => Some(format!(
                    "The class '{name}' can't be implemented outside of its library because it's a base class."
                )),
                _ => None,
            };
            if let Some(message) = message {
                self.error(span, message);
            } else if relation == Relation::Implements {
                // Implementing a subtype of another library's base class implements it.
                if let Some(b) = self.base_in_other_library(s, lib, 0) {
                    let name = self.class_name(b);
                    self.error(span, format!("The class '{name}' can't be implemented outside of its library because it's a base class."));
                }
            }
            let modern_user_class = !self.is_core(from) && !self.is_pre_feature_library(from);
            if relation == Relation::MixesIn && modern_user_class && !r.is_mixin && !pre_feature {
                self.error(
                    span,
                    format!("The class '{name}' can't be used as a mixin because it isn't a mixin class nor a mixin."),
                );
            }
        }
        // Pre-feature libraries answer only to post-feature, non-platform declarations.
        let binding: Vec<(Relation, ClassId, Span)> = supers
            .into_iter()
            .filter(|(_, s, _)| !pre_feature || !self.is_core(self.classes[s.index()].lib))
            .collect();
        self.check_base_final_subtype(c, &binding);
    }

    /// A `base` declaration of a library other than `lib` among `s` and its
    /// superdeclarations.
    fn base_in_other_library(
        &self,
        s: ClassId,
        lib: crate::kernel::ir::LibraryId,
        depth: u32,
    ) -> Option<ClassId> {
        if depth > 64 {
            return None;
        }
        let r = self.restrictions(s);
        let from = self.classes[s.index()].lib;
        if r.is_base && from != lib && !self.is_core(from) {
            return Some(s);
        }
        self.direct_super_classes(s)
            .into_iter()
            .find_map(|up| self.base_in_other_library(up, lib, depth + 1))
    }

    /// The classes `c` extends, mixes in, implements or (a mixin) is `on`, as its
    /// resolved header records them.
    fn direct_super_classes(&self, c: ClassId) -> Vec<ClassId> {
        let class = self.class(c);
        class
            .superclass
            .iter()
            .chain(&class.mixins)
            .chain(&class.interfaces)
            .copied()
            .collect()
    }

    /// A subtype of a `base` or `final` declaration that is none of `base`, `final`,
    /// `sealed`: the error is on its name and names the restricting supertype.
    fn check_base_final_subtype(&mut self, c: ClassId, supers: &[(Relation, ClassId, Span)]) {
        let own = self.restrictions(c);
        // Enums are implicitly final.
        let is_enum = matches!(self.classes[c.index()].source, ClassSource::Enum(_));
        if own.is_base || own.is_final || own.is_sealed || is_enum {
            return;
        }
        for &(_, s, _) in supers {
            let Some((restricting, is_final)) = self.base_or_final_through_sealed(s, 0) else {
                continue;
            };
            let name = self.class_name(c);
            let sup = self.class_name(restricting);
            let what = if is_final { "final" } else { "base" };
            let at = self.class_name_span(c);
            self.error(
                at,
                format!("The type '{name}' must be 'base', 'final' or 'sealed' because the supertype '{sup}' is '{what}'."),
            );
            return;
        }
    }

    /// `s` itself when it is `base` or `final` (and whether it is `final`), else the first
    /// such declaration above a `sealed` `s` (sealed classes pass the restriction on).
    fn base_or_final_through_sealed(&self, s: ClassId, depth: u32) -> Option<(ClassId, bool)> {
        let r = self.restrictions(s);
        if r.is_final || r.is_base {
            return Some((s, r.is_final));
        }
        if !r.is_sealed || depth > 64 {
            return None;
        }
        self.direct_super_classes(s)
            .into_iter()
            .find_map(|up| self.base_or_final_through_sealed(up, depth + 1))
    }

    /// Does `lib` select a language version before 3.0 (`// @dart=2.19` before its first
    /// declaration)?
    fn is_pre_feature_library(&self, lib: crate::kernel::ir::LibraryId) -> bool {
        let file = self.program.libraries[lib.index()].file;
        let text = &self.sources.get(file).text;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with("/*") || line.starts_with('*') {
                continue;
            }
            let Some(comment) = line.strip_prefix("//") else {
                return false;
            };
            let Some(version) = comment.trim().strip_prefix("@dart") else {
                continue;
            };
            let version = version.trim_start().trim_start_matches('=').trim();
            let major = version
                .split('.')
                .next()
                .and_then(|m| m.parse::<u32>().ok());
            return major.is_some_and(|m| m < 3);
        }
        false
    }

    fn restrictions(&self, c: ClassId) -> Restrictions {
        match self.classes[c.index()].source {
            ClassSource::Class(d) => Restrictions {
                is_base: d.modifiers.is_base,
                is_final: d.modifiers.is_final,
                is_interface: d.modifiers.is_interface,
                is_sealed: d.modifiers.is_sealed,
                is_mixin: d.modifiers.is_mixin,
            },
            ClassSource::Mixin(m) => Restrictions {
                is_base: m.is_base,
                is_mixin: true,
                ..Restrictions::default()
            },
            // Enums cannot be subtyped at all (reported elsewhere).
            ClassSource::Enum(_) => Restrictions::default(),
        }
    }

    /// The classes `c`'s declaration names in `extends`, `with`, `implements` and `on`,
    /// with how and where (type aliases resolved to their classes).
    fn direct_superdeclarations(&mut self, c: ClassId) -> Vec<(Relation, ClassId, Span)> {
        let source = self.classes[c.index()].source;
        let mut written: Vec<(Relation, &ast::TypeAnnotation)> = Vec::new();
        match source {
            ClassSource::Class(d) => {
                written.extend(d.superclass.iter().map(|t| (Relation::Extends, t)));
                written.extend(d.mixins.iter().map(|t| (Relation::MixesIn, t)));
                written.extend(d.interfaces.iter().map(|t| (Relation::Implements, t)));
            }
            ClassSource::Mixin(m) => {
                written.extend(m.on.iter().map(|t| (Relation::On, t)));
                written.extend(m.interfaces.iter().map(|t| (Relation::Implements, t)));
            }
            ClassSource::Enum(e) => {
                written.extend(e.mixins.iter().map(|t| (Relation::MixesIn, t)));
                written.extend(e.interfaces.iter().map(|t| (Relation::Implements, t)));
            }
        }
        let tctx = TypeContext {
            lib: self.classes[c.index()].lib,
            type_params: self.classes[c.index()].type_params.clone(),
        };
        // The headers were resolved (and their errors reported) already.
        let reported = self.diags.items.len();
        let mut out = Vec::new();
        for (relation, ann) in written {
            if let Some(s) = self.named_class(ann, &tctx) {
                out.push((relation, s, ann.span()));
            }
        }
        self.diags.items.truncate(reported);
        out
    }

    /// The class a supertype annotation names, directly or through a type alias.
    fn named_class(&mut self, ann: &ast::TypeAnnotation, tctx: &TypeContext) -> Option<ClassId> {
        match self.resolve_type(ann, tctx) {
            DartType::Interface { class, .. } => Some(class),
            _ => None,
        }
    }
}
