//! In-place rewriting of a resolved program's bodies: one walk over every statement and
//! expression that hands each type it holds to a [`Rewrite`], and each expression node
//! to it before its operands (for the ids a node holds itself). Hot reload's id
//! renumbering (`reload::remap`) and the resolver's extension-type erasure are rewrites.

use crate::kernel::ir::{Args, DartType, Expr, ExprKind, Stmt, StmtKind};

/// What a rewrite changes: types everywhere, and optionally the node of each expression.
pub trait Rewrite {
    fn ty(&self, t: &mut DartType);
    /// Rewrites what expression node `e` holds itself (ids); its operands and types are
    /// walked afterwards.
    fn node(&self, _e: &mut ExprKind) {}
}

pub fn walk_stmt<R: Rewrite + ?Sized>(r: &R, s: &mut Stmt) {
    match &mut s.kind {
        StmtKind::Block(list) => list.iter_mut().for_each(|s| walk_stmt(r, s)),
        StmtKind::Expr(e) | StmtKind::Throw(e) | StmtKind::Yield { value: e, .. } => {
            walk_expr(r, e)
        }
        StmtKind::VarDecl { init, .. } => init.iter_mut().for_each(|e| walk_expr(r, e)),
        StmtKind::If {
            condition,
            then,
            otherwise,
        } => {
            walk_expr(r, condition);
            walk_stmt(r, then);
            otherwise.iter_mut().for_each(|s| walk_stmt(r, s));
        }
        StmtKind::Loop { body, update, .. } => {
            walk_stmt(r, body);
            update.iter_mut().for_each(|s| walk_stmt(r, s));
        }
        StmtKind::Labeled { body, .. } => walk_stmt(r, body),
        StmtKind::Return(e) => e.iter_mut().for_each(|e| walk_expr(r, e)),
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            walk_stmt(r, body);
            for c in catches {
                c.on_type.iter_mut().for_each(|t| r.ty(t));
                walk_stmt(r, &mut c.body);
            }
            finally.iter_mut().for_each(|s| walk_stmt(r, s));
        }
        StmtKind::Assert { condition, message } => {
            walk_expr(r, condition);
            message.iter_mut().for_each(|e| walk_expr(r, e));
        }
        StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Rethrow | StmtKind::FreshBox(_) => {}
    }
}

pub fn walk_args<R: Rewrite + ?Sized>(r: &R, a: &mut Args) {
    a.positional.iter_mut().for_each(|e| walk_expr(r, e));
    a.named.iter_mut().for_each(|(_, e)| walk_expr(r, e));
    a.type_args.iter_mut().for_each(|e| walk_expr(r, e));
}

pub fn walk_expr<R: Rewrite + ?Sized>(r: &R, e: &mut Expr) {
    r.ty(&mut e.ty);
    r.node(&mut e.kind);
    match &mut e.kind {
        ExprKind::Is { expr, ty, .. } | ExprKind::As { expr, ty, .. } => {
            r.ty(ty);
            walk_expr(r, expr);
        }
        ExprKind::ListLiteral {
            element_type,
            elements,
            type_args,
        } => {
            r.ty(element_type);
            elements.iter_mut().for_each(|x| walk_expr(r, x));
            type_args.iter_mut().for_each(|t| walk_expr(r, t));
        }
        ExprKind::MapLiteral {
            key_type,
            value_type,
            entries,
            type_args,
        } => {
            r.ty(key_type);
            r.ty(value_type);
            for (k, v) in entries {
                walk_expr(r, k);
                walk_expr(r, v);
            }
            type_args.iter_mut().for_each(|t| walk_expr(r, t));
        }
        ExprKind::TypeArgs { types, env } => {
            types.iter_mut().for_each(|t| r.ty(t));
            env.iter_mut()
                .for_each(|entry| walk_expr(r, &mut entry.source));
        }
        ExprKind::StaticSet(_, v) | ExprKind::LocalSet(_, v) | ExprKind::CapturedSet(_, v) => {
            walk_expr(r, v)
        }
        ExprKind::FieldGet { receiver, .. }
        | ExprKind::InstanceGet { receiver, .. }
        | ExprKind::RecordGet { receiver, .. }
        | ExprKind::InstanceTypeArgs { receiver, .. } => walk_expr(r, receiver),
        ExprKind::FieldSet {
            receiver, value, ..
        }
        | ExprKind::InstanceSet {
            receiver, value, ..
        } => {
            walk_expr(r, receiver);
            walk_expr(r, value);
        }
        ExprKind::StaticCall { receiver, args, .. } => {
            receiver.iter_mut().for_each(|x| walk_expr(r, x));
            walk_args(r, args);
        }
        ExprKind::New {
            args, type_args, ..
        } => {
            walk_args(r, args);
            type_args.iter_mut().for_each(|t| walk_expr(r, t));
        }
        ExprKind::InstanceCall { receiver, args, .. } => {
            walk_expr(r, receiver);
            walk_args(r, args);
        }
        ExprKind::FunctionCall { callee, args } => {
            walk_expr(r, callee);
            walk_args(r, args);
        }
        ExprKind::StringConcat(parts) => parts.iter_mut().for_each(|p| walk_expr(r, p)),
        ExprKind::Equals { left, right, .. }
        | ExprKind::Identical(left, right)
        | ExprKind::And(left, right)
        | ExprKind::Or(left, right) => {
            walk_expr(r, left);
            walk_expr(r, right);
        }
        ExprKind::Not(x)
        | ExprKind::NullCheck(x)
        | ExprKind::Throw(x)
        | ExprKind::Await(x)
        | ExprKind::TypeValue(x) => walk_expr(r, x),
        ExprKind::Conditional {
            condition,
            then,
            otherwise,
        } => {
            walk_expr(r, condition);
            walk_expr(r, then);
            walk_expr(r, otherwise);
        }
        ExprKind::IsRuntime {
            expr, type_args, ..
        }
        | ExprKind::AsRuntime {
            expr, type_args, ..
        } => {
            walk_expr(r, expr);
            walk_expr(r, type_args);
        }
        ExprKind::RecordLiteral { fields, .. } => fields.iter_mut().for_each(|x| walk_expr(r, x)),
        ExprKind::Let { value, body, .. } => {
            walk_expr(r, value);
            walk_expr(r, body);
        }
        ExprKind::Block { stmts, value } => {
            stmts.iter_mut().for_each(|s| walk_stmt(r, s));
            walk_expr(r, value);
        }
        ExprKind::Native { args, .. } => args.iter_mut().for_each(|x| walk_expr(r, x)),
        ExprKind::Const(_)
        | ExprKind::LocalGet(_)
        | ExprKind::CapturedGet(_)
        | ExprKind::This
        | ExprKind::StaticGet(_)
        | ExprKind::Closure(_)
        | ExprKind::StaticTearOff(_) => {}
    }
}
