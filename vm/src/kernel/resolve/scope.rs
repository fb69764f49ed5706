//! Library namespaces: what each library declares, exports and imports (with `show`,
//! `hide` and prefixes), and the lookup of a simple or prefixed name in a library's scope.
//! Lexical scopes inside bodies live in `body`.

use super::{messages, Resolver};
use crate::front::ast::Combinator;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{ClassId, FieldId, FunctionId, LibraryId};
use std::collections::HashMap;

/// A top-level declaration a name can refer to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Decl {
    Class(ClassId),
    Typedef(usize),
    Function(FunctionId),
    Field(FieldId),
    Accessors {
        getter: Option<FunctionId>,
        setter: Option<FunctionId>,
    },
    /// An extension (index into `Resolver::extensions`); unnamed ones are registered
    /// under a private synthetic name.
    Extension(usize),
}

/// One library's namespaces.
#[derive(Default, Debug)]
pub(crate) struct LibScope {
    pub declared: HashMap<Symbol, Decl>,
    pub exported: HashMap<Symbol, Decl>,
    /// Unprefixed imports: every declaration a name is imported as, with its library.
    pub imported: HashMap<Symbol, Vec<(Decl, LibraryId)>>,
    pub prefixes: HashMap<Symbol, HashMap<Symbol, Vec<(Decl, LibraryId)>>>,
    /// Prefixes of `deferred` imports (their `loadLibrary()` completes at once).
    pub deferred: std::collections::HashSet<Symbol>,
}

/// What a name in a library scope resolves to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Resolved {
    Decl(Decl),
    Prefix(Symbol),
    NotFound,
    /// An ambiguous import, already reported.
    Reported,
}

fn visible(name: Symbol, combinators: &[Combinator]) -> bool {
    combinators.iter().all(|c| match c {
        Combinator::Show(names) => names.iter().any(|n| n.name == name),
        Combinator::Hide(names) => names.iter().all(|n| n.name != name),
    })
}

impl Resolver<'_> {
    /// Computes every library's export namespace (a fixpoint, so export cycles work),
    /// then its import scopes.
    pub(super) fn build_namespaces(&mut self) {
        for scope in &mut self.scopes {
            scope.exported = scope
                .declared
                .iter()
                .filter(|(name, _)| !name.as_str().starts_with('_'))
                .map(|(n, d)| (*n, *d))
                .collect();
        }
        let mut changed = true;
        while changed {
            changed = false;
            for (i, lib) in self.libs.iter().enumerate() {
                for export in &lib.exports {
                    let incoming: Vec<(Symbol, Decl)> = self.scopes[export.target]
                        .exported
                        .iter()
                        .filter(|(n, _)| visible(**n, &export.combinators))
                        .map(|(n, d)| (*n, *d))
                        .collect();
                    for (name, decl) in incoming {
                        if let std::collections::hash_map::Entry::Vacant(e) =
                            self.scopes[i].exported.entry(name)
                        {
                            e.insert(decl);
                            changed = true;
                        }
                    }
                }
            }
        }
        for (i, lib) in self.libs.iter().enumerate() {
            for import in &lib.imports {
                let target = LibraryId(import.target as u32);
                let names: Vec<(Symbol, Decl)> = self.scopes[import.target]
                    .exported
                    .iter()
                    .filter(|(n, _)| visible(**n, &import.combinators))
                    .map(|(n, d)| (*n, *d))
                    .collect();
                let scope = &mut self.scopes[i];
                if let (true, Some(p)) = (import.deferred, import.prefix) {
                    scope.deferred.insert(p.name);
                }
                let table = match import.prefix {
                    Some(p) => scope.prefixes.entry(p.name).or_default(),
                    None => &mut scope.imported,
                };
                for (name, decl) in names {
                    let entry = table.entry(name).or_default();
                    if !entry.iter().any(|(d, _)| *d == decl) {
                        entry.push((decl, target));
                    }
                }
            }
        }
    }

    /// Looks `name` up in library `lib`'s scope: its own declarations, then its
    /// unprefixed imports, then its import prefixes. Ambiguous imports are reported at
    /// `span`.
    pub(super) fn lookup_library(&mut self, lib: LibraryId, name: Symbol, span: Span) -> Resolved {
        let scope = &self.scopes[lib.index()];
        if let Some(d) = scope.declared.get(&name) {
            return Resolved::Decl(*d);
        }
        if let Some(candidates) = scope.imported.get(&name) {
            let candidates = candidates.clone();
            return match self.pick_import(name, &candidates, span) {
                Some(d) => Resolved::Decl(d),
                None => Resolved::Reported,
            };
        }
        if scope.prefixes.contains_key(&name) {
            return Resolved::Prefix(name);
        }
        Resolved::NotFound
    }

    /// Looks `name` up through import prefix `prefix` of library `lib`.
    pub(super) fn lookup_prefixed(
        &mut self,
        lib: LibraryId,
        prefix: Symbol,
        name: Symbol,
        span: Span,
    ) -> Option<Decl> {
        let candidates = self.scopes[lib.index()]
            .prefixes
            .get(&prefix)?
            .get(&name)?
            .clone();
        self.pick_import(name, &candidates, span)
    }

    /// Chooses among the declarations a name is imported as: one is fine, platform
    /// (`dart:`) declarations lose against others, and a real conflict is an error.
    fn pick_import(
        &mut self,
        name: Symbol,
        candidates: &[(Decl, LibraryId)],
        span: Span,
    ) -> Option<Decl> {
        if candidates.len() == 1 {
            return Some(candidates[0].0);
        }
        let user: Vec<&(Decl, LibraryId)> = candidates
            .iter()
            .filter(|(_, l)| !self.is_core(*l))
            .collect();
        if user.len() == 1 {
            return Some(user[0].0);
        }
        let uri_a = self.lib_display(candidates[0].1);
        let uri_b = self.lib_display(candidates[1].1);
        self.error(span, messages::ambiguous_import(name, &uri_a, &uri_b));
        None
    }

    /// A library as messages name it: `dart:core`, or its path relative to the working
    /// directory.
    pub(super) fn lib_display(&self, lib: LibraryId) -> String {
        let l = &self.program.libraries[lib.index()];
        if l.uri.starts_with("dart:") || l.uri.starts_with("package:") {
            return l.uri.clone();
        }
        self.sources.get(l.file).display_path.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front::ast::Ident;

    fn ident(name: &str) -> Ident {
        Ident {
            name: Symbol::intern(name),
            span: Span::default(),
        }
    }

    #[test]
    fn show_and_hide_filter_names() {
        let a = Symbol::intern("a");
        let b = Symbol::intern("b");
        assert!(visible(a, &[]));
        assert!(visible(a, &[Combinator::Show(vec![ident("a")])]));
        assert!(!visible(b, &[Combinator::Show(vec![ident("a")])]));
        assert!(!visible(a, &[Combinator::Hide(vec![ident("a")])]));
        // `show a hide a` shows nothing.
        assert!(!visible(
            a,
            &[
                Combinator::Show(vec![ident("a")]),
                Combinator::Hide(vec![ident("a")])
            ]
        ));
    }
}
