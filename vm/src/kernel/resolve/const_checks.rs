//! Why a constant operation is a compile-time error: the operators the language allows
//! in constant expressions (int, double, String, bool and null operands only), integer
//! division by zero and negative shifts, with the Dart front end's texts. The evaluator
//! (`resolve::constants`) asks here only after it failed to fold an operation on two
//! constants; `None` means "not known to be an error" (dartrs just does not fold it, and
//! the expression is evaluated at run time as before).

use crate::front::ast::{BinaryOp, UnaryOp};
use crate::kernel::ir::{Constant, Program};

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
fn constant_text(p: &Program, c: &Constant) -> String {
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
