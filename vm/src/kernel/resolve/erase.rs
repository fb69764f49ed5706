//! Extension type erasure: the last resolver phase. `DartType::Extension` (extension
//! types, and the receivers of explicit extension applications) is a static type only;
//! at run time a value of extension type `E<T>` is its representation object, so every
//! type in the resolved program — expression types, locals, return types, `is`/`as`
//! targets, type arguments, field types, constants — is rewritten to its erasure (`E<T>`
//! becomes the representation type with `T` substituted, recursively) before the
//! compilers, the runtime type tables or a snapshot see it.

use super::types::{make_nullable, substitute};
use super::Resolver;
use crate::kernel::ir::{self, Constant, DartType};
use crate::kernel::rewrite::{walk_stmt, Rewrite};

/// How deep an extension type's representation may nest other extension types
/// (`extension type A(B b)`, `extension type B(A a)` is a cycle the resolver reports;
/// its types erase to `dynamic`).
const MAX_DEPTH: u32 = 64;

impl Resolver<'_> {
    /// Erases every extension type in the program.
    pub(super) fn erase_extension_types(&mut self) {
        if !self.extension_types_used {
            return;
        }
        let eraser = Eraser {
            reps: self
                .extensions
                .iter()
                .map(|e| (e.on.clone(), e.type_params.clone()))
                .collect(),
        };
        let mut functions = std::mem::take(&mut self.program.functions);
        functions.iter_mut().for_each(|f| eraser.function(f));
        self.program.functions = functions;
        for f in &mut self.program.fields {
            eraser.ty(&mut f.ty);
        }
        for c in &mut self.program.classes {
            c.supertypes.iter_mut().for_each(|t| eraser.ty(t));
        }
        for c in &mut self.program.constants {
            eraser.constant(c);
        }
    }

    /// The erasure of one type (for constant evaluation, which needs it early).
    pub(super) fn erasure(&self, t: &DartType) -> DartType {
        let eraser = Eraser {
            reps: self
                .extensions
                .iter()
                .map(|e| (e.on.clone(), e.type_params.clone()))
                .collect(),
        };
        let mut t = t.clone();
        eraser.ty(&mut t);
        t
    }
}

/// Each extension's representation (or `on`) type and its type parameters.
struct Eraser {
    reps: Vec<(DartType, Vec<crate::front::intern::Symbol>)>,
}

impl Eraser {
    fn ty(&self, t: &mut DartType) {
        self.ty_depth(t, 0);
    }

    fn ty_depth(&self, t: &mut DartType, depth: u32) {
        match t {
            DartType::Extension {
                index,
                args,
                nullable,
            } => {
                let erased = match self.reps.get(*index as usize) {
                    Some((rep, params)) if depth < MAX_DEPTH => {
                        let mut r = substitute(rep, params, args);
                        self.ty_depth(&mut r, depth + 1);
                        if *nullable {
                            make_nullable(r)
                        } else {
                            r
                        }
                    }
                    _ => DartType::Dynamic,
                };
                *t = erased;
            }
            DartType::Interface { args, .. } => {
                args.iter_mut().for_each(|a| self.ty_depth(a, depth))
            }
            DartType::Function { sig: Some(sig), .. } => {
                self.ty_depth(&mut sig.return_type, depth);
                sig.positional
                    .iter_mut()
                    .for_each(|a| self.ty_depth(a, depth));
                sig.named
                    .iter_mut()
                    .for_each(|(_, a, _)| self.ty_depth(a, depth));
            }
            DartType::RecordType(r) => r.fields.iter_mut().for_each(|a| self.ty_depth(a, depth)),
            DartType::Dynamic
            | DartType::Void
            | DartType::Never
            | DartType::Null
            | DartType::TypeParameter { .. }
            | DartType::Function { sig: None, .. }
            | DartType::Record { .. } => {}
        }
    }

    fn function(&self, f: &mut ir::Function) {
        self.ty(&mut f.return_type);
        f.locals.iter_mut().for_each(|l| self.ty(&mut l.ty));
        if let Some(body) = &mut f.body {
            walk_stmt(self, body);
        }
    }

    fn constant(&self, c: &mut Constant) {
        match c {
            Constant::List { element_type, .. } | Constant::Set { element_type, .. } => {
                self.ty(element_type)
            }
            Constant::Map {
                key_type,
                value_type,
                ..
            } => {
                self.ty(key_type);
                self.ty(value_type);
            }
            Constant::Type(t) => self.ty(t),
            Constant::Instance { .. }
            | Constant::Record { .. }
            | Constant::Function(_)
            | Constant::Null
            | Constant::Bool(_)
            | Constant::Int(_)
            | Constant::Double(_)
            | Constant::String(_) => {}
        }
    }
}

impl Rewrite for Eraser {
    fn ty(&self, t: &mut DartType) {
        Eraser::ty(self, t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front::intern::Symbol;
    use crate::kernel::ir::ClassId;

    fn list_of(t: DartType) -> DartType {
        DartType::Interface {
            class: ClassId(7),
            args: vec![t],
            nullable: false,
        }
    }

    /// Extension 0: `extension type Box<T>(List<T> items)`; extension 1:
    /// `extension type Id(Box<int> box)` (a representation that is itself erased).
    fn eraser() -> Eraser {
        let t = Symbol::intern("T");
        let box_rep = list_of(DartType::TypeParameter {
            name: t,
            nullable: false,
        });
        let id_rep = DartType::Extension {
            index: 0,
            args: vec![DartType::Null],
            nullable: false,
        };
        Eraser {
            reps: vec![(box_rep, vec![t]), (id_rep, Vec::new())],
        }
    }

    #[test]
    fn erases_nested_and_nullable_extension_types() {
        let e = eraser();
        let mut ty = list_of(DartType::Extension {
            index: 1,
            args: Vec::new(),
            nullable: true,
        });
        e.ty(&mut ty);
        // List<Id?> is List<List<Null>?>.
        let expected = list_of(DartType::Interface {
            class: ClassId(7),
            args: vec![DartType::Null],
            nullable: true,
        });
        assert_eq!(ty, expected);
    }

    #[test]
    fn a_cycle_erases_to_dynamic_instead_of_recursing() {
        let e = Eraser {
            reps: vec![(
                DartType::Extension {
                    index: 0,
                    args: Vec::new(),
                    nullable: false,
                },
                Vec::new(),
            )],
        };
        let mut ty = DartType::Extension {
            index: 0,
            args: Vec::new(),
            nullable: false,
        };
        e.ty(&mut ty);
        assert_eq!(ty, DartType::Dynamic);
    }
}
