//! Renumbering a freshly resolved program's declarations into the id space of the program
//! it replaces: every `LibraryId`, `ClassId`, `FunctionId`, `FieldId` and `ConstId` in a
//! declaration, a type or a body is rewritten through an [`IdMap`]. Local and label ids
//! are per function and stay as they are.

use crate::kernel::ir::*;
use crate::kernel::rewrite::{walk_stmt, Rewrite};

/// New id → merged id, one table per kind of declaration (indexed by the new id).
#[derive(Debug, Default, Clone)]
pub struct IdMap {
    pub libraries: Vec<u32>,
    pub classes: Vec<u32>,
    pub functions: Vec<u32>,
    pub fields: Vec<u32>,
    pub constants: Vec<u32>,
}

impl IdMap {
    pub fn library(&self, id: LibraryId) -> LibraryId {
        LibraryId(self.libraries[id.index()])
    }
    pub fn class(&self, id: ClassId) -> ClassId {
        ClassId(self.classes[id.index()])
    }
    pub fn function(&self, id: FunctionId) -> FunctionId {
        FunctionId(self.functions[id.index()])
    }
    pub fn field(&self, id: FieldId) -> FieldId {
        FieldId(self.fields[id.index()])
    }
    pub fn constant(&self, id: ConstId) -> ConstId {
        ConstId(self.constants[id.index()])
    }

    pub fn library_decl(&self, l: &mut Library) {
        l.classes.iter_mut().for_each(|c| *c = self.class(*c));
        l.functions.iter_mut().for_each(|f| *f = self.function(*f));
        l.fields.iter_mut().for_each(|f| *f = self.field(*f));
    }

    pub fn class_decl(&self, c: &mut Class) {
        c.library = self.library(c.library);
        c.superclass = c.superclass.map(|s| self.class(s));
        c.mixins.iter_mut().for_each(|m| *m = self.class(*m));
        c.interfaces.iter_mut().for_each(|m| *m = self.class(*m));
        c.instance_fields
            .iter_mut()
            .for_each(|f| *f = self.field(*f));
        c.static_fields.iter_mut().for_each(|f| *f = self.field(*f));
        for list in [&mut c.methods, &mut c.constructors, &mut c.static_methods] {
            list.iter_mut().for_each(|f| *f = self.function(*f));
        }
        c.supertypes.iter_mut().for_each(|t| self.ty(t));
    }

    pub fn field_decl(&self, f: &mut Field) {
        f.owner = match f.owner {
            FieldOwner::Library(l) => FieldOwner::Library(self.library(l)),
            FieldOwner::Class(c) => FieldOwner::Class(self.class(c)),
        };
        f.initializer = f.initializer.map(|i| self.function(i));
        self.ty(&mut f.ty);
    }

    pub fn function_decl(&self, f: &mut Function) {
        f.library = self.library(f.library);
        f.owner = f.owner.map(|c| self.class(c));
        for d in f.params.positional_defaults.iter_mut().flatten() {
            *d = self.constant(*d);
        }
        for n in &mut f.params.named {
            n.default = n.default.map(|d| self.constant(d));
        }
        for l in &mut f.locals {
            self.ty(&mut l.ty);
        }
        self.ty(&mut f.return_type);
        if let Some(body) = &mut f.body {
            walk_stmt(self, body);
        }
    }

    pub fn constant_value(&self, c: &mut Constant) {
        match c {
            Constant::List {
                element_type,
                elements,
            }
            | Constant::Set {
                element_type,
                elements,
            } => {
                self.ty(element_type);
                elements.iter_mut().for_each(|e| *e = self.constant(*e));
            }
            Constant::Map {
                key_type,
                value_type,
                entries,
            } => {
                self.ty(key_type);
                self.ty(value_type);
                for (k, v) in entries {
                    *k = self.constant(*k);
                    *v = self.constant(*v);
                }
            }
            Constant::Instance { class, fields } => {
                *class = self.class(*class);
                for (f, v) in fields {
                    *f = self.field(*f);
                    *v = self.constant(*v);
                }
            }
            Constant::Record { positional, named } => {
                positional.iter_mut().for_each(|e| *e = self.constant(*e));
                named.iter_mut().for_each(|(_, e)| *e = self.constant(*e));
            }
            Constant::Type(t) => self.ty(t),
            Constant::Function(f) => *f = self.function(*f),
            Constant::Null
            | Constant::Bool(_)
            | Constant::Int(_)
            | Constant::Double(_)
            | Constant::String(_) => {}
        }
    }

    pub fn ty(&self, t: &mut DartType) {
        match t {
            DartType::Interface { class, args, .. } => {
                *class = self.class(*class);
                args.iter_mut().for_each(|a| self.ty(a));
            }
            DartType::Function { sig: Some(sig), .. } => {
                self.ty(&mut sig.return_type);
                sig.positional.iter_mut().for_each(|a| self.ty(a));
                sig.named.iter_mut().for_each(|(_, a, _)| self.ty(a));
            }
            DartType::RecordType(r) => r.fields.iter_mut().for_each(|a| self.ty(a)),
            DartType::Extension { args, .. } => args.iter_mut().for_each(|a| self.ty(a)),
            DartType::Dynamic
            | DartType::Void
            | DartType::Never
            | DartType::Null
            | DartType::TypeParameter { .. }
            | DartType::Function { sig: None, .. }
            | DartType::Record { .. } => {}
        }
    }
}

impl Rewrite for IdMap {
    fn ty(&self, t: &mut DartType) {
        IdMap::ty(self, t)
    }

    /// The declaration ids an expression holds itself.
    fn node(&self, e: &mut ExprKind) {
        match e {
            ExprKind::Const(c) => *c = self.constant(*c),
            ExprKind::StaticGet(f) | ExprKind::StaticSet(f, _) => *f = self.field(*f),
            ExprKind::FieldGet { field, .. } | ExprKind::FieldSet { field, .. } => {
                *field = self.field(*field)
            }
            ExprKind::StaticCall { target, .. } => *target = self.function(*target),
            ExprKind::New {
                class, constructor, ..
            } => {
                *class = self.class(*class);
                *constructor = self.function(*constructor);
            }
            ExprKind::Closure(f) | ExprKind::StaticTearOff(f) => *f = self.function(*f),
            ExprKind::InstanceTypeArgs { class, .. } => *class = self.class(*class),
            _ => {}
        }
    }
}
