//! Renumbering a freshly resolved program's declarations into the id space of the program
//! it replaces: every `LibraryId`, `ClassId`, `FunctionId`, `FieldId` and `ConstId` in a
//! declaration, a type or a body is rewritten through an [`IdMap`]. Local and label ids
//! are per function and stay as they are.

use crate::kernel::ir::*;

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
            self.stmt(body);
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

    fn args(&self, a: &mut Args) {
        a.positional.iter_mut().for_each(|e| self.expr(e));
        a.named.iter_mut().for_each(|(_, e)| self.expr(e));
        a.type_args.iter_mut().for_each(|e| self.expr(e));
    }

    fn expr(&self, e: &mut Expr) {
        self.ty(&mut e.ty);
        match &mut e.kind {
            ExprKind::Const(c) => *c = self.constant(*c),
            ExprKind::StaticGet(f) => *f = self.field(*f),
            ExprKind::StaticSet(f, v) => {
                *f = self.field(*f);
                self.expr(v);
            }
            ExprKind::FieldGet { receiver, field } => {
                *field = self.field(*field);
                self.expr(receiver);
            }
            ExprKind::FieldSet {
                receiver,
                field,
                value,
            } => {
                *field = self.field(*field);
                self.expr(receiver);
                self.expr(value);
            }
            ExprKind::StaticCall {
                target,
                receiver,
                args,
            } => {
                *target = self.function(*target);
                receiver.iter_mut().for_each(|r| self.expr(r));
                self.args(args);
            }
            ExprKind::New {
                class,
                constructor,
                args,
                type_args,
            } => {
                *class = self.class(*class);
                *constructor = self.function(*constructor);
                self.args(args);
                type_args.iter_mut().for_each(|t| self.expr(t));
            }
            ExprKind::Closure(f) | ExprKind::StaticTearOff(f) => *f = self.function(*f),
            ExprKind::InstanceTypeArgs { receiver, class } => {
                *class = self.class(*class);
                self.expr(receiver);
            }
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
            _ => self.sub_exprs(e),
        }
    }

    /// Expressions whose own ids need no rewriting: only their operands.
    fn sub_exprs(&self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::StringConcat(parts) => parts.iter_mut().for_each(|p| self.expr(p)),
            ExprKind::LocalSet(_, v) | ExprKind::CapturedSet(_, v) => self.expr(v),
            ExprKind::InstanceCall { receiver, args, .. } => {
                self.expr(receiver);
                self.args(args);
            }
            ExprKind::InstanceGet { receiver, .. } | ExprKind::RecordGet { receiver, .. } => {
                self.expr(receiver)
            }
            ExprKind::InstanceSet {
                receiver, value, ..
            } => {
                self.expr(receiver);
                self.expr(value);
            }
            ExprKind::FunctionCall { callee, args } => {
                self.expr(callee);
                self.args(args);
            }
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
            | ExprKind::StaticSet(..)
            | ExprKind::FieldGet { .. }
            | ExprKind::FieldSet { .. }
            | ExprKind::StaticCall { .. }
            | ExprKind::New { .. }
            | ExprKind::Closure(_)
            | ExprKind::StaticTearOff(_)
            | ExprKind::InstanceTypeArgs { .. }
            | ExprKind::Is { .. }
            | ExprKind::As { .. }
            | ExprKind::ListLiteral { .. }
            | ExprKind::MapLiteral { .. }
            | ExprKind::TypeArgs { .. } => {}
        }
    }
}
