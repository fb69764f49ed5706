//! Why a constant expression is a compile-time error, with the Dart front end's texts:
//! the operators the language allows in constant expressions (int, double, String, bool
//! and null operands only), integer division by zero and negative shifts (asked by the
//! evaluator, `resolve::constants`, only after it failed to fold an operation on two
//! constants; `None` means "not known to be an error": dartrs just does not fold it and
//! the expression runs at run time), and the parts of a `const` constructor's
//! initializer list that are not potentially constant whatever its arguments (checked
//! where the constructor is declared, as it may never be invoked).

use super::scope::{Decl, Resolved};
use super::{Member, MemberContext, Resolver};
use crate::front::ast::{self, BinaryOp, UnaryOp};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{Constant, Program};
use std::collections::HashSet;

/// The CFE's header line for an error found while evaluating a constant; the detail
/// follows as a context note at the failing subexpression.
pub(super) const EVALUATION_ERROR: &str = "Constant evaluation error:";

/// What a constant's kind allows as an operand: a primitive value's type name, `None`
/// for lists, instances and the like (which have no operators in constants).
fn primitive_type(c: &Constant) -> Option<&'static str> {
    Some(match c {
        Constant::Null => "Null",
        Constant::Bool(_) => "bool",
        Constant::Int(_) => "int",
        Constant::Double(_) => "double",
        Constant::String(_) => "String",
        _ => return None,
    })
}

/// The operand type `op` on a left operand of type `left` requires, or `None` when the
/// operator is not a constant operation on that type at all.
fn required_operand(op: BinaryOp, left: &str) -> Option<&'static str> {
    use BinaryOp::*;
    match (left, op) {
        ("int" | "double", Add | Sub | Mul | Div | IntDiv | Mod | Lt | Gt | LtEq | GtEq) => {
            Some("num")
        }
        ("int", BitAnd | BitOr | BitXor | Shl | Shr | UShr) => Some("int"),
        ("String", Add) => Some("String"),
        ("bool", And | Or | BitAnd | BitOr | BitXor) => Some("bool"),
        _ => None,
    }
}

fn has_type(c: &Constant, required: &str) -> bool {
    match required {
        "num" => matches!(c, Constant::Int(_) | Constant::Double(_)),
        "int" => matches!(c, Constant::Int(_)),
        "String" => matches!(c, Constant::String(_)),
        "bool" => matches!(c, Constant::Bool(_)),
        _ => false,
    }
}

/// The error in `l op r` when the evaluator could not fold it, if it is certainly one.
/// `==`, `!=` and `??` are never reported here.
pub(super) fn binary_error(
    p: &Program,
    op: BinaryOp,
    l: &Constant,
    r: &Constant,
) -> Option<String> {
    if matches!(op, BinaryOp::Eq | BinaryOp::NotEq | BinaryOp::IfNull) {
        return None;
    }
    let text = |c: &Constant| constant_text(p, c);
    let Some(left) = primitive_type(l) else {
        return Some(invalid_method(op.text(), &text(l)));
    };
    let Some(required) = required_operand(op, left) else {
        return Some(invalid_method(op.text(), &text(l)));
    };
    if !has_type(r, required) {
        let actual = primitive_type(r).unwrap_or("Object");
        // A non-primitive operand's exact type does not matter for the verdict.
        return Some(format!(
            "Binary operator '{}' on '{}' requires operand of type '{required}', but was of \
             type '{actual}'.",
            op.text(),
            text(l)
        ));
    }
    match (op, l, r) {
        (BinaryOp::IntDiv | BinaryOp::Mod, Constant::Int(_), Constant::Int(0)) => Some(format!(
            "Binary operator '{}' on '{}' requires non-zero divisor, but divisor was '0'.",
            op.text(),
            text(l)
        )),
        (BinaryOp::Shl | BinaryOp::Shr | BinaryOp::UShr, Constant::Int(_), Constant::Int(b))
            if *b < 0 =>
        {
            Some(format!(
                "Binary operator '{}' on '{}' requires non-negative operand, but was '{b}'.",
                op.text(),
                text(l)
            ))
        }
        _ => None,
    }
}

/// The error in `op v` when the evaluator could not fold it.
pub(super) fn unary_error(p: &Program, op: UnaryOp, v: &Constant) -> Option<String> {
    let (name, ok) = match op {
        UnaryOp::Neg => (
            "unary-",
            matches!(v, Constant::Int(_) | Constant::Double(_)),
        ),
        UnaryOp::Not => ("!", matches!(v, Constant::Bool(_))),
        UnaryOp::BitNot => ("~", matches!(v, Constant::Int(_))),
    };
    (!ok).then(|| invalid_method(name, &constant_text(p, v)))
}

/// A property get on a constant value: only `String.length` is a constant operation.
/// Records and instances are left alone (not reported).
pub(super) fn property_error(p: &Program, name: &str, v: &Constant) -> Option<String> {
    let reported = primitive_type(v).is_some()
        || matches!(
            v,
            Constant::List { .. } | Constant::Set { .. } | Constant::Map { .. }
        );
    reported.then(|| {
        format!(
            "The property '{name}' can't be accessed on '{}' in a constant expression.",
            constant_text(p, v)
        )
    })
}

pub(super) fn invalid_method(name: &str, on: &str) -> String {
    format!("The method '{name}' can't be invoked on '{on}' in a constant expression.")
}

/// A constant as the CFE quotes it in messages (strings with double quotes).
pub(super) fn constant_text(p: &Program, c: &Constant) -> String {
    match c {
        Constant::Null => "null".into(),
        Constant::Bool(b) => b.to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Double(d) => super::constants::dart_double_to_string(*d),
        Constant::String(s) => format!("\"{s}\""),
        other => match p.constants.iter().position(|k| k == other) {
            Some(i) => crate::kernel::dump::constant(p, crate::kernel::ir::ConstId(i as u32)),
            None => "constant".into(),
        },
    }
}

/// Where an initializer of a `const` constructor can never be constant, whatever its
/// arguments: the parameters are `params`; `in_const` is a constant context (inside a
/// `const` literal or constructor call, where literals are constant).
pub(super) struct PotentiallyConstant<'p> {
    pub params: &'p HashSet<Symbol>,
    pub ctx: MemberContext,
}

const NOT_CONSTANT: &str = "Not a constant expression.";
const METHOD_INVOCATION: &str = "Method invocation is not a constant expression.";

impl Resolver<'_> {
    /// The first part of `e` that is not potentially constant (as the language defines
    /// it for initializer lists of `const` constructors), if one is certain.
    pub(super) fn non_constant_part(
        &mut self,
        e: &ast::Expr,
        scope: &PotentiallyConstant,
        in_const: bool,
    ) -> Option<(Span, String)> {
        use ast::ExprKind as E;
        match &e.kind {
            E::Paren(x) | E::Unary { operand: x, .. } => self.non_constant_part(x, scope, in_const),
            E::Binary { left, right, .. } => self
                .non_constant_part(left, scope, in_const)
                .or_else(|| self.non_constant_part(right, scope, in_const)),
            E::Conditional {
                condition,
                then,
                otherwise,
            } => [condition, then, otherwise]
                .into_iter()
                .find_map(|x| self.non_constant_part(x, scope, in_const)),
            E::String(parts) => parts.iter().find_map(|p| match p {
                ast::StringPart::Interpolation(x) => self.non_constant_part(x, scope, in_const),
                ast::StringPart::Text(_) => None,
            }),
            E::Ident(id) if scope.params.contains(&id.name) => None,
            E::Ident(id) => self
                .names_non_constant(id.name, id.span, &scope.ctx)
                .then(|| (e.span, NOT_CONSTANT.to_string())),
            E::PropertyGet {
                target,
                name,
                null_aware: false,
            } => self.non_constant_property(target, *name, scope, in_const),
            E::MethodCall {
                target, name, args, ..
            } => self.non_constant_call(target.as_deref(), *name, args, scope, in_const),
            E::New {
                keyword: ast::NewKeyword::New,
                ..
            } => Some((
                e.span,
                "New expression is not a constant expression.".into(),
            )),
            E::New { keyword, args, .. } => {
                let in_const = in_const || *keyword == ast::NewKeyword::Const;
                self.non_constant_args(args, scope, in_const)
            }
            E::List {
                is_const, elements, ..
            }
            | E::SetOrMap {
                is_const, elements, ..
            } => {
                if !(in_const || *is_const) {
                    return Some((e.span, NOT_CONSTANT.into()));
                }
                elements.iter().find_map(|el| match el {
                    ast::CollectionElement::Expr(x) => self.non_constant_part(x, scope, true),
                    ast::CollectionElement::MapEntry { key, value, .. } => self
                        .non_constant_part(key, scope, true)
                        .or_else(|| self.non_constant_part(value, scope, true)),
                    _ => None,
                })
            }
            _ => None,
        }
    }

    fn non_constant_args(
        &mut self,
        args: &ast::Arguments,
        scope: &PotentiallyConstant,
        in_const: bool,
    ) -> Option<(Span, String)> {
        args.args
            .iter()
            .find_map(|a| self.non_constant_part(&a.value, scope, in_const))
    }

    /// Does `name` denote a variable that is not `const`, or a getter?
    fn names_non_constant(&mut self, name: Symbol, span: Span, ctx: &MemberContext) -> bool {
        if let Some(c) = ctx.lexical_class {
            if let Some(m) = self.classes[c.index()].statics.get(&name).copied() {
                return self.member_non_constant(m);
            }
            if self.classes[c.index()].instance.contains_key(&name) {
                return false;
            }
        }
        match self.lookup_library(ctx.lib, name, span) {
            Resolved::Decl(d) => self.decl_non_constant(d),
            _ => false,
        }
    }

    fn member_non_constant(&self, m: Member) -> bool {
        match m {
            Member::Field(f) => !self.program.fields[f.index()].is_const,
            Member::Accessors { getter, .. } => getter.is_some(),
            Member::Method(_) => false,
        }
    }

    fn decl_non_constant(&self, d: Decl) -> bool {
        match d {
            Decl::Field(f) => !self.program.fields[f.index()].is_const,
            Decl::Accessors { getter, .. } => getter.is_some(),
            _ => false,
        }
    }

    /// `C.x`, `prefix.x`, `e.name`: a static or top-level non-constant, or a non-constant
    /// target (`e.length` may be constant).
    fn non_constant_property(
        &mut self,
        target: &ast::Expr,
        name: ast::Ident,
        scope: &PotentiallyConstant,
        in_const: bool,
    ) -> Option<(Span, String)> {
        let at = target.span.to(name.span);
        if let Some(class) = self.const_class_target(target, &scope.ctx) {
            let m = self.classes[class.index()]
                .statics
                .get(&name.name)
                .copied()?;
            return self
                .member_non_constant(m)
                .then(|| (at, NOT_CONSTANT.to_string()));
        }
        if let ast::ExprKind::Ident(p) = &target.kind {
            if let Resolved::Prefix(_) = self.lookup_library(scope.ctx.lib, p.name, p.span) {
                let d = self.lookup_prefixed(scope.ctx.lib, p.name, name.name, name.span)?;
                return self
                    .decl_non_constant(d)
                    .then(|| (at, NOT_CONSTANT.to_string()));
            }
        }
        self.non_constant_part(target, scope, in_const)
    }

    /// A call in an initializer: constructor calls may be constant, function and method
    /// invocations never are.
    fn non_constant_call(
        &mut self,
        target: Option<&ast::Expr>,
        name: ast::Ident,
        args: &ast::Arguments,
        scope: &PotentiallyConstant,
        in_const: bool,
    ) -> Option<(Span, String)> {
        let ctx = scope.ctx;
        let Some(t) = target else {
            if scope.params.contains(&name.name) {
                return Some((name.span, METHOD_INVOCATION.into()));
            }
            if self.is_static_method(&ctx, name.name) {
                return Some((name.span, super::constants::static_invocation(name.name)));
            }
            return match self.lookup_library(ctx.lib, name.name, name.span) {
                Resolved::Decl(Decl::Function(f)) if !self.is_identical(f) => {
                    Some((name.span, super::constants::static_invocation(name.name)))
                }
                Resolved::Decl(Decl::Class(_)) => self.non_constant_args(args, scope, in_const),
                _ => None,
            };
        };
        if let Some(class) = self.const_class_target(t, &ctx) {
            let statics = &self.classes[class.index()].statics;
            let ctors = &self.classes[class.index()].ctors;
            if matches!(statics.get(&name.name), Some(Member::Method(_)))
                && !ctors.contains_key(&name.name)
            {
                return Some((name.span, super::constants::static_invocation(name.name)));
            }
            return self.non_constant_args(args, scope, in_const);
        }
        match &t.kind {
            ast::ExprKind::Ident(p) if scope.params.contains(&p.name) => {
                Some((t.span.to(name.span), METHOD_INVOCATION.into()))
            }
            ast::ExprKind::Ident(p) => match self.lookup_library(ctx.lib, p.name, p.span) {
                Resolved::Decl(d @ (Decl::Field(_) | Decl::Accessors { .. })) => {
                    let why = if self.decl_non_constant(d) {
                        NOT_CONSTANT
                    } else {
                        METHOD_INVOCATION
                    };
                    Some((t.span.to(name.span), why.into()))
                }
                _ => None,
            },
            // `prefix.C.named(...)` and the like are left alone.
            ast::ExprKind::PropertyGet { .. } => None,
            _ => Some((t.span.to(name.span), METHOD_INVOCATION.into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program() -> Program {
        Program::default()
    }

    #[test]
    fn division_by_zero_and_negative_shifts_are_errors() {
        let p = program();
        let e = binary_error(&p, BinaryOp::IntDiv, &Constant::Int(1), &Constant::Int(0));
        assert_eq!(
            e.as_deref(),
            Some("Binary operator '~/' on '1' requires non-zero divisor, but divisor was '0'.")
        );
        let e = binary_error(&p, BinaryOp::Shl, &Constant::Int(1), &Constant::Int(-1));
        assert!(e.is_some_and(|m| m.contains("non-negative")));
        // `1 << 64` is 0 in Dart, not an error; dartrs just does not fold it.
        assert_eq!(
            binary_error(&p, BinaryOp::Shl, &Constant::Int(1), &Constant::Int(64)),
            None
        );
    }

    #[test]
    fn operand_types_are_checked() {
        let p = program();
        let s = Constant::String("a".into());
        let e = binary_error(&p, BinaryOp::Add, &s, &Constant::Int(1));
        assert_eq!(
            e.as_deref(),
            Some(
                "Binary operator '+' on '\"a\"' requires operand of type 'String', but was of \
                 type 'int'."
            )
        );
        assert!(binary_error(&p, BinaryOp::Shr, &Constant::Null, &Constant::Int(2)).is_some());
        // `bool & bool` is constant; dartrs does not fold it, which is no error.
        let t = Constant::Bool(true);
        assert_eq!(binary_error(&p, BinaryOp::BitAnd, &t, &t), None);
        assert_eq!(binary_error(&p, BinaryOp::Eq, &s, &t), None);
    }
}
