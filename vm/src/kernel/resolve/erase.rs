//! Extension type erasure: the last resolver phase. `DartType::Extension` (extension
//! types, and the receivers of explicit extension applications) is a static type only;
//! at run time a value of extension type `E<T>` is its representation object, so every
//! type in the resolved program — expression types, locals, return types, `is`/`as`
//! targets, type arguments, field types, constants — is rewritten to its erasure (`E<T>`
//! becomes the representation type with `T` substituted, recursively) before the
//! compilers, the runtime type tables or a snapshot see it.

use super::types::{make_nullable, substitute};
use super::Resolver;
use crate::kernel::ir::{self, Constant, DartType, Expr, ExprKind, Stmt, StmtKind};

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
            self.stmt(body);
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

    fn stmt(&self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Block(list) => list.iter_mut().for_each(|s| self.stmt(s)),
            StmtKind::Expr(e) | StmtKind::Throw(e) | StmtKind::Yield { value: e, .. } => {
                self.expr(e)
            }
            StmtKind::VarDecl { init, .. } => init.iter_mut().for_each(|e| self.expr(e)),
            StmtKind::If {
                condition,
                then,
                otherwise,
            } => {
                self.expr(condition);
                self.stmt(then);
                otherwise.iter_mut().for_each(|s| self.stmt(s));
            }
            StmtKind::Loop { body, update, .. } => {
                self.stmt(body);
                update.iter_mut().for_each(|s| self.stmt(s));
            }
            StmtKind::Labeled { body, .. } => self.stmt(body),
            StmtKind::Return(e) => e.iter_mut().for_each(|e| self.expr(e)),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                self.stmt(body);
                for c in catches {
                    c.on_type.iter_mut().for_each(|t| self.ty(t));
                    self.stmt(&mut c.body);
                }
                finally.iter_mut().for_each(|s| self.stmt(s));
            }
            StmtKind::Assert { condition, message } => {
                self.expr(condition);
                message.iter_mut().for_each(|e| self.expr(e));
            }
            StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Rethrow
            | StmtKind::FreshBox(_) => {}
        }
    }

    fn args(&self, a: &mut ir::Args) {
        a.positional.iter_mut().for_each(|e| self.expr(e));
        a.named.iter_mut().for_each(|(_, e)| self.expr(e));
        a.type_args.iter_mut().for_each(|e| self.expr(e));
    }

    fn expr(&self, e: &mut Expr) {
        self.ty(&mut e.ty);
        match &mut e.kind {
            ExprKind::Is { expr, ty, .. } | ExprKind::As { expr, ty } => {
                self.ty(ty);
                self.expr(expr);
            }
            ExprKind::ListLiteral {
                element_type,
                elements,
                type_args,
            } => {
                self.ty(element_type);
                elements.iter_mut().for_each(|x| self.expr(x));
                type_args.iter_mut().for_each(|t| self.expr(t));
            }
            ExprKind::MapLiteral {
                key_type,
                value_type,
                entries,
                type_args,
            } => {
                self.ty(key_type);
                self.ty(value_type);
                for (k, v) in entries {
                    self.expr(k);
                    self.expr(v);
                }
                type_args.iter_mut().for_each(|t| self.expr(t));
            }
            ExprKind::TypeArgs { types, env } => {
                types.iter_mut().for_each(|t| self.ty(t));
                env.iter_mut()
                    .for_each(|entry| self.expr(&mut entry.source));
            }
            ExprKind::StaticSet(_, v) | ExprKind::LocalSet(_, v) | ExprKind::CapturedSet(_, v) => {
                self.expr(v)
            }
            ExprKind::FieldGet { receiver, .. }
            | ExprKind::InstanceGet { receiver, .. }
            | ExprKind::RecordGet { receiver, .. }
            | ExprKind::InstanceTypeArgs { receiver, .. } => self.expr(receiver),
            ExprKind::FieldSet {
                receiver, value, ..
            }
            | ExprKind::InstanceSet {
                receiver, value, ..
            } => {
                self.expr(receiver);
                self.expr(value);
            }
            ExprKind::StaticCall { receiver, args, .. } => {
                receiver.iter_mut().for_each(|r| self.expr(r));
                self.args(args);
            }
            ExprKind::New {
                args, type_args, ..
            } => {
                self.args(args);
                type_args.iter_mut().for_each(|t| self.expr(t));
            }
            ExprKind::InstanceCall { receiver, args, .. } => {
                self.expr(receiver);
                self.args(args);
            }
            ExprKind::FunctionCall { callee, args } => {
                self.expr(callee);
                self.args(args);
            }
            ExprKind::StringConcat(parts) => parts.iter_mut().for_each(|p| self.expr(p)),
            ExprKind::Equals { left, right, .. }
            | ExprKind::Identical(left, right)
            | ExprKind::And(left, right)
            | ExprKind::Or(left, right) => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Not(x)
            | ExprKind::NullCheck(x)
            | ExprKind::Throw(x)
            | ExprKind::Await(x)
            | ExprKind::TypeValue(x) => self.expr(x),
            ExprKind::Conditional {
                condition,
                then,
                otherwise,
            } => {
                self.expr(condition);
                self.expr(then);
                self.expr(otherwise);
            }
            ExprKind::IsRuntime {
                expr, type_args, ..
            }
            | ExprKind::AsRuntime { expr, type_args } => {
                self.expr(expr);
                self.expr(type_args);
            }
            ExprKind::RecordLiteral { fields, .. } => fields.iter_mut().for_each(|x| self.expr(x)),
            ExprKind::Let { value, body, .. } => {
                self.expr(value);
                self.expr(body);
            }
            ExprKind::Block { stmts, value } => {
                stmts.iter_mut().for_each(|s| self.stmt(s));
                self.expr(value);
            }
            ExprKind::Native { args, .. } => args.iter_mut().for_each(|x| self.expr(x)),
            ExprKind::Const(_)
            | ExprKind::LocalGet(_)
            | ExprKind::CapturedGet(_)
            | ExprKind::This
            | ExprKind::StaticGet(_)
            | ExprKind::Closure(_)
            | ExprKind::StaticTearOff(_) => {}
        }
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
